// SPDX-License-Identifier: GPL-3.0-or-later
#include "privatefile.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace hai {

bool writePrivateFile(const QString &path, const QByteArray &bytes, QString *error)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = u"cannot create the folder of '%1'"_s.arg(path);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(bytes) != bytes.size() || !file.commit()) {
        *error = u"cannot write '%1': %2"_s.arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace hai
