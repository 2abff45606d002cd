// SPDX-License-Identifier: GPL-3.0-or-later
#include "ingeststats.h"

using namespace Qt::StringLiterals;

namespace hai {

namespace {
constexpr qint64 kMicrosPerSecond = 1000000;
}

void IngestStats::record(const Batch &batch, qint64 nowUs)
{
    QMutexLocker lock(&m_mutex);
    m_live += batch.live;
    m_backfill += batch.backfill;
    m_points += batch.points;
    for (size_t reason = 0; reason < m_skipped.size(); ++reason)
        m_skipped[reason] += batch.skipped[reason];
    m_rate.add(batch.live + batch.backfill, nowUs / kMicrosPerSecond);
}

qint64 IngestStats::eventsTotal() const
{
    QMutexLocker lock(&m_mutex);
    return m_live + m_backfill;
}

double IngestStats::eventsPerSecond(int windowSeconds, qint64 nowUs) const
{
    QMutexLocker lock(&m_mutex);
    return m_rate.rate(windowSeconds, nowUs / kMicrosPerSecond);
}

QJsonObject IngestStats::toJson(qint64 nowUs) const
{
    QMutexLocker lock(&m_mutex);
    QJsonObject skipped;
    for (size_t reason = 0; reason < m_skipped.size(); ++reason) {
        if (m_skipped[reason])
            skipped.insert(StateMapper::skipReasonName(SkipReason(reason)), m_skipped[reason]);
    }
    const qint64 now = nowUs / kMicrosPerSecond;
    return QJsonObject{
        {u"events"_s, QJsonObject{{u"live"_s, m_live},
                                  {u"backfill"_s, m_backfill},
                                  {u"total"_s, m_live + m_backfill}}},
        {u"points"_s, m_points},
        {u"skipped"_s, skipped},
        {u"events_per_second"_s,
         QJsonObject{{u"10s"_s, m_rate.rate(10, now)}, {u"60s"_s, m_rate.rate(60, now)}}},
    };
}

QByteArray IngestStats::toPrometheus(qint64 nowUs) const
{
    QMutexLocker lock(&m_mutex);
    const qint64 now = nowUs / kMicrosPerSecond;
    QByteArray out;
    out += "# HELP hai_ingest_events_total Home Assistant events received by the ingest "
           "pipeline.\n# TYPE hai_ingest_events_total counter\n";
    out += "hai_ingest_events_total{source=\"live\"} " + QByteArray::number(m_live) + '\n';
    out += "hai_ingest_events_total{source=\"backfill\"} " + QByteArray::number(m_backfill) + '\n';
    out += "# HELP hai_ingest_points_total Points made from events.\n"
           "# TYPE hai_ingest_points_total counter\n";
    out += "hai_ingest_points_total " + QByteArray::number(m_points) + '\n';
    out += "# HELP hai_ingest_skipped_total Events that made no point, by reason.\n"
           "# TYPE hai_ingest_skipped_total counter\n";
    for (size_t reason = 0; reason < m_skipped.size(); ++reason) {
        if (m_skipped[reason])
            out += "hai_ingest_skipped_total{reason=\"" +
                   StateMapper::skipReasonName(SkipReason(reason)).toUtf8() + "\"} " +
                   QByteArray::number(m_skipped[reason]) + '\n';
    }
    out += "# HELP hai_ingest_events_per_second Events received per second over a window.\n"
           "# TYPE hai_ingest_events_per_second gauge\n";
    out += "hai_ingest_events_per_second{window=\"10s\"} " +
           QByteArray::number(m_rate.rate(10, now), 'f', 1) + '\n';
    out += "hai_ingest_events_per_second{window=\"60s\"} " +
           QByteArray::number(m_rate.rate(60, now), 'f', 1) + '\n';
    return out;
}

} // namespace hai
