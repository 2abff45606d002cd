// SPDX-License-Identifier: GPL-3.0-or-later
#include "influxhealth.h"

using namespace Qt::StringLiterals;

namespace hai {

QString InfluxHealth::name(State state)
{
    switch (state) {
    case State::NoTarget:
        return u"no_target"_s;
    case State::Connecting:
        return u"connecting"_s;
    case State::Ok:
        return u"ok"_s;
    case State::Unreachable:
        return u"unreachable"_s;
    case State::Misconfigured:
        return u"misconfigured"_s;
    case State::Stopped:
        return u"stopped"_s;
    }
    return {};
}

bool InfluxHealth::maySend(qint64 nowMs) const
{
    if (isHealthy())
        return true;
    return (m_state == State::Unreachable || m_state == State::Misconfigured) &&
           nowMs >= m_nextAttemptMs;
}

void InfluxHealth::setNoTarget(const QString &reason)
{
    m_state = State::NoTarget;
    m_lastError = reason;
    m_backoffMs = 0;
}

void InfluxHealth::setConnecting()
{
    m_state = State::Connecting;
    m_backoffMs = 0;
    m_nextAttemptMs = 0;
}

bool InfluxHealth::succeeded()
{
    const bool recovered = m_state == State::Unreachable || m_state == State::Misconfigured;
    m_state = State::Ok;
    m_backoffMs = 0;
    m_nextAttemptMs = 0;
    return recovered;
}

qint64 InfluxHealth::failed(const InfluxResponse &response, const QString &message, qint64 nowMs,
                            bool *isNew)
{
    if (isNew)
        *isNew = message != m_lastError || isHealthy();
    m_lastError = message;
    qint64 delay = 0;
    switch (response.kind) {
    case InfluxErrorKind::Auth:
    case InfluxErrorKind::NotFound:
        m_state = State::Misconfigured;
        delay = kConfigProbeMs;
        break;
    default:
        m_state = State::Unreachable;
        m_backoffMs = m_backoffMs == 0 ? kFirstBackoffMs : qMin(m_backoffMs * 2, kMaxBackoffMs);
        delay = m_backoffMs;
        if (response.kind == InfluxErrorKind::RateLimited && response.retryAfterSeconds >= 0)
            delay = qBound(kFirstBackoffMs, qint64(response.retryAfterSeconds) * 1000,
                           kMaxRetryAfterMs);
        break;
    }
    m_nextAttemptMs = nowMs + delay;
    return delay;
}

} // namespace hai
