// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/timeseriessettings.h"

#include <QElapsedTimer>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QUrl>

namespace hai {

// What a setup check found. The GUI turns the outcome into translated words; detail carries
// what only the server can say (its version on success, its message on failure).
struct ConnectionCheckResult
{
    enum class Outcome {
        Ok,           // HA: authenticated, detail = HA version. InfluxDB: test point written.
        BadUrl,       // not a URL the app can use (scheme, host); nothing was sent
        HostNotFound, // DNS failed
        Refused,      // nothing listens on that port
        TlsError,     // handshake or certificate failed; detail = Qt's TLS error text
        Timeout,      // no answer within the time limit
        InvalidToken, // HA auth_invalid, or InfluxDB 401/403
        NotFound,     // InfluxDB 404: database or bucket missing; HA: no websocket at that path
        Rejected,     // the server answered, but not as expected; detail = its message
        NotInstalled, // the managed influxd binary is missing
    };
    Outcome outcome = Outcome::Rejected;
    QString detail;
    int httpStatus = 0; // the server's status code, 0 when there was none
    qint64 elapsedMs = 0;

    bool ok() const { return outcome == Outcome::Ok; }
};

// Connects to Home Assistant's WebSocket API with a URL and token as the settings take them
// (ws(s)://host:8123/api/websocket or http(s)://host:8123), authenticates, and reports the HA
// version from auth_ok. Never blocks: finished() is emitted once per start(), also on timeout.
class HaConnectionCheck : public QObject
{
    Q_OBJECT

public:
    explicit HaConnectionCheck(QObject *parent = nullptr);
    ~HaConnectionCheck() override;

    void start(const QString &url, const QString &token, int timeoutMs = 10000);
    void cancel(); // no finished() for the running check
    bool isRunning() const;

Q_SIGNALS:
    void finished(const hai::ConnectionCheckResult &result);

private:
    struct State;
    State *m_state = nullptr;
};

// Writes one point (measurement ha_ingestor_setup_check, field ok=1i) to an InfluxDB with the
// given options, the way InfluxWriter would: v1 /write with the database (after CREATE DATABASE
// when createDatabase is set) and basic auth, v2 /api/v2/write with org, bucket and token.
// Reports the server version header on success. Never blocks.
class InfluxConnectionCheck : public QObject
{
    Q_OBJECT

public:
    explicit InfluxConnectionCheck(QObject *parent = nullptr);
    ~InfluxConnectionCheck() override;

    void start(const InfluxOptions &options, int timeoutMs = 10000);
    void cancel();
    bool isRunning() const;

    // Whether "start a local InfluxDB for me" can work: InfluxdProcess::findBinary() found one.
    static bool managedInfluxdAvailable();

Q_SIGNALS:
    void finished(const hai::ConnectionCheckResult &result);

private:
    struct State;
    State *m_state = nullptr;
};

} // namespace hai

Q_DECLARE_METATYPE(hai::ConnectionCheckResult)
