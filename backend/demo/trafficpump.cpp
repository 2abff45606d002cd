// SPDX-License-Identifier: GPL-3.0-or-later
#include "trafficpump.h"

#include <algorithm>
#include <cmath>

namespace hai {

namespace {
constexpr int kBurstSlice = 4096; // events per event-loop turn, at most
constexpr int kBurstChunk = 256;  // events between room checks
constexpr int kRateTickMs = 10;
} // namespace

TrafficPump::TrafficPump(EmitFunction emitEvents, RoomFunction room, QObject *parent)
    : QObject(parent)
    , m_emit(std::move(emitEvents))
    , m_room(std::move(room))
    , m_rateTimer(this)
    , m_burstTimer(this)
{
    connect(&m_rateTimer, &QTimer::timeout, this, &TrafficPump::onRateTick);
    m_burstTimer.setSingleShot(true);
    m_burstTimer.setInterval(0);
    connect(&m_burstTimer, &QTimer::timeout, this, &TrafficPump::pumpBurst);
}

void TrafficPump::setRate(double eventsPerSecond)
{
    m_rate = std::max(0.0, eventsPerSecond);
    m_rateEmitted = 0;
    m_rateClock.start();
    if (m_rate <= 0) {
        m_rateTimer.stop();
        return;
    }
    // Slow rates tick once per event; fast ones every 10 ms with as many events as are due.
    const double perEventMs = 1000.0 / m_rate;
    m_rateTimer.start(std::max(kRateTickMs, int(std::min(perEventMs, 1000.0))));
}

void TrafficPump::onRateTick()
{
    const double elapsed = double(m_rateClock.nsecsElapsed()) / 1e9;
    const qint64 due = qint64(std::floor(elapsed * m_rate)) - m_rateEmitted;
    // After a stall, do not catch up with more than half a second of events at once.
    const qint64 cap = std::max<qint64>(1, qint64(m_rate / 2));
    if (due > cap)
        m_rateEmitted += due - cap;
    const qint64 count = std::min(due, cap);
    if (count <= 0)
        return;
    m_rateEmitted += count;
    m_emit(int(count));
}

void TrafficPump::addBurst(int count)
{
    if (count <= 0)
        return;
    m_burstRemaining += count;
    resume();
}

void TrafficPump::resume()
{
    if (m_burstRemaining > 0 && !m_burstTimer.isActive())
        m_burstTimer.start();
}

void TrafficPump::pumpBurst()
{
    int budget = kBurstSlice;
    while (m_burstRemaining > 0 && budget > 0) {
        const int room = m_room();
        if (room <= 0)
            return; // resume() continues once a client drains
        const int count = std::min({room, budget, m_burstRemaining, kBurstChunk});
        if (m_emit(count) == 0) {
            m_burstRemaining = 0; // nothing has a state: nothing to send
            break;
        }
        m_burstRemaining -= count;
        budget -= count;
    }
    if (m_burstRemaining > 0) {
        resume();
        return;
    }
    Q_EMIT burstFinished();
}

} // namespace hai
