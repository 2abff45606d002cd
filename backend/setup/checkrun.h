// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectioncheck.h"

#include <QElapsedTimer>
#include <QTimer>

namespace hai {

// What both connection checks keep for their one run at a time: the deadline, the clock and a
// generation number. Every start, cancel and finish moves the generation on, so signals and
// queued results that belong to an earlier run see isCurrent() false and are dropped.
class CheckRun
{
public:
    explicit CheckRun(QObject *owner)
        : m_owner(owner)
        , m_deadline(owner)
    {
        m_deadline.setSingleShot(true);
        m_deadline.setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5 % early
    }

    QTimer &deadline() { return m_deadline; }
    bool isRunning() const { return m_running; }
    quint64 generation() const { return m_generation; }
    bool isCurrent(quint64 run) const { return run == m_generation; }
    qint64 elapsedMs() const { return m_clock.elapsed(); }

    void begin()
    {
        stop();
        m_running = true;
        m_clock.start();
    }
    void stop()
    {
        ++m_generation;
        m_running = false;
        m_deadline.stop();
    }
    // Ends the run; false when it was not running (it already finished or was cancelled).
    bool end()
    {
        if (!m_running)
            return false;
        stop();
        return true;
    }

    // Calls finish on the owner's event loop, so a result never arrives inside start(), and
    // only when the run is still the current one by then.
    template <typename Finish>
    void later(Finish finish)
    {
        const quint64 run = m_generation;
        QMetaObject::invokeMethod(
            m_owner,
            [this, run, finish] {
                if (isCurrent(run))
                    finish();
            },
            Qt::QueuedConnection);
    }

    static ConnectionCheckResult result(ConnectionCheckResult::Outcome outcome,
                                        const QString &detail, int httpStatus = 0)
    {
        ConnectionCheckResult result;
        result.outcome = outcome;
        result.detail = detail;
        result.httpStatus = httpStatus;
        return result;
    }

private:
    QObject *m_owner;
    QTimer m_deadline;
    QElapsedTimer m_clock;
    bool m_running = false;
    quint64 m_generation = 0;
};

} // namespace hai
