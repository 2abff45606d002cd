// SPDX-License-Identifier: GPL-3.0-or-later
// The REST API over real HTTP on loopback, backed by a real SQLite registry.
#include "api/httpapi.h"
#include "core/settings.h"
#include "homeassistant/hastats.h"
#include "homeassistant/livestatecache.h"
#include "httpclient.h"
#include "registry/registryservice.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using hai::test::HttpClient;

namespace {
const QByteArray kToken = "test-api-token-0123456789";
const QHash<QByteArray, QByteArray> kAuthJson = {{"authorization", "Bearer " + kToken},
                                                 {"content-type", "application/json"}};

QJsonObject obj(std::initializer_list<QPair<QString, QJsonValue>> pairs)
{
    QJsonObject o;
    for (const auto &p : pairs)
        o.insert(p.first, p.second);
    return o;
}

QJsonObject device(const QString &id, const QString &name, const QJsonValue &manufacturer,
                   const QString &model, const QJsonValue &area, const QString &entry)
{
    return obj({{u"id"_s, id},
                {u"name"_s, name},
                {u"name_by_user"_s, QJsonValue::Null},
                {u"manufacturer"_s, manufacturer},
                {u"model"_s, model},
                {u"area_id"_s, area},
                {u"primary_config_entry"_s, entry},
                {u"config_entries"_s, QJsonArray{entry}},
                {u"labels"_s, QJsonArray{}},
                {u"created_at"_s, 1767607200.5},
                {u"modified_at"_s, 1767607200.5}});
}

QJsonObject entity(const QString &id, const QJsonValue &deviceId, const QString &platform,
                   const QJsonValue &area = QJsonValue::Null)
{
    return obj({{u"entity_id"_s, id},
                {u"device_id"_s, deviceId},
                {u"platform"_s, platform},
                {u"area_id"_s, area},
                {u"id"_s, QString(u"reg-"_s + id)},
                {u"unique_id"_s, QString(u"u-"_s + id)},
                {u"labels"_s, QJsonArray{}},
                {u"name"_s, QJsonValue::Null},
                {u"original_name"_s, id.section(u'.', 1)},
                {u"config_entry_id"_s,
                 platform == u"sun"_s ? QJsonValue() : QJsonValue(u"e_"_s + platform)}});
}
} // namespace

class TestHttpApi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void health();
    void deviceFilters_data();
    void deviceFilters();
    void entityFilters_data();
    void entityFilters();
    void pagination_data();
    void pagination();
    void lookups();
    void smallRegistries();
    void errorStatuses_data();
    void errorStatuses();
    void authRequired_data();
    void authRequired();
    void writes();
    void rejectedWriteChangesNothing_data();
    void rejectedWriteChangesNothing();
    void oversizedBody();
    void preferences();
    void cors();
    void openApiMatchesRouteTable();
    void metrics();
    void liveStatesAndHomeAssistant();

private:
    QJsonObject getJson(const QString &path, int expectedStatus = 200);

    QTemporaryDir m_dir;
    hai::Settings m_settings;
    std::unique_ptr<hai::RegistryService> m_registry;
    std::unique_ptr<hai::HttpApi> m_api;
    std::unique_ptr<HttpClient> m_http;
    std::shared_ptr<hai::LiveStateCache> m_liveStates = std::make_shared<hai::LiveStateCache>();
    std::shared_ptr<hai::HaStats> m_haStats = std::make_shared<hai::HaStats>();
};

void TestHttpApi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_settings.dataDir = m_dir.path();
    m_settings.registryDb.sqlitePath = m_dir.filePath(u"metadata.db"_s);
    m_settings.apiPort = 0;
    m_settings.apiToken = QString::fromLatin1(kToken);
    m_settings.corsOrigins = {u"http://dash.local:3000"_s};

    m_registry = std::make_unique<hai::RegistryService>(m_settings.registryDb);
    QString error;
    QVERIFY2(m_registry->open(&error), qPrintable(error));
    using Mode = hai::RegistryWriter::Mode;
    const auto ok = [](const hai::RegistryWriter::Outcome &o) {
        return o.ok ? QString() : o.error;
    };
    auto &w = *m_registry;
    const auto apply =
        [&w](const std::function<hai::RegistryWriter::Outcome(hai::RegistryWriter &)> &f) {
            return w.apply(u"test"_s, f);
        };
    QCOMPARE(
        ok(apply([](auto &wr) {
            return wr.upsertFloors(
                {obj({{u"floor_id"_s, u"ground"_s}, {u"name"_s, u"Ground"_s}, {u"level"_s, 0}}),
                 obj({{u"floor_id"_s, u"up"_s}, {u"name"_s, u"Upstairs"_s}, {u"level"_s, 1}})},
                Mode::Full);
        })),
        QString());
    QCOMPARE(ok(apply([](auto &wr) {
                 return wr.upsertAreas({obj({{u"area_id"_s, u"kitchen"_s},
                                             {u"name"_s, u"Kitchen"_s},
                                             {u"floor_id"_s, u"ground"_s}}),
                                        obj({{u"area_id"_s, u"living"_s},
                                             {u"name"_s, u"Living Room"_s},
                                             {u"floor_id"_s, u"ground"_s}}),
                                        obj({{u"area_id"_s, u"bedroom"_s},
                                             {u"name"_s, u"Bedroom"_s},
                                             {u"floor_id"_s, u"up"_s}}),
                                        obj({{u"area_id"_s, u"garage"_s},
                                             {u"name"_s, u"Garage"_s},
                                             {u"floor_id"_s, QJsonValue::Null}})},
                                       Mode::Full);
             })),
             QString());
    QCOMPARE(ok(apply([](auto &wr) {
                 return wr.upsertLabels({obj({{u"label_id"_s, u"critical"_s},
                                              {u"name"_s, u"Critical"_s},
                                              {u"color"_s, u"red"_s}})},
                                        Mode::Full);
             })),
             QString());
    QCOMPARE(ok(apply([](auto &wr) {
                 return wr.upsertIntegrations({obj({{u"entry_id"_s, u"e_hue"_s},
                                                    {u"domain"_s, u"hue"_s},
                                                    {u"title"_s, u"Hue Bridge"_s},
                                                    {u"state"_s, u"loaded"_s},
                                                    {u"source"_s, u"zeroconf"_s}}),
                                               obj({{u"entry_id"_s, u"e_zha"_s},
                                                    {u"domain"_s, u"zha"_s},
                                                    {u"title"_s, u"Zigbee"_s},
                                                    {u"state"_s, u"loaded"_s},
                                                    {u"source"_s, u"user"_s}}),
                                               obj({{u"entry_id"_s, u"e_met"_s},
                                                    {u"domain"_s, u"met"_s},
                                                    {u"title"_s, u"Home"_s},
                                                    {u"state"_s, u"loaded"_s},
                                                    {u"source"_s, u"user"_s}})},
                                              Mode::Full);
             })),
             QString());
    QCOMPARE(ok(apply([](auto &wr) {
                 return wr.upsertDevices({device(u"d1"_s, u"Kitchen Light"_s, u"Signify"_s,
                                                 u"LCT015"_s, u"kitchen"_s, u"e_hue"_s),
                                          device(u"d2"_s, u"Living Lamp"_s, u"Signify"_s,
                                                 u"LCT016"_s, u"living"_s, u"e_hue"_s),
                                          device(u"d3"_s, u"Door Sensor"_s, u"Aqara"_s,
                                                 u"MCCGQ11LM"_s, u"living"_s, u"e_zha"_s),
                                          device(u"d4"_s, u"Bedroom Thermo"_s, u"Aqara"_s,
                                                 u"WSDCGQ11LM"_s, u"bedroom"_s, u"e_zha"_s),
                                          device(u"d5"_s, u"Weather"_s, QJsonValue::Null,
                                                 u"Met.no"_s, QJsonValue::Null, u"e_met"_s)},
                                         Mode::Full);
             })),
             QString());
    QCOMPARE(ok(apply([](auto &wr) {
                 return wr.upsertEntities(
                     {entity(u"light.kitchen"_s, u"d1"_s, u"hue"_s),
                      entity(u"sensor.kitchen_power"_s, u"d1"_s, u"hue"_s),
                      entity(u"light.living"_s, u"d2"_s, u"hue"_s),
                      entity(u"binary_sensor.door"_s, u"d3"_s, u"zha"_s),
                      entity(u"sensor.door_battery"_s, u"d3"_s, u"zha"_s, u"garage"_s),
                      entity(u"sensor.bedroom_temp"_s, u"d4"_s, u"zha"_s),
                      entity(u"sensor.bedroom_humidity"_s, u"d4"_s, u"zha"_s),
                      entity(u"weather.home"_s, u"d5"_s, u"met"_s),
                      entity(u"sun.sun"_s, QJsonValue::Null, u"sun"_s)},
                     Mode::Full);
             })),
             QString());

    m_liveStates->replaceAll(QJsonArray{
        QJsonObject{{u"entity_id"_s, u"light.kitchen"_s},
                    {u"state"_s, u"on"_s},
                    {u"attributes"_s, QJsonObject{{u"brightness"_s, 180}}},
                    {u"last_changed"_s, u"2026-01-05T10:00:00.123456+00:00"_s},
                    {u"last_updated"_s, u"2026-01-05T10:00:01+00:00"_s},
                    {u"context"_s, QJsonObject{{u"id"_s, u"01JGXYZ0000000000000000000"_s}}}}});
    m_haStats->setState(hai::HaState::Live);
    m_api = std::make_unique<hai::HttpApi>(m_settings, m_registry.get());
    m_api->setHomeAssistant(m_liveStates, m_haStats);
    QVERIFY2(m_api->start(&error), qPrintable(error));
    QVERIFY(m_api->port() != 0);
    m_http = std::make_unique<HttpClient>(QUrl(u"http://127.0.0.1:%1/"_s.arg(m_api->port())));
}

void TestHttpApi::cleanupTestCase()
{
    m_http.reset();
    m_api.reset();
    m_registry.reset();
}

QJsonObject TestHttpApi::getJson(const QString &path, int expectedStatus)
{
    const auto reply = m_http->get(path);
    if (reply.status != expectedStatus)
        qWarning() << path << reply.status << reply.body.left(300);
    [&] { QCOMPARE(reply.status, expectedStatus); }();
    return reply.json().object();
}

void TestHttpApi::health()
{
    const QJsonObject health = getJson(u"/health"_s);
    QCOMPARE(health.value(u"status"_s).toString(), u"healthy"_s);
    const QJsonObject sqlite =
        health.value(u"dependencies"_s).toObject().value(u"sqlite"_s).toObject();
    QCOMPARE(sqlite.value(u"status"_s).toString(), u"healthy"_s);
    QCOMPARE(sqlite.value(u"journal_mode"_s).toString(), u"wal"_s);
    QCOMPARE(sqlite.value(u"wal_enabled"_s).toBool(), true);
    QVERIFY(sqlite.value(u"database_size_mb"_s).toDouble() > 0);
}

void TestHttpApi::deviceFilters_data()
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

void TestHttpApi::deviceFilters()
{
    QFETCH(QString, query);
    QFETCH(QStringList, ids);
    const QJsonObject page = getJson(u"/api/devices?"_s + query);
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

void TestHttpApi::entityFilters_data()
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

void TestHttpApi::entityFilters()
{
    QFETCH(QString, query);
    QFETCH(int, total);
    const QJsonObject page = getJson(u"/api/entities?"_s + query);
    QCOMPARE(page.value(u"total"_s).toInt(), total);
    QCOMPARE(page.value(u"entities"_s).toArray().size(), total);
}

void TestHttpApi::pagination_data()
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

void TestHttpApi::pagination()
{
    QFETCH(QString, query);
    QFETCH(int, count);
    QFETCH(int, limit);
    QFETCH(int, offset);
    const QJsonObject page = getJson(u"/api/entities?"_s + query);
    QCOMPARE(page.value(u"count"_s).toInt(), count);
    QCOMPARE(page.value(u"total"_s).toInt(), 9);
    QCOMPARE(page.value(u"limit"_s).toInt(), limit);
    QCOMPARE(page.value(u"offset"_s).toInt(), offset);
}

void TestHttpApi::lookups()
{
    const QJsonObject d3 = getJson(u"/api/devices/d3"_s);
    QCOMPARE(d3.value(u"name"_s).toString(), u"Door Sensor"_s);
    QCOMPARE(d3.value(u"integration"_s).toString(), u"zha"_s);
    QCOMPARE(d3.value(u"entity_count"_s).toInt(), 2);
    QCOMPARE(d3.value(u"entities"_s).toArray().size(), 2);
    QVERIFY(d3.value(u"labels"_s).isArray());

    const QJsonObject e = getJson(u"/api/entities/sensor.door_battery"_s);
    QCOMPARE(e.value(u"device_id"_s).toString(), u"d3"_s);
    QCOMPARE(e.value(u"domain"_s).toString(), u"sensor"_s);
    QCOMPARE(e.value(u"platform"_s).toString(), u"zha"_s);

    QCOMPARE(getJson(u"/api/devices/nope"_s, 404)
                 .value(u"error"_s)
                 .toObject()
                 .value(u"code"_s)
                 .toString(),
             u"not_found"_s);
    getJson(u"/api/entities/sensor.nope"_s, 404);
}

void TestHttpApi::smallRegistries()
{
    const QJsonObject areas = getJson(u"/api/areas"_s);
    QCOMPARE(areas.value(u"count"_s).toInt(), 4);
    QHash<QString, QJsonObject> byId;
    for (const QJsonValue &a : areas.value(u"areas"_s).toArray())
        byId.insert(a.toObject().value(u"area_id"_s).toString(), a.toObject());
    QCOMPARE(byId.value(u"living"_s).value(u"device_count"_s).toInt(), 2);
    QCOMPARE(byId.value(u"living"_s).value(u"entity_count"_s).toInt(), 2);
    QCOMPARE(byId.value(u"living"_s).value(u"floor_id"_s).toString(), u"ground"_s);
    QCOMPARE(byId.value(u"garage"_s).value(u"device_count"_s).toInt(), 0);
    QCOMPARE(byId.value(u"garage"_s).value(u"entity_count"_s).toInt(), 1);

    QCOMPARE(getJson(u"/api/floors"_s).value(u"count"_s).toInt(), 2);
    QCOMPARE(getJson(u"/api/labels"_s).value(u"count"_s).toInt(), 1);

    const QJsonObject integrations = getJson(u"/api/integrations"_s);
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

void TestHttpApi::errorStatuses_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    QTest::newRow("unknown route") << QByteArray("GET") << u"/api/nothing"_s << QByteArray()
                                   << QByteArray() << 404 << u"not_found"_s;
    QTest::newRow("method not allowed") << QByteArray("DELETE") << u"/api/devices"_s << QByteArray()
                                        << QByteArray() << 405 << u"method_not_allowed"_s;
    QTest::newRow("put on lookup")
        << QByteArray("PUT") << u"/api/entities/sun.sun"_s << QByteArray() << QByteArray() << 405
        << u"method_not_allowed"_s;
    QTest::newRow("bad limit") << QByteArray("GET") << u"/api/devices?limit=abc"_s << QByteArray()
                               << QByteArray() << 400 << u"bad_request"_s;
    QTest::newRow("zero limit") << QByteArray("GET") << u"/api/devices?limit=0"_s << QByteArray()
                                << QByteArray() << 400 << u"bad_request"_s;
    QTest::newRow("negative offset") << QByteArray("GET") << u"/api/entities?offset=-1"_s
                                     << QByteArray() << QByteArray() << 400 << u"bad_request"_s;
    QTest::newRow("unknown filter") << QByteArray("GET") << u"/api/devices?areaid=x"_s
                                    << QByteArray() << QByteArray() << 400 << u"bad_request"_s;
    QTest::newRow("malformed json")
        << QByteArray("POST") << u"/internal/devices/bulk_upsert"_s << QByteArray("{\"devices\": [")
        << QByteArray("application/json") << 400 << u"bad_json"_s;
    QTest::newRow("not json") << QByteArray("POST") << u"/internal/devices/bulk_upsert"_s
                              << QByteArray("a=b")
                              << QByteArray("application/x-www-form-urlencoded") << 415
                              << u"unsupported_media_type"_s;
    QTest::newRow("wrong shape") << QByteArray("POST") << u"/internal/entities/bulk_upsert"_s
                                 << QByteArray("{\"devices\":[]}") << QByteArray("application/json")
                                 << 400 << u"bad_request"_s;
    QTest::newRow("wrong field type") << QByteArray("POST") << u"/internal/devices/bulk_upsert"_s
                                      << QByteArray("[{\"id\":\"dx\",\"name\":5}]")
                                      << QByteArray("application/json") << 400 << u"bad_request"_s;
    QTest::newRow("device not object")
        << QByteArray("POST") << u"/api/devices"_s << QByteArray("[1]")
        << QByteArray("application/json") << 400 << u"bad_request"_s;
    QTest::newRow("prefs not object")
        << QByteArray("PUT") << u"/api/user/preferences"_s << QByteArray("[1]")
        << QByteArray("application/json") << 400 << u"bad_request"_s;
}

void TestHttpApi::errorStatuses()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    QFETCH(QString, code);
    QHash<QByteArray, QByteArray> headers{{"authorization", "Bearer " + kToken}};
    if (!contentType.isEmpty())
        headers.insert("content-type", contentType);
    const auto reply = m_http->send(method, path, body, headers);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.errorCode(), code);
    QVERIFY(!reply.json()
                 .object()
                 .value(u"error"_s)
                 .toObject()
                 .value(u"message"_s)
                 .toString()
                 .isEmpty());
    if (status == 405)
        QVERIFY(reply.headers.contains("allow"));
}

void TestHttpApi::authRequired_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("authorization");
    const QList<QPair<QByteArray, QString>> routes = {{"POST", u"/api/devices"_s},
                                                      {"POST", u"/internal/devices/bulk_upsert"_s},
                                                      {"POST", u"/internal/entities/bulk_upsert"_s},
                                                      {"GET", u"/api/user/preferences"_s},
                                                      {"PUT", u"/api/user/preferences"_s}};
    for (const auto &route : routes) {
        const QByteArray name = route.first + ' ' + route.second.toLatin1();
        QTest::newRow(QByteArray(name + " none").constData())
            << route.first << route.second << QByteArray();
        QTest::newRow(QByteArray(name + " wrong").constData())
            << route.first << route.second << QByteArray("Bearer wrong-token");
        QTest::newRow(QByteArray(name + " prefix").constData())
            << route.first << route.second << QByteArray("Bearer " + kToken.left(10));
        QTest::newRow(QByteArray(name + " basic").constData())
            << route.first << route.second << QByteArray("Basic " + kToken);
    }
}

void TestHttpApi::authRequired()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, authorization);
    QHash<QByteArray, QByteArray> headers{{"content-type", "application/json"}};
    if (!authorization.isEmpty())
        headers.insert("authorization", authorization);
    const auto reply = m_http->send(method, path, "[]", headers);
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.errorCode(), u"unauthorized"_s);
}

void TestHttpApi::writes()
{
    QJsonObject newDevice =
        device(u"d9"_s, u"Garage Door"_s, u"Meross"_s, u"MSG100"_s, u"garage"_s, u"e_zha"_s);
    auto reply =
        m_http->send("POST", u"/api/devices"_s, QJsonDocument(newDevice).toJson(), kAuthJson);
    QCOMPARE(reply.status, 201);
    QCOMPARE(reply.json().object().value(u"device_id"_s).toString(), u"d9"_s);
    QCOMPARE(reply.json().object().value(u"integration"_s).toString(), u"zha"_s);

    const QJsonArray batch{
        device(u"d10"_s, u"Plug A"_s, u"TP-Link"_s, u"HS110"_s, u"garage"_s, u"e_zha"_s),
        device(u"d11"_s, u"Plug B"_s, u"TP-Link"_s, u"HS110"_s, u"garage"_s, u"e_zha"_s)};
    reply = m_http->send("POST", u"/internal/devices/bulk_upsert"_s, QJsonDocument(batch).toJson(),
                         kAuthJson);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().object().value(u"status"_s).toString(), u"success"_s);
    QCOMPARE(reply.json().object().value(u"count"_s).toInt(), 2);

    const QJsonObject wrapped{
        {u"entities"_s, QJsonArray{entity(u"switch.plug_a"_s, u"d10"_s, u"tplink"_s)}}};
    reply = m_http->send("POST", u"/internal/entities/bulk_upsert"_s,
                         QJsonDocument(wrapped).toJson(), kAuthJson);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().object().value(u"count"_s).toInt(), 1);
    QCOMPARE(getJson(u"/api/devices/d10"_s).value(u"entity_count"_s).toInt(), 1);
    QCOMPARE(getJson(u"/api/devices?manufacturer=TP-Link"_s).value(u"total"_s).toInt(), 2);

    // Clean up so the other tests keep seeing the seeded home (bulk upsert never prunes).
    m_registry->apply(u"test"_s,
                      [](hai::RegistryWriter &w) { return w.deleteEntity(u"switch.plug_a"_s); });
    for (const char *id : {"d9", "d10", "d11"})
        m_registry->apply(
            u"test"_s, [id](hai::RegistryWriter &w) { return w.deleteDevice(QLatin1String(id)); });
    QCOMPARE(getJson(u"/api/devices"_s).value(u"total"_s).toInt(), 5);
}

void TestHttpApi::rejectedWriteChangesNothing_data()
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

void TestHttpApi::rejectedWriteChangesNothing()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    const int devicesBefore = getJson(u"/api/devices"_s).value(u"total"_s).toInt();
    const int entitiesBefore = getJson(u"/api/entities"_s).value(u"total"_s).toInt();
    const auto reply = m_http->send("POST", path, body, kAuthJson);
    QCOMPARE(reply.status, 400);
    QVERIFY2(reply.json()
                 .object()
                 .value(u"error"_s)
                 .toObject()
                 .value(u"message"_s)
                 .toString()
                 .contains(u'['),
             reply.body.constData()); // names the item index
    QCOMPARE(getJson(u"/api/devices"_s).value(u"total"_s).toInt(), devicesBefore);
    QCOMPARE(getJson(u"/api/entities"_s).value(u"total"_s).toInt(), entitiesBefore);
}

void TestHttpApi::oversizedBody()
{
    QByteArray body = "[";
    body.append(QByteArray(hai::HttpApi::kMaxBodyBytes + 16, ' '));
    body.append("]");
    const auto reply =
        m_http->send("POST", u"/internal/devices/bulk_upsert"_s, body, kAuthJson, 60000);
    QCOMPARE(reply.status, 413);
    QCOMPARE(reply.errorCode(), u"payload_too_large"_s);
    QCOMPARE(getJson(u"/api/devices"_s).value(u"total"_s).toInt(), 5);
}

void TestHttpApi::preferences()
{
    const QHash<QByteArray, QByteArray> auth{{"authorization", "Bearer " + kToken}};
    auto reply = m_http->send("GET", u"/api/user/preferences"_s, {}, auth);
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.json().object().value(u"preferences"_s).toObject().isEmpty());

    const QByteArray prefs = R"({"theme":"dark","favourites":["light.kitchen"],"page_size":50})";
    reply = m_http->send("PUT", u"/api/user/preferences"_s, prefs, kAuthJson);
    QCOMPARE(reply.status, 200);
    reply = m_http->send("GET", u"/api/user/preferences"_s, {}, auth);
    const QJsonObject stored = reply.json().object().value(u"preferences"_s).toObject();
    QCOMPARE(stored.value(u"theme"_s).toString(), u"dark"_s);
    QCOMPARE(stored.value(u"favourites"_s).toArray().size(), 1);
    QCOMPARE(stored.value(u"page_size"_s).toInt(), 50);
}

void TestHttpApi::cors()
{
    auto reply = m_http->send("GET", u"/api/areas"_s, {}, {{"origin", "http://dash.local:3000"}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.headers.value("access-control-allow-origin"),
             QByteArray("http://dash.local:3000"));

    reply = m_http->send("GET", u"/api/areas"_s, {}, {{"origin", "http://evil.example"}});
    QCOMPARE(reply.status, 200);
    QVERIFY(!reply.headers.contains("access-control-allow-origin"));

    reply = m_http->send(
        "OPTIONS", u"/internal/devices/bulk_upsert"_s, {},
        {{"origin", "http://dash.local:3000"}, {"access-control-request-method", "POST"}});
    QCOMPARE(reply.status, 204);
    QCOMPARE(reply.headers.value("access-control-allow-origin"),
             QByteArray("http://dash.local:3000"));
    QVERIFY(reply.headers.value("access-control-allow-methods").contains("POST"));
    QVERIFY(reply.headers.value("access-control-allow-headers").contains("Authorization"));

    reply = m_http->send("OPTIONS", u"/api/unknown"_s, {}, {{"origin", "http://dash.local:3000"}});
    QCOMPARE(reply.status, 404);
}

void TestHttpApi::openApiMatchesRouteTable()
{
    const QJsonObject doc = getJson(u"/api/openapi.json"_s);
    QVERIFY(doc.value(u"openapi"_s).toString().startsWith(u"3."_s));
    const QJsonObject paths = doc.value(u"paths"_s).toObject();

    // Every route is documented...
    int operations = 0;
    for (const hai::Route &route : m_api->router().routes()) {
        const QJsonObject op = paths.value(route.pattern)
                                   .toObject()
                                   .value(QString::fromLatin1(route.method).toLower())
                                   .toObject();
        QVERIFY2(!op.isEmpty(), qPrintable(route.pattern));
        QVERIFY(!op.value(u"summary"_s).toString().isEmpty());
        QVERIFY(op.value(u"responses"_s).toObject().contains(QString::number(route.successStatus)));
        QCOMPARE(op.contains(u"security"_s), route.requiresAuth);
        ++operations;
    }
    // ...and every documented operation is served (not 404/405), with its path parameters declared.
    int documented = 0;
    static const QRegularExpression placeholder(u"\\{([a-z_]+)\\}"_s);
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        const QJsonObject item = it.value().toObject();
        for (auto op = item.begin(); op != item.end(); ++op) {
            ++documented;
            QStringList declared;
            for (const QJsonValue &p : op.value().toObject().value(u"parameters"_s).toArray()) {
                if (p.toObject().value(u"in"_s).toString() == u"path"_s)
                    declared << p.toObject().value(u"name"_s).toString();
            }
            auto match = placeholder.globalMatch(it.key());
            while (match.hasNext())
                QVERIFY2(declared.contains(match.next().captured(1)), qPrintable(it.key()));
            const QString concrete = QString(it.key()).replace(placeholder, u"x"_s);
            const auto reply = m_http->send(op.key().toUpper().toLatin1(), concrete, "{}",
                                            {{"content-type", "application/json"}});
            QVERIFY2(reply.errorCode() != u"method_not_allowed"_s, qPrintable(it.key()));
            QVERIFY2(!(reply.status == 404 && reply.json()
                                                  .object()
                                                  .value(u"error"_s)
                                                  .toObject()
                                                  .value(u"message"_s)
                                                  .toString()
                                                  .startsWith(u"no route"_s)),
                     qPrintable(it.key()));
        }
    }
    QCOMPARE(documented, operations);
}

void TestHttpApi::metrics()
{
    getJson(u"/api/devices/d1"_s);
    const auto reply = m_http->get(u"/metrics"_s);
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.headers.value("content-type").startsWith("text/plain"));
    QVERIFY(reply.body.contains(R"(hai_registry_items{registry="devices"} 5)"));
    QVERIFY(reply.body.contains(R"(hai_registry_items{registry="entities"} 9)"));
    QVERIFY(reply.body.contains(
        R"(hai_http_requests_total{route="/api/devices/{device_id}",method="GET",status="200"})"));
    QVERIFY(reply.body.contains("hai_http_request_duration_seconds_bucket{"));
}

void TestHttpApi::liveStatesAndHomeAssistant()
{
    const QJsonObject light = getJson(u"/api/entities/light.kitchen"_s);
    QCOMPARE(light.value(u"state"_s).toString(), u"on"_s);
    QCOMPARE(light.value(u"last_changed"_s).toString(), u"2026-01-05T10:00:00.123456+00:00"_s);
    const QJsonObject sun = getJson(u"/api/entities/sun.sun"_s);
    QVERIFY(sun.contains(u"state"_s) && sun.value(u"state"_s).isNull());
    const QJsonArray inDevice = getJson(u"/api/devices/d1"_s).value(u"entities"_s).toArray();
    bool seen = false;
    for (const QJsonValue &e : inDevice)
        seen |= e.toObject().value(u"state"_s).toString() == u"on"_s;
    QVERIFY(seen);
    const QJsonArray lights =
        getJson(u"/api/entities?domain=light"_s).value(u"entities"_s).toArray();
    QCOMPARE(lights.first().toObject().value(u"state"_s).toString(), u"on"_s);

    QJsonObject ha = getJson(u"/health"_s)
                         .value(u"dependencies"_s)
                         .toObject()
                         .value(u"home_assistant"_s)
                         .toObject();
    QCOMPARE(ha.value(u"status"_s).toString(), u"healthy"_s);
    QCOMPARE(ha.value(u"state"_s).toString(), u"live"_s);
    QVERIFY(ha.contains(u"reconnects"_s) && ha.contains(u"ha_version"_s) &&
            ha.contains(u"last_error"_s));

    // Losing HA degrades the app (the registry is still served); a refused token is unhealthy.
    m_haStats->setState(hai::HaState::Connecting);
    QJsonObject health = getJson(u"/health"_s);
    QCOMPARE(health.value(u"status"_s).toString(), u"degraded"_s);
    m_haStats->setState(hai::HaState::Disconnected); // auth_invalid ends the connection
    m_haStats->setStatusOverride(u"auth_failed"_s);
    health = getJson(u"/health"_s);
    QCOMPARE(health.value(u"dependencies"_s)
                 .toObject()
                 .value(u"home_assistant"_s)
                 .toObject()
                 .value(u"status"_s)
                 .toString(),
             u"unhealthy"_s);
    QCOMPARE(health.value(u"status"_s).toString(), u"degraded"_s);
    m_haStats->setStatusOverride(QString());
    m_haStats->setState(hai::HaState::Live);

    const QJsonObject stats = getJson(u"/api/v1/stats"_s);
    QCOMPARE(stats.value(u"registry"_s).toObject().value(u"devices"_s).toInt(), 5);
    QVERIFY(stats.value(u"home_assistant"_s).toObject().contains(u"backfill"_s));
}

QTEST_GUILESS_MAIN(TestHttpApi)
#include "tst_httpapi.moc"
