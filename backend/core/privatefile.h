// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace hai {

// Replaces path with bytes atomically (QSaveFile), readable and writable by the owner only
// (0600) from the first byte on: settings files may hold tokens. Creates missing folders.
bool writePrivateFile(const QString &path, const QByteArray &bytes, QString *error);

} // namespace hai
