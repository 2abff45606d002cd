// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/timeseriessettings.h"
#include "setup/connectioncheck.h"

#include <QCoreApplication>
#include <QString>

namespace hai {

// The words for a setup check's outcome, in one place for the wizard and the Settings dialog:
// what happened and what to do about it, e.g. "Nothing answers at 10.0.0.5:8123. Is Home
// Assistant running, and is the port right?"
class ConnectionCheckText
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionCheckText)
public:
    // url is what the user typed, for naming host and port; without a token the check does
    // not connect, and the words ask for one.
    static QString homeAssistant(const ConnectionCheckResult &result, const QString &url,
                                 bool hasToken = true);
    static QString influx(const ConnectionCheckResult &result, const InfluxOptions &options);
    // "Connecting to host:port…"
    static QString connecting(const QString &url);

    // Inline hints under a URL field; the same words as the BadUrl outcome.
    static QString badHaUrl();
    static QString badInfluxUrl();
    // Why "start a local InfluxDB for me" is off.
    static QString influxdMissing();

    // "host:port" of a URL, with the scheme's default port when none is given.
    static QString hostPort(const QString &url);

private:
    // The outcomes that read the same for any server (host not found, TLS, timeout); empty
    // for the others.
    static QString networkProblem(const ConnectionCheckResult &result, const QString &url);
};

} // namespace hai
