// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRandomGenerator>

namespace hai {

// Delays between reconnect attempts: `initial` doubling up to `cap`, each with ±jitter so
// that many clients restarted together do not hammer HA in step. reset() after a stable
// connection starts over. Seedable so that tests see repeatable delays.
class ReconnectBackoff
{
public:
    ReconnectBackoff(int initialMs = 1000, int capMs = 60000, double jitter = 0.2,
                     quint32 seed = 0);

    // The delay before the next attempt; each call doubles the base for the one after.
    int next();
    void reset() { m_attempt = 0; }
    int attempts() const { return m_attempt; }
    // The base (without jitter) of the next delay.
    int baseMs() const;

private:
    int m_initialMs;
    int m_capMs;
    double m_jitter;
    int m_attempt = 0;
    QRandomGenerator m_random;
};

} // namespace hai
