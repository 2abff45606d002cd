// SPDX-License-Identifier: GPL-3.0-or-later
#include "homeassistant/haeventparser.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using hai::HaEvent;
using hai::HaEventParser;

class TestHaEventParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void stateChanged();
    void removalAndCreation();
    void otherEvent();
    void rejects_data();
    void rejects();
};

namespace {
QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}
} // namespace

void TestHaEventParser::stateChanged()
{
    const QJsonObject event = parse(R"({"event_type":"state_changed","data":{"entity_id":"sensor.t",
        "old_state":{"entity_id":"sensor.t","state":"21","attributes":{},"last_changed":"2026-01-05T09:00:00+00:00","last_updated":"2026-01-05T09:00:00+00:00"},
        "new_state":{"entity_id":"sensor.t","state":"21.5","attributes":{"unit_of_measurement":"°C"},"last_changed":"2026-01-05T10:00:00.123456+00:00","last_reported":"2026-01-05T10:00:00.123456+00:00","last_updated":"2026-01-05T10:00:00.123456+00:00","context":{"id":"01JG","parent_id":null,"user_id":null}}},
        "origin":"LOCAL","time_fired":"2026-01-05T10:00:00.123456+00:00","context":{"id":"01JG","parent_id":null,"user_id":null}})");
    HaEvent out;
    QString why;
    QVERIFY2(HaEventParser::parse(event, &out, &why), qPrintable(why));
    QCOMPARE(out.eventType, u"state_changed"_s);
    QCOMPARE(out.entityId, u"sensor.t"_s);
    QCOMPARE(out.newState.state, u"21.5"_s);
    QCOMPARE(out.newState.attributeText(u"unit_of_measurement"), u"°C"_s);
    QCOMPARE(out.newState.lastChangedUs, 1767607200123456LL);
    QCOMPARE(out.oldState.state, u"21"_s);
    QCOMPARE(out.timeFiredUs, 1767607200123456LL);
    QCOMPARE(out.lastUpdatedUs, 1767607200123456LL);
    QCOMPARE(out.context.id, u"01JG"_s);
    QVERIFY(out.context.userId.isEmpty());
    QVERIFY(!out.backfill);
    QVERIFY(!out.isRemoval());
}

void TestHaEventParser::removalAndCreation()
{
    HaEvent removed;
    QString why;
    QVERIFY(HaEventParser::parse(
        parse(
            R"({"event_type":"state_changed","time_fired":"2026-01-05T10:00:00+00:00","data":{"entity_id":"light.x","old_state":{"state":"on","last_updated":"2026-01-05T09:00:00+00:00"},"new_state":null}})"),
        &removed, &why));
    QVERIFY(removed.isRemoval());
    QCOMPARE(removed.lastUpdatedUs, removed.timeFiredUs);

    HaEvent created;
    QVERIFY(HaEventParser::parse(
        parse(
            R"({"event_type":"state_changed","time_fired":"2026-01-05T10:00:00+00:00","data":{"entity_id":"light.x","old_state":null,"new_state":{"state":"on","last_updated":"2026-01-05T10:00:00+00:00"}}})"),
        &created, &why));
    QVERIFY(!created.oldState.valid);
    QCOMPARE(created.newState.lastChangedUs, created.newState.lastUpdatedUs);
    QVERIFY(!created.isRemoval());
}

void TestHaEventParser::otherEvent()
{
    HaEvent out;
    QString why;
    QVERIFY(HaEventParser::parse(
        parse(
            R"({"event_type":"device_registry_updated","data":{"action":"create","device_id":"d1"},"origin":"LOCAL","time_fired":"2026-01-05T10:00:00+00:00","context":{"id":"x"}})"),
        &out, &why));
    QCOMPARE(out.eventType, u"device_registry_updated"_s);
    QCOMPARE(out.data.value(u"device_id"_s).toString(), u"d1"_s);
    QVERIFY(out.entityId.isEmpty());
}

void TestHaEventParser::rejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("no type") << QByteArray(R"({"time_fired":"2026-01-05T10:00:00+00:00"})");
    QTest::newRow("type number") << QByteArray(
        R"({"event_type":1,"time_fired":"2026-01-05T10:00:00+00:00"})");
    QTest::newRow("no time") << QByteArray(R"({"event_type":"x"})");
    QTest::newRow("bad time") << QByteArray(R"({"event_type":"x","time_fired":"noon"})");
    QTest::newRow("data array") << QByteArray(
        R"({"event_type":"x","data":[],"time_fired":"2026-01-05T10:00:00+00:00"})");
    QTest::newRow("no entity") << QByteArray(
        R"({"event_type":"state_changed","data":{},"time_fired":"2026-01-05T10:00:00+00:00"})");
    QTest::newRow("entity number") << QByteArray(
        R"({"event_type":"state_changed","data":{"entity_id":3},"time_fired":"2026-01-05T10:00:00+00:00"})");
    QTest::newRow("new_state string") << QByteArray(
        R"({"event_type":"state_changed","data":{"entity_id":"a.b","new_state":"on"},"time_fired":"2026-01-05T10:00:00+00:00"})");
    QTest::newRow("state number") << QByteArray(
        R"({"event_type":"state_changed","data":{"entity_id":"a.b","new_state":{"state":1,"last_updated":"2026-01-05T10:00:00+00:00"}},"time_fired":"2026-01-05T10:00:00+00:00"})");
    QTest::newRow("no last_updated") << QByteArray(
        R"({"event_type":"state_changed","data":{"entity_id":"a.b","new_state":{"state":"1"}},"time_fired":"2026-01-05T10:00:00+00:00"})");
    QTest::newRow("old_state number") << QByteArray(
        R"({"event_type":"state_changed","data":{"entity_id":"a.b","new_state":null,"old_state":5},"time_fired":"2026-01-05T10:00:00+00:00"})");
}

void TestHaEventParser::rejects()
{
    QFETCH(QByteArray, json);
    HaEvent out;
    QString why;
    QVERIFY(!HaEventParser::parse(QJsonDocument::fromJson(json).object(), &out, &why));
    QVERIFY(!why.isEmpty());
}

QTEST_GUILESS_MAIN(TestHaEventParser)
#include "tst_haeventparser.moc"
