// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace hai {

// Raw option values by option name, after precedence was applied.
using RawOptions = QHash<QString, QString>;

// Small parsers shared by the settings validators. Each returns false with `reason` set to
// words a user can act on; optionFailure() prefixes the option name.
namespace optionparsing {

QString failure(const QString &option, const QString &reason);
bool parseBool(const QString &text, bool *ok);
bool parseUrl(const QString &text, const QStringList &schemes, QUrl *out, QString *reason);
bool parseInt(const QString &text, qint64 min, qint64 max, qint64 *out, QString *reason);
QStringList parseList(const QString &text); // comma-separated, trimmed, empty items dropped

} // namespace optionparsing
} // namespace hai
