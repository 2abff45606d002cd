// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ratemeter.h"
#include "timeseries/statemapper.h"

#include <QByteArray>
#include <QJsonObject>
#include <QMutex>
#include <QString>

#include <array>

namespace hai {

// What the ingest pipeline did with the events Home Assistant sent: received (live and
// backfilled), turned into points, or skipped with a reason. Every event lands in exactly one
// of points or skipped, so the counters add up. The "ingest" thread records one batch at a
// time; the REST API, /metrics and the GUI read from theirs.
class IngestStats
{
public:
    struct Batch
    {
        qint64 live = 0;
        qint64 backfill = 0;
        qint64 points = 0;
        std::array<qint64, kSkipReasonCount> skipped{}; // by SkipReason
    };

    void record(const Batch &batch, qint64 nowUs);

    // {"events":{"live","backfill","total"},"points":N,"skipped":{reason:N},
    //  "events_per_second":{"10s","60s"}}
    QJsonObject toJson(qint64 nowUs) const;
    // hai_ingest_events_total{source}, hai_ingest_points_total,
    // hai_ingest_skipped_total{reason}, hai_ingest_events_per_second{window}
    QByteArray toPrometheus(qint64 nowUs) const;

    qint64 eventsTotal() const;
    double eventsPerSecond(int windowSeconds, qint64 nowUs) const;

private:
    mutable QMutex m_mutex;
    qint64 m_live = 0;
    qint64 m_backfill = 0;
    qint64 m_points = 0;
    std::array<qint64, kSkipReasonCount> m_skipped{};
    RateMeter m_rate;
};

} // namespace hai
