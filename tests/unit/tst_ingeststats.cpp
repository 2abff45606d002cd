// SPDX-License-Identifier: GPL-3.0-or-later
#include "homeassistant/haevent.h"
#include "ingest/ingeststats.h"

#include <QTest>

using namespace Qt::StringLiterals;
using hai::IngestStats;

class TestIngestStats : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void domainRates();
    void domainRatesFoldIntoOther();
    void topEntitiesOverAnHour();
    void boundedEntities();
    void recordCost();
};

namespace {

constexpr qint64 kSecond = 1000000;
constexpr qint64 kT0 = qint64(1767600000) * kSecond; // a whole minute

hai::HaEventList events(const QStringList &ids)
{
    hai::HaEventList list;
    for (const QString &id : ids) {
        hai::HaEvent event;
        event.eventType = u"state_changed"_s;
        event.entityId = id;
        list.append(event);
    }
    return list;
}

void record(IngestStats &stats, const hai::HaEventList &list, qint64 nowUs)
{
    IngestStats::Batch batch;
    batch.live = list.size();
    batch.events = &list;
    stats.record(batch, nowUs);
}

} // namespace

void TestIngestStats::domainRates()
{
    IngestStats stats;
    record(stats, events({u"sensor.a"_s, u"sensor.b"_s, u"light.x"_s}), kT0);
    record(stats, events({u"sensor.a"_s}), kT0 + 10 * kSecond);
    hai::HaEventList other = events({u""_s}); // an event without an entity
    record(stats, other, kT0 + 10 * kSecond);

    const hai::DomainRates rates = stats.domainRates(kT0 + 11 * kSecond);
    QCOMPARE(rates.total.size(), IngestStats::kRateSeconds);
    QCOMPARE(rates.endSecond, kT0 / kSecond + 11);
    QCOMPARE(rates.total.last(), 2);                          // second 10
    QCOMPARE(rates.total[IngestStats::kRateSeconds - 11], 3); // second 0
    QCOMPARE(rates.domains.size(), 3);
    QCOMPARE(rates.domains[0].name, u"sensor"_s);
    QCOMPARE(rates.domains[0].sum, 3);
    QCOMPARE(rates.domains[1].name, u"light"_s);
    QCOMPARE(rates.domains[2].name, u"other"_s);
    QCOMPARE(rates.domains[2].sum, 1);

    // Five minutes later the window is empty; the current second is never in it.
    QCOMPARE(stats.domainRates(kT0 + 400 * kSecond).domains.size(), 0);
    record(stats, events({u"sensor.a"_s}), kT0 + 400 * kSecond);
    QCOMPARE(stats.domainRates(kT0 + 400 * kSecond).domains.size(), 0);
    QCOMPARE(stats.domainRates(kT0 + 401 * kSecond).total.last(), 1);
}

void TestIngestStats::domainRatesFoldIntoOther()
{
    IngestStats stats;
    QStringList ids;
    for (int d = 0; d < 5; ++d) {
        for (int n = 0; n <= d; ++n)
            ids.append(u"d%1.e%2"_s.arg(d).arg(n));
    }
    record(stats, events(ids), kT0);
    const hai::DomainRates rates = stats.domainRates(kT0 + kSecond, 2);
    QCOMPARE(rates.domains.size(), 3);
    QCOMPARE(rates.domains[0].name, u"d4"_s);
    QCOMPARE(rates.domains[1].name, u"d3"_s);
    QCOMPARE(rates.domains[2].name, u"other"_s);
    QCOMPARE(rates.domains[2].sum, 1 + 2 + 3);
}

void TestIngestStats::topEntitiesOverAnHour()
{
    IngestStats stats;
    record(stats, events({u"sensor.old"_s, u"sensor.old"_s, u"sensor.old"_s}), kT0);
    for (int minute = 1; minute <= 30; ++minute)
        record(stats, events({u"sensor.busy"_s, u"light.x"_s}), kT0 + minute * 60 * kSecond);
    record(stats, events({u"sensor.busy"_s}), kT0 + 30 * 60 * kSecond + 5 * kSecond);

    QList<hai::EntityCount> top = stats.topEntities(kT0 + 31 * 60 * kSecond, 2);
    QCOMPARE(top.size(), 2);
    QCOMPARE(top[0].entityId, u"sensor.busy"_s);
    QCOMPARE(top[0].count, 31);
    QCOMPARE(top[1].entityId, u"light.x"_s);
    QCOMPARE(top[1].count, 30);
    QCOMPARE(stats.topEntities(kT0 + 31 * 60 * kSecond, 10).size(), 3);

    // Past the hour the first minute (sensor.old) drops out, with no new events.
    top = stats.topEntities(kT0 + 60 * 60 * kSecond, 10);
    QCOMPARE(top.size(), 2);
    QCOMPARE(top[0].count, 31);
    top = stats.topEntities(kT0 + 200 * 60 * kSecond, 10);
    QVERIFY(top.isEmpty());
}

void TestIngestStats::boundedEntities()
{
    IngestStats stats;
    QStringList ids;
    for (int i = 0; i < IngestStats::kMaxEntities + 10; ++i)
        ids.append(u"sensor.e%1"_s.arg(i));
    record(stats, events(ids), kT0);
    QCOMPARE(stats.topEntities(kT0 + kSecond, IngestStats::kMaxEntities * 2).size(),
             IngestStats::kMaxEntities);
    const hai::DomainRates rates = stats.domainRates(kT0 + kSecond);
    QCOMPARE(rates.total.last(), IngestStats::kMaxEntities + 10); // still counted
}

// Prints the cost of recording a 50-event batch (no timing asserts).
void TestIngestStats::recordCost()
{
    IngestStats stats;
    QStringList ids;
    for (int i = 0; i < 50; ++i)
        ids.append(u"sensor.entity_%1"_s.arg(i * 37 % 1000));
    const hai::HaEventList list = events(ids);
    qint64 now = kT0;
    QBENCHMARK
    {
        record(stats, list, now);
        now += 1000; // 1 ms per batch
    }
}

QTEST_GUILESS_MAIN(TestIngestStats)
#include "tst_ingeststats.moc"
