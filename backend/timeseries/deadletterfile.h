// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace hai {

// Lines InfluxDB refused for good (400/422 after bisection), kept instead of dropped. One
// append-only file per UTC day, <directory>/deadletter-YYYY-MM-DD.lp, in line protocol with
// '#' comment headers, so a fixed file can be re-imported (`influx -import`):
//   # 2026-01-05T10:00:00.123Z status=400 points=1 target=db 'home_assistant'
//   # error: partial write: field type conflict: ...
//   m f="x" 1767607200000000
// Each append is fsync-ed before it returns.
class DeadLetterFile
{
public:
    explicit DeadLetterFile(QString directory);

    bool append(const QByteArray &lines, int points, int status, const QString &message,
                const QString &target, QString *error = nullptr);

    QString directory() const { return m_directory; }
    // The file an append made now would go to.
    QString currentPath() const;

private:
    QString m_directory;
};

} // namespace hai
