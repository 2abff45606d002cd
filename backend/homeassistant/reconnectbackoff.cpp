// SPDX-License-Identifier: GPL-3.0-or-later
#include "reconnectbackoff.h"

#include <algorithm>
#include <cmath>

namespace hai {

ReconnectBackoff::ReconnectBackoff(int initialMs, int capMs, double jitter, quint32 seed)
    : m_initialMs(std::max(1, initialMs))
    , m_capMs(std::max(m_initialMs, capMs))
    , m_jitter(std::clamp(jitter, 0.0, 0.9))
    , m_random(seed ? seed : QRandomGenerator::global()->generate())
{}

int ReconnectBackoff::baseMs() const
{
    // Doubling stops at the cap; the exponent is clamped so it never overflows.
    const double base = double(m_initialMs) * std::pow(2.0, std::min(m_attempt, 30));
    return int(std::min(base, double(m_capMs)));
}

int ReconnectBackoff::next()
{
    const double base = baseMs();
    ++m_attempt;
    const double factor = 1.0 + m_jitter * (2.0 * m_random.generateDouble() - 1.0);
    return std::max(1, int(std::lround(base * factor)));
}

} // namespace hai
