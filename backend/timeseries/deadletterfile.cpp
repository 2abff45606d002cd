// SPDX-License-Identifier: GPL-3.0-or-later
#include "deadletterfile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>

#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

constexpr int kMaxMessageChars = 2000;

// One line, so the message cannot break the comment and be parsed as a point.
QString oneLine(QString text)
{
    text.replace(u'\r', u' ').replace(u'\n', u' ');
    if (text.size() > kMaxMessageChars)
        text = text.left(kMaxMessageChars) + u"…"_s;
    return text;
}

} // namespace

DeadLetterFile::DeadLetterFile(QString directory)
    : m_directory(std::move(directory))
{}

QString DeadLetterFile::currentPath() const
{
    return m_directory + u"/deadletter-"_s +
           QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate) + u".lp"_s;
}

bool DeadLetterFile::append(const QByteArray &lines, int points, int status, const QString &message,
                            const QString &target, QString *error)
{
    if (!QDir().mkpath(m_directory)) {
        if (error)
            *error = u"cannot create '%1'"_s.arg(m_directory);
        return false;
    }
    QByteArray entry = (u"# %1 status=%2 points=%3 target=%4\n# error: %5\n"_s
                            .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs))
                            .arg(status)
                            .arg(points)
                            .arg(oneLine(target), oneLine(message)))
                           .toUtf8();
    entry += lines;
    if (!entry.endsWith('\n'))
        entry += '\n';

    const QString path = currentPath();
    const bool created = !QFile::exists(path);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append) || file.write(entry) != entry.size() ||
        !file.flush() || ::fdatasync(file.handle()) != 0) {
        if (error)
            *error = u"cannot write '%1': %2"_s.arg(path, file.errorString());
        return false;
    }
    file.close();
    if (created) {
        const int dirFd =
            ::open(QFile::encodeName(m_directory).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dirFd >= 0) {
            ::fsync(dirFd);
            ::close(dirFd);
        }
    }
    return true;
}

} // namespace hai
