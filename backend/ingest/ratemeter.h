// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <array>

namespace hai {

// Events per second over the last 10 s and 60 s: one counter per wall-clock second in a ring,
// so adding is O(1) and a reading never scans more than 60 slots. Not thread-safe; the owner
// guards it.
class RateMeter
{
public:
    void add(qint64 count, qint64 nowSeconds);
    // The mean rate over the `windowSeconds` whole seconds before `nowSeconds` (the current,
    // partial second is left out so a reading does not dip at each second's start).
    double rate(int windowSeconds, qint64 nowSeconds) const;

private:
    static constexpr int kSlots = 61;
    std::array<qint64, kSlots> m_counts{};
    std::array<qint64, kSlots> m_seconds{}; // which second each slot holds
};

} // namespace hai
