// SPDX-License-Identifier: GPL-3.0-or-later
#include "democlock.h"

#include "isotime.h"

#include <algorithm>

namespace hai {

namespace {
constexpr qint64 kSecond = 1000000;
constexpr qint64 kSnapWindow = 100000; // 100 ms
} // namespace

qint64 DemoClock::now() const
{
    return IsoTime::nowMicroseconds();
}

qint64 DemoClock::next()
{
    qint64 t = std::max(now(), m_last + 1);
    const qint64 wholeSecond = t - t % kSecond;
    if (wholeSecond > m_last && t - wholeSecond < kSnapWindow)
        t = wholeSecond;
    m_last = t;
    return t;
}

void DemoClock::ensureAfter(qint64 t)
{
    m_last = std::max(m_last, t);
}

} // namespace hai
