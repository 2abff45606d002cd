// SPDX-License-Identifier: GPL-3.0-or-later
#include "ratemeter.h"

#include <algorithm>

namespace hai {

void RateMeter::add(qint64 count, qint64 nowSeconds)
{
    const int slot = int(nowSeconds % kSlots);
    if (m_seconds[slot] != nowSeconds) {
        m_seconds[slot] = nowSeconds;
        m_counts[slot] = 0;
    }
    m_counts[slot] += count;
}

double RateMeter::rate(int windowSeconds, qint64 nowSeconds) const
{
    windowSeconds = std::clamp(windowSeconds, 1, kSlots - 1);
    qint64 total = 0;
    for (qint64 second = nowSeconds - windowSeconds; second < nowSeconds; ++second) {
        const int slot = int(second % kSlots);
        if (second >= 0 && m_seconds[slot] == second)
            total += m_counts[slot];
    }
    return double(total) / windowSeconds;
}

} // namespace hai
