// SPDX-License-Identifier: GPL-3.0-or-later
// The registry routes over real HTTP: filters, pagination, lookups, writes, live states.
#include "apitestbed.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hai::test;

class TestRegistryController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { m_bed.start(); }
    void cleanupTestCase() { m_bed.stop(); }
    void deviceFilters_data();
    void deviceFilters();
    void entityFilters_data();
    void entityFilters();
    void pagination_data();
    void pagination();
    void lookups();
    void smallRegistries();
    void writes();
    void rejectedWriteChangesNothing_data();
    void rejectedWriteChangesNothing();
    void liveStatesAndHomeAssistant();

private:
    ApiTestbed m_bed;
};

void TestRegistryController::deviceFilters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("ids");
    QTest::newRow("all") << QString() << QStringList{u"d4"_s, u"d3"_s, u"d1"_s, u"d2"_s, u"d5"_s};
    QTest::newRow("manufacturer") << u"manufacturer=Signify"_s << QStringList{u"d1"_s, u"d2"_s};
    QTest::newRow("model") << u"model=LCT015"_s << QStringList{u"d1"_s};
    QTest::newRow("area") << u"area_id=living"_s << QStringList{u"d3"_s, u"d2"_s};
    QTest::newRow("integration") << u"integration=zha"_s << QStringList{u"d4"_s, u"d3"_s};
    QTest::newRow("q case-insensitive") << u"q=LAMP"_s << QStringList{u"d2"_s};
    QTest::newRow("combined") << u"integration=hue&area_id=kitchen"_s << QStringList{u"d1"_s};
    QTest::newRow("no match") << u"area_id=attic"_s << QStringList{};
    QTest::newRow("q with like wildcard") << u"q=%25"_s << QStringList{};
}

void TestRegistryController::deviceFilters()
{
    QFETCH(QString, query);
    QFETCH(QStringList, ids);
    const QJsonObject page = m_bed.getJson(u"/api/devices?"_s + query);
    QCOMPARE(page.value(u"total"_s).toInt(), ids.size());
    QCOMPARE(page.value(u"count"_s).toInt(), ids.size());
    QStringList got;
    const QJsonArray devices = page.value(u"devices"_s).toArray();
    for (const QJsonValue &d : devices) {
        got << d.toObject().value(u"device_id"_s).toString();
        QVERIFY(d.toObject().contains(u"entity_count"_s));
    }
    QCOMPARE(got, ids); // ordered by name
}

void TestRegistryController::entityFilters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("total");
    QTest::newRow("all") << QString() << 9;
    QTest::newRow("domain") << u"domain=sensor"_s << 4;
    QTest::newRow("device") << u"device_id=d3"_s << 2;
    QTest::newRow("area inherits device area") << u"area_id=living"_s << 2;
    QTest::newRow("area own override") << u"area_id=garage"_s << 1;
    QTest::newRow("platform") << u"platform=zha"_s << 4;
    QTest::newRow("q") << u"q=KITCHEN"_s << 2;
    QTest::newRow("domain+platform") << u"domain=sensor&platform=hue"_s << 1;
}

void TestRegistryController::entityFilters()
{
    QFETCH(QString, query);
    QFETCH(int, total);
    const QJsonObject page = m_bed.getJson(u"/api/entities?"_s + query);
    QCOMPARE(page.value(u"total"_s).toInt(), total);
    QCOMPARE(page.value(u"entities"_s).toArray().size(), total);
}

void TestRegistryController::pagination_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("offset");
    QTest::newRow("defaults") << QString() << 9 << 100 << 0;
    QTest::newRow("limit 1") << u"limit=1"_s << 1 << 1 << 0;
    QTest::newRow("middle page") << u"limit=4&offset=4"_s << 4 << 4 << 4;
    QTest::newRow("last partial page") << u"limit=4&offset=8"_s << 1 << 4 << 8;
    QTest::newRow("offset at end") << u"offset=9"_s << 0 << 100 << 9;
    QTest::newRow("offset past end") << u"offset=500"_s << 0 << 100 << 500;
    QTest::newRow("limit clamped to 1000") << u"limit=5000"_s << 9 << 1000 << 0;
}

void TestRegistryController::pagination()
{
    QFETCH(QString, query);
    QFETCH(int, count);
    QFETCH(int, limit);
    QFETCH(int, offset);
    const QJsonObject page = m_bed.getJson(u"/api/entities?"_s + query);
    QCOMPARE(page.value(u"count"_s).toInt(), count);
    QCOMPARE(page.value(u"total"_s).toInt(), 9);
    QCOMPARE(page.value(u"limit"_s).toInt(), limit);
    QCOMPARE(page.value(u"offset"_s).toInt(), offset);
}

void TestRegistryController::lookups()
{
    const QJsonObject d3 = m_bed.getJson(u"/api/devices/d3"_s);
    QCOMPARE(d3.value(u"name"_s).toString(), u"Door Sensor"_s);
    QCOMPARE(d3.value(u"integration"_s).toString(), u"zha"_s);
    QCOMPARE(d3.value(u"entity_count"_s).toInt(), 2);
    QCOMPARE(d3.value(u"entities"_s).toArray().size(), 2);
    QVERIFY(d3.value(u"labels"_s).isArray());

    const QJsonObject e = m_bed.getJson(u"/api/entities/sensor.door_battery"_s);
    QCOMPARE(e.value(u"device_id"_s).toString(), u"d3"_s);
    QCOMPARE(e.value(u"domain"_s).toString(), u"sensor"_s);
    QCOMPARE(e.value(u"platform"_s).toString(), u"zha"_s);

    QCOMPARE(m_bed.getJson(u"/api/devices/nope"_s, 404)
                 .value(u"error"_s)
                 .toObject()
                 .value(u"code"_s)
                 .toString(),
             u"not_found"_s);
    m_bed.getJson(u"/api/entities/sensor.nope"_s, 404);
}

void TestRegistryController::smallRegistries()
{
    const QJsonObject areas = m_bed.getJson(u"/api/areas"_s);
    QCOMPARE(areas.value(u"count"_s).toInt(), 4);
    QHash<QString, QJsonObject> byId;
    for (const QJsonValue &a : areas.value(u"areas"_s).toArray())
        byId.insert(a.toObject().value(u"area_id"_s).toString(), a.toObject());
    QCOMPARE(byId.value(u"living"_s).value(u"device_count"_s).toInt(), 2);
    QCOMPARE(byId.value(u"living"_s).value(u"entity_count"_s).toInt(), 2);
    QCOMPARE(byId.value(u"living"_s).value(u"floor_id"_s).toString(), u"ground"_s);
    QCOMPARE(byId.value(u"garage"_s).value(u"device_count"_s).toInt(), 0);
    QCOMPARE(byId.value(u"garage"_s).value(u"entity_count"_s).toInt(), 1);

    QCOMPARE(m_bed.getJson(u"/api/floors"_s).value(u"count"_s).toInt(), 2);
    QCOMPARE(m_bed.getJson(u"/api/labels"_s).value(u"count"_s).toInt(), 1);

    const QJsonObject integrations = m_bed.getJson(u"/api/integrations"_s);
    QCOMPARE(integrations.value(u"count"_s).toInt(), 3);
    for (const QJsonValue &i : integrations.value(u"integrations"_s).toArray()) {
        const QJsonObject o = i.toObject();
        if (o.value(u"domain"_s).toString() == u"hue"_s) {
            QCOMPARE(o.value(u"entry_id"_s).toString(), u"e_hue"_s);
            QCOMPARE(o.value(u"title"_s).toString(), u"Hue Bridge"_s);
            QCOMPARE(o.value(u"device_count"_s).toInt(), 2);
            QCOMPARE(o.value(u"entity_count"_s).toInt(), 3);
        }
    }
}

void TestRegistryController::writes()
{
    QJsonObject newDevice =
        haDevice(u"d9"_s, u"Garage Door"_s, u"Meross"_s, u"MSG100"_s, u"garage"_s, u"e_zha"_s);
    auto reply =
        m_bed.http->send("POST", u"/api/devices"_s, QJsonDocument(newDevice).toJson(), kAuthJson);
    QCOMPARE(reply.status, 201);
    QCOMPARE(reply.json().object().value(u"device_id"_s).toString(), u"d9"_s);
    QCOMPARE(reply.json().object().value(u"integration"_s).toString(), u"zha"_s);

    const QJsonArray batch{
        haDevice(u"d10"_s, u"Plug A"_s, u"TP-Link"_s, u"HS110"_s, u"garage"_s, u"e_zha"_s),
        haDevice(u"d11"_s, u"Plug B"_s, u"TP-Link"_s, u"HS110"_s, u"garage"_s, u"e_zha"_s)};
    reply = m_bed.http->send("POST", u"/internal/devices/bulk_upsert"_s,
                             QJsonDocument(batch).toJson(), kAuthJson);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().object().value(u"status"_s).toString(), u"success"_s);
    QCOMPARE(reply.json().object().value(u"count"_s).toInt(), 2);

    const QJsonObject wrapped{
        {u"entities"_s, QJsonArray{haEntity(u"switch.plug_a"_s, u"d10"_s, u"tplink"_s)}}};
    reply = m_bed.http->send("POST", u"/internal/entities/bulk_upsert"_s,
                             QJsonDocument(wrapped).toJson(), kAuthJson);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().object().value(u"count"_s).toInt(), 1);
    QCOMPARE(m_bed.getJson(u"/api/devices/d10"_s).value(u"entity_count"_s).toInt(), 1);
    QCOMPARE(m_bed.getJson(u"/api/devices?manufacturer=TP-Link"_s).value(u"total"_s).toInt(), 2);

    // Clean up so the other tests keep seeing the seeded home (bulk upsert never prunes).
    m_bed.registry->apply(
        u"test"_s, [](hai::RegistryWriter &w) { return w.deleteEntity(u"switch.plug_a"_s); });
    for (const char *id : {"d9", "d10", "d11"})
        m_bed.registry->apply(
            u"test"_s, [id](hai::RegistryWriter &w) { return w.deleteDevice(QLatin1String(id)); });
    QCOMPARE(m_bed.getJson(u"/api/devices"_s).value(u"total"_s).toInt(), 5);
}

void TestRegistryController::rejectedWriteChangesNothing_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("second item lacks id")
        << u"/internal/devices/bulk_upsert"_s
        << QByteArray(R"([{"id":"n1","name":"New"},{"name":"no id"}])");
    QTest::newRow("second item wrong type")
        << u"/internal/devices/bulk_upsert"_s
        << QByteArray(R"({"devices":[{"id":"n1","name":"New"},{"id":"n2","labels":"x"}]})");
    QTest::newRow("entity with unknown device")
        << u"/internal/entities/bulk_upsert"_s
        << QByteArray(
               R"([{"entity_id":"light.new","platform":"hue"},{"entity_id":"light.bad","device_id":"ghost","platform":"hue"}])");
    QTest::newRow("entity item not object")
        << u"/internal/entities/bulk_upsert"_s
        << QByteArray(R"([{"entity_id":"light.new","platform":"hue"}, 7])");
    QTest::newRow("entity id malformed")
        << u"/internal/entities/bulk_upsert"_s
        << QByteArray(
               R"([{"entity_id":"light.new","platform":"hue"},{"entity_id":"nodot","platform":"x"}])");
}

void TestRegistryController::rejectedWriteChangesNothing()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    const int devicesBefore = m_bed.getJson(u"/api/devices"_s).value(u"total"_s).toInt();
    const int entitiesBefore = m_bed.getJson(u"/api/entities"_s).value(u"total"_s).toInt();
    const auto reply = m_bed.http->send("POST", path, body, kAuthJson);
    QCOMPARE(reply.status, 400);
    QVERIFY2(reply.json()
                 .object()
                 .value(u"error"_s)
                 .toObject()
                 .value(u"message"_s)
                 .toString()
                 .contains(u'['),
             reply.body.constData()); // names the item index
    QCOMPARE(m_bed.getJson(u"/api/devices"_s).value(u"total"_s).toInt(), devicesBefore);
    QCOMPARE(m_bed.getJson(u"/api/entities"_s).value(u"total"_s).toInt(), entitiesBefore);
}

void TestRegistryController::liveStatesAndHomeAssistant()
{
    const QJsonObject light = m_bed.getJson(u"/api/entities/light.kitchen"_s);
    QCOMPARE(light.value(u"state"_s).toString(), u"on"_s);
    QCOMPARE(light.value(u"last_changed"_s).toString(), u"2026-01-05T10:00:00.123456+00:00"_s);
    const QJsonObject sun = m_bed.getJson(u"/api/entities/sun.sun"_s);
    QVERIFY(sun.contains(u"state"_s) && sun.value(u"state"_s).isNull());
    const QJsonArray inDevice = m_bed.getJson(u"/api/devices/d1"_s).value(u"entities"_s).toArray();
    bool seen = false;
    for (const QJsonValue &e : inDevice)
        seen |= e.toObject().value(u"state"_s).toString() == u"on"_s;
    QVERIFY(seen);
    const QJsonArray lights =
        m_bed.getJson(u"/api/entities?domain=light"_s).value(u"entities"_s).toArray();
    QCOMPARE(lights.first().toObject().value(u"state"_s).toString(), u"on"_s);

    QJsonObject ha = m_bed.getJson(u"/health"_s)
                         .value(u"dependencies"_s)
                         .toObject()
                         .value(u"home_assistant"_s)
                         .toObject();
    QCOMPARE(ha.value(u"status"_s).toString(), u"healthy"_s);
    QCOMPARE(ha.value(u"state"_s).toString(), u"live"_s);
    QVERIFY(ha.contains(u"reconnects"_s) && ha.contains(u"ha_version"_s) &&
            ha.contains(u"last_error"_s));

    // Losing HA degrades the app (the registry is still served); a refused token is unhealthy.
    m_bed.haStats->setState(hai::HaState::Connecting);
    QJsonObject health = m_bed.getJson(u"/health"_s);
    QCOMPARE(health.value(u"status"_s).toString(), u"degraded"_s);
    m_bed.haStats->setState(hai::HaState::Disconnected); // auth_invalid ends the connection
    m_bed.haStats->setStatusOverride(u"auth_failed"_s);
    health = m_bed.getJson(u"/health"_s);
    QCOMPARE(health.value(u"dependencies"_s)
                 .toObject()
                 .value(u"home_assistant"_s)
                 .toObject()
                 .value(u"status"_s)
                 .toString(),
             u"unhealthy"_s);
    QCOMPARE(health.value(u"status"_s).toString(), u"degraded"_s);
    m_bed.haStats->setStatusOverride(QString());
    m_bed.haStats->setState(hai::HaState::Live);

    const QJsonObject stats = m_bed.getJson(u"/api/v1/stats"_s);
    QCOMPARE(stats.value(u"registry"_s).toObject().value(u"devices"_s).toInt(), 5);
    QVERIFY(stats.value(u"home_assistant"_s).toObject().contains(u"backfill"_s));
}

QTEST_GUILESS_MAIN(TestRegistryController)
#include "tst_registrycontroller.moc"
