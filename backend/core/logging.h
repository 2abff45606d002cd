// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "settings.h"

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

} // namespace hai
