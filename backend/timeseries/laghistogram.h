// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <array>

namespace hai {

// End-to-end lag (HA last_updated -> InfluxDB acknowledged the point) over a sliding minute:
// six 10-second slots of fixed, roughly logarithmic buckets from 1 ms to 1 h. Percentiles are
// interpolated inside a bucket, so they are estimates with the bucket's resolution.
class LagHistogram
{
public:
    static constexpr int kBuckets = 22; // the last one is open-ended (> 1 h)
    static constexpr qint64 kSlotMs = 10'000;
    static constexpr int kSlots = 6;

    void add(qint64 lagMs, qint64 nowMs, quint64 count = 1);
    // The q-quantile (0..1) in ms over the last minute; 0 without samples.
    double percentile(double q, qint64 nowMs) const;
    quint64 samples(qint64 nowMs) const;

private:
    struct Slot
    {
        qint64 index = -1; // nowMs / kSlotMs of its samples
        std::array<quint64, kBuckets> counts{};
    };
    std::array<quint64, kBuckets> merged(qint64 nowMs) const;

    std::array<Slot, kSlots> m_slots{};
};

} // namespace hai
