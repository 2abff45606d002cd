// SPDX-License-Identifier: GPL-3.0-or-later
#include "registry/database.h"
#include "registry/registryreader.h"
#include "registry/registrywriter.h"
#include "registrysamples.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace hai;

Q_DECLARE_METATYPE(hai::DeviceFilter)
Q_DECLARE_METATYPE(hai::EntityFilter)

namespace {

QStringList ids(const QJsonArray &items, const QString &key)
{
    QStringList result;
    for (const QJsonValue &item : items)
        result << item.toObject().value(key).toString();
    return result;
}

QList<qint64> numbers(const QJsonArray &items, const QString &key)
{
    QList<qint64> result;
    for (const QJsonValue &item : items)
        result << item.toObject().value(key).toInteger(-1);
    return result;
}

} // namespace

// The reader runs on its own Reader connection, next to the writer, as in the app.
class TestRegistryReader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Database m_writerDatabase;
    Database m_readerDatabase;
    std::unique_ptr<RegistryWriter> m_writer;
    std::unique_ptr<RegistryReader> m_reader;

    static const QStringList &allEntities()
    {
        static const QStringList all = {u"binary_sensor.bedroom_motion"_s,
                                        u"cover.garage_door"_s,
                                        u"input_boolean.guest_mode"_s,
                                        u"light.kitchen"_s,
                                        u"light.living_lamp"_s,
                                        u"light.living_lamp_nightlight"_s,
                                        u"sensor.bedroom_humidity"_s,
                                        u"sensor.bedroom_temperature"_s,
                                        u"sensor.garage_door_battery"_s,
                                        u"sensor.hue_bridge_status"_s,
                                        u"sensor.kitchen_light_power"_s,
                                        u"sensor.kitchen_plug_power"_s,
                                        u"sensor.load_percent"_s,
                                        u"sensor.outdoor_temperature"_s,
                                        u"weather.forecast_home"_s};
        return all;
    }

    static const QStringList &allDevices()
    {
        // By display name: Bedroom Multisensor, Forecast, Garage Door, Hue Bridge,
        // Kitchen Light, Reading Lamp (name_by_user of "Living Lamp").
        static const QStringList all = {u"dev_bedroom_sensor"_s, u"dev_weather"_s,
                                        u"dev_garage_door"_s,    u"dev_hue_bridge"_s,
                                        u"dev_kitchen_light"_s,  u"dev_living_lamp"_s};
        return all;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        DatabaseLocation location;
        location.sqlitePath = m_dir.filePath(u"registry.db"_s);
        QString error;
        QVERIFY2(test::openMigrated(m_writerDatabase, location, &error), qPrintable(error));
        m_writer = std::make_unique<RegistryWriter>(m_writerDatabase);
        QVERIFY2(
            test::writeSample(*m_writer, test::smallHome(), RegistryWriter::Mode::Full, &error),
            qPrintable(error));
        QVERIFY2(m_readerDatabase.open(location, Database::Role::Reader, &error),
                 qPrintable(error));
        m_reader = std::make_unique<RegistryReader>(m_readerDatabase);
    }

    void cleanupTestCase()
    {
        m_reader.reset();
        m_writer.reset();
    }

    void devices_data()
    {
        QTest::addColumn<DeviceFilter>("filter");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("no filter") << DeviceFilter{} << allDevices();
        QTest::newRow("manufacturer")
            << DeviceFilter{u"Signify"_s, {}, {}, {}, {}}
            << QStringList{u"dev_hue_bridge"_s, u"dev_kitchen_light"_s, u"dev_living_lamp"_s};
        QTest::newRow("manufacturer is exact")
            << DeviceFilter{u"signify"_s, {}, {}, {}, {}} << QStringList();
        QTest::newRow("model") << DeviceFilter{{}, u"LCT015"_s, {}, {}, {}}
                               << QStringList{u"dev_kitchen_light"_s, u"dev_living_lamp"_s};
        QTest::newRow("area") << DeviceFilter{{}, {}, u"kitchen"_s, {}, {}}
                              << QStringList{u"dev_kitchen_light"_s};
        QTest::newRow("integration") << DeviceFilter{{}, {}, {}, u"zwave_js"_s, {}}
                                     << QStringList{u"dev_bedroom_sensor"_s, u"dev_garage_door"_s};
        QTest::newRow("integration and area")
            << DeviceFilter{{}, {}, u"living_room"_s, u"hue"_s, {}}
            << QStringList{u"dev_living_lamp"_s};
        QTest::newRow("manufacturer and model") << DeviceFilter{u"Aeotec"_s, u"ZW062"_s, {}, {}, {}}
                                                << QStringList{u"dev_garage_door"_s};
        QTest::newRow("query, any case")
            << DeviceFilter{{}, {}, {}, {}, u"LAMP"_s} << QStringList{u"dev_living_lamp"_s};
        QTest::newRow("query matches name_by_user")
            << DeviceFilter{{}, {}, {}, {}, u"reading"_s} << QStringList{u"dev_living_lamp"_s};
        QTest::newRow("query matching all keeps the order")
            << DeviceFilter{{}, {}, {}, {}, u"E"_s} << allDevices();
        QTest::newRow("query with filter") << DeviceFilter{u"Signify"_s, {}, {}, {}, u"light"_s}
                                           << QStringList{u"dev_kitchen_light"_s};
        QTest::newRow("percent is literal")
            << DeviceFilter{{}, {}, {}, {}, u"%"_s} << QStringList();
        QTest::newRow("underscore is literal")
            << DeviceFilter{{}, {}, {}, {}, u"_"_s} << QStringList();
        QTest::newRow("unknown manufacturer")
            << DeviceFilter{u"Nobody"_s, {}, {}, {}, {}} << QStringList();
    }

    void devices()
    {
        QFETCH(DeviceFilter, filter);
        QFETCH(QStringList, expected);
        const Page page = m_reader->devices(filter, {});
        QVERIFY2(m_reader->lastError().isEmpty(), qPrintable(m_reader->lastError()));
        QCOMPARE(ids(page.items, u"device_id"_s), expected);
        QCOMPARE(page.total, expected.size());
    }

    void devicePages_data()
    {
        QTest::addColumn<int>("limit");
        QTest::addColumn<int>("offset");
        QTest::addColumn<QStringList>("expected");
        const QStringList &all = allDevices();
        QTest::newRow("limit 1") << 1 << 0 << all.mid(0, 1);
        QTest::newRow("middle") << 2 << 2 << all.mid(2, 2);
        QTest::newRow("last partial page") << 5 << 5 << all.mid(5);
        QTest::newRow("exactly the end") << 6 << 0 << all;
        QTest::newRow("offset at end") << 10 << 6 << QStringList();
        QTest::newRow("offset past end") << 10 << 600 << QStringList();
        QTest::newRow("limit 0 means 1") << 0 << 0 << all.mid(0, 1);
        QTest::newRow("negative offset means 0") << 2 << -5 << all.mid(0, 2);
        QTest::newRow("huge limit clamped") << 1000000 << 0 << all;
    }

    void devicePages()
    {
        QFETCH(int, limit);
        QFETCH(int, offset);
        QFETCH(QStringList, expected);
        PageRequest request;
        request.limit = limit;
        request.offset = offset;
        const Page page = m_reader->devices({}, request);
        QVERIFY2(m_reader->lastError().isEmpty(), qPrintable(m_reader->lastError()));
        QCOMPARE(ids(page.items, u"device_id"_s), expected);
        QCOMPARE(page.total, 6); // total ignores limit and offset
    }

    void deviceItemShape()
    {
        const Page page = m_reader->devices(DeviceFilter{{}, {}, {}, {}, u"hue bridge"_s}, {});
        QCOMPARE(page.items.size(), 1);
        const QJsonObject device = page.items.first().toObject();
        QCOMPARE(device.value(u"device_id"_s).toString(), u"dev_hue_bridge"_s);
        QCOMPARE(device.value(u"entity_count"_s).toInteger(), 1);
        QCOMPARE(device.value(u"integration"_s).toString(), u"hue"_s);
        QCOMPARE(device.value(u"created_at"_s).toDouble(), 1700000100.5);
        QVERIFY(device.value(u"labels"_s).isArray());
        QCOMPARE(device.value(u"connections"_s).toArray().first().toArray().last().toString(),
                 u"00:17:88:aa:bb:cc"_s);
        QCOMPARE(device.value(u"config_entries"_s).toArray(), QJsonArray{u"e_hue"_s});
        QVERIFY(device.value(u"name_by_user"_s).isNull());
        QVERIFY(device.value(u"last_seen"_s).toDouble() > 1.7e9);
        QVERIFY(!device.contains(u"sort_name"_s)); // internal columns stay inside
        QVERIFY(!device.contains(u"search_text"_s));
    }

    void deviceLookup()
    {
        const std::optional<QJsonObject> device = m_reader->device(u"dev_bedroom_sensor"_s);
        QVERIFY(device);
        QCOMPARE(device->value(u"name"_s).toString(), u"Bedroom Multisensor"_s);
        QCOMPARE(device->value(u"integration"_s).toString(), u"zwave_js"_s);
        QCOMPARE(device->value(u"entity_count"_s).toInteger(), 3);
        const QJsonArray entities = device->value(u"entities"_s).toArray();
        QCOMPARE(ids(entities, u"entity_id"_s),
                 (QStringList{u"binary_sensor.bedroom_motion"_s, u"sensor.bedroom_humidity"_s,
                              u"sensor.bedroom_temperature"_s}));
        QCOMPARE(entities.first().toObject().value(u"labels"_s).toArray(),
                 QJsonArray{u"critical"_s});

        QVERIFY(!m_reader->device(u"nope"_s));
        QVERIFY(m_reader->lastError().isEmpty()); // absent is not an error
        const std::optional<QJsonObject> lonely = m_reader->device(u"dev_weather"_s);
        QVERIFY(lonely);
        QCOMPARE(lonely->value(u"entity_count"_s).toInteger(), 1);
    }

    void entities_data()
    {
        QTest::addColumn<EntityFilter>("filter");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("no filter") << EntityFilter{} << allEntities();
        QTest::newRow("domain") << EntityFilter{u"light"_s, {}, {}, {}, {}}
                                << QStringList{u"light.kitchen"_s, u"light.living_lamp"_s,
                                               u"light.living_lamp_nightlight"_s};
        QTest::newRow("device") << EntityFilter{{}, u"dev_living_lamp"_s, {}, {}, {}}
                                << QStringList{u"light.living_lamp"_s,
                                               u"light.living_lamp_nightlight"_s};
        QTest::newRow("area via device and own")
            << EntityFilter{{}, {}, u"kitchen"_s, {}, {}}
            << QStringList{u"light.kitchen"_s, u"sensor.kitchen_light_power"_s,
                           u"sensor.kitchen_plug_power"_s};
        QTest::newRow("own area beats the device's")
            << EntityFilter{{}, {}, u"bedroom"_s, {}, {}}
            << QStringList{u"binary_sensor.bedroom_motion"_s, u"light.living_lamp_nightlight"_s,
                           u"sensor.bedroom_humidity"_s, u"sensor.bedroom_temperature"_s};
        QTest::newRow("device's area, minus overrides")
            << EntityFilter{{}, {}, u"living_room"_s, {}, {}}
            << QStringList{u"input_boolean.guest_mode"_s, u"light.living_lamp"_s};
        QTest::newRow("platform") << EntityFilter{{}, {}, {}, u"template"_s, {}}
                                  << QStringList{u"sensor.load_percent"_s,
                                                 u"sensor.outdoor_temperature"_s};
        QTest::newRow("domain and area")
            << EntityFilter{u"sensor"_s, {}, u"bedroom"_s, {}, {}}
            << QStringList{u"sensor.bedroom_humidity"_s, u"sensor.bedroom_temperature"_s};
        QTest::newRow("device and platform mismatch")
            << EntityFilter{{}, u"dev_weather"_s, {}, u"hue"_s, {}} << QStringList();
        QTest::newRow("query matches entity_id and names")
            << EntityFilter{{}, {}, {}, {}, u"temp"_s}
            << QStringList{u"sensor.bedroom_temperature"_s, u"sensor.outdoor_temperature"_s};
        QTest::newRow("query matches user name") << EntityFilter{{}, {}, {}, {}, u"Bedroom Temp"_s}
                                                 << QStringList{u"sensor.bedroom_temperature"_s};
        QTest::newRow("query, unicode case") << EntityFilter{{}, {}, {}, {}, u"KÜCHE"_s}
                                             << QStringList{u"sensor.kitchen_plug_power"_s};
        QTest::newRow("query, percent literal")
            << EntityFilter{{}, {}, {}, {}, u"100%_"_s} << QStringList{u"sensor.load_percent"_s};
        QStringList underscored = allEntities();
        underscored.removeOne(u"light.kitchen"_s);
        QTest::newRow("query, underscore literal")
            << EntityFilter{{}, {}, {}, {}, u"_"_s} << underscored;
        QTest::newRow("query, escape char literal")
            << EntityFilter{{}, {}, {}, {}, u"!"_s} << QStringList();
        QTest::newRow("query and domain") << EntityFilter{u"light"_s, {}, {}, {}, u"night"_s}
                                          << QStringList{u"light.living_lamp_nightlight"_s};
    }

    void entities()
    {
        QFETCH(EntityFilter, filter);
        QFETCH(QStringList, expected);
        const Page page = m_reader->entities(filter, {});
        QVERIFY2(m_reader->lastError().isEmpty(), qPrintable(m_reader->lastError()));
        QCOMPARE(ids(page.items, u"entity_id"_s), expected);
        QCOMPARE(page.total, expected.size());
    }

    void entityPages_data()
    {
        QTest::addColumn<EntityFilter>("filter");
        QTest::addColumn<int>("limit");
        QTest::addColumn<int>("offset");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<int>("total");
        const QStringList &all = allEntities();
        QTest::newRow("first") << EntityFilter{} << 1 << 0 << all.mid(0, 1) << 15;
        QTest::newRow("last") << EntityFilter{} << 1 << 14 << all.mid(14) << 15;
        QTest::newRow("past end") << EntityFilter{} << 1 << 15 << QStringList() << 15;
        QTest::newRow("partial") << EntityFilter{} << 4 << 12 << all.mid(12) << 15;
        QTest::newRow("filtered, limit 1") << EntityFilter{u"sensor"_s, {}, {}, {}, {}} << 1 << 1
                                           << QStringList{u"sensor.bedroom_temperature"_s} << 8;
        QTest::newRow("filtered, past end")
            << EntityFilter{u"sensor"_s, {}, {}, {}, {}} << 5 << 8 << QStringList() << 8;
        QTest::newRow("filtered, full last page")
            << EntityFilter{u"light"_s, {}, {}, {}, {}} << 3 << 0
            << QStringList{u"light.kitchen"_s, u"light.living_lamp"_s,
                           u"light.living_lamp_nightlight"_s}
            << 3;
        QTest::newRow("no match") << EntityFilter{u"vacuum"_s, {}, {}, {}, {}} << 10 << 0
                                  << QStringList() << 0;
    }

    void entityPages()
    {
        QFETCH(EntityFilter, filter);
        QFETCH(int, limit);
        QFETCH(int, offset);
        QFETCH(QStringList, expected);
        QFETCH(int, total);
        PageRequest request;
        request.limit = limit;
        request.offset = offset;
        const Page page = m_reader->entities(filter, request);
        QVERIFY2(m_reader->lastError().isEmpty(), qPrintable(m_reader->lastError()));
        QCOMPARE(ids(page.items, u"entity_id"_s), expected);
        QCOMPARE(page.total, total);
    }

    void entityLookup()
    {
        const std::optional<QJsonObject> light = m_reader->entity(u"light.kitchen"_s);
        QVERIFY(light);
        QCOMPARE(light->value(u"domain"_s).toString(), u"light"_s);
        QCOMPARE(light->value(u"registry_id"_s).toString(), u"r01"_s);
        QCOMPARE(light->value(u"device_id"_s).toString(), u"dev_kitchen_light"_s);
        QVERIFY(light->value(u"area_id"_s).isNull());
        QCOMPARE(light->value(u"effective_area_id"_s).toString(), u"kitchen"_s);
        QCOMPARE(light->value(u"has_entity_name"_s), QJsonValue(true));
        QCOMPARE(light->value(u"created_at"_s).toDouble(), 1700000300.0);
        QCOMPARE(light->value(u"categories"_s).toObject(), QJsonObject());
        QCOMPARE(light->value(u"options"_s)
                     .toObject()
                     .value(u"light"_s)
                     .toObject()
                     .value(u"favorite_colors"_s),
                 QJsonValue(QJsonArray()));
        QVERIFY(!light->contains(u"search_text"_s));

        const std::optional<QJsonObject> temperature =
            m_reader->entity(u"sensor.bedroom_temperature"_s);
        QVERIFY(temperature);
        QVERIFY(temperature->value(u"has_entity_name"_s).isNull()); // not sent, not invented
        QCOMPARE(temperature->value(u"options"_s)
                     .toObject()
                     .value(u"sensor"_s)
                     .toObject()
                     .value(u"display_precision"_s)
                     .toInt(),
                 1);

        QVERIFY(!m_reader->entity(u"light.nope"_s));
        QVERIFY(m_reader->lastError().isEmpty());
    }

    void areas()
    {
        const QJsonArray areas = m_reader->areas();
        QCOMPARE(ids(areas, u"area_id"_s),
                 (QStringList{u"bedroom"_s, u"garage"_s, u"kitchen"_s, u"living_room"_s}));
        QCOMPARE(numbers(areas, u"device_count"_s), (QList<qint64>{1, 1, 1, 1}));
        QCOMPARE(numbers(areas, u"entity_count"_s), (QList<qint64>{4, 2, 3, 2}));
        const QJsonObject kitchen = areas.at(2).toObject();
        QCOMPARE(kitchen.value(u"aliases"_s).toArray(), QJsonArray{u"cuisine"_s});
        QCOMPARE(kitchen.value(u"floor_id"_s).toString(), u"ground"_s);
        QCOMPARE(kitchen.value(u"created_at"_s).toDouble(), 1700000020.25);
        QCOMPARE(areas.at(0).toObject().value(u"labels"_s).toArray(), QJsonArray{u"critical"_s});
    }

    void floors()
    {
        const QJsonArray floors = m_reader->floors();
        QCOMPARE(ids(floors, u"floor_id"_s), (QStringList{u"ground"_s, u"first"_s, u"attic"_s}));
        QCOMPARE(numbers(floors, u"area_count"_s), (QList<qint64>{2, 1, 0}));
        QCOMPARE(floors.at(0).toObject().value(u"level"_s), QJsonValue(0));
        QVERIFY(floors.at(2).toObject().value(u"level"_s).isNull());
        QCOMPARE(floors.at(0).toObject().value(u"aliases"_s).toArray(),
                 QJsonArray{u"downstairs"_s});
    }

    void labels()
    {
        const QJsonArray labels = m_reader->labels();
        QCOMPARE(ids(labels, u"label_id"_s), (QStringList{u"critical"_s, u"outdoor"_s}));
        QCOMPARE(labels.at(0).toObject().value(u"color"_s).toString(), u"red"_s);
        QCOMPARE(labels.at(1).toObject().value(u"description"_s).toString(), u"Outside sensors"_s);
    }

    void integrations()
    {
        const QJsonArray entries = m_reader->integrations();
        QCOMPARE(ids(entries, u"domain"_s), (QStringList{u"hue"_s, u"met"_s, u"zwave_js"_s}));
        QCOMPARE(ids(entries, u"entry_id"_s), (QStringList{u"e_hue"_s, u"e_met"_s, u"e_zwave"_s}));
        QCOMPARE(numbers(entries, u"device_count"_s), (QList<qint64>{3, 1, 2}));
        QCOMPARE(numbers(entries, u"entity_count"_s), (QList<qint64>{5, 1, 5}));
        const QJsonObject hue = entries.at(0).toObject();
        QCOMPARE(hue.value(u"title"_s).toString(), u"Philips Hue"_s);
        QCOMPARE(hue.value(u"state"_s).toString(), u"loaded"_s);
        QCOMPARE(hue.value(u"source"_s).toString(), u"zeroconf"_s);
        QCOMPARE(hue.value(u"supports_options"_s), QJsonValue(true));
        QCOMPARE(hue.value(u"supports_reconfigure"_s), QJsonValue(false));
        QCOMPARE(hue.value(u"num_subentries"_s), QJsonValue(0));
        QVERIFY(entries.at(1).toObject().value(u"supports_options"_s).isNull());
        QCOMPARE(entries.at(1).toObject().value(u"reason"_s).toString(), u"timeout"_s);
    }

    void counts()
    {
        const RegistryReader::Counts counts = m_reader->counts();
        QCOMPARE(counts.devices, 6);
        QCOMPARE(counts.entities, 15);
        QCOMPARE(counts.areas, 4);
        QCOMPARE(counts.floors, 3);
        QCOMPARE(counts.labels, 2);
        QCOMPARE(counts.integrations, 3);
    }

    void preferencesAndState()
    {
        QCOMPARE(m_reader->preferences(), QJsonObject());
        QVERIFY(!m_reader->state(u"checkpoint"_s));
        const QJsonObject preferences{{u"theme"_s, u"dark"_s},
                                      {u"page_size"_s, 50},
                                      {u"ratio"_s, 0.25},
                                      {u"columns"_s, QJsonArray{u"name"_s, u"area"_s}},
                                      {u"chart"_s, QJsonObject{{u"hours"_s, 24}}},
                                      {u"beta"_s, false},
                                      {u"nothing"_s, QJsonValue::Null}};
        QVERIFY(m_writer->setPreferences(preferences).ok);
        QCOMPARE(m_reader->preferences(), preferences);
        QVERIFY(m_writer->setState(u"checkpoint"_s, u"2024-05-01T10:00:00.123456+00:00"_s).ok);
        QCOMPARE(m_reader->state(u"checkpoint"_s).value_or(QString()),
                 u"2024-05-01T10:00:00.123456+00:00"_s);
        QVERIFY(m_writer->setPreferences({}).ok);
        QCOMPARE(m_reader->preferences(), QJsonObject());
    }

    void seesTheWritersLaterCommits()
    {
        // Neither the cached statements nor the cached totals and lists may serve an old
        // snapshot once the writer has committed.
        PageRequest twoPerPage;
        twoPerPage.limit = 2; // a full page: the total comes from COUNT (and its cache)
        QCOMPARE(m_reader->devices({}, twoPerPage).total, 6);
        QCOMPARE(m_reader->devices({}, twoPerPage).total, 6);
        QCOMPARE(m_reader->labels().size(), 2);
        QCOMPARE(m_reader->areas().at(2).toObject().value(u"entity_count"_s).toInteger(), 3);

        QVERIFY(
            m_writer
                ->upsertLabels({QJsonObject{{u"label_id"_s, u"later"_s}, {u"name"_s, u"Later"_s}}},
                               RegistryWriter::Mode::Partial)
                .ok);
        QVERIFY(m_writer
                    ->upsertDevices({QJsonObject{{u"id"_s, u"dev_later"_s},
                                                 {u"name"_s, u"Aaa Later"_s},
                                                 {u"area_id"_s, u"kitchen"_s}}},
                                    RegistryWriter::Mode::Partial)
                    .ok);
        QVERIFY(m_writer
                    ->upsertEntities({QJsonObject{{u"entity_id"_s, u"switch.later"_s},
                                                  {u"device_id"_s, u"dev_later"_s}}},
                                     RegistryWriter::Mode::Partial)
                    .ok);
        QCOMPARE(m_reader->labels().size(), 3);
        QCOMPARE(m_reader->counts().labels, 3);
        const Page page = m_reader->devices({}, twoPerPage);
        QCOMPARE(page.total, 7);
        QCOMPARE(page.items.first().toObject().value(u"device_id"_s).toString(), u"dev_later"_s);
        const QJsonObject kitchen = m_reader->areas().at(2).toObject();
        QCOMPARE(kitchen.value(u"device_count"_s).toInteger(), 2);
        QCOMPARE(kitchen.value(u"entity_count"_s).toInteger(), 4);

        QVERIFY(m_writer->deleteDevice(u"dev_later"_s).ok);
        QVERIFY(m_writer->deleteEntity(u"switch.later"_s).ok);
        QVERIFY(m_writer->deleteLabel(u"later"_s).ok);
        QCOMPARE(m_reader->devices({}, twoPerPage).total, 6);
        QCOMPARE(m_reader->labels().size(), 2);
        QCOMPARE(m_reader->areas().at(2).toObject().value(u"entity_count"_s).toInteger(), 3);
    }

    void reportsErrorsInsteadOfEmptyResults()
    {
        // A reader on a database without the schema answers empty, with the reason.
        QTemporaryDir dir;
        DatabaseLocation location;
        location.sqlitePath = dir.filePath(u"empty.db"_s);
        Database writer;
        QString error;
        QVERIFY(writer.open(location, Database::Role::Writer, &error));
        Database database;
        QVERIFY(database.open(location, Database::Role::Reader, &error));
        RegistryReader reader(database);
        const Page page = reader.devices({}, {});
        QCOMPARE(page.items.size(), 0);
        QVERIFY(!reader.lastError().isEmpty());
        QVERIFY(!reader.device(u"x"_s));
        QVERIFY(!reader.lastError().isEmpty());
        QCOMPARE(reader.areas(), QJsonArray());
        QVERIFY(!reader.lastError().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRegistryReader)
#include "tst_registryreader.moc"
