// SPDX-License-Identifier: GPL-3.0-or-later
// The registry's migrations, writer and reader against a real PostgreSQL 15 that this test
// starts itself (tests/support/postgresserver.h). The same behaviour the SQLite unit tests
// check, on the other dialect.
#include "postgresserver.h"
#include "queryvalue.h"
#include "registry/database.h"
#include "registry/migrator.h"
#include "registry/registryreader.h"
#include "registry/registrywriter.h"
#include "registrysamples.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace hai;
using Mode = RegistryWriter::Mode;

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

} // namespace

class TestPostgresRegistry : public QObject
{
    Q_OBJECT

private:
    test::PostgresServer m_server;
    Database m_writerDatabase;
    Database m_readerDatabase;
    std::unique_ptr<RegistryWriter> m_writer;
    std::unique_ptr<RegistryReader> m_reader;
    int m_databases = 0;

    QVariant value(const QString &sql, const QVariantList &bound = {})
    {
        return test::queryValue(m_writerDatabase, sql, bound);
    }

    qint64 count(const QString &table)
    {
        return value(u"SELECT COUNT(*) FROM "_s + table).toLongLong();
    }

    // A fresh, empty database on the server.
    DatabaseLocation newDatabase()
    {
        const QString name = u"hai_test_"_s + QString::number(++m_databases);
        QString error;
        if (!m_server.createDatabase(name, &error))
            qWarning("%s", qPrintable(error));
        return m_server.location(name);
    }

    void resetRegistry()
    {
        QString error;
        QVERIFY2(test::writeSample(*m_writer, test::smallHome(), Mode::Full, &error),
                 qPrintable(error));
        QVERIFY(m_writer->setPreferences({}).ok);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QString error;
        if (!m_server.start(&error))
            QFAIL(qPrintable(u"cannot start PostgreSQL: "_s + error));
        const DatabaseLocation location = newDatabase();
        QVERIFY2(m_writerDatabase.open(location, Database::Role::Writer, &error),
                 qPrintable(error));
        QVERIFY(m_writerDatabase.isPostgres());
        QCOMPARE(Migrator::currentVersion(m_writerDatabase, &error), 0);
        QVERIFY2(Migrator::migrate(m_writerDatabase, &error), qPrintable(error));
        QVERIFY2(m_readerDatabase.open(location, Database::Role::Reader, &error),
                 qPrintable(error));
        m_writer = std::make_unique<RegistryWriter>(m_writerDatabase);
        m_reader = std::make_unique<RegistryReader>(m_readerDatabase);
    }

    void cleanupTestCase()
    {
        m_reader.reset();
        m_writer.reset();
        m_readerDatabase.close();
        m_writerDatabase.close();
        m_server.stop();
        QVERIFY(!m_server.isRunning());
    }

    void migrations()
    {
        QString error;
        QCOMPARE(Migrator::currentVersion(m_writerDatabase, &error), Migrator::latestVersion());
        QVERIFY2(Migrator::migrate(m_writerDatabase, &error), qPrintable(error)); // idempotent
        QCOMPARE(count(u"schema_version"_s), Migrator::latestVersion());
        QStringList tables = m_writerDatabase.connection().tables();
        tables.sort();
        QCOMPARE(tables,
                 (QStringList{u"app_state"_s, u"areas"_s, u"devices"_s, u"entities"_s, u"floors"_s,
                              u"integrations"_s, u"labels"_s, u"schema_version"_s,
                              u"user_preferences"_s, u"webhook_deliveries"_s, u"webhooks"_s}));
        // The column types are PostgreSQL's own, not text everywhere.
        QCOMPARE(value(u"SELECT data_type FROM information_schema.columns "
                       u"WHERE table_name = 'devices' AND column_name = 'created_at'"_s),
                 QVariant(u"double precision"_s));
        QCOMPARE(value(u"SELECT data_type FROM information_schema.columns "
                       u"WHERE table_name = 'entities' AND column_name = 'has_entity_name'"_s),
                 QVariant(u"boolean"_s));
    }

    void migrationsStepByStepAndVariants()
    {
        Database database;
        QString error;
        QVERIFY2(database.open(newDatabase(), Database::Role::Writer, &error), qPrintable(error));
        QVERIFY2(Migrator::migrate(database, &error, 1), qPrintable(error));
        QCOMPARE(Migrator::currentVersion(database, &error), 1);
        QVERIFY(!database.connection().tables().contains(u"app_state"_s));

        // A .postgres.sql variant replaces the portable file here.
        QTemporaryDir migrations;
        QFile real(u":/sql/0001_registry.sql"_s);
        QVERIFY(real.open(QIODevice::ReadOnly));
        const QByteArray first = real.readAll();
        const auto write = [&](const QString &name, const QByteArray &content) {
            QFile file(migrations.filePath(name));
            return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
        };
        QVERIFY(write(u"0001_registry.sql"_s, first));
        QVERIFY(write(u"0002_variant.sql"_s, "CREATE TABLE portable_t (x INTEGER);"));
        QVERIFY(write(u"0002_variant.postgres.sql"_s,
                      "CREATE TABLE postgres_t (x INTEGER);\n"
                      "CREATE FUNCTION hai_one() RETURNS integer AS $$ SELECT 1; $$ "
                      "LANGUAGE sql;"));
        QVERIFY2(Migrator::migrate(database, &error, -1, migrations.path()), qPrintable(error));
        QVERIFY(database.connection().tables().contains(u"postgres_t"_s));
        QVERIFY(!database.connection().tables().contains(u"portable_t"_s));
    }

    void failedMigrationRollsBack()
    {
        Database database;
        QString error;
        QVERIFY2(database.open(newDatabase(), Database::Role::Writer, &error), qPrintable(error));
        QTemporaryDir migrations;
        QFile real(u":/sql/0001_registry.sql"_s);
        QVERIFY(real.open(QIODevice::ReadOnly));
        QFile first(migrations.filePath(u"0001_registry.sql"_s));
        QVERIFY(first.open(QIODevice::WriteOnly));
        first.write(real.readAll());
        first.close();
        QFile broken(migrations.filePath(u"0002_broken.sql"_s));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("CREATE TABLE half_done (x INTEGER);\nCREATE TABLE broken (;\n");
        broken.close();
        QVERIFY(!Migrator::migrate(database, &error, -1, migrations.path()));
        QVERIFY2(error.contains(u"0002_broken.sql, statement 2"_s), qPrintable(error));
        QCOMPARE(Migrator::currentVersion(database, &error), 1);
        QVERIFY(!database.connection().tables().contains(u"half_done"_s));
    }

    void refusesANewerDatabase()
    {
        Database database;
        QString error;
        QVERIFY2(database.open(newDatabase(), Database::Role::Writer, &error), qPrintable(error));
        QVERIFY2(Migrator::migrate(database, &error, 1), qPrintable(error));
        QSqlQuery future(database.connection());
        QVERIFY(future.prepare(
            u"INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)"_s));
        future.addBindValue(99);
        future.addBindValue(u"0099_future.sql"_s);
        future.addBindValue(1.9e9);
        QVERIFY2(future.exec(), qPrintable(future.lastError().text()));
        const QStringList tablesBefore = database.connection().tables();
        QVERIFY(!Migrator::migrate(database, &error));
        QVERIFY2(error.contains(u"schema version 99"_s), qPrintable(error));
        QCOMPARE(database.connection().tables(), tablesBefore); // migration 2 did not run
        QCOMPARE(Migrator::currentVersion(database, &error), 99);
    }

    void readerConnectionIsReadOnly()
    {
        QSqlQuery query(m_readerDatabase.connection());
        QVERIFY(!query.exec(u"DELETE FROM labels"_s));
        const Database::Health health = m_readerDatabase.health();
        QVERIFY2(health.ok, qPrintable(health.error));
        QCOMPARE(health.journalMode, u"postgres"_s);
        QVERIFY(health.sizeMb > 0);
    }

    void fullSnapshotAndDerivedColumns()
    {
        resetRegistry();
        const RegistryReader::Counts counts = m_reader->counts();
        QCOMPARE(counts.devices, 6);
        QCOMPARE(counts.entities, 15);
        QCOMPARE(counts.areas, 4);
        QCOMPARE(counts.floors, 3);
        QCOMPARE(counts.labels, 2);
        QCOMPARE(counts.integrations, 3);
        QCOMPARE(value(u"SELECT integration FROM devices WHERE device_id = ?"_s,
                       {u"dev_kitchen_light"_s}),
                 QVariant(u"hue"_s));
        QCOMPARE(value(u"SELECT effective_area_id FROM entities WHERE entity_id = ?"_s,
                       {u"light.living_lamp_nightlight"_s}),
                 QVariant(u"bedroom"_s));
        const std::optional<QJsonObject> device = m_reader->device(u"dev_hue_bridge"_s);
        QVERIFY(device);
        QCOMPARE(device->value(u"created_at"_s).toDouble(), 1700000100.5);
        QCOMPARE(device->value(u"identifiers"_s).toArray().first().toArray().last().toString(),
                 u"bridge-1"_s);
        const std::optional<QJsonObject> light = m_reader->entity(u"light.kitchen"_s);
        QVERIFY(light);
        QCOMPARE(light->value(u"has_entity_name"_s), QJsonValue(true));
    }

    void integrationLearnedLater()
    {
        resetRegistry();
        QVERIFY(m_writer
                    ->upsertDevices({QJsonObject{{u"id"_s, u"dev_new"_s},
                                                 {u"primary_config_entry"_s, u"e_new"_s}}},
                                    Mode::Partial)
                    .ok);
        QVERIFY(value(u"SELECT integration FROM devices WHERE device_id = 'dev_new'"_s).isNull());
        QVERIFY(m_writer
                    ->upsertIntegrations(
                        {QJsonObject{{u"entry_id"_s, u"e_new"_s}, {u"domain"_s, u"esphome"_s}}},
                        Mode::Partial)
                    .ok);
        QCOMPARE(value(u"SELECT integration FROM devices WHERE device_id = 'dev_new'"_s),
                 QVariant(u"esphome"_s));
    }

    void pruneAndDelete()
    {
        resetRegistry();
        QJsonArray devices = test::smallHome().devices;
        devices.removeLast();
        RegistryWriter::Outcome outcome = m_writer->upsertDevices(devices, Mode::Full);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.deleted, 1);
        QVERIFY(value(u"SELECT device_id FROM entities WHERE entity_id = 'weather.forecast_home'"_s)
                    .isNull());

        outcome = m_writer->deleteDevice(u"dev_bedroom_sensor"_s);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.deleted, 1);
        QCOMPARE(count(u"entities"_s), 15);
        QCOMPARE(value(u"SELECT COUNT(*) FROM entities WHERE device_id IS NULL"_s).toInt(), 8);
        EntityFilter bedroom;
        bedroom.areaId = u"bedroom"_s;
        QCOMPARE(ids(m_reader->entities(bedroom, {}).items, u"entity_id"_s),
                 QStringList{u"light.living_lamp_nightlight"_s});

        outcome = m_writer->upsertDevices({QJsonObject{{u"id"_s, u"dev_extra"_s}}}, Mode::Partial);
        QVERIFY(outcome.ok);
        QCOMPARE(count(u"devices"_s), 5);
        QCOMPARE(m_writer->deleteEntity(u"light.kitchen"_s).deleted, 1);
        QCOMPARE(m_writer->deleteArea(u"garage"_s).deleted, 1);
        QCOMPARE(m_writer->deleteFloor(u"attic"_s).deleted, 1);
        QCOMPARE(m_writer->deleteLabel(u"outdoor"_s).deleted, 1);
        QCOMPARE(m_writer->deleteIntegration(u"e_met"_s).deleted, 1);
        QCOMPARE(m_writer->deleteIntegration(u"e_met"_s).deleted, 0);
    }

    void invalidInputChangesNothing_data()
    {
        QTest::addColumn<QString>("list");
        QTest::addColumn<QByteArray>("items");
        QTest::addColumn<QString>("expectedError");
        QTest::newRow("unknown device")
            << u"entities"_s
            << QByteArray(R"([{"entity_id": "light.ok", "device_id": "dev_kitchen_light"},
                              {"entity_id": "light.x", "device_id": "nope"}])")
            << u"entities[1].device_id: unknown device 'nope'"_s;
        QTest::newRow("number for a string")
            << u"devices"_s << QByteArray(R"([{"id": "ok"}, {"id": "x", "model": 5}])")
            << u"devices[1].model: expected a string or null, got a number"_s;
        QTest::newRow("missing key")
            << u"devices"_s << QByteArray(R"([{"name": "x"}])") << u"devices[0].id: missing"_s;
    }

    void invalidInputChangesNothing()
    {
        QFETCH(QString, list);
        QFETCH(QByteArray, items);
        QFETCH(QString, expectedError);
        resetRegistry();
        const RegistryReader::Counts before = m_reader->counts();
        const QJsonArray array = QJsonDocument::fromJson(items).array();
        const RegistryWriter::Outcome outcome = list == u"devices"_s
                                                    ? m_writer->upsertDevices(array, Mode::Full)
                                                    : m_writer->upsertEntities(array, Mode::Full);
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.error.startsWith(expectedError), qPrintable(outcome.error));
        const RegistryReader::Counts after = m_reader->counts();
        QCOMPARE(after.devices, before.devices);
        QCOMPARE(after.entities, before.entities);
        QVERIFY(!m_reader->entity(u"light.ok"_s));
        // The connection is usable after the rolled-back transaction.
        QVERIFY(m_writer->setState(u"after_failure"_s, u"ok"_s).ok);
    }

    void devices_data()
    {
        QTest::addColumn<DeviceFilter>("filter");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("all") << DeviceFilter{}
                             << QStringList{u"dev_bedroom_sensor"_s, u"dev_weather"_s,
                                            u"dev_garage_door"_s,    u"dev_hue_bridge"_s,
                                            u"dev_kitchen_light"_s,  u"dev_living_lamp"_s};
        QTest::newRow("manufacturer")
            << DeviceFilter{u"Signify"_s, {}, {}, {}, {}}
            << QStringList{u"dev_hue_bridge"_s, u"dev_kitchen_light"_s, u"dev_living_lamp"_s};
        QTest::newRow("model") << DeviceFilter{{}, u"LCT015"_s, {}, {}, {}}
                               << QStringList{u"dev_kitchen_light"_s, u"dev_living_lamp"_s};
        QTest::newRow("area") << DeviceFilter{{}, {}, u"garage"_s, {}, {}}
                              << QStringList{u"dev_garage_door"_s};
        QTest::newRow("integration")
            << DeviceFilter{{}, {}, {}, u"met"_s, {}} << QStringList{u"dev_weather"_s};
        QTest::newRow("query") << DeviceFilter{{}, {}, {}, {}, u"READING"_s}
                               << QStringList{u"dev_living_lamp"_s};
        QTest::newRow("query, literal %") << DeviceFilter{{}, {}, {}, {}, u"%"_s} << QStringList();
    }

    void devices()
    {
        QFETCH(DeviceFilter, filter);
        QFETCH(QStringList, expected);
        resetRegistry();
        const Page page = m_reader->devices(filter, {});
        QVERIFY2(m_reader->lastError().isEmpty(), qPrintable(m_reader->lastError()));
        QCOMPARE(ids(page.items, u"device_id"_s), expected);
        QCOMPARE(page.total, expected.size());
    }

    void entities_data()
    {
        QTest::addColumn<EntityFilter>("filter");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("domain") << EntityFilter{u"light"_s, {}, {}, {}, {}}
                                << QStringList{u"light.kitchen"_s, u"light.living_lamp"_s,
                                               u"light.living_lamp_nightlight"_s};
        QTest::newRow("device") << EntityFilter{{}, u"dev_garage_door"_s, {}, {}, {}}
                                << QStringList{u"cover.garage_door"_s,
                                               u"sensor.garage_door_battery"_s};
        QTest::newRow("area") << EntityFilter{{}, {}, u"bedroom"_s, {}, {}}
                              << QStringList{u"binary_sensor.bedroom_motion"_s,
                                             u"light.living_lamp_nightlight"_s,
                                             u"sensor.bedroom_humidity"_s,
                                             u"sensor.bedroom_temperature"_s};
        QTest::newRow("platform") << EntityFilter{{}, {}, {}, u"template"_s, {}}
                                  << QStringList{u"sensor.load_percent"_s,
                                                 u"sensor.outdoor_temperature"_s};
        QTest::newRow("query, unicode") << EntityFilter{{}, {}, {}, {}, u"küche"_s}
                                        << QStringList{u"sensor.kitchen_plug_power"_s};
        QTest::newRow("query, literal %_")
            << EntityFilter{{}, {}, {}, {}, u"100%_"_s} << QStringList{u"sensor.load_percent"_s};
    }

    void entities()
    {
        QFETCH(EntityFilter, filter);
        QFETCH(QStringList, expected);
        resetRegistry();
        const Page page = m_reader->entities(filter, {});
        QVERIFY2(m_reader->lastError().isEmpty(), qPrintable(m_reader->lastError()));
        QCOMPARE(ids(page.items, u"entity_id"_s), expected);
        QCOMPARE(page.total, expected.size());
    }

    void pagination()
    {
        resetRegistry();
        PageRequest request;
        request.limit = 1;
        request.offset = 14;
        Page page = m_reader->entities({}, request);
        QCOMPARE(ids(page.items, u"entity_id"_s), QStringList{u"weather.forecast_home"_s});
        QCOMPARE(page.total, 15);
        request.offset = 15;
        page = m_reader->entities({}, request);
        QVERIFY(page.items.isEmpty());
        QCOMPARE(page.total, 15);
        request.limit = 2;
        request.offset = 1;
        page = m_reader->devices({}, request);
        QCOMPARE(ids(page.items, u"device_id"_s),
                 (QStringList{u"dev_weather"_s, u"dev_garage_door"_s}));
        QCOMPARE(page.total, 6);
    }

    void listsWithCounts()
    {
        resetRegistry();
        const QJsonArray areas = m_reader->areas();
        QCOMPARE(ids(areas, u"area_id"_s),
                 (QStringList{u"bedroom"_s, u"garage"_s, u"kitchen"_s, u"living_room"_s}));
        QCOMPARE(areas.at(0).toObject().value(u"entity_count"_s).toInteger(), 4);
        QCOMPARE(areas.at(2).toObject().value(u"device_count"_s).toInteger(), 1);
        const QJsonArray floors = m_reader->floors();
        QCOMPARE(ids(floors, u"floor_id"_s), (QStringList{u"ground"_s, u"first"_s, u"attic"_s}));
        QCOMPARE(floors.at(0).toObject().value(u"area_count"_s).toInteger(), 2);
        const QJsonArray entries = m_reader->integrations();
        QCOMPARE(ids(entries, u"domain"_s), (QStringList{u"hue"_s, u"met"_s, u"zwave_js"_s}));
        QCOMPARE(entries.at(0).toObject().value(u"device_count"_s).toInteger(), 3);
        QCOMPARE(entries.at(2).toObject().value(u"entity_count"_s).toInteger(), 5);
        QCOMPARE(entries.at(0).toObject().value(u"supports_options"_s), QJsonValue(true));
        QCOMPARE(ids(m_reader->labels(), u"label_id"_s),
                 (QStringList{u"critical"_s, u"outdoor"_s}));
    }

    void preferencesAndState()
    {
        const QJsonObject preferences{{u"theme"_s, u"dark"_s},
                                      {u"size"_s, 50},
                                      {u"list"_s, QJsonArray{1, 2}},
                                      {u"flag"_s, true},
                                      {u"none"_s, QJsonValue::Null}};
        QVERIFY(m_writer->setPreferences(preferences).ok);
        QCOMPARE(m_reader->preferences(), preferences);
        QVERIFY(m_writer->setState(u"checkpoint"_s, u"one"_s).ok);
        QVERIFY(m_writer->setState(u"checkpoint"_s, u"two"_s).ok);
        QCOMPARE(m_reader->state(u"checkpoint"_s).value_or(QString()), u"two"_s);
        QVERIFY(!m_reader->state(u"absent"_s));
    }

    void valuesAreBoundNotPasted()
    {
        const QString nasty = u"x'); DROP TABLE labels; -- \\ \"q\" ü $1 ?"_s;
        const RegistryWriter::Outcome outcome = m_writer->upsertLabels(
            {QJsonObject{{u"label_id"_s, nasty}, {u"name"_s, nasty}, {u"description"_s, u"?"_s}}},
            Mode::Partial);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        const QJsonArray labels = m_reader->labels();
        QStringList names = ids(labels, u"name"_s);
        QVERIFY2(names.contains(nasty), qPrintable(names.join(u" | "_s)));
        QVERIFY(m_writer->deleteLabel(nasty).deleted == 1);
        EntityFilter filter;
        filter.query = nasty;
        QCOMPARE(m_reader->entities(filter, {}).total, 0);
        QVERIFY(m_reader->lastError().isEmpty());
    }

    void bulkSnapshot()
    {
        // Enough rows to exercise multi-row statements, bulk lookups and chunked pruning.
        const test::RegistrySample home = test::generatedHome(2000, 10);
        QElapsedTimer timer;
        timer.start();
        QString error;
        QVERIFY2(test::writeSample(*m_writer, home, Mode::Full, &error), qPrintable(error));
        qInfo("full snapshot of 2,000 devices / 20,000 entities: %lld ms", timer.elapsed());
        RegistryReader::Counts counts = m_reader->counts();
        QCOMPARE(counts.devices, 2000);
        QCOMPARE(counts.entities, 20000);

        test::RegistrySample half = home;
        while (half.devices.size() > 1000)
            half.devices.removeLast();
        timer.restart();
        const RegistryWriter::Outcome outcome = m_writer->upsertDevices(half.devices, Mode::Full);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        qInfo("full device snapshot pruning 1,000 devices: %lld ms", timer.elapsed());
        QCOMPARE(outcome.deleted, 1000);
        QCOMPARE(value(u"SELECT COUNT(*) FROM entities WHERE device_id IS NULL"_s).toInt(), 10000);
        QCOMPARE(value(u"SELECT COUNT(*) FROM entities WHERE device_id IS NULL "
                       u"AND area_id IS NULL AND effective_area_id IS NOT NULL"_s)
                     .toInt(),
                 0);
        DeviceFilter byMaker;
        byMaker.manufacturer = u"Maker 07"_s;
        const Page page = m_reader->devices(byMaker, {});
        QCOMPARE(page.total, 25);
    }
};

QTEST_GUILESS_MAIN(TestPostgresRegistry)
#include "tst_postgresregistry.moc"
