// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>

namespace hai {

// Paces DemoHome's state_changed traffic: a steady rate (a 10 ms tick emits as many events
// as are due, without catching up more than half a second after a stall), and bursts sent as
// fast as the slowest subscribed client drains, in slices that leave the event loop free to
// write, so frames never pile up in memory.
class TrafficPump : public QObject
{
    Q_OBJECT
public:
    // Emits up to count events; returns how many it did (0 when the home has no states).
    using EmitFunction = std::function<int(int count)>;
    // How many more events the slowest subscribed client can take right now.
    using RoomFunction = std::function<int()>;

    TrafficPump(EmitFunction emitEvents, RoomFunction room, QObject *parent = nullptr);

    void setRate(double eventsPerSecond);
    double rate() const { return m_rate; }
    void addBurst(int count);
    int burstRemaining() const { return m_burstRemaining; }
    // A client drained its queue or went away: a paused burst may go on.
    void resume();

Q_SIGNALS:
    void burstFinished();

private:
    void onRateTick();
    void pumpBurst();

    EmitFunction m_emit;
    RoomFunction m_room;
    double m_rate = 0;
    QTimer m_rateTimer;
    QElapsedTimer m_rateClock;
    qint64 m_rateEmitted = 0;
    int m_burstRemaining = 0;
    QTimer m_burstTimer;
};

} // namespace hai
