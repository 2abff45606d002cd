// SPDX-License-Identifier: GPL-3.0-or-later
// DemoHome end to end: a raw QWebSocket client in the test thread checks what the simulated
// HA serves (config, states, registries, other read commands) and how registry mutations
// reach subscribers, against docs/home-assistant-protocol.md. History: tst_demohistory;
// traffic and faults: tst_demotraffic.
#include "demotestclient.h"

#include <QRegularExpression>
#include <QTest>

using hai::DemoHome;
using hai::DemoHomeOptions;
using namespace hai::test;

class TestDemoHome : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { DemoHomeFixture::quietTestMode(); }
    void cleanup() { m_fixture.reset(); }

    void otherPathsAreRejected();
    void getConfig();
    void getStates();
    void lastReportedFollowsVersion();
    void registryLists_data();
    void registryLists();
    void configEntriesFilters();
    void entityRegistryGet();
    void mutationEventsReachSubscribers();
    void otherReadCommands();

private:
    DemoHome &start(const DemoHomeOptions &options = smallOptions())
    {
        return m_fixture.start(options);
    }
    std::unique_ptr<TestClient> connectedClient() { return m_fixture.connectedClient(); }

    DemoHomeFixture m_fixture;
};

void TestDemoHome::otherPathsAreRejected()
{
    start();
    QWebSocket socket;
    QSignalSpy errors(&socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
    QSignalSpy connected(&socket, &QWebSocket::connected);
    QUrl url = m_fixture.home()->url();
    url.setPath(u"/api/other"_s);
    socket.open(url);
    QVERIFY(errors.wait(kWait));
    QCOMPARE(connected.size(), 0);
    QCOMPARE(m_fixture.home()->connectionCount(), 0);
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
    QCOMPARE(states.size(), m_fixture.home()->stateCount());
    QVERIFY(m_fixture.home()->stateCount() > 50);
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
        QCOMPARE(parse(m_fixture.home()->stateJson(state.value(u"entity_id"_s).toString())), state);
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
    const int expected = command.contains(u"device"_s)   ? m_fixture.home()->deviceCount()
                         : command.contains(u"entity"_s) ? m_fixture.home()->entityCount()
                         : command.contains(u"area"_s)   ? m_fixture.home()->areaCount()
                         : command.contains(u"floor"_s)  ? m_fixture.home()->floorCount()
                         : command.contains(u"label"_s)  ? m_fixture.home()->labelCount()
                                                         : m_fixture.home()->configEntryCount();
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
    const QString entityId = m_fixture.home()->entityIds().first();
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
    QVERIFY(services.size() < m_fixture.home()->configEntryCount());
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
    for (const QString &id : m_fixture.home()->entityIds()) {
        if (id.startsWith(u"sensor."_s) && !m_fixture.home()->stateJson(id).isEmpty()) {
            sensor = id;
            break;
        }
    }
    QVERIFY(m_fixture.home()->renameEntity(sensor, u"sensor.brand_new_name"_s));
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

    const QString areaId = m_fixture.home()->addArea(u"Studio"_s);
    QCOMPARE(areaId, u"studio"_s);
    const QJsonObject area = client->event(1).value(u"event"_s).toObject();
    QCOMPARE(area.value(u"event_type"_s).toString(), u"area_registry_updated"_s);
    QCOMPARE(area.value(u"data"_s).toObject(),
             parse("{\"action\":\"create\",\"area_id\":\"studio\"}"));
    const QString deviceId = m_fixture.home()->deviceIds().at(1);
    QVERIFY(m_fixture.home()->moveDevice(deviceId, areaId));
    const QJsonObject moved =
        client->event(1).value(u"event"_s).toObject().value(u"data"_s).toObject();
    QCOMPARE(moved.value(u"action"_s).toString(), u"update"_s);
    QVERIFY(moved.value(u"changes"_s).toObject().contains(u"area_id"_s));
    QVERIFY(m_fixture.home()->removeDevice(deviceId));
    const QJsonObject removed =
        client->event(1).value(u"event"_s).toObject().value(u"data"_s).toObject();
    QCOMPARE(removed.value(u"action"_s).toString(), u"remove"_s);
    QCOMPARE(removed.value(u"device"_s).toObject().value(u"area_id"_s).toString(), areaId);
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
    QVERIFY(entities.size() < m_fixture.home()->entityCount()); // disabled entities are left out
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

QTEST_GUILESS_MAIN(TestDemoHome)
#include "tst_demohome.moc"
