// SPDX-License-Identifier: GPL-3.0-or-later
#include "registry/database.h"
#include "registry/migrator.h"
#include "registry/registryreader.h"
#include "registry/registrywriter.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hai;

class TestMigrator : public QObject
{
    Q_OBJECT

private:
    static DatabaseLocation sqlite(const QString &path)
    {
        DatabaseLocation location;
        location.sqlitePath = path;
        return location;
    }

    static QStringList tableNames(Database &database)
    {
        QStringList tables = database.connection().tables(QSql::Tables);
        tables.sort();
        return tables;
    }

    static QVariant scalar(Database &database, const QString &sql)
    {
        QSqlQuery query(database.connection());
        if (!query.exec(sql) || !query.next())
            return QString(u"<error: "_s + query.lastError().text() + u'>');
        return query.value(0);
    }

    static bool writeFile(const QString &path, const QByteArray &content)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
    }

    static QByteArray fileHash(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
    }

    // A migrations folder holding the real 0001 plus `extra` files.
    static bool makeMigrations(const QString &dir,
                               const QList<std::pair<QString, QByteArray>> &extra)
    {
        QFile real(u":/sql/0001_registry.sql"_s);
        if (!real.open(QIODevice::ReadOnly) ||
            !writeFile(dir + u"/0001_registry.sql"_s, real.readAll()))
            return false;
        for (const auto &[name, content] : extra) {
            if (!writeFile(dir + u'/' + name, content))
                return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void splitStatements_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QStringList>("statements");
        QTest::newRow("empty") << QString() << QStringList();
        QTest::newRow("only comments") << u"-- nothing; here\n/* nor; here */\n"_s << QStringList();
        QTest::newRow("two") << u"CREATE TABLE a (x INTEGER);\nCREATE TABLE b (y TEXT);"_s
                             << QStringList{u"CREATE TABLE a (x INTEGER)"_s,
                                            u"CREATE TABLE b (y TEXT)"_s};
        QTest::newRow("no final semicolon")
            << u"SELECT 1;\nSELECT 2"_s << QStringList{u"SELECT 1"_s, u"SELECT 2"_s};
        QTest::newRow("semicolon in string")
            << u"INSERT INTO t VALUES ('a;b');"_s << QStringList{u"INSERT INTO t VALUES ('a;b')"_s};
        QTest::newRow("doubled quote")
            << u"SELECT 'it''s; fine';"_s << QStringList{u"SELECT 'it''s; fine'"_s};
        QTest::newRow("quoted identifier")
            << u"SELECT \"a;b\" FROM t;"_s << QStringList{u"SELECT \"a;b\" FROM t"_s};
        QTest::newRow("line comment") << u"SELECT 1; -- ignored; really\nSELECT 2;"_s
                                      << QStringList{u"SELECT 1"_s, u"SELECT 2"_s};
        QTest::newRow("comment dashes in string")
            << u"SELECT '--x';"_s << QStringList{u"SELECT '--x'"_s};
        QTest::newRow("block comment") << u"SELECT /* ; */ 1;"_s << QStringList{u"SELECT   1"_s};
        QTest::newRow("dollar quoted")
            << u"CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql; SELECT 2;"_s
            << QStringList{u"CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql"_s,
                           u"SELECT 2"_s};
        QTest::newRow("tagged dollar quote")
            << u"DO $body$ BEGIN PERFORM 1; END $body$;"_s
            << QStringList{u"DO $body$ BEGIN PERFORM 1; END $body$"_s};
        QTest::newRow("positional parameter") << u"SELECT $1;"_s << QStringList{u"SELECT $1"_s};
    }

    void splitStatements()
    {
        QFETCH(QString, script);
        QFETCH(QStringList, statements);
        QCOMPARE(Migrator::splitStatements(script), statements);
    }

    void latestVersionCountsTheResourceFiles()
    {
        QCOMPARE(Migrator::latestVersion(), 3);
        QVERIFY(QFile::exists(u":/sql/0001_registry.sql"_s));
    }

    void freshDatabase()
    {
        QTemporaryDir dir;
        Database database;
        QString error;
        QVERIFY(database.open(sqlite(dir.filePath(u"r.db"_s)), Database::Role::Writer, &error));
        QCOMPARE(Migrator::currentVersion(database, &error), 0);
        QVERIFY2(Migrator::migrate(database, &error), qPrintable(error));
        QCOMPARE(Migrator::currentVersion(database, &error), 3);
        QCOMPARE(tableNames(database),
                 (QStringList{u"app_state"_s, u"areas"_s, u"devices"_s, u"entities"_s, u"floors"_s,
                              u"integrations"_s, u"labels"_s, u"schema_version"_s,
                              u"user_preferences"_s, u"webhook_deliveries"_s, u"webhooks"_s}));
        QSqlQuery rows(database.connection());
        QVERIFY(rows.exec(u"SELECT version, name, applied_at FROM schema_version ORDER BY 1"_s));
        QVERIFY(rows.next());
        QCOMPARE(rows.value(0).toInt(), 1);
        QCOMPARE(rows.value(1).toString(), u"0001_registry.sql"_s);
        QVERIFY(rows.value(2).toDouble() > 1.7e9);
        QVERIFY(rows.next());
        QCOMPARE(rows.value(0).toInt(), 2);
        QCOMPARE(rows.value(1).toString(), u"0002_state_and_ha_fields.sql"_s);
        QVERIFY(rows.next());
        QCOMPARE(rows.value(0).toInt(), 3);
        QCOMPARE(rows.value(1).toString(), u"0003_webhooks.sql"_s);
        QVERIFY(!rows.next());
    }

    void indexesServeTheFilters_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("index");
        const QString devices = u"SELECT device_id FROM devices WHERE %1 = 'x' "
                                u"ORDER BY sort_name, device_id LIMIT 10"_s;
        QTest::newRow("devices by manufacturer")
            << devices.arg(u"manufacturer"_s) << u"devices_manufacturer"_s;
        QTest::newRow("devices by model") << devices.arg(u"model"_s) << u"devices_model"_s;
        QTest::newRow("devices by area") << devices.arg(u"area_id"_s) << u"devices_area"_s;
        QTest::newRow("devices by integration")
            << devices.arg(u"integration"_s) << u"devices_integration"_s;
        QTest::newRow("devices unfiltered")
            << u"SELECT device_id FROM devices ORDER BY sort_name, device_id LIMIT 10"_s
            << u"devices_order"_s;
        const QString entities =
            u"SELECT entity_id FROM entities WHERE %1 = 'x' ORDER BY entity_id LIMIT 10"_s;
        QTest::newRow("entities by domain") << entities.arg(u"domain"_s) << u"entities_domain"_s;
        QTest::newRow("entities by device") << entities.arg(u"device_id"_s) << u"entities_device"_s;
        QTest::newRow("entities by area")
            << entities.arg(u"effective_area_id"_s) << u"entities_area"_s;
        QTest::newRow("entities by platform")
            << entities.arg(u"platform"_s) << u"entities_platform"_s;
    }

    void indexesServeTheFilters()
    {
        // Each filtered page is a range scan of its index with no sort step.
        QFETCH(QString, sql);
        QFETCH(QString, index);
        QTemporaryDir dir;
        Database database;
        QString error;
        QVERIFY(database.open(sqlite(dir.filePath(u"r.db"_s)), Database::Role::Writer, &error));
        QVERIFY2(Migrator::migrate(database, &error), qPrintable(error));
        QSqlQuery plan(database.connection());
        QVERIFY2(plan.exec(u"EXPLAIN QUERY PLAN "_s + sql), qPrintable(plan.lastError().text()));
        QStringList steps;
        while (plan.next())
            steps << plan.value(3).toString();
        const QString text = steps.join(u" | "_s);
        QVERIFY2(text.contains(u"USING INDEX "_s + index) ||
                     text.contains(u"USING COVERING INDEX "_s + index),
                 qPrintable(text));
        QVERIFY2(!text.contains(u"TEMP B-TREE"_s), qPrintable(text));
    }

    void migrateIsIdempotent()
    {
        QTemporaryDir dir;
        Database database;
        QString error;
        QVERIFY(database.open(sqlite(dir.filePath(u"r.db"_s)), Database::Role::Writer, &error));
        QVERIFY2(Migrator::migrate(database, &error), qPrintable(error));
        QVERIFY2(Migrator::migrate(database, &error), qPrintable(error));
        QCOMPARE(scalar(database, u"SELECT COUNT(*) FROM schema_version"_s).toInt(), 3);
    }

    void migrateStepByStep()
    {
        QTemporaryDir dir;
        Database database;
        QString error;
        QVERIFY(database.open(sqlite(dir.filePath(u"r.db"_s)), Database::Role::Writer, &error));
        QVERIFY2(Migrator::migrate(database, &error, 1), qPrintable(error));
        QCOMPARE(Migrator::currentVersion(database, &error), 1);
        QVERIFY(!tableNames(database).contains(u"app_state"_s));
        QVERIFY2(Migrator::migrate(database, &error, 2), qPrintable(error));
        QCOMPARE(Migrator::currentVersion(database, &error), 2);
        QVERIFY(tableNames(database).contains(u"app_state"_s));
        QVERIFY(!tableNames(database).contains(u"webhooks"_s));
        QVERIFY2(Migrator::migrate(database, &error), qPrintable(error));
        QCOMPARE(Migrator::currentVersion(database, &error), 3);
        QVERIFY(tableNames(database).contains(u"webhooks"_s));
    }

    void targetBeyondTheNewestFails()
    {
        QTemporaryDir dir;
        Database database;
        QString error;
        QVERIFY(database.open(sqlite(dir.filePath(u"r.db"_s)), Database::Role::Writer, &error));
        QVERIFY(!Migrator::migrate(database, &error, 4));
        QVERIFY2(error.contains(u"newest is 3"_s), qPrintable(error));
        QCOMPARE(Migrator::currentVersion(database, &error), 0);
    }

    void upgradesTheVersion1FixtureKeepingItsData()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"registry.db"_s);
        QVERIFY(QFile::copy(QStringLiteral(HAI_FIXTURES_DIR "/registry-v1.db"), path));
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));

        Database database;
        QString error;
        QVERIFY2(database.open(sqlite(path), Database::Role::Writer, &error), qPrintable(error));
        QCOMPARE(Migrator::currentVersion(database, &error), 1);
        QVERIFY2(Migrator::migrate(database, &error), qPrintable(error));
        QCOMPARE(Migrator::currentVersion(database, &error), 3);

        {
            RegistryReader reader(database);
            const RegistryReader::Counts counts = reader.counts();
            QCOMPARE(counts.devices, 2);
            QCOMPARE(counts.entities, 3);
            QCOMPARE(counts.areas, 2);
            QCOMPARE(counts.floors, 1);
            QCOMPARE(counts.labels, 1);
            QCOMPARE(counts.integrations, 2);

            const std::optional<QJsonObject> light = reader.device(u"dev_light"_s);
            QVERIFY(light);
            QCOMPARE(light->value(u"name"_s).toString(), u"Kitchen Light"_s);
            QCOMPARE(light->value(u"integration"_s).toString(), u"hue"_s);
            QCOMPARE(light->value(u"created_at"_s).toDouble(), 1700000101.25);
            QCOMPARE(light->value(u"labels"_s).toArray(), QJsonArray{u"critical"_s});
            QCOMPARE(light->value(u"entity_count"_s).toInt(), 1);
            // Columns added by migration 2 start empty.
            QCOMPARE(light->value(u"identifiers"_s).toArray(), QJsonArray());
            QCOMPARE(light->value(u"connections"_s).toArray(), QJsonArray());
            QVERIFY(light->value(u"parent_device_id"_s).isNull());

            const std::optional<QJsonObject> temperature =
                reader.entity(u"sensor.bedroom_temperature"_s);
            QVERIFY(temperature);
            QCOMPARE(temperature->value(u"name"_s).toString(), u"Bedroom Temp"_s);
            QCOMPARE(temperature->value(u"has_entity_name"_s).toBool(), true);
            QCOMPARE(temperature->value(u"options"_s).toObject(), QJsonObject());

            EntityFilter byArea;
            byArea.areaId = u"bedroom"_s;
            QCOMPARE(reader.entities(byArea, {}).total, 1);
            DeviceFilter byText;
            byText.query = u"BED SENS"_s;
            QCOMPARE(reader.devices(byText, {}).total, 1);

            const QJsonArray areas = reader.areas();
            QCOMPARE(areas.size(), 2);
            QCOMPARE(areas.at(1).toObject().value(u"aliases"_s).toArray(),
                     QJsonArray{u"cuisine"_s});
        }

        // The upgraded database takes the new fields and the new tables.
        RegistryWriter writer(database);
        const RegistryWriter::Outcome outcome = writer.upsertDevices(
            {QJsonObject{{u"id"_s, u"dev_light"_s},
                         {u"name"_s, u"Kitchen Light"_s},
                         {u"primary_config_entry"_s, u"e_hue"_s},
                         {u"identifiers"_s, QJsonArray{QJsonArray{u"hue"_s, u"light-1"_s}}}}},
            RegistryWriter::Mode::Partial);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QVERIFY(writer.setState(u"backfill.checkpoint"_s, u"2024-01-01T00:00:00Z"_s).ok);
        RegistryReader reader(database);
        QCOMPARE(reader.device(u"dev_light"_s)->value(u"identifiers"_s).toArray().size(), 1);
        QCOMPARE(reader.state(u"backfill.checkpoint"_s).value_or(QString()),
                 u"2024-01-01T00:00:00Z"_s);
    }

    void refusesANewerDatabaseUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"registry.db"_s);
        {
            Database database;
            QString error;
            QVERIFY(database.open(sqlite(path), Database::Role::Writer, &error));
            QVERIFY2(Migrator::migrate(database, &error), qPrintable(error));
            QSqlQuery future(database.connection());
            QVERIFY(future.prepare(
                u"INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)"_s));
            future.addBindValue(99);
            future.addBindValue(u"0099_from_the_future.sql"_s);
            future.addBindValue(1.9e9);
            QVERIFY2(future.exec(), qPrintable(future.lastError().text()));
        }
        const QByteArray hashBefore = fileHash(path);
        const QDateTime mtimeBefore = QFileInfo(path).lastModified();
        const QStringList filesBefore = QDir(dir.path()).entryList(QDir::Files);
        QVERIFY(!hashBefore.isEmpty());

        {
            Database database;
            QString error;
            QVERIFY2(database.open(sqlite(path), Database::Role::Writer, &error),
                     qPrintable(error));
            QCOMPARE(Migrator::currentVersion(database, &error), 99);
            QVERIFY(!Migrator::migrate(database, &error));
            QVERIFY2(error.contains(u"schema version 99"_s), qPrintable(error));
            QVERIFY2(error.contains(u"newer"_s), qPrintable(error));
            QVERIFY2(error.contains(u"untouched"_s), qPrintable(error));
            QCOMPARE(Migrator::currentVersion(database, &error), 99);
        }
        QCOMPARE(fileHash(path), hashBefore);
        QCOMPARE(QFileInfo(path).lastModified(), mtimeBefore);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), filesBefore);
    }

    void failedMigrationRollsBackCompletely()
    {
        QTemporaryDir migrations;
        QVERIFY(makeMigrations(migrations.path(), {{u"0002_broken.sql"_s,
                                                    "CREATE TABLE half_done (x INTEGER);\n"
                                                    "ALTER TABLE devices ADD COLUMN extra TEXT;\n"
                                                    "CREATE TABLE broken (;\n"}}));
        QTemporaryDir dir;
        Database database;
        QString error;
        QVERIFY(database.open(sqlite(dir.filePath(u"r.db"_s)), Database::Role::Writer, &error));
        QVERIFY(!Migrator::migrate(database, &error, -1, migrations.path()));
        QVERIFY2(error.contains(u"0002_broken.sql"_s), qPrintable(error));
        QVERIFY2(error.contains(u"statement 3"_s), qPrintable(error));
        QCOMPARE(Migrator::currentVersion(database, &error), 1); // migration 1 stays applied
        QVERIFY(!tableNames(database).contains(u"half_done"_s));
        QSqlQuery columns(database.connection());
        QVERIFY(!columns.exec(u"SELECT extra FROM devices"_s));
    }

    void brokenMigrationFolders_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expectedError");
        QTest::newRow("gap") << u"0003_gap.sql"_s << u"migration 2 is missing"_s;
        QTest::newRow("stray file") << u"notes.sql"_s << u"unexpected file notes.sql"_s;
        QTest::newRow("postgres only") << u"0002_only.postgres.sql"_s << u"no portable .sql file"_s;
    }

    void brokenMigrationFolders()
    {
        QFETCH(QString, file);
        QFETCH(QString, expectedError);
        QTemporaryDir migrations;
        QVERIFY(makeMigrations(migrations.path(), {{file, "SELECT 1;"}}));
        QTemporaryDir dir;
        Database database;
        QString error;
        QVERIFY(database.open(sqlite(dir.filePath(u"r.db"_s)), Database::Role::Writer, &error));
        QVERIFY(!Migrator::migrate(database, &error, -1, migrations.path()));
        QVERIFY2(error.contains(expectedError), qPrintable(error));
        QCOMPARE(Migrator::currentVersion(database, &error), 0); // nothing applied
        QCOMPARE(Migrator::latestVersion(migrations.path()), 0);
    }

    void postgresVariantIsNotUsedOnSqlite()
    {
        QTemporaryDir migrations;
        QVERIFY(makeMigrations(
            migrations.path(),
            {{u"0002_variant.sql"_s, "CREATE TABLE portable_t (x INTEGER);"},
             {u"0002_variant.postgres.sql"_s, "CREATE TABLE postgres_t (x INTEGER);"}}));
        QTemporaryDir dir;
        Database database;
        QString error;
        QVERIFY(database.open(sqlite(dir.filePath(u"r.db"_s)), Database::Role::Writer, &error));
        QVERIFY2(Migrator::migrate(database, &error, -1, migrations.path()), qPrintable(error));
        QVERIFY(tableNames(database).contains(u"portable_t"_s));
        QVERIFY(!tableNames(database).contains(u"postgres_t"_s));
        QCOMPARE(scalar(database, u"SELECT name FROM schema_version WHERE version = 2"_s),
                 QVariant(u"0002_variant.sql"_s));
    }
};

QTEST_GUILESS_MAIN(TestMigrator)
#include "tst_migrator.moc"
