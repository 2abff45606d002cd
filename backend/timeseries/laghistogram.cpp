// SPDX-License-Identifier: GPL-3.0-or-later
#include "laghistogram.h"

#include <algorithm>
#include <cmath>

namespace hai {

namespace {

// Upper bounds in ms; the last bucket has no upper bound.
constexpr std::array<qint64, LagHistogram::kBuckets - 1> kUpperMs = {
    1,    2,     5,     10,    20,    50,     100,    200,    500,     1000,   2000,
    5000, 10000, 20000, 30000, 60000, 120000, 300000, 600000, 1800000, 3600000};

} // namespace

void LagHistogram::add(qint64 lagMs, qint64 nowMs, quint64 count)
{
    lagMs = std::max<qint64>(lagMs, 0); // HA's clock may run ahead of ours
    const qint64 index = nowMs / kSlotMs;
    Slot &slot = m_slots[size_t(index % kSlots)];
    if (slot.index != index) {
        slot.index = index;
        slot.counts.fill(0);
    }
    const auto bucket =
        std::lower_bound(kUpperMs.begin(), kUpperMs.end(), lagMs) - kUpperMs.begin();
    slot.counts[size_t(bucket)] += count;
}

std::array<quint64, LagHistogram::kBuckets> LagHistogram::merged(qint64 nowMs) const
{
    std::array<quint64, kBuckets> sum{};
    const qint64 current = nowMs / kSlotMs;
    for (const Slot &slot : m_slots) {
        if (slot.index < 0 || current - slot.index >= kSlots || slot.index > current)
            continue;
        for (int i = 0; i < kBuckets; ++i)
            sum[size_t(i)] += slot.counts[size_t(i)];
    }
    return sum;
}

quint64 LagHistogram::samples(qint64 nowMs) const
{
    quint64 total = 0;
    for (const quint64 count : merged(nowMs))
        total += count;
    return total;
}

double LagHistogram::percentile(double q, qint64 nowMs) const
{
    const auto counts = merged(nowMs);
    quint64 total = 0;
    for (const quint64 count : counts)
        total += count;
    if (total == 0)
        return 0;
    const double rank = std::clamp(q, 0.0, 1.0) * double(total);
    double before = 0;
    for (int i = 0; i < kBuckets; ++i) {
        const double count = double(counts[size_t(i)]);
        if (count > 0 && before + count >= rank) {
            const double lower = i == 0 ? 0 : double(kUpperMs[size_t(i - 1)]);
            if (i == kBuckets - 1)
                return lower;
            const double upper = double(kUpperMs[size_t(i)]);
            return lower + (upper - lower) * std::max(0.0, rank - before) / count;
        }
        before += count;
    }
    return double(kUpperMs.back());
}

} // namespace hai
