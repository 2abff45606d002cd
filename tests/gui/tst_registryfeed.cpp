// SPDX-License-Identifier: GPL-3.0-or-later
// RegistryFeed on a real SQLite registry: the first snapshot in chunks, rows with their joined
// names, and afterwards only the rows that changed; writes in a burst make one reload.
#include "registry/registryfeed.h"
#include "registryfixture.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hai;

namespace {

template <typename Delta>
QList<Delta> deltas(const QSignalSpy &spy)
{
    QList<Delta> list;
    for (const QList<QVariant> &arguments : spy)
        list.append(qvariant_cast<Delta>(arguments.at(0)));
    return list;
}

template <typename Row>
QHash<QString, Row> rowsOf(const QList<RegistryDelta<Row>> &list)
{
    QHash<QString, Row> rows;
    for (const RegistryDelta<Row> &delta : list) {
        for (const Row &row : delta.added)
            rows.insert(row.key(), row);
        for (const Row &row : delta.changed)
            rows.insert(row.key(), row);
    }
    return rows;
}

} // namespace

class TestRegistryFeed : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void snapshotArrivesInChunks();
    void devicesCarryJoinedNames();
    void entitiesCarryJoinedNames_data();
    void entitiesCarryJoinedNames();
    void renameSendsOnlyChangedRows();
    void areaRenameReachesDevicesAndEntities();
    void removalSendsKeys();
    void unchangedReloadSendsNothing();
    void burstOfWritesIsOneReload();
    void unrelatedWritesAreIgnored();
    void missingDatabaseFails();
    void generatedHomeCounts();

private:
    std::unique_ptr<test::RegistryFixture> m_fixture;
    test::RegistrySample m_sample;
};

void TestRegistryFeed::init()
{
    m_sample = test::smallHome();
    m_fixture = std::make_unique<test::RegistryFixture>();
    QString error;
    QVERIFY2(m_fixture->open(m_sample, &error), qPrintable(error));
}

void TestRegistryFeed::snapshotArrivesInChunks()
{
    RegistryFeed feed(m_fixture->location());
    feed.setChunkSizes(4, 2);
    QSignalSpy devices(&feed, &RegistryFeed::devicesChanged);
    QSignalSpy entities(&feed, &RegistryFeed::entitiesChanged);
    QSignalSpy places(&feed, &RegistryFeed::placesLoaded);
    QSignalSpy reloaded(&feed, &RegistryFeed::reloaded);
    QVERIFY(feed.open());

    const auto deviceDeltas = deltas<DeviceDelta>(devices);
    const auto entityDeltas = deltas<EntityDelta>(entities);
    QCOMPARE(deviceDeltas.size(), 2); // 4 + 2
    QCOMPARE(entityDeltas.size(), 4); // 4 + 4 + 4 + 3
    QCOMPARE(rowsOf(deviceDeltas).size(), 6);
    QCOMPARE(rowsOf(entityDeltas).size(), 15);
    for (const EntityDelta &delta : entityDeltas) {
        QVERIFY(delta.initial);
        QVERIFY(delta.changed.isEmpty() && delta.removed.isEmpty());
    }
    QVERIFY(!entityDeltas.first().last);
    QVERIFY(entityDeltas.last().last);
    QCOMPARE(places.size(), 1);
    const auto loaded = qvariant_cast<RegistryPlaces>(places.at(0).at(0));
    QCOMPARE(loaded.floors.size(), 3);
    QCOMPARE(loaded.floors.first().id, u"ground"_s);
    QCOMPARE(loaded.floors.last().level, DeviceRow::kNoLevel); // the attic has none
    QCOMPARE(loaded.areas.size(), 4);
    QCOMPARE(reloaded.size(), 1);
    QCOMPARE(reloaded.at(0), (QList<QVariant>{6, 15, true}));
}

void TestRegistryFeed::devicesCarryJoinedNames()
{
    RegistryFeed feed(m_fixture->location());
    QSignalSpy devices(&feed, &RegistryFeed::devicesChanged);
    QVERIFY(feed.open());
    const auto rows = rowsOf(deltas<DeviceDelta>(devices));
    const DeviceRow lamp = rows.value(u"dev_living_lamp"_s);
    QCOMPARE(lamp.name, u"Reading Lamp"_s); // name_by_user wins
    QCOMPARE(lamp.originalName, u"Living Lamp"_s);
    QCOMPARE(lamp.manufacturer, u"Signify"_s);
    QCOMPARE(lamp.areaName, u"Living Room"_s);
    QCOMPARE(lamp.floorId, u"ground"_s);
    QCOMPARE(lamp.floorName, u"Ground Floor"_s);
    QCOMPARE(lamp.floorLevel, 0);
    QCOMPARE(lamp.integration, u"hue"_s);
    QCOMPARE(lamp.configEntryTitle, u"Philips Hue"_s);
    QCOMPARE(lamp.viaDeviceId, u"dev_hue_bridge"_s);
    QCOMPARE(lamp.entityCount, 2);
    const DeviceRow bridge = rows.value(u"dev_hue_bridge"_s);
    QVERIFY(bridge.areaId.isEmpty() && bridge.floorId.isEmpty());
    QCOMPARE(bridge.entityCount, 1);
    QCOMPARE(bridge.configurationUrl, u"http://192.168.1.2"_s);
    QCOMPARE(rows.value(u"dev_garage_door"_s).floorLevel, DeviceRow::kNoLevel);
    QCOMPARE(rows.value(u"dev_garage_door"_s).disabledBy, u"user"_s);
    QCOMPARE(rows.value(u"dev_bedroom_sensor"_s).entityCount, 3);
}

void TestRegistryFeed::entitiesCarryJoinedNames_data()
{
    QTest::addColumn<QString>("entityId");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("deviceName");
    QTest::addColumn<QString>("areaName");
    QTest::addColumn<QString>("integration");
    QTest::newRow("own area beats the device's")
        << u"light.living_lamp_nightlight"_s << u"Nightlight"_s << u"Reading Lamp"_s << u"Bedroom"_s
        << u"hue"_s;
    QTest::newRow("area from the device") << u"light.living_lamp"_s << u"Living Lamp"_s
                                          << u"Reading Lamp"_s << u"Living Room"_s << u"hue"_s;
    QTest::newRow("name beats original_name")
        << u"sensor.bedroom_temperature"_s << u"Bedroom Temp"_s << u"Bedroom Multisensor"_s
        << u"Bedroom"_s << u"zwave_js"_s;
    QTest::newRow("no device, platform as integration")
        << u"sensor.outdoor_temperature"_s << u"Outdoor Temperature"_s << QString() << QString()
        << u"template"_s;
    QTest::newRow("no device, own area") << u"input_boolean.guest_mode"_s << u"Guest Mode"_s
                                         << QString() << u"Living Room"_s << u"input_boolean"_s;
}

void TestRegistryFeed::entitiesCarryJoinedNames()
{
    QFETCH(QString, entityId);
    RegistryFeed feed(m_fixture->location());
    QSignalSpy entities(&feed, &RegistryFeed::entitiesChanged);
    QVERIFY(feed.open());
    const auto rows = rowsOf(deltas<EntityDelta>(entities));
    QVERIFY(rows.contains(entityId));
    const EntityRow row = rows.value(entityId);
    QTEST(row.name, "name");
    QTEST(row.deviceName, "deviceName");
    QTEST(row.areaName, "areaName");
    QTEST(row.integration, "integration");
    QCOMPARE(row.domain, entityId.section(u'.', 0, 0));
}

void TestRegistryFeed::renameSendsOnlyChangedRows()
{
    RegistryFeed feed(m_fixture->location());
    QVERIFY(feed.open());
    QSignalSpy devices(&feed, &RegistryFeed::devicesChanged);
    QSignalSpy entities(&feed, &RegistryFeed::entitiesChanged);
    QSignalSpy reloaded(&feed, &RegistryFeed::reloaded);
    QVERIFY(m_fixture->upsertDevices({test::RegistryFixture::deviceWith(
        m_sample, u"dev_garage_door"_s, {{u"name_by_user"_s, u"Big Door"_s}})}));
    QVERIFY(feed.reload());

    const auto deviceDeltas = deltas<DeviceDelta>(devices);
    QCOMPARE(deviceDeltas.size(), 1);
    QVERIFY(!deviceDeltas.first().initial);
    QVERIFY(deviceDeltas.first().added.isEmpty() && deviceDeltas.first().removed.isEmpty());
    QCOMPARE(deviceDeltas.first().changed.size(), 1);
    QCOMPARE(deviceDeltas.first().changed.first().name, u"Big Door"_s);
    // Its two entities carry the device name, so they changed too; nothing else did.
    const auto entityDeltas = deltas<EntityDelta>(entities);
    QCOMPARE(entityDeltas.size(), 1);
    QStringList changed;
    for (const EntityRow &row : entityDeltas.first().changed) {
        changed << row.entityId;
        QCOMPARE(row.deviceName, u"Big Door"_s);
    }
    changed.sort();
    QCOMPARE(changed, (QStringList{u"cover.garage_door"_s, u"sensor.garage_door_battery"_s}));
    QCOMPARE(reloaded.at(0), (QList<QVariant>{6, 15, false}));
}

void TestRegistryFeed::areaRenameReachesDevicesAndEntities()
{
    RegistryFeed feed(m_fixture->location());
    QVERIFY(feed.open());
    QSignalSpy places(&feed, &RegistryFeed::placesLoaded);
    QSignalSpy devices(&feed, &RegistryFeed::devicesChanged);
    QSignalSpy entities(&feed, &RegistryFeed::entitiesChanged);
    QVERIFY(m_fixture->upsertAreas({QJsonObject{
        {u"area_id"_s, u"kitchen"_s}, {u"name"_s, u"Cuisine"_s}, {u"floor_id"_s, u"ground"_s}}}));
    QVERIFY(feed.reload());
    QCOMPARE(places.size(), 1);
    const auto deviceRows = rowsOf(deltas<DeviceDelta>(devices));
    QCOMPARE(deviceRows.keys(), QList<QString>{u"dev_kitchen_light"_s});
    QCOMPARE(deviceRows.value(u"dev_kitchen_light"_s).areaName, u"Cuisine"_s);
    QCOMPARE(rowsOf(deltas<EntityDelta>(entities)).size(), 3); // kitchen's effective area: 3
}

void TestRegistryFeed::removalSendsKeys()
{
    RegistryFeed feed(m_fixture->location());
    QVERIFY(feed.open());
    QSignalSpy entities(&feed, &RegistryFeed::entitiesChanged);
    QVERIFY(m_fixture->deleteEntity(u"sensor.load_percent"_s));
    QVERIFY(feed.reload());
    const auto list = deltas<EntityDelta>(entities);
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().removed, QStringList{u"sensor.load_percent"_s});
    QVERIFY(list.first().added.isEmpty() && list.first().changed.isEmpty());
}

void TestRegistryFeed::unchangedReloadSendsNothing()
{
    RegistryFeed feed(m_fixture->location());
    QVERIFY(feed.open());
    QSignalSpy devices(&feed, &RegistryFeed::devicesChanged);
    QSignalSpy entities(&feed, &RegistryFeed::entitiesChanged);
    QSignalSpy places(&feed, &RegistryFeed::placesLoaded);
    QSignalSpy reloaded(&feed, &RegistryFeed::reloaded);
    QVERIFY(feed.reload());
    QCOMPARE(devices.size(), 0);
    QCOMPARE(entities.size(), 0);
    QCOMPARE(places.size(), 0);
    QCOMPARE(reloaded.size(), 1);
}

void TestRegistryFeed::burstOfWritesIsOneReload()
{
    RegistryFeed feed(m_fixture->location());
    feed.setDebounceMs(50);
    QVERIFY(feed.open());
    connect(m_fixture->service(), &RegistryService::registryChanged, &feed,
            &RegistryFeed::scheduleReload);
    QSignalSpy reloaded(&feed, &RegistryFeed::reloaded);
    QSignalSpy devices(&feed, &RegistryFeed::devicesChanged);
    for (const QString &name : {u"One"_s, u"Two"_s, u"Three"_s}) {
        QVERIFY(m_fixture->upsertDevices({test::RegistryFixture::deviceWith(
            m_sample, u"dev_weather"_s, {{u"name_by_user"_s, name}})}));
    }
    QVERIFY(reloaded.wait(5000));
    QTest::qWait(150); // no second reload follows
    QCOMPARE(reloaded.size(), 1);
    QCOMPARE(devices.size(), 1);
    QCOMPARE(deltas<DeviceDelta>(devices).first().changed.first().name, u"Three"_s);
}

void TestRegistryFeed::unrelatedWritesAreIgnored()
{
    RegistryFeed feed(m_fixture->location());
    feed.setDebounceMs(10);
    QVERIFY(feed.open());
    QSignalSpy reloaded(&feed, &RegistryFeed::reloaded);
    feed.scheduleReload(u"labels"_s);
    feed.scheduleReload(u"preferences"_s);
    QVERIFY(!reloaded.wait(200));
    feed.scheduleReload(u"entities"_s);
    QVERIFY(reloaded.wait(2000));
}

void TestRegistryFeed::missingDatabaseFails()
{
    DatabaseLocation nowhere;
    nowhere.sqlitePath = u"/nonexistent/folder/metadata.db"_s;
    RegistryFeed feed(nowhere);
    QSignalSpy failed(&feed, &RegistryFeed::failed);
    QVERIFY(!feed.open());
    QCOMPARE(failed.size(), 1);
    QVERIFY(failed.at(0).at(0).toString().contains(u"does not exist"_s));
}

void TestRegistryFeed::generatedHomeCounts()
{
    test::RegistryFixture fixture;
    QString error;
    QVERIFY2(fixture.open(test::generatedHome(300, 10), &error), qPrintable(error));
    RegistryFeed feed(fixture.location());
    QSignalSpy devices(&feed, &RegistryFeed::devicesChanged);
    QSignalSpy entities(&feed, &RegistryFeed::entitiesChanged);
    QVERIFY(feed.open());
    QCOMPARE(rowsOf(deltas<DeviceDelta>(devices)).size(), 300);
    QCOMPARE(rowsOf(deltas<EntityDelta>(entities)).size(), 3000);
    QCOMPARE(entities.size(), 2); // 2000 + 1000
    for (const DeviceRow &row : rowsOf(deltas<DeviceDelta>(devices)))
        QCOMPARE(row.entityCount, 10);
}

QTEST_GUILESS_MAIN(TestRegistryFeed)
#include "tst_registryfeed.moc"
