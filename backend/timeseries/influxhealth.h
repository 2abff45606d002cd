// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "influxresponse.h"

#include <QString>

namespace hai {

// The writer's view of its InfluxDB: may it send now, and if not, when to probe again. Network
// trouble and server errors back off exponentially (1 s doubling to 60 s); Retry-After is
// honoured; a configuration problem (401/403/404) is probed every 30 s so it never spins.
// Times are monotonic milliseconds supplied by the caller, so tests need no clock.
class InfluxHealth
{
public:
    enum class State { NoTarget, Connecting, Ok, Unreachable, Misconfigured, Stopped };

    static constexpr qint64 kFirstBackoffMs = 1000;
    static constexpr qint64 kMaxBackoffMs = 60'000;
    static constexpr qint64 kConfigProbeMs = 30'000;
    static constexpr qint64 kMaxRetryAfterMs = 3'600'000;

    static QString name(State state); // ok, connecting, unreachable, misconfigured, ...

    State state() const { return m_state; }
    QString stateName() const { return name(m_state); }
    // Live batches may be sent (not only probes).
    bool isHealthy() const { return m_state == State::Ok || m_state == State::Connecting; }
    // A request may go out now: healthy, or failing and the probe time has come.
    bool maySend(qint64 nowMs) const;
    qint64 nextAttemptMs() const { return m_nextAttemptMs; }
    QString lastError() const { return m_lastError; }

    void setNoTarget(const QString &reason);
    void setConnecting(); // a new URL: optimistic until the first answer
    void setStopped() { m_state = State::Stopped; }
    // Returns true when this ends a failure (worth a log line).
    bool succeeded();
    // Records a failed write; returns the delay before the next attempt in ms. `message` is the
    // sentence for people; *isNew tells whether it differs from the previous failure.
    qint64 failed(const InfluxResponse &response, const QString &message, qint64 nowMs,
                  bool *isNew = nullptr);
    // Probe again at once (e.g. after CREATE DATABASE succeeded).
    void retryNow(qint64 nowMs) { m_nextAttemptMs = nowMs; }

private:
    State m_state = State::NoTarget;
    qint64 m_backoffMs = 0;
    qint64 m_nextAttemptMs = 0;
    QString m_lastError;
};

} // namespace hai
