// SPDX-License-Identifier: GPL-3.0-or-later
// DemoHome end to end: a raw QWebSocket client in the test thread checks what the simulated
// HA serves (config, states, registries, history, history/stream), how registry mutations
// reach subscribers, the fault injection, the traffic pacing and the worker-thread use,
// against docs/home-assistant-protocol.md.
#include "demotestclient.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>
#include <QThread>
#include <QTimeZone>

#include <cmath>

using hai::DemoHome;
using hai::DemoHomeOptions;
using namespace hai::test;

class TestDemoHome : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLoggingCategory::setFilterRules(u"hai.demo.info=false"_s);
    }
    void cleanup() { m_home.reset(); }

    void otherPathsAreRejected();
    void getConfig();
    void getStates();
    void lastReportedFollowsVersion();
    void registryLists_data();
    void registryLists();
    void configEntriesFilters();
    void entityRegistryGet();
    void mutationEventsReachSubscribers();
    void historyFromRecord();
    void historyErrors_data();
    void historyErrors();
    void historyLagsUntilCommitted();
    void historyStream();
    void wholeSecondTimesHaveNoFraction();
    void hugeGetStates();
    void dropWithoutCloseFrame();
    void refuseConnections();
    void restartSendsStopThenCloses();
    void responseDelay();
    void burstPacedByClient();
    void steadyRate();
    void otherReadCommands();
    void worksInWorkerThread();

private:
    DemoHome &start(const DemoHomeOptions &options = smallOptions());
    std::unique_ptr<TestClient> connectedClient();

    std::unique_ptr<DemoHome> m_home;
};

DemoHome &TestDemoHome::start(const DemoHomeOptions &options)
{
    m_home = std::make_unique<DemoHome>(options);
    if (!m_home->listen())
        qFatal("DemoHome did not listen");
    return *m_home;
}

std::unique_ptr<TestClient> TestDemoHome::connectedClient()
{
    auto client = std::make_unique<TestClient>();
    if (!client->authenticate(m_home->url()))
        return nullptr;
    return client;
}

void TestDemoHome::otherPathsAreRejected()
{
    start();
    QWebSocket socket;
    QSignalSpy errors(&socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
    QSignalSpy connected(&socket, &QWebSocket::connected);
    QUrl url = m_home->url();
    url.setPath(u"/api/other"_s);
    socket.open(url);
    QVERIFY(errors.wait(kWait));
    QCOMPARE(connected.size(), 0);
    QCOMPARE(m_home->connectionCount(), 0);
}

void TestDemoHome::getConfig()
{
    start();
    auto client = connectedClient();
    QVERIFY(client);
    const QJsonObject reply = client->command({{u"type"_s, u"get_config"_s}});
    QCOMPARE(reply.value(u"success"_s).toBool(), true);
    const QJsonObject config = reply.value(u"result"_s).toObject();
    QCOMPARE(config.value(u"version"_s).toString(), u"2026.8.0"_s);
    QCOMPARE(config.value(u"state"_s).toString(), u"RUNNING"_s);
    for (const char *key : {"allowlist_external_dirs",
                            "allowlist_external_urls",
                            "components",
                            "config_dir",
                            "config_source",
                            "country",
                            "currency",
                            "elevation",
                            "external_url",
                            "internal_url",
                            "language",
                            "latitude",
                            "location_name",
                            "longitude",
                            "radius",
                            "recovery_mode",
                            "safe_mode",
                            "time_zone",
                            "unit_system",
                            "whitelist_external_dirs"})
        QVERIFY2(config.contains(QLatin1String(key)), key);
    QCOMPARE(config.value(u"unit_system"_s).toObject().value(u"temperature"_s).toString(), u"°C"_s);
    QVERIFY(config.value(u"components"_s).toArray().contains(u"hue"_s));
}

void TestDemoHome::getStates()
{
    start();
    auto client = connectedClient();
    QVERIFY(client);
    const QJsonObject reply = client->command({{u"type"_s, u"get_states"_s}});
    const QJsonArray states = reply.value(u"result"_s).toArray();
    QCOMPARE(states.size(), m_home->stateCount());
    QVERIFY(m_home->stateCount() > 50);
    static const QRegularExpression ulid(u"^[0-7][0-9A-HJKMNP-TV-Z]{25}$"_s);
    for (const QJsonValue &value : states) {
        const QJsonObject state = value.toObject();
        QCOMPARE(keysOf(state),
                 sorted({u"entity_id"_s, u"state"_s, u"attributes"_s, u"last_changed"_s,
                         u"last_reported"_s, u"last_updated"_s, u"context"_s}));
        QVERIFY(state.value(u"state"_s).isString());
        QVERIFY(state.value(u"attributes"_s).isObject());
        const QJsonObject context = state.value(u"context"_s).toObject();
        QCOMPARE(keysOf(context), sorted({u"id"_s, u"parent_id"_s, u"user_id"_s}));
        QVERIFY(ulid.match(context.value(u"id"_s).toString()).hasMatch());
        QCOMPARE(parse(m_home->stateJson(state.value(u"entity_id"_s).toString())), state);
    }
    // The raw frame keeps HA's key order.
    QVERIFY(client->frames.last().startsWith(
        u"{\"id\":1,\"type\":\"result\",\"success\":true,\"result\":[{\"entity_id\":"_s));
    QVERIFY(client->frames.last().contains(u"\"last_changed\":\""_s));
    QVERIFY(client->frames.last().indexOf(u"\"last_reported\""_s) <
            client->frames.last().indexOf(u"\"last_updated\""_s));
}

void TestDemoHome::lastReportedFollowsVersion()
{
    DemoHomeOptions options = smallOptions();
    options.haVersion = u"2024.1.5"_s;
    start(options);
    auto client = connectedClient();
    QVERIFY(client);
    const QJsonArray states =
        client->command({{u"type"_s, u"get_states"_s}}).value(u"result"_s).toArray();
    QVERIFY(!states.isEmpty());
    for (const QJsonValue &state : states)
        QVERIFY(!state.toObject().contains(u"last_reported"_s));
    const QJsonArray devices = client->command({{u"type"_s, u"config/device_registry/list"_s}})
                                   .value(u"result"_s)
                                   .toArray();
    QVERIFY(!devices.first().toObject().contains(u"config_entry_id"_s));
    QVERIFY(!devices.first().toObject().contains(u"created_at"_s));
}

void TestDemoHome::registryLists_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("fields");
    QTest::newRow("devices") << u"config/device_registry/list"_s
                             << QStringList{u"area_id"_s,
                                            u"configuration_url"_s,
                                            u"config_entries"_s,
                                            u"config_entries_subentries"_s,
                                            u"config_entry_id"_s,
                                            u"config_subentry_id"_s,
                                            u"connections"_s,
                                            u"created_at"_s,
                                            u"disabled_by"_s,
                                            u"entry_type"_s,
                                            u"hw_version"_s,
                                            u"id"_s,
                                            u"identifiers"_s,
                                            u"labels"_s,
                                            u"manufacturer"_s,
                                            u"model"_s,
                                            u"model_id"_s,
                                            u"modified_at"_s,
                                            u"name_by_user"_s,
                                            u"name"_s,
                                            u"primary_config_entry"_s,
                                            u"serial_number"_s,
                                            u"sw_version"_s,
                                            u"via_device_id"_s};
    QTest::newRow("entities")
        << u"config/entity_registry/list"_s
        << QStringList{
               u"area_id"_s,    u"categories"_s,      u"config_entry_id"_s, u"config_subentry_id"_s,
               u"created_at"_s, u"device_id"_s,       u"disabled_by"_s,     u"entity_category"_s,
               u"entity_id"_s,  u"has_entity_name"_s, u"hidden_by"_s,       u"icon"_s,
               u"id"_s,         u"labels"_s,          u"modified_at"_s,     u"name"_s,
               u"options"_s,    u"original_name"_s,   u"platform"_s,        u"translation_key"_s,
               u"unique_id"_s};
    QTest::newRow("areas") << u"config/area_registry/list"_s
                           << QStringList{u"aliases"_s,
                                          u"area_id"_s,
                                          u"floor_id"_s,
                                          u"humidity_entity_id"_s,
                                          u"icon"_s,
                                          u"labels"_s,
                                          u"name"_s,
                                          u"picture"_s,
                                          u"temperature_entity_id"_s,
                                          u"created_at"_s,
                                          u"modified_at"_s};
    QTest::newRow("floors") << u"config/floor_registry/list"_s
                            << QStringList{u"aliases"_s,    u"created_at"_s, u"floor_id"_s,
                                           u"icon"_s,       u"level"_s,      u"name"_s,
                                           u"modified_at"_s};
    QTest::newRow("labels") << u"config/label_registry/list"_s
                            << QStringList{u"color"_s,      u"created_at"_s, u"description"_s,
                                           u"icon"_s,       u"label_id"_s,   u"name"_s,
                                           u"modified_at"_s};
    QTest::newRow("config entries") << u"config_entries/get"_s
                                    << QStringList{u"created_at"_s,
                                                   u"entry_id"_s,
                                                   u"domain"_s,
                                                   u"modified_at"_s,
                                                   u"title"_s,
                                                   u"source"_s,
                                                   u"state"_s,
                                                   u"supports_options"_s,
                                                   u"supports_remove_device"_s,
                                                   u"supports_unload"_s,
                                                   u"supports_reconfigure"_s,
                                                   u"supported_subentry_types"_s,
                                                   u"pref_disable_new_entities"_s,
                                                   u"pref_disable_polling"_s,
                                                   u"disabled_by"_s,
                                                   u"reason"_s,
                                                   u"error_reason_translation_key"_s,
                                                   u"error_reason_translation_placeholders"_s,
                                                   u"num_subentries"_s};
}

void TestDemoHome::registryLists()
{
    QFETCH(QString, command);
    QFETCH(QStringList, fields);
    start();
    auto client = connectedClient();
    QVERIFY(client);
    const QJsonObject reply = client->command({{u"type"_s, command}});
    QCOMPARE(reply.value(u"success"_s).toBool(), true);
    const QJsonArray items = reply.value(u"result"_s).toArray();
    const int expected = command.contains(u"device"_s)   ? m_home->deviceCount()
                         : command.contains(u"entity"_s) ? m_home->entityCount()
                         : command.contains(u"area"_s)   ? m_home->areaCount()
                         : command.contains(u"floor"_s)  ? m_home->floorCount()
                         : command.contains(u"label"_s)  ? m_home->labelCount()
                                                         : m_home->configEntryCount();
    QCOMPARE(items.size(), expected);
    for (const QJsonValue &item : items) {
        const QJsonObject object = item.toObject();
        QCOMPARE(keysOf(object), sorted(fields));
        if (object.contains(u"created_at"_s)) {
            QVERIFY(object.value(u"created_at"_s).isDouble());
            QVERIFY(object.value(u"created_at"_s).toDouble() > 1.6e9);
            QVERIFY(object.value(u"modified_at"_s).toDouble() >=
                    object.value(u"created_at"_s).toDouble());
        }
    }
    // The raw frame keeps HA's key order for the first field.
    QVERIFY(client->frames.last().contains(u"\"result\":[{\""_s + fields.first() + u"\":"_s));
}

void TestDemoHome::entityRegistryGet()
{
    start();
    auto client = connectedClient();
    QVERIFY(client);
    const QString entityId = m_home->entityIds().first();
    const QJsonObject listed = client->command({{u"type"_s, u"config/entity_registry/list"_s}})
                                   .value(u"result"_s)
                                   .toArray()
                                   .first()
                                   .toObject();
    const QJsonObject reply =
        client->command({{u"type"_s, u"config/entity_registry/get"_s}, {u"entity_id"_s, entityId}});
    QCOMPARE(reply.value(u"success"_s).toBool(), true);
    QJsonObject extended = reply.value(u"result"_s).toObject();
    // extended_dict = as_partial_dict + five keys.
    for (const char *key :
         {"aliases", "capabilities", "device_class", "original_device_class", "original_icon"}) {
        QVERIFY2(extended.contains(QLatin1String(key)), key);
        extended.remove(QLatin1String(key));
    }
    QCOMPARE(extended, listed);

    const QJsonObject missing = client->command(
        {{u"type"_s, u"config/entity_registry/get"_s}, {u"entity_id"_s, u"sensor.nope"_s}});
    QCOMPARE(missing.value(u"success"_s).toBool(), false);
    QCOMPARE(missing.value(u"error"_s).toObject().value(u"code"_s).toString(), u"not_found"_s);
    QCOMPARE(missing.value(u"error"_s).toObject().value(u"message"_s).toString(),
             u"Entity not found"_s);

    const QJsonObject entries =
        client
            ->command({{u"type"_s, u"config/entity_registry/get_entries"_s},
                       {u"entity_ids"_s, QJsonArray{entityId, u"sensor.nope"_s}}})
            .value(u"result"_s)
            .toObject();
    QCOMPARE(entries.value(entityId).toObject().value(u"entity_id"_s).toString(), entityId);
    QVERIFY(entries.contains(u"sensor.nope"_s) && entries.value(u"sensor.nope"_s).isNull());
}

void TestDemoHome::configEntriesFilters()
{
    start();
    auto client = connectedClient();
    QVERIFY(client);
    const QJsonArray services = client
                                    ->command({{u"type"_s, u"config_entries/get"_s},
                                               {u"type_filter"_s, QJsonArray{u"service"_s}}})
                                    .value(u"result"_s)
                                    .toArray();
    QVERIFY(!services.isEmpty());
    QVERIFY(services.size() < m_home->configEntryCount());
    for (const QJsonValue &entry : services)
        QVERIFY(QStringList({u"met"_s, u"sun"_s})
                    .contains(entry.toObject().value(u"domain"_s).toString()));
    const QJsonArray hue =
        client->command({{u"type"_s, u"config_entries/get"_s}, {u"domain"_s, u"hue"_s}})
            .value(u"result"_s)
            .toArray();
    QCOMPARE(hue.size(), 1);
    QCOMPARE(hue.first().toObject().value(u"state"_s).toString(), u"loaded"_s);
}

void TestDemoHome::mutationEventsReachSubscribers()
{
    start();
    auto client = connectedClient();
    QVERIFY(client);
    client->command({{u"type"_s, u"subscribe_events"_s}});
    QString sensor;
    for (const QString &id : m_home->entityIds()) {
        if (id.startsWith(u"sensor."_s) && !m_home->stateJson(id).isEmpty()) {
            sensor = id;
            break;
        }
    }
    QVERIFY(m_home->renameEntity(sensor, u"sensor.brand_new_name"_s));
    const QJsonObject registry = client->event(1).value(u"event"_s).toObject();
    QCOMPARE(registry.value(u"event_type"_s).toString(), u"entity_registry_updated"_s);
    QCOMPARE(
        registry.value(u"data"_s).toObject(),
        parse(
            (u"{\"action\":\"update\",\"entity_id\":\"sensor.brand_new_name\",\"changes\":{\"entity_id\":\""_s +
             sensor + u"\"},\"old_entity_id\":\""_s + sensor + u"\"}"_s)
                .toUtf8()));
    const QJsonObject gone =
        client->event(1).value(u"event"_s).toObject().value(u"data"_s).toObject();
    QCOMPARE(gone.value(u"entity_id"_s).toString(), sensor);
    QVERIFY(gone.value(u"new_state"_s).isNull());
    const QJsonObject back =
        client->event(1).value(u"event"_s).toObject().value(u"data"_s).toObject();
    QCOMPARE(back.value(u"entity_id"_s).toString(), u"sensor.brand_new_name"_s);
    QVERIFY(back.value(u"old_state"_s).isNull());

    const QString areaId = m_home->addArea(u"Studio"_s);
    QCOMPARE(areaId, u"studio"_s);
    const QJsonObject area = client->event(1).value(u"event"_s).toObject();
    QCOMPARE(area.value(u"event_type"_s).toString(), u"area_registry_updated"_s);
    QCOMPARE(area.value(u"data"_s).toObject(),
             parse("{\"action\":\"create\",\"area_id\":\"studio\"}"));
    const QString deviceId = m_home->deviceIds().at(1);
    QVERIFY(m_home->moveDevice(deviceId, areaId));
    const QJsonObject moved =
        client->event(1).value(u"event"_s).toObject().value(u"data"_s).toObject();
    QCOMPARE(moved.value(u"action"_s).toString(), u"update"_s);
    QVERIFY(moved.value(u"changes"_s).toObject().contains(u"area_id"_s));
    QVERIFY(m_home->removeDevice(deviceId));
    const QJsonObject removed =
        client->event(1).value(u"event"_s).toObject().value(u"data"_s).toObject();
    QCOMPARE(removed.value(u"action"_s).toString(), u"remove"_s);
    QCOMPARE(removed.value(u"device"_s).toObject().value(u"area_id"_s).toString(), areaId);
}

void TestDemoHome::historyFromRecord()
{
    start();
    auto client = connectedClient();
    QVERIFY(client);
    client->command({{u"type"_s, u"subscribe_events"_s}, {u"event_type"_s, u"state_changed"_s}});
    m_home->emitNow(400);
    // What went out live, per entity: last_updated strings.
    QHash<QString, QStringList> live;
    for (int i = 0; i < 400; ++i) {
        const QJsonObject data =
            client->event(1).value(u"event"_s).toObject().value(u"data"_s).toObject();
        live[data.value(u"entity_id"_s).toString()].append(
            data.value(u"new_state"_s).toObject().value(u"last_updated"_s).toString());
    }
    QString busiest;
    for (auto it = live.begin(); it != live.end(); ++it) {
        if (busiest.isEmpty() || it.value().size() > live.value(busiest).size())
            busiest = it.key();
    }
    const QJsonObject reply = client->command({{u"type"_s, u"history/history_during_period"_s},
                                               {u"start_time"_s, u"2000-01-01T00:00:00Z"_s},
                                               {u"entity_ids"_s, QJsonArray{busiest}},
                                               {u"significant_changes_only"_s, false},
                                               {u"include_start_time_state"_s, false}});
    QCOMPARE(reply.value(u"success"_s).toBool(), true);
    const QJsonArray rows = reply.value(u"result"_s).toObject().value(busiest).toArray();
    // The generated state plus every live one.
    QCOMPARE(rows.size(), live.value(busiest).size() + 1);
    for (int i = 0; i < rows.size(); ++i) {
        const QJsonObject row = rows.at(i).toObject();
        QVERIFY(row.contains(u"s"_s) && row.contains(u"a"_s) && row.contains(u"lu"_s));
        if (row.contains(u"lc"_s))
            QVERIFY(row.value(u"lc"_s).toDouble() < row.value(u"lu"_s).toDouble());
        if (i == 0)
            continue;
        // Rounded to the microsecond, the float is the live ISO time.
        const qint64 micros = std::llround(row.value(u"lu"_s).toDouble() * 1e6);
        const QDateTime time = QDateTime::fromMSecsSinceEpoch(micros / 1000, Qt::UTC);
        const QString iso = live.value(busiest).at(i - 1);
        QCOMPARE(time.toString(u"yyyy-MM-ddTHH:mm:ss"_s), iso.left(19));
        const int fraction = iso.size() > 25 ? iso.mid(20, 6).toInt() : 0;
        QCOMPARE(int(micros % 1000000), fraction);
    }
    // Defaults: significant changes only and the start state.
    const QJsonObject defaults = client->command(
        {{u"type"_s, u"history/history_during_period"_s},
         {u"start_time"_s, QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODate)},
         {u"entity_ids"_s, QJsonArray{busiest}},
         {u"minimal_response"_s, true},
         {u"no_attributes"_s, true}});
    const QJsonArray minimal = defaults.value(u"result"_s).toObject().value(busiest).toArray();
    QVERIFY(!minimal.isEmpty());
    for (const QJsonValue &row : minimal)
        QVERIFY(!row.toObject().contains(u"a"_s));
}

void TestDemoHome::historyErrors_data()
{
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("end");
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("code");
    QTest::newRow("bad start") << u"noon"_s << QString() << u"sun.sun"_s << u"invalid_start_time"_s;
    QTest::newRow("bad end") << u"2026-01-01T00:00:00Z"_s << u"later"_s << u"sun.sun"_s
                             << u"invalid_end_time"_s;
    QTest::newRow("bad entity") << u"2026-01-01T00:00:00Z"_s << QString() << u"Not An Entity"_s
                                << u"invalid_entity_ids"_s;
    QTest::newRow("future start") << u"2999-01-01T00:00:00Z"_s << QString() << u"sun.sun"_s
                                  << QString();
}

void TestDemoHome::historyErrors()
{
    QFETCH(QString, start);
    QFETCH(QString, end);
    QFETCH(QString, entity);
    QFETCH(QString, code);
    this->start();
    auto client = connectedClient();
    QVERIFY(client);
    QJsonObject command{{u"type"_s, u"history/history_during_period"_s},
                        {u"start_time"_s, start},
                        {u"entity_ids"_s, QJsonArray{entity}}};
    if (!end.isNull())
        command.insert(u"end_time"_s, end);
    const QJsonObject reply = client->command(command);
    if (code.isEmpty()) {
        QCOMPARE(reply.value(u"result"_s).toObject(), QJsonObject());
        QCOMPARE(reply.value(u"success"_s).toBool(), true);
    } else {
        QCOMPARE(reply.value(u"error"_s).toObject().value(u"code"_s).toString(), code);
    }
}

void TestDemoHome::historyLagsUntilCommitted()
{
    DemoHomeOptions options = smallOptions();
    options.recorderCommitMs = 60000; // never during the test, only when told
    start(options);
    auto client = connectedClient();
    QVERIFY(client);
    const QString light = [this] {
        for (const QString &id : m_home->entityIds()) {
            if (id.startsWith(u"switch."_s) && !m_home->stateJson(id).isEmpty())
                return id;
        }
        return QString();
    }();
    const QString current = parse(m_home->stateJson(light)).value(u"state"_s).toString();
    const QString other = current == u"on"_s ? u"off"_s : u"on"_s;
    QVERIFY(m_home->setState(light, other));
    QVERIFY(m_home->setState(light, current));
    const QJsonObject query{
        {u"type"_s, u"history/history_during_period"_s},
        {u"start_time"_s, QDateTime::currentDateTimeUtc().addSecs(-60).toString(Qt::ISODate)},
        {u"entity_ids"_s, QJsonArray{light}},
        {u"include_start_time_state"_s, false}};
    QCOMPARE(client->command(query).value(u"result"_s).toObject(), QJsonObject());
    m_home->commitHistory();
    QCOMPARE(client->command(query).value(u"result"_s).toObject().value(light).toArray().size(), 2);
}

void TestDemoHome::historyStream()
{
    DemoHomeOptions options = smallOptions();
    options.recorderCommitMs = 60000; // the stream still sees the newest rows
    start(options);
    auto client = connectedClient();
    QVERIFY(client);
    QString plug;
    for (const QString &id : m_home->entityIds()) {
        if (id.startsWith(u"switch."_s) && !m_home->stateJson(id).isEmpty())
            plug = id;
    }
    const QString current = parse(m_home->stateJson(plug)).value(u"state"_s).toString();
    const QString other = current == u"on"_s ? u"off"_s : u"on"_s;
    QVERIFY(m_home->setState(plug, other));
    const QString start = QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODate);
    const QJsonObject reply = client->command({{u"type"_s, u"history/stream"_s},
                                               {u"start_time"_s, start},
                                               {u"entity_ids"_s, QJsonArray{plug}},
                                               {u"include_start_time_state"_s, false}});
    QCOMPARE(reply, parse("{\"id\":1,\"type\":\"result\",\"success\":true,\"result\":null}"));
    const QJsonObject history = client->event(1).value(u"event"_s).toObject();
    QCOMPARE(sorted(history.keys()), sorted({u"states"_s, u"start_time"_s, u"end_time"_s}));
    const QJsonArray rows = history.value(u"states"_s).toObject().value(plug).toArray();
    QVERIFY(!rows.isEmpty());
    QCOMPARE(rows.last().toObject().value(u"s"_s).toString(), other);
    QVERIFY(history.value(u"end_time"_s).toDouble() > history.value(u"start_time"_s).toDouble());

    // Live rows come coalesced, without start and end times.
    QVERIFY(m_home->setState(plug, current));
    QVERIFY(m_home->setState(plug, other));
    const QJsonObject live = client->event(1).value(u"event"_s).toObject();
    QCOMPARE(live.keys(), QStringList{u"states"_s});
    const QJsonArray liveRows = live.value(u"states"_s).toObject().value(plug).toArray();
    QCOMPARE(liveRows.size(), 2);
    QCOMPARE(sorted(liveRows.first().toObject().keys()), sorted({u"s"_s, u"a"_s, u"lu"_s}));
    QCOMPARE(client->command({{u"type"_s, u"unsubscribe_events"_s}, {u"subscription"_s, 1}})
                 .value(u"success"_s)
                 .toBool(),
             true);

    // With an end time in the past the stream is only the history.
    client->command(
        {{u"type"_s, u"history/stream"_s},
         {u"start_time"_s, start},
         {u"end_time"_s, QDateTime::currentDateTimeUtc().addSecs(-1800).toString(Qt::ISODate)},
         {u"entity_ids"_s, QJsonArray{plug}}});
    QVERIFY(client->event(3).value(u"event"_s).toObject().contains(u"end_time"_s));
    QCOMPARE(client->command({{u"type"_s, u"unsubscribe_events"_s}, {u"subscription"_s, 3}})
                 .value(u"error"_s)
                 .toObject()
                 .value(u"code"_s)
                 .toString(),
             u"not_found"_s);
}

void TestDemoHome::wholeSecondTimesHaveNoFraction()
{
    start();
    auto client = connectedClient();
    QVERIFY(client);
    const QJsonArray states =
        client->command({{u"type"_s, u"get_states"_s}}).value(u"result"_s).toArray();
    static const QRegularExpression whole(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00$"_s);
    static const QRegularExpression micro(
        u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00$"_s);
    int wholeCount = 0;
    for (const QJsonValue &state : states) {
        const QString updated = state.toObject().value(u"last_updated"_s).toString();
        QVERIFY2(whole.match(updated).hasMatch() || micro.match(updated).hasMatch(),
                 qPrintable(updated));
        wholeCount += whole.match(updated).hasMatch();
    }
    QVERIFY(wholeCount > 0);
}

void TestDemoHome::hugeGetStates()
{
    DemoHomeOptions options = smallOptions();
    options.hugeStatesBytes = 20 * 1024 * 1024;
    start(options);
    auto client = connectedClient();
    QVERIFY(client);
    const QJsonObject reply = client->command({{u"type"_s, u"get_states"_s}});
    QCOMPARE(reply.value(u"result"_s).toArray().size(), m_home->stateCount());
    QVERIFY(client->frames.last().toUtf8().size() >= 20 * 1024 * 1024);
}

void TestDemoHome::dropWithoutCloseFrame()
{
    start();
    auto client = connectedClient();
    QVERIFY(client);
    QSignalSpy closeFrames(&client->socket(), &QWebSocket::aboutToClose);
    m_home->dropAllConnections();
    QVERIFY(client->waitForDisconnected());
    // A close frame from the server would have made the client answer it (aboutToClose).
    QCOMPARE(closeFrames.size(), 0);
    QCOMPARE(client->socket().closeReason(), QString());
    // A new connection works at once.
    auto again = connectedClient();
    QVERIFY(again);
}

void TestDemoHome::refuseConnections()
{
    start();
    m_home->refuseConnectionsFor(400);
    QVERIFY(m_home->isRefusingConnections());
    QWebSocket refused;
    QSignalSpy errors(&refused, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
    refused.open(m_home->url());
    QVERIFY(errors.wait(kWait));
    QCOMPARE(errors.first().first().value<QAbstractSocket::SocketError>(),
             QAbstractSocket::ConnectionRefusedError);
    QTRY_VERIFY_WITH_TIMEOUT(!m_home->isRefusingConnections(), kWait);
    auto client = connectedClient();
    QVERIFY(client);
}

void TestDemoHome::restartSendsStopThenCloses()
{
    start();
    auto client = connectedClient();
    QVERIFY(client);
    client->command({{u"type"_s, u"subscribe_events"_s}});
    m_home->simulateRestart(300);
    const QJsonObject stop = client->event(1).value(u"event"_s).toObject();
    QCOMPARE(stop.value(u"event_type"_s).toString(), u"homeassistant_stop"_s);
    QCOMPARE(stop.value(u"data"_s).toObject(), QJsonObject());
    QVERIFY(client->waitForDisconnected());
    QCOMPARE(client->socket().closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    QVERIFY(m_home->isRefusingConnections());
    QTRY_VERIFY_WITH_TIMEOUT(!m_home->isRefusingConnections(), kWait);
    QVERIFY(connectedClient());
}

void TestDemoHome::responseDelay()
{
    start();
    auto client = connectedClient();
    QVERIFY(client);
    m_home->setResponseDelay(300);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(client->command({{u"type"_s, u"ping"_s}}).value(u"type"_s).toString(), u"pong"_s);
    QVERIFY(timer.elapsed() >= 290);
}

void TestDemoHome::burstPacedByClient()
{
    start();
    auto client = connectedClient();
    QVERIFY(client);
    client->command({{u"type"_s, u"supported_features"_s},
                     {u"features"_s, QJsonObject{{u"coalesce_messages"_s, 1}}}});
    client->command({{u"type"_s, u"subscribe_events"_s}, {u"event_type"_s, u"state_changed"_s}});
    QSignalSpy finished(m_home.get(), &DemoHome::burstFinished);
    m_home->emitBurst(20000);
    int received = 0;
    while (received < 20000) {
        if (client->event(2).isEmpty())
            break;
        ++received;
    }
    QCOMPARE(received, 20000);
    QVERIFY(finished.size() == 1 || finished.wait(kWait));
    QCOMPARE(m_home->connectionCount(), 1); // never over the pending limit
    QVERIFY(client->frames.size() < 20000); // coalesced
}

void TestDemoHome::steadyRate()
{
    start();
    auto client = connectedClient();
    QVERIFY(client);
    client->command({{u"type"_s, u"subscribe_events"_s}});
    m_home->setEventRate(200);
    for (int i = 0; i < 20; ++i)
        QVERIFY(!client->event(1).isEmpty());
    // Live times land on whole seconds now and then (no fraction), as HA's do.
    const QJsonObject whole = client->take(
        [](const QJsonObject &m) {
            return m.value(u"type"_s) == u"event"_s &&
                   !m.value(u"event"_s).toObject().value(u"time_fired"_s).toString().contains(u'.');
        },
        3000);
    QVERIFY(!whole.isEmpty());
    QCOMPARE(whole.value(u"event"_s).toObject().value(u"time_fired"_s).toString().size(), 25);
    m_home->setEventRate(0);
    QVERIFY(m_home->emittedStateChanges() >= 20);
}

void TestDemoHome::otherReadCommands()
{
    start();
    auto client = connectedClient();
    QVERIFY(client);
    const QJsonObject display =
        client->command({{u"type"_s, u"config/entity_registry/list_for_display"_s}})
            .value(u"result"_s)
            .toObject();
    QCOMPARE(display.value(u"entity_categories"_s).toObject(),
             parse("{\"0\":\"config\",\"1\":\"diagnostic\"}"));
    const QJsonArray entities = display.value(u"entities"_s).toArray();
    QVERIFY(!entities.isEmpty());
    QVERIFY(entities.size() < m_home->entityCount()); // disabled entities are left out
    for (const QJsonValue &entity : entities) {
        QVERIFY(entity.toObject().value(u"ei"_s).isString());
        QVERIFY(entity.toObject().value(u"pl"_s).isString());
    }
    const QJsonObject services =
        client->command({{u"type"_s, u"get_services"_s}}).value(u"result"_s).toObject();
    QVERIFY(services.value(u"light"_s).toObject().contains(u"turn_on"_s));
    const QJsonObject panels =
        client->command({{u"type"_s, u"get_panels"_s}}).value(u"result"_s).toObject();
    QCOMPARE(panels.value(u"lovelace"_s).toObject().value(u"url_path"_s).toString(), u"lovelace"_s);
}

void TestDemoHome::worksInWorkerThread()
{
    QThread thread;
    thread.setObjectName(u"demo"_s);
    thread.start();
    DemoHomeOptions options = smallOptions();
    options.recorderCommitMs = 50; // a running timer moves along
    options.eventsPerSecond = 20;
    auto *home = new DemoHome(options);
    home->moveToThread(&thread);
    QUrl url;
    QMetaObject::invokeMethod(
        home,
        [home, &url] {
            if (home->listen())
                url = home->url();
        },
        Qt::BlockingQueuedConnection);
    QVERIFY(url.isValid());
    TestClient client;
    QVERIFY(client.authenticate(url));
    client.command({{u"type"_s, u"subscribe_events"_s}});
    QMetaObject::invokeMethod(
        home, [home] { home->emitNow(3); }, Qt::BlockingQueuedConnection);
    for (int i = 0; i < 3; ++i)
        QVERIFY(!client.event(1).isEmpty());
    QMetaObject::invokeMethod(
        home, [home] { delete home; }, Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
    QVERIFY(client.waitForDisconnected());
}

QTEST_GUILESS_MAIN(TestDemoHome)
#include "tst_demohome.moc"
