// SPDX-License-Identifier: GPL-3.0-or-later
#include "ingeststats.h"

#include "homeassistant/haevent.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hai {

namespace {
constexpr qint64 kMicrosPerSecond = 1000000;
constexpr int kOtherDomain = IngestStats::kMaxDomains - 1;
const QString kOtherName = u"other"_s;
} // namespace

void IngestStats::record(const Batch &batch, qint64 nowUs)
{
    QMutexLocker lock(&m_mutex);
    m_live += batch.live;
    m_backfill += batch.backfill;
    m_points += batch.points;
    for (size_t reason = 0; reason < m_skipped.size(); ++reason)
        m_skipped[reason] += batch.skipped[reason];
    m_rate.add(batch.live + batch.backfill, nowUs / kMicrosPerSecond);
    if (batch.events)
        countEvents(*batch.events, nowUs / kMicrosPerSecond);
}

void IngestStats::countEvents(const QList<HaEvent> &events, qint64 nowSeconds)
{
    const int slot = int(nowSeconds % kRateSeconds);
    qint64 *domains = m_domainCounts.data() + size_t(slot) * kMaxDomains;
    if (m_slotSecond[slot] != nowSeconds) {
        m_slotSecond[slot] = nowSeconds;
        std::fill(domains, domains + kMaxDomains, 0);
    }
    rotateMinute(nowSeconds / 60);
    for (const HaEvent &event : events) {
        if (event.entityId.isEmpty()) { // other event types: the total only
            ++domains[kOtherDomain];
            continue;
        }
        auto it = m_current.counts.find(event.entityId);
        if (it == m_current.counts.end()) {
            if (m_current.counts.size() >= kMaxEntities) { // bounded memory
                ++domains[kOtherDomain];
                continue;
            }
            it = m_current.counts.insert(event.entityId, Tally{0, domainIndex(event.entityId)});
        }
        ++it->count;
        ++domains[it->domain];
    }
}

int IngestStats::domainIndex(const QString &entityId)
{
    const QString domain = entityId.left(entityId.indexOf(u'.'));
    const auto it = m_domainIndex.constFind(domain);
    if (it != m_domainIndex.constEnd())
        return *it;
    if (m_domainNames.size() >= kOtherDomain)
        return kOtherDomain;
    m_domainNames.append(domain);
    m_domainIndex.insert(domain, int(m_domainNames.size() - 1));
    return int(m_domainNames.size() - 1);
}

// Closes the open minute when a new one began and retires minutes older than the window,
// keeping m_closedSum equal to the sum of m_closed.
void IngestStats::rotateMinute(qint64 nowMinute) const
{
    if (m_current.minute != nowMinute) {
        if (m_current.minute >= 0 && !m_current.counts.isEmpty()) {
            for (auto it = m_current.counts.cbegin(); it != m_current.counts.cend(); ++it)
                m_closedSum[it.key()] += it->count;
            m_closed.push_back(std::move(m_current));
        }
        m_current = Minute{nowMinute, {}};
    }
    while (!m_closed.empty() && m_closed.front().minute <= nowMinute - kTopMinutes) {
        const Minute &old = m_closed.front();
        for (auto it = old.counts.cbegin(); it != old.counts.cend(); ++it) {
            const auto sum = m_closedSum.find(it.key());
            if (sum != m_closedSum.end() && (*sum -= it->count) <= 0)
                m_closedSum.erase(sum);
        }
        m_closed.pop_front();
    }
}

DomainRates IngestStats::domainRates(qint64 nowUs, int maxDomains) const
{
    const qint64 now = nowUs / kMicrosPerSecond;
    DomainRates rates;
    rates.endSecond = now;
    rates.total.fill(0, kRateSeconds);
    QList<DomainRates::Domain> all;
    {
        QMutexLocker lock(&m_mutex);
        all.resize(m_domainNames.size() + 1);
        for (qsizetype i = 0; i < all.size(); ++i) {
            all[i].name = i < m_domainNames.size() ? m_domainNames[i] : kOtherName;
            all[i].counts.fill(0, kRateSeconds);
        }
        for (int i = 0; i < kRateSeconds; ++i) {
            const qint64 second = now - kRateSeconds + i; // the current second is left out
            const int slot = int(((second % kRateSeconds) + kRateSeconds) % kRateSeconds);
            if (second < 0 || m_slotSecond[slot] != second)
                continue;
            const qint64 *counts = m_domainCounts.data() + size_t(slot) * kMaxDomains;
            for (qsizetype d = 0; d < m_domainNames.size(); ++d)
                all[d].counts[i] = counts[d];
            all.last().counts[i] = counts[kOtherDomain];
        }
    }
    for (auto &domain : all) {
        for (int i = 0; i < kRateSeconds; ++i) {
            domain.sum += domain.counts[i];
            rates.total[i] += domain.counts[i];
        }
    }
    DomainRates::Domain other = all.takeLast();
    std::stable_sort(all.begin(), all.end(),
                     [](const auto &a, const auto &b) { return a.sum > b.sum; });
    all.erase(std::remove_if(all.begin(), all.end(), [](const auto &d) { return d.sum == 0; }),
              all.end());
    while (all.size() > qMax(0, maxDomains)) {
        const DomainRates::Domain extra = all.takeLast();
        for (int i = 0; i < kRateSeconds; ++i)
            other.counts[i] += extra.counts[i];
        other.sum += extra.sum;
    }
    rates.domains = std::move(all);
    if (other.sum > 0)
        rates.domains.append(std::move(other));
    return rates;
}

QList<EntityCount> IngestStats::topEntities(qint64 nowUs, int limit) const
{
    QHash<QString, qint64> closed;
    QHash<QString, Tally> current;
    {
        QMutexLocker lock(&m_mutex);
        rotateMinute(nowUs / kMicrosPerSecond / 60);
        closed = m_closedSum; // implicitly shared: the adding up happens outside the lock
        current = m_current.counts;
    }
    QList<EntityCount> all;
    all.reserve(closed.size() + current.size());
    for (auto it = closed.cbegin(); it != closed.cend(); ++it) {
        const auto open = current.constFind(it.key());
        all.append({it.key(), *it + (open != current.cend() ? open->count : 0)});
    }
    for (auto it = current.cbegin(); it != current.cend(); ++it) {
        if (!closed.contains(it.key()))
            all.append({it.key(), it->count});
    }
    const qsizetype n = qMin<qsizetype>(qMax(0, limit), all.size());
    const auto busier = [](const EntityCount &a, const EntityCount &b) {
        return a.count != b.count ? a.count > b.count : a.entityId < b.entityId;
    };
    std::partial_sort(all.begin(), all.begin() + n, all.end(), busier);
    all.resize(n);
    return all;
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
