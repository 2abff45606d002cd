// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ratemeter.h"
#include "timeseries/statemapper.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QString>

#include <array>
#include <deque>
#include <vector>

namespace hai {

struct HaEvent;

// Events per second by domain over the last kRateSeconds whole seconds, oldest first.
struct DomainRates
{
    qint64 endSecond = 0; // the series end just before this second (epoch seconds)
    QList<qint64> total;  // kRateSeconds counts
    struct Domain
    {
        QString name;
        QList<qint64> counts; // kRateSeconds counts
        qint64 sum = 0;
    };
    QList<Domain> domains; // busiest first
};

// An entity and its events over the last hour.
struct EntityCount
{
    QString entityId;
    qint64 count = 0;
};

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
        // The batch's events, for the per-domain rates and the top entities; may be null.
        const QList<HaEvent> *events = nullptr;
    };

    static constexpr int kRateSeconds = 300;   // the per-domain window
    static constexpr int kTopMinutes = 60;     // the top-entities window
    static constexpr int kMaxDomains = 64;     // more go to "other"
    static constexpr int kMaxEntities = 50000; // per minute; more count as "other"

    void record(const Batch &batch, qint64 nowUs);

    // {"events":{"live","backfill","total"},"points":N,"skipped":{reason:N},
    //  "events_per_second":{"10s","60s"}}
    QJsonObject toJson(qint64 nowUs) const;
    // hai_ingest_events_total{source}, hai_ingest_points_total,
    // hai_ingest_skipped_total{reason}, hai_ingest_events_per_second{window}
    QByteArray toPrometheus(qint64 nowUs) const;

    qint64 eventsTotal() const;
    double eventsPerSecond(int windowSeconds, qint64 nowUs) const;

    // For the GUI, polled about once a second; cheap copies under the lock.
    // `maxDomains`: the busiest that many domains, the rest summed into "other".
    DomainRates domainRates(qint64 nowUs, int maxDomains = 8) const;
    // The `limit` entities with the most events in the last hour (minute resolution).
    QList<EntityCount> topEntities(qint64 nowUs, int limit = 10) const;

private:
    struct Tally
    {
        qint64 count = 0;
        int domain = -1; // cached so an event costs one hash lookup
    };
    struct Minute
    {
        qint64 minute = -1;
        QHash<QString, Tally> counts;
    };
    void countEvents(const QList<HaEvent> &events, qint64 nowSeconds);
    int domainIndex(const QString &entityId);
    void rotateMinute(qint64 nowMinute) const;

    mutable QMutex m_mutex;
    qint64 m_live = 0;
    qint64 m_backfill = 0;
    qint64 m_points = 0;
    std::array<qint64, kSkipReasonCount> m_skipped{};
    RateMeter m_rate;

    // Per second, by domain index: a ring of kRateSeconds slots.
    std::vector<qint64> m_domainCounts = std::vector<qint64>(size_t(kRateSeconds) * kMaxDomains);
    std::array<qint64, kRateSeconds> m_slotSecond{};
    QHash<QString, int> m_domainIndex; // name -> index; index kMaxDomains-1 is "other"
    QStringList m_domainNames;
    // Top entities: the open minute, the closed ones (oldest first) and their sum, kept so a
    // reading never adds up 60 tables. Mutable: a reading also retires stale minutes.
    mutable Minute m_current;
    mutable std::deque<Minute> m_closed;
    mutable QHash<QString, qint64> m_closedSum;
};

} // namespace hai
