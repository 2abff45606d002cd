// SPDX-License-Identifier: GPL-3.0-or-later
#include "queryvalue.h"
#include "registry/database.h"
#include "registry/registryreader.h"
#include "registry/registrywriter.h"
#include "registrysamples.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace hai;
using Mode = RegistryWriter::Mode;

class TestRegistryWriter : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<RegistryWriter> m_writer;

    QVariant value(const QString &sql, const QVariantList &bound = {})
    {
        return test::queryValue(*m_database, sql, bound);
    }

    qint64 count(const QString &table)
    {
        return value(u"SELECT COUNT(*) FROM "_s + table).toLongLong();
    }

    // Every row of every registry table, as text: to prove that a failed call changed nothing.
    QString dump()
    {
        QString text;
        for (const QString &table :
             {u"integrations"_s, u"floors"_s, u"areas"_s, u"labels"_s, u"devices"_s, u"entities"_s,
              u"user_preferences"_s, u"app_state"_s}) {
            QSqlQuery query(m_database->connection());
            query.exec(u"SELECT * FROM "_s + table + u" ORDER BY 1"_s);
            while (query.next()) {
                text += table + u':';
                for (int i = 0; i < query.record().count(); ++i)
                    text += query.value(i).toString() + u'|';
                text += u'\n';
            }
        }
        return text;
    }

    static QJsonArray array(const char *json)
    {
        return QJsonDocument::fromJson(QByteArray(json)).array();
    }

    void writeSmallHome()
    {
        QString error;
        QVERIFY2(test::writeSample(*m_writer, test::smallHome(), Mode::Full, &error),
                 qPrintable(error));
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_database = std::make_unique<Database>();
        DatabaseLocation location;
        location.sqlitePath = m_dir->filePath(u"registry.db"_s);
        QString error;
        QVERIFY2(test::openMigrated(*m_database, location, &error), qPrintable(error));
        m_writer = std::make_unique<RegistryWriter>(*m_database);
    }

    void cleanup()
    {
        m_writer.reset();
        m_database.reset();
        m_dir.reset();
    }

    void fullSnapshotStoresEverything()
    {
        const test::RegistrySample home = test::smallHome();
        const RegistryWriter::Outcome devices =
            m_writer->upsertIntegrations(home.integrations, Mode::Full);
        QVERIFY(devices.ok);
        QCOMPARE(devices.upserted, 3);
        QCOMPARE(devices.deleted, 0);
        writeSmallHome();
        QCOMPARE(count(u"integrations"_s), 3);
        QCOMPARE(count(u"floors"_s), 3);
        QCOMPARE(count(u"areas"_s), 4);
        QCOMPARE(count(u"labels"_s), 2);
        QCOMPARE(count(u"devices"_s), 6);
        QCOMPARE(count(u"entities"_s), 15);
        QCOMPARE(
            value(u"SELECT identifiers FROM devices WHERE device_id = ?"_s, {u"dev_hue_bridge"_s}),
            QVariant(u"[[\"hue\",\"bridge-1\"]]"_s));
        QCOMPARE(
            value(u"SELECT created_at FROM devices WHERE device_id = ?"_s, {u"dev_hue_bridge"_s})
                .toDouble(),
            1700000100.5);
        QVERIFY(value(u"SELECT last_seen FROM devices WHERE device_id = ?"_s, {u"dev_hue_bridge"_s})
                    .toDouble() > 1.7e9);
    }

    void deviceIntegrationFromThePrimaryEntry_data()
    {
        QTest::addColumn<QString>("deviceId");
        QTest::addColumn<QString>("configEntry");
        QTest::addColumn<QString>("integration");
        QTest::newRow("primary_config_entry") << u"dev_hue_bridge"_s << u"e_hue"_s << u"hue"_s;
        QTest::newRow("config_entries only") << u"dev_kitchen_light"_s << u"e_hue"_s << u"hue"_s;
        QTest::newRow("config_entry_id (2026.8)") << u"dev_living_lamp"_s << u"e_hue"_s << u"hue"_s;
        QTest::newRow("zwave") << u"dev_garage_door"_s << u"e_zwave"_s << u"zwave_js"_s;
        QTest::newRow("service") << u"dev_weather"_s << u"e_met"_s << u"met"_s;
    }

    void deviceIntegrationFromThePrimaryEntry()
    {
        QFETCH(QString, deviceId);
        QFETCH(QString, configEntry);
        QFETCH(QString, integration);
        writeSmallHome();
        QCOMPARE(value(u"SELECT config_entry_id FROM devices WHERE device_id = ?"_s, {deviceId}),
                 QVariant(configEntry));
        QCOMPARE(value(u"SELECT integration FROM devices WHERE device_id = ?"_s, {deviceId}),
                 QVariant(integration));
    }

    void primaryEntryWinsOverTheOthers()
    {
        QVERIFY(m_writer->upsertIntegrations(test::smallHome().integrations, Mode::Full).ok);
        const RegistryWriter::Outcome outcome = m_writer->upsertDevices(
            array(R"([{"id": "d", "primary_config_entry": "e_met", "config_entry_id": "e_hue",
                       "config_entries": ["e_zwave", "e_met"]},
                      {"id": "d2", "config_entry_id": "e_zwave", "config_entries": ["e_hue"]}])"),
            Mode::Partial);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(value(u"SELECT integration FROM devices WHERE device_id = 'd'"_s),
                 QVariant(u"met"_s));
        QCOMPARE(value(u"SELECT integration FROM devices WHERE device_id = 'd2'"_s),
                 QVariant(u"zwave_js"_s));
    }

    void integrationLearnedWhenConfigEntriesArriveLater()
    {
        // Devices first: their entries are unknown, so the item's own `integration` (if any)
        // is kept until the config entries are stored.
        const RegistryWriter::Outcome devices =
            m_writer->upsertDevices(array(R"([{"id": "a", "primary_config_entry": "e_hue"},
                      {"id": "b", "primary_config_entry": "e_custom", "integration": "custom"},
                      {"id": "c", "primary_config_entry": "e_unknown", "integration": "keep"},
                      {"id": "d"}])"),
                                    Mode::Full);
        QVERIFY2(devices.ok, qPrintable(devices.error));
        QVERIFY(value(u"SELECT integration FROM devices WHERE device_id = 'a'"_s).isNull());
        QCOMPARE(value(u"SELECT integration FROM devices WHERE device_id = 'b'"_s),
                 QVariant(u"custom"_s));

        const RegistryWriter::Outcome entries =
            m_writer->upsertIntegrations(array(R"([{"entry_id": "e_hue", "domain": "hue"},
                      {"entry_id": "e_custom", "domain": "better"}])"),
                                         Mode::Full);
        QVERIFY2(entries.ok, qPrintable(entries.error));
        QCOMPARE(value(u"SELECT integration FROM devices WHERE device_id = 'a'"_s),
                 QVariant(u"hue"_s));
        QCOMPARE(value(u"SELECT integration FROM devices WHERE device_id = 'b'"_s),
                 QVariant(u"better"_s));
        QCOMPARE(value(u"SELECT integration FROM devices WHERE device_id = 'c'"_s),
                 QVariant(u"keep"_s));
        QVERIFY(value(u"SELECT integration FROM devices WHERE device_id = 'd'"_s).isNull());
    }

    void derivedEntityColumns_data()
    {
        QTest::addColumn<QString>("entityId");
        QTest::addColumn<QString>("domain");
        QTest::addColumn<QVariant>("effectiveArea");
        QTest::newRow("device's area")
            << u"light.kitchen"_s << u"light"_s << QVariant(u"kitchen"_s);
        QTest::newRow("own area wins")
            << u"light.living_lamp_nightlight"_s << u"light"_s << QVariant(u"bedroom"_s);
        QTest::newRow("no device, own area")
            << u"input_boolean.guest_mode"_s << u"input_boolean"_s << QVariant(u"living_room"_s);
        QTest::newRow("no device, no area")
            << u"sensor.outdoor_temperature"_s << u"sensor"_s << QVariant();
        QTest::newRow("device without area")
            << u"weather.forecast_home"_s << u"weather"_s << QVariant();
    }

    void derivedEntityColumns()
    {
        QFETCH(QString, entityId);
        QFETCH(QString, domain);
        QFETCH(QVariant, effectiveArea);
        writeSmallHome();
        QCOMPARE(value(u"SELECT domain FROM entities WHERE entity_id = ?"_s, {entityId}),
                 QVariant(domain));
        const QVariant area =
            value(u"SELECT effective_area_id FROM entities WHERE entity_id = ?"_s, {entityId});
        QCOMPARE(area.isNull(), effectiveArea.isNull());
        if (!effectiveArea.isNull())
            QCOMPARE(area.toString(), effectiveArea.toString());
    }

    void deviceAreaChangeMovesItsEntities_data()
    {
        QTest::addColumn<int>("devices"); // above 64 the writer takes the bulk path
        QTest::newRow("one device") << 1;
        QTest::newRow("bulk") << 80;
    }

    void deviceAreaChangeMovesItsEntities()
    {
        QFETCH(int, devices);
        test::RegistrySample home = test::generatedHome(devices, 10);
        QString error;
        QVERIFY2(test::writeSample(*m_writer, home, Mode::Full, &error), qPrintable(error));
        QJsonArray moved;
        for (const QJsonValue &device : std::as_const(home.devices)) {
            QJsonObject object = device.toObject();
            object.insert(u"area_id"_s, u"area_099"_s);
            moved.append(object);
        }
        QVERIFY(m_writer->upsertDevices(moved, Mode::Partial).ok);
        // Entity 9 of each device has its own area, which stays; the other nine follow.
        QCOMPARE(
            value(u"SELECT COUNT(*) FROM entities WHERE effective_area_id = 'area_099'"_s).toInt(),
            devices * 9 + int(value(u"SELECT COUNT(*) FROM entities WHERE area_id = "
                                    u"'area_099'"_s)
                                  .toInt()));
        QCOMPARE(value(u"SELECT COUNT(*) FROM entities WHERE area_id IS NOT NULL AND "
                       u"effective_area_id <> area_id"_s)
                     .toInt(),
                 0);

        // And back to no area: entities without their own area have none either.
        for (int i = 0; i < moved.size(); ++i) {
            QJsonObject object = moved.at(i).toObject();
            object.insert(u"area_id"_s, QJsonValue::Null);
            moved[i] = object;
        }
        QVERIFY(m_writer->upsertDevices(moved, Mode::Partial).ok);
        QCOMPARE(
            value(u"SELECT COUNT(*) FROM entities WHERE effective_area_id IS NOT NULL"_s).toInt(),
            devices);
    }

    void fullModePrunesAbsentRows()
    {
        writeSmallHome();
        QJsonArray devices = test::smallHome().devices;
        devices.removeLast(); // dev_weather
        const RegistryWriter::Outcome outcome = m_writer->upsertDevices(devices, Mode::Full);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.upserted, 5);
        QCOMPARE(outcome.deleted, 1);
        QCOMPARE(count(u"devices"_s), 5);
        // Its entity lives on without a device.
        QVERIFY(value(u"SELECT device_id FROM entities WHERE entity_id = 'weather.forecast_home'"_s)
                    .isNull());

        const RegistryWriter::Outcome entities = m_writer->upsertEntities(
            array(R"([{"entity_id": "light.kitchen", "device_id": "dev_kitchen_light"}])"),
            Mode::Full);
        QVERIFY2(entities.ok, qPrintable(entities.error));
        QCOMPARE(entities.deleted, 14);
        QCOMPARE(count(u"entities"_s), 1);

        const RegistryWriter::Outcome none = m_writer->upsertLabels({}, Mode::Full);
        QVERIFY(none.ok);
        QCOMPARE(none.deleted, 2);
        QCOMPARE(count(u"labels"_s), 0);
    }

    void partialModeOnlyUpserts()
    {
        writeSmallHome();
        const RegistryWriter::Outcome outcome = m_writer->upsertDevices(
            array(R"([{"id": "dev_weather", "name": "Weather", "primary_config_entry": "e_met"},
                      {"id": "dev_new", "name": "New"}])"),
            Mode::Partial);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.upserted, 2);
        QCOMPARE(outcome.deleted, 0);
        QCOMPARE(count(u"devices"_s), 7);
        QCOMPARE(value(u"SELECT name FROM devices WHERE device_id = 'dev_weather'"_s),
                 QVariant(u"Weather"_s));
        // An upsert replaces the whole row, as HA's list items are whole rows.
        QVERIFY(
            value(u"SELECT manufacturer FROM devices WHERE device_id = 'dev_weather'"_s).isNull());
        QCOMPARE(value(u"SELECT sort_name FROM devices WHERE device_id = 'dev_weather'"_s),
                 QVariant(u"weather"_s));
    }

    void repeatedKeyKeepsTheLastItem()
    {
        const RegistryWriter::Outcome outcome = m_writer->upsertLabels(
            array(R"([{"label_id": "a", "name": "First"}, {"label_id": "b", "name": "B"},
                      {"label_id": "a", "name": "Second"}])"),
            Mode::Full);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.upserted, 2);
        QCOMPARE(value(u"SELECT name FROM labels WHERE label_id = 'a'"_s), QVariant(u"Second"_s));
    }

    void deviceIdAlsoAcceptedAsDeviceId()
    {
        const RegistryWriter::Outcome outcome =
            m_writer->upsertDevices(array(R"([{"device_id": "x", "name": "X"}])"), Mode::Partial);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(value(u"SELECT name FROM devices WHERE device_id = 'x'"_s), QVariant(u"X"_s));
    }

    void deleteDeviceKeepsItsEntities()
    {
        writeSmallHome();
        RegistryWriter::Outcome outcome = m_writer->deleteDevice(u"dev_bedroom_sensor"_s);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.deleted, 1);
        QCOMPARE(count(u"devices"_s), 5);
        QCOMPARE(count(u"entities"_s), 15);
        const QString entity = u"sensor.bedroom_temperature"_s;
        QVERIFY(value(u"SELECT device_id FROM entities WHERE entity_id = ?"_s, {entity}).isNull());
        QVERIFY(value(u"SELECT effective_area_id FROM entities WHERE entity_id = ?"_s, {entity})
                    .isNull());
        outcome = m_writer->deleteDevice(u"dev_bedroom_sensor"_s);
        QVERIFY(outcome.ok);
        QCOMPARE(outcome.deleted, 0);
    }

    void deleteOne_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("key");
        QTest::newRow("entity") << u"entities"_s << u"light.kitchen"_s;
        QTest::newRow("area") << u"areas"_s << u"garage"_s;
        QTest::newRow("floor") << u"floors"_s << u"attic"_s;
        QTest::newRow("label") << u"labels"_s << u"outdoor"_s;
        QTest::newRow("integration") << u"integrations"_s << u"e_met"_s;
    }

    void deleteOne()
    {
        QFETCH(QString, table);
        QFETCH(QString, key);
        writeSmallHome();
        const qint64 before = count(table);
        auto remove = [&] {
            if (table == u"entities"_s)
                return m_writer->deleteEntity(key);
            if (table == u"areas"_s)
                return m_writer->deleteArea(key);
            if (table == u"floors"_s)
                return m_writer->deleteFloor(key);
            if (table == u"labels"_s)
                return m_writer->deleteLabel(key);
            return m_writer->deleteIntegration(key);
        };
        RegistryWriter::Outcome outcome = remove();
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.deleted, 1);
        QCOMPARE(count(table), before - 1);
        outcome = remove();
        QVERIFY(outcome.ok);
        QCOMPARE(outcome.deleted, 0);
    }

    void invalidInputChangesNothing_data()
    {
        QTest::addColumn<QString>("list");
        QTest::addColumn<QByteArray>("items");
        QTest::addColumn<QString>("expectedError");
        QTest::newRow("not an object") << u"devices"_s << QByteArray(R"([{"id": "ok"}, 5])")
                                       << u"devices[1]: expected an object, got a number"_s;
        QTest::newRow("missing id")
            << u"devices"_s << QByteArray(R"([{"id": "ok"}, {"name": "no id"}])")
            << u"devices[1].id: missing"_s;
        QTest::newRow("number for a string")
            << u"devices"_s << QByteArray(R"([{"id": "ok"}, {"id": "x", "name": 5}])")
            << u"devices[1].name: expected a string or null, got a number"_s;
        QTest::newRow("string for a list")
            << u"devices"_s << QByteArray(R"([{"id": "x", "labels": "a,b"}])")
            << u"devices[0].labels: expected an array or null, got a string"_s;
        QTest::newRow("string for a timestamp")
            << u"devices"_s << QByteArray(R"([{"id": "x", "created_at": "2024-01-01"}])")
            << u"devices[0].created_at: expected a number or null, got a string"_s;
        QTest::newRow("number for the primary entry")
            << u"devices"_s << QByteArray(R"([{"id": "x", "primary_config_entry": 3}])")
            << u"devices[0].primary_config_entry: expected a string or null, got a number"_s;
        QTest::newRow("number for device_id")
            << u"devices"_s << QByteArray(R"([{"device_id": 7}])")
            << u"devices[0].device_id: expected a string or null, got a number"_s;
        QTest::newRow("unknown device")
            << u"entities"_s
            << QByteArray(R"([{"entity_id": "light.ok", "device_id": "dev_kitchen_light"},
                              {"entity_id": "light.x", "device_id": "nope"}])")
            << u"entities[1].device_id: unknown device 'nope'"_s;
        QTest::newRow("not an entity id")
            << u"entities"_s << QByteArray(R"([{"entity_id": "nodot"}])")
            << u"entities[0].entity_id: not an entity id"_s;
        QTest::newRow("string for a bool")
            << u"entities"_s << QByteArray(R"([{"entity_id": "a.b", "has_entity_name": "yes"}])")
            << u"entities[0].has_entity_name: expected true, false or null, got a string"_s;
        QTest::newRow("array for an object")
            << u"entities"_s << QByteArray(R"([{"entity_id": "a.b", "options": []}])")
            << u"entities[0].options: expected an object or null, got an array"_s;
        QTest::newRow("fractional level")
            << u"floors"_s << QByteArray(R"([{"floor_id": "f", "name": "F", "level": 1.5}])")
            << u"floors[0].level: expected an integer or null, got a fraction"_s;
        QTest::newRow("area without name")
            << u"areas"_s << QByteArray(R"([{"area_id": "a"}])") << u"areas[0].name: missing"_s;
        QTest::newRow("entry without domain")
            << u"integrations"_s << QByteArray(R"([{"entry_id": "e"}])")
            << u"integrations[0].domain: missing"_s;
        QTest::newRow("empty key")
            << u"labels"_s << QByteArray(R"([{"label_id": "", "name": "x"}])")
            << u"labels[0].label_id: must not be empty"_s;
    }

    void invalidInputChangesNothing()
    {
        QFETCH(QString, list);
        QFETCH(QByteArray, items);
        QFETCH(QString, expectedError);
        writeSmallHome();
        const QString before = dump();
        const QJsonArray array = QJsonDocument::fromJson(items).array();
        QVERIFY(!array.isEmpty());
        // Full mode: a failure must not prune either.
        RegistryWriter::Outcome outcome;
        if (list == u"devices"_s)
            outcome = m_writer->upsertDevices(array, Mode::Full);
        else if (list == u"entities"_s)
            outcome = m_writer->upsertEntities(array, Mode::Full);
        else if (list == u"floors"_s)
            outcome = m_writer->upsertFloors(array, Mode::Full);
        else if (list == u"areas"_s)
            outcome = m_writer->upsertAreas(array, Mode::Full);
        else if (list == u"labels"_s)
            outcome = m_writer->upsertLabels(array, Mode::Full);
        else
            outcome = m_writer->upsertIntegrations(array, Mode::Full);
        QVERIFY(!outcome.ok);
        QVERIFY(outcome.badInput);
        QVERIFY2(outcome.error.startsWith(expectedError), qPrintable(outcome.error));
        QCOMPARE(outcome.upserted, 0);
        QCOMPARE(dump(), before);
    }

    void databaseErrorHalfwayRollsBackEarlierChunks()
    {
        // A failure after several multi-row statements already ran must undo them all.
        QSqlQuery trigger(m_database->connection());
        QVERIFY2(trigger.exec(u"CREATE TRIGGER refuse BEFORE INSERT ON labels "
                              u"WHEN NEW.label_id = 'label_190' "
                              u"BEGIN SELECT RAISE(ABORT, 'refused by test'); END"_s),
                 qPrintable(trigger.lastError().text()));
        QJsonArray labels;
        for (int i = 0; i < 200; ++i) {
            labels.append(
                QJsonObject{{u"label_id"_s, u"label_%1"_s.arg(i, 3, 10, QLatin1Char('0'))},
                            {u"name"_s, u"L"_s}});
        }
        const RegistryWriter::Outcome outcome = m_writer->upsertLabels(labels, Mode::Full);
        QVERIFY(!outcome.ok);
        QVERIFY(!outcome.badInput); // the database refused, not the input's shape
        QVERIFY2(outcome.error.contains(u"refused by test"_s), qPrintable(outcome.error));
        QVERIFY2(outcome.error.startsWith(u"labels["_s), qPrintable(outcome.error));
        QCOMPARE(count(u"labels"_s), 0);
    }

    void chunkBoundaries_data()
    {
        QTest::addColumn<int>("rows");
        for (int rows : {1, 2, 63, 64, 65, 130, 1000})
            QTest::addRow("%d", rows) << rows;
    }

    void chunkBoundaries()
    {
        QFETCH(int, rows);
        QJsonArray entries;
        for (int i = 0; i < rows; ++i)
            entries.append(QJsonObject{{u"entry_id"_s, u"e%1"_s.arg(i)},
                                       {u"domain"_s, u"d%1"_s.arg(i % 7)},
                                       {u"title"_s, u"T%1"_s.arg(i)}});
        RegistryWriter::Outcome outcome = m_writer->upsertIntegrations(entries, Mode::Full);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.upserted, rows);
        QCOMPARE(count(u"integrations"_s), rows);
        QCOMPARE(
            value(u"SELECT title FROM integrations WHERE entry_id = ?"_s, {u"e%1"_s.arg(rows - 1)}),
            QVariant(u"T%1"_s.arg(rows - 1)));
        // Keep every other row: the rest is pruned in chunks too.
        QJsonArray half;
        for (int i = 0; i < rows; i += 2)
            half.append(entries.at(i));
        outcome = m_writer->upsertIntegrations(half, Mode::Full);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.deleted, rows / 2);
        QCOMPARE(count(u"integrations"_s), half.size());
    }

    void valuesRoundTripExactly()
    {
        const RegistryWriter::Outcome outcome = m_writer->upsertAreas(
            array(R"([{"area_id": "küche", "name": "Küche ✓", "aliases": ["a", "ß"],
                       "created_at": 1712345678.123456, "modified_at": 0.1}])"),
            Mode::Partial);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(value(u"SELECT name FROM areas WHERE area_id = ?"_s, {u"küche"_s}),
                 QVariant(u"Küche ✓"_s));
        QCOMPARE(
            value(u"SELECT created_at FROM areas WHERE area_id = ?"_s, {u"küche"_s}).toDouble(),
            1712345678.123456);
        QCOMPARE(value(u"SELECT aliases FROM areas WHERE area_id = ?"_s, {u"küche"_s}),
                 QVariant(u"[\"a\",\"ß\"]"_s));
    }

    void preferencesReplaceAllKeys()
    {
        RegistryWriter::Outcome outcome = m_writer->setPreferences(QJsonObject{
            {u"theme"_s, u"dark"_s},
            {u"page_size"_s, 50},
            {u"columns"_s, QJsonArray{u"name"_s, u"area"_s}},
            {u"chart"_s, QJsonObject{{u"hours"_s, 24}}},
            {u"beta"_s, true},
            {u"nothing"_s, QJsonValue::Null},
        });
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.upserted, 6);
        QCOMPARE(count(u"user_preferences"_s), 6);
        QCOMPARE(value(u"SELECT value FROM user_preferences WHERE key = 'theme'"_s),
                 QVariant(u"\"dark\""_s));

        outcome = m_writer->setPreferences(QJsonObject{{u"theme"_s, u"light"_s}});
        QVERIFY(outcome.ok);
        QCOMPARE(outcome.deleted, 6);
        QCOMPARE(count(u"user_preferences"_s), 1);

        const QString before = dump();
        outcome = m_writer->setPreferences(QJsonObject{{u"ok"_s, 1}, {QString(), 2}});
        QVERIFY(!outcome.ok);
        QVERIFY(outcome.badInput);
        QVERIFY2(outcome.error.contains(u"key"_s), qPrintable(outcome.error));
        QCOMPARE(dump(), before);
    }

    void appState()
    {
        QVERIFY(m_writer->setState(u"backfill.checkpoint"_s, u"one"_s).ok);
        QVERIFY(m_writer->setState(u"backfill.checkpoint"_s, u"two"_s).ok);
        QVERIFY(m_writer->setState(u"empty"_s, QString()).ok);
        QCOMPARE(count(u"app_state"_s), 2);
        QCOMPARE(value(u"SELECT value FROM app_state WHERE key = 'backfill.checkpoint'"_s),
                 QVariant(u"two"_s));
        QCOMPARE(value(u"SELECT value FROM app_state WHERE key = 'empty'"_s).toString(), QString());
        const RegistryWriter::Outcome outcome = m_writer->setState(QString(), u"x"_s);
        QVERIFY(!outcome.ok);
        QVERIFY(!outcome.error.isEmpty());
    }

    void valuesAreBoundNotPasted()
    {
        // Quotes and SQL in values are stored as text.
        const RegistryWriter::Outcome outcome =
            m_writer->upsertLabels({QJsonObject{{u"label_id"_s, u"x'); DROP TABLE labels; --"_s},
                                                {u"name"_s, u"O'Brien \"quoted\""_s}}},
                                   Mode::Partial);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(count(u"labels"_s), 1);
        QCOMPARE(value(u"SELECT name FROM labels"_s), QVariant(u"O'Brien \"quoted\""_s));
        QVERIFY(m_writer->setState(u"k'"_s, u"'); DELETE FROM app_state; --"_s).ok);
        QCOMPARE(count(u"app_state"_s), 1);
    }
};

QTEST_GUILESS_MAIN(TestRegistryWriter)
#include "tst_registrywriter.moc"
