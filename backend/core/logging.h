// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "settings.h"

#include <QList>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcCore)
Q_DECLARE_LOGGING_CATEGORY(lcRegistry)
Q_DECLARE_LOGGING_CATEGORY(lcApi)
Q_DECLARE_LOGGING_CATEGORY(lcHa)
Q_DECLARE_LOGGING_CATEGORY(lcDemo)
Q_DECLARE_LOGGING_CATEGORY(lcInflux)
Q_DECLARE_LOGGING_CATEGORY(lcWebhooks)

namespace hai {

// Installs the app's message handler: one line per message with time, level, thread and
// category, to stderr and (when logDir is not empty) to a size-rotated file in logDir.
void installLogging(LogLevel level, const QString &logDir);

// Restores Qt's default handler and closes the log file.
void uninstallLogging();

// One message as the in-memory log keeps it, for the GUI's Log page. The log never holds
// secrets, so records can be shown and copied as they are.
struct LogRecord
{
    quint64 sequence = 0; // 1, 2, 3, ... in arrival order, never reused
    qint64 timeMs = 0;    // milliseconds since the epoch, UTC
    QtMsgType level = QtInfoMsg;
    QString category;
    QString thread;
    QString message;
};

// The handler installed by installLogging() also keeps the newest records in memory.
constexpr int kLogRingCapacity = 5000;

// The records newer than `afterSequence` that are still kept, oldest first; pass the last
// sequence seen to poll for new ones. Thread-safe; the copy is made under a short lock.
QList<LogRecord> logRecordsSince(quint64 afterSequence);

} // namespace hai
