// SPDX-License-Identifier: GPL-3.0-or-later
#include "homeassistant/hatime.h"
#include "homeassistant/livestatecache.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace Qt::StringLiterals;
using hai::HaEvent;
using hai::LiveStateCache;

namespace {

QJsonObject state(const QString &id, const QString &value, const QString &updated,
                  const QString &changed = {})
{
    return QJsonObject{{u"entity_id"_s, id},
                       {u"state"_s, value},
                       {u"attributes"_s, QJsonObject{{u"friendly_name"_s, id}}},
                       {u"last_changed"_s, changed.isEmpty() ? updated : changed},
                       {u"last_updated"_s, updated}};
}

HaEvent changed(const QString &id, const QJsonObject &newState, bool backfill = false)
{
    HaEvent event;
    event.eventType = u"state_changed"_s;
    event.entityId = id;
    QString why;
    if (!newState.isEmpty() && !hai::HaStateRecord::fromJson(newState, &event.newState, &why))
        qFatal("bad test state: %s", qPrintable(why));
    event.backfill = backfill;
    return event;
}

} // namespace

class TestLiveStateCache : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void replaceAll();
    void applyEvents();
    void concurrentReaders();
};

void TestLiveStateCache::replaceAll()
{
    LiveStateCache cache;
    const auto result =
        cache.replaceAll(QJsonArray{state(u"sensor.a"_s, u"1"_s, u"2026-01-05T10:00:01+00:00"_s,
                                          u"2026-01-05T10:00:00+00:00"_s),
                                    state(u"sensor.b"_s, u"2"_s, u"2026-01-05T10:00:02.5+00:00"_s),
                                    42, QJsonObject{{u"entity_id"_s, u"sensor.c"_s}}});
    QCOMPARE(result.stored, 2);
    QCOMPARE(result.skipped, 2);
    const auto a = cache.state(u"sensor.a"_s);
    QVERIFY(a);
    QCOMPARE(a->state, u"1"_s);
    QCOMPARE(a->lastUpdatedUs - a->lastChangedUs, 1000000);
    QCOMPARE(a->toJson().value(u"attributes"_s)[u"friendly_name"_s].toString(), u"sensor.a"_s);
    QCOMPARE(a->toJson().value(u"last_changed"_s).toString(), u"2026-01-05T10:00:00+00:00"_s);
    QVERIFY(!cache.state(u"sensor.c"_s));
    // A new snapshot drops what is gone.
    cache.replaceAll(QJsonArray{state(u"sensor.b"_s, u"3"_s, u"2026-01-05T10:00:03+00:00"_s)});
    QCOMPARE(cache.size(), 1);
    QCOMPARE(cache.entityIds(), QStringList{u"sensor.b"_s});
}

void TestLiveStateCache::applyEvents()
{
    LiveStateCache cache;
    cache.replaceAll(QJsonArray{state(u"sensor.a"_s, u"1"_s, u"2026-01-05T10:00:01+00:00"_s),
                                state(u"sensor.b"_s, u"1"_s, u"2026-01-05T10:00:01+00:00"_s)});
    HaEvent removal = changed(u"sensor.b"_s, {});
    HaEvent other;
    other.eventType = u"call_service"_s;
    cache.apply(
        {changed(u"sensor.a"_s, state(u"sensor.a"_s, u"2"_s, u"2026-01-05T10:00:02+00:00"_s)),
         changed(u"sensor.new"_s, state(u"sensor.new"_s, u"on"_s, u"2026-01-05T10:00:02+00:00"_s)),
         // Older than what we have (e.g. from history): ignored.
         changed(u"sensor.a"_s, state(u"sensor.a"_s, u"0"_s, u"2026-01-05T09:00:00+00:00"_s)),
         changed(u"sensor.a"_s, state(u"sensor.a"_s, u"9"_s, u"2026-01-05T11:00:00+00:00"_s), true),
         removal, other});
    QCOMPARE(cache.state(u"sensor.a"_s)->state, u"2"_s);
    QCOMPARE(cache.state(u"sensor.new"_s)->state, u"on"_s);
    QVERIFY(!cache.state(u"sensor.b"_s));
    QCOMPARE(cache.size(), 2);
    QCOMPARE(cache.states({u"sensor.new"_s, u"sensor.none"_s}).size(), 1);
}

// The REST API reads while the ha thread writes: readers must always see whole entries.
void TestLiveStateCache::concurrentReaders()
{
    LiveStateCache cache;
    QJsonArray initial;
    for (int i = 0; i < 500; ++i)
        initial.append(state(u"sensor.s%1"_s.arg(i), u"0"_s, u"2026-01-05T10:00:00+00:00"_s));
    cache.replaceAll(initial);

    std::atomic<bool> stop{false};
    std::atomic<int> reads{0}, torn{0};
    auto reader = [&] {
        while (!stop.load()) {
            const auto entry = cache.state(u"sensor.s7"_s);
            if (entry &&
                entry->state !=
                    hai::attributesToJson(entry->attributes).value(u"v"_s).toString(entry->state))
                ++torn;
            const auto all = cache.states();
            if (all.size() < 499)
                ++torn;
            ++reads;
        }
    };
    std::unique_ptr<QThread> a(QThread::create(reader)), b(QThread::create(reader));
    a->start();
    b->start();
    for (int round = 1; round <= 300; ++round) {
        hai::HaEventList batch;
        const QString value = QString::number(round);
        const QString time = hai::HaTime::toIso(1767607200000000LL + round * 1000);
        for (int i = 0; i < 50; ++i) {
            QJsonObject s = state(u"sensor.s%1"_s.arg(i), value, time);
            s.insert(u"attributes"_s, QJsonObject{{u"v"_s, value}});
            batch.append(changed(u"sensor.s%1"_s.arg(i), s));
        }
        cache.apply(batch);
        if (round % 50 == 0)
            cache.replaceAll(initial);
    }
    QTRY_VERIFY_WITH_TIMEOUT(reads.load() > 100, 5000);
    stop = true;
    a->wait();
    b->wait();
    QCOMPARE(torn.load(), 0);
}

QTEST_GUILESS_MAIN(TestLiveStateCache)
#include "tst_livestatecache.moc"
