// SPDX-License-Identifier: GPL-3.0-or-later
#include "homeassistant/hastats.h"
#include "homeassistant/hatime.h"
#include "homeassistant/historyconverter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using hai::HaEventList;
using hai::HistoryConverter;

class TestHistoryConverter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void convertsRows();
    void sameKeyAsLive_data();
    void sameKeyAsLive();
    void badRowsAreSkipped();
};

void TestHistoryConverter::convertsRows()
{
    const QJsonObject result = QJsonDocument::fromJson(R"({"sensor.t":[
        {"s":"21.5","a":{"unit_of_measurement":"°C"},"lu":1767607200.123456},
        {"s":"21.5","a":{"unit_of_measurement":"°C","x":1},"lu":1767607201.5,"lc":1767607200.123456},
        {"s":"22","a":{},"lu":1767607202.0,"c":"01JGXYZ"}
    ],"light.k":[{"s":"on","lu":1767607203.25,"c":{"id":"c1","user_id":"u1","parent_id":null}}]})")
                                   .object();
    hai::HaStats stats;
    HaEventList events;
    QCOMPARE(HistoryConverter::convertResult(result, &events, &stats), 4);
    QCOMPARE(stats.snapshot().badInputTotal(), 0u);
    // Key order of a QJsonObject is sorted: light.k first.
    QCOMPARE(events[0].entityId, u"light.k"_s);
    QCOMPARE(events[0].context.userId, u"u1"_s);
    const hai::HaEvent &first = events[1];
    QCOMPARE(first.entityId, u"sensor.t"_s);
    QVERIFY(first.backfill);
    QVERIFY(first.isStateChanged());
    QVERIFY(!first.oldState.valid);
    QCOMPARE(first.lastUpdatedUs, 1767607200123456LL);
    QCOMPARE(first.timeFiredUs, first.lastUpdatedUs);
    QCOMPARE(first.newState.state, u"21.5"_s);
    QCOMPARE(first.newState.lastUpdatedUs, 1767607200123456LL);
    QCOMPARE(first.newState.lastChangedUs, 1767607200123456LL);
    QCOMPARE(first.newState.attributeText(u"unit_of_measurement"), u"°C"_s);
    const hai::HaEvent &second = events[2];
    QCOMPARE(second.oldState, first.newState);
    QCOMPARE(second.newState.lastUpdatedUs, 1767607201500000LL);
    QCOMPARE(second.newState.lastChangedUs, 1767607200123456LL);
    QCOMPARE(second.newState.attribute(u"x")->number, 1.0);
    const hai::HaEvent &third = events[3];
    QCOMPARE(third.newState.lastUpdatedUs, 1767607202000000LL);
    QCOMPARE(third.context.id, u"01JGXYZ"_s);
    QVERIFY(third.newState.attributes.isEmpty());
}

void TestHistoryConverter::sameKeyAsLive_data()
{
    QTest::addColumn<QString>("liveIso");
    QTest::addColumn<double>("historySeconds");
    QTest::newRow("micro") << u"2026-01-05T10:00:00.123456+00:00"_s << 1767607200.123456;
    QTest::newRow("whole") << u"2026-01-05T10:00:00+00:00"_s << 1767607200.0;
    QTest::newRow("999999") << u"2026-01-05T10:00:00.999999+00:00"_s << 1767607200.999999;
    QTest::newRow("000001") << u"2026-01-05T10:00:00.000001+00:00"_s << 1767607200.000001;
    QTest::newRow("truncation trap") << u"2026-01-05T10:00:00.291+00:00"_s << 1767607200.291;
}

void TestHistoryConverter::sameKeyAsLive()
{
    QFETCH(QString, liveIso);
    QFETCH(double, historySeconds);
    HaEventList events;
    HistoryConverter::convertEntity(
        u"sensor.x"_s, QJsonArray{QJsonObject{{u"s"_s, u"1"_s}, {u"lu"_s, historySeconds}}},
        &events, nullptr);
    QCOMPARE(events.size(), 1);
    qint64 live = 0;
    QVERIFY(hai::HaTime::parseIso(liveIso, &live));
    QCOMPARE(events.first().lastUpdatedUs, live);
}

void TestHistoryConverter::badRowsAreSkipped()
{
    const QJsonObject result = QJsonDocument::fromJson(R"({"sensor.a":[
        {"s":1,"lu":1767607200.0}, {"lu":1767607200.0}, {"s":"x"}, {"s":"x","lu":"now"},
        "row", null, {"s":"ok","lu":1767607201.0,"lc":"bad"}, {"s":"ok","lu":1767607202.0}],
        "sensor.b":{"s":"x"}})")
                                   .object();
    hai::HaStats stats;
    HaEventList events;
    QCOMPARE(HistoryConverter::convertResult(result, &events, &stats), 1);
    QCOMPARE(stats.badInput(hai::HaBadInput::BadHistory), 8u);
}

QTEST_GUILESS_MAIN(TestHistoryConverter)
#include "tst_historyconverter.moc"
