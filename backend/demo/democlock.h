// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace hai {

// The time source of every state the demo writes: wall-clock microseconds, but strictly
// increasing across calls (so timestamps strictly increase per entity and time_fired never
// goes back). The first timestamp within 100 ms after a whole second is snapped to that
// second, so live traffic regularly carries whole-second times, which HA writes without a
// fraction.
class DemoClock
{
public:
    // Next timestamp (microseconds since the epoch).
    qint64 next();
    qint64 last() const { return m_last; }
    // Wall clock.
    qint64 now() const;
    // Never hand out a time at or before t (used after generating a home in the past).
    void ensureAfter(qint64 t);

private:
    qint64 m_last = 0;
};

} // namespace hai
