// SPDX-License-Identifier: GPL-3.0-or-later
// Upgrades: the real ha-ingestor binary started on a registry written by an older version
// (tests/fixtures/registry-v1.db, schema version 1) as <data-dir>/metadata.db, the way a user's
// data dir looks after installing a newer package. Its rows must come through the REST API
// unchanged, and once the app has stopped the schema must be the newest.
#include "appprocess.h"
#include "httpclient.h"
#include "registry/database.h"
#include "registry/migrator.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
const QString kBinary = QStringLiteral(HAI_INGESTOR_BINARY);
} // namespace

class TestUpgrade : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void rowsSurvive_data();
    void rowsSurvive();
    void migrationAddedColumnsStartEmpty();
    void stopsCleanly();
    void schemaIsNewest();

private:
    QString dataDir() const { return m_dir.filePath(u"data"_s); }

    QTemporaryDir m_dir;
    std::unique_ptr<hai::test::AppProcess> m_app;
    std::unique_ptr<hai::test::HttpClient> m_http;
};

void TestUpgrade::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(QFile::exists(kBinary));
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir().mkpath(dataDir()));
    const QString db = dataDir() + u"/metadata.db"_s;
    QVERIFY(QFile::copy(QStringLiteral(HAI_FIXTURES_DIR "/registry-v1.db"), db));
    QVERIFY(QFile::setPermissions(db, QFile::ReadOwner | QFile::WriteOwner));

    // An existing (empty) config file: the app may start without Home Assistant, so nothing
    // but the upgrade touches the registry (no discovery, no pruning).
    const QString ini = m_dir.filePath(u"ha-ingestor.ini"_s);
    QFile file(ini);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();

    m_app = std::make_unique<hai::test::AppProcess>(kBinary, dataDir());
    QVERIFY(m_app->start({u"--config"_s, ini}));
    m_http = std::make_unique<hai::test::HttpClient>(QUrl(m_app->apiUrl()));
    int status = 0;
    QElapsedTimer waited;
    waited.start();
    while (status != 200 && waited.elapsed() < 20000) {
        status = m_http->send("GET", u"/health"_s, {}, {}, 1000).status;
        if (status != 200)
            QTest::qWait(100);
    }
    QVERIFY2(status == 200, m_app->outputTail().constData());
}

void TestUpgrade::rowsSurvive_data()
{
    // The fixture's rows as make-registry-v1.sh wrote them, one REST field each.
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("expected");
    QTest::newRow("devices") << u"/api/devices"_s << u"total"_s << QJsonValue(2);
    QTest::newRow("entities") << u"/api/entities"_s << u"total"_s << QJsonValue(3);
    QTest::newRow("areas") << u"/api/areas"_s << u"count"_s << QJsonValue(2);
    QTest::newRow("floors") << u"/api/floors"_s << u"count"_s << QJsonValue(1);
    QTest::newRow("labels") << u"/api/labels"_s << u"count"_s << QJsonValue(1);
    QTest::newRow("integrations") << u"/api/integrations"_s << u"count"_s << QJsonValue(2);
    const QString light = u"/api/devices/dev_light"_s;
    QTest::newRow("light name") << light << u"name"_s << QJsonValue(u"Kitchen Light"_s);
    QTest::newRow("light manufacturer") << light << u"manufacturer"_s << QJsonValue(u"Signify"_s);
    QTest::newRow("light area") << light << u"area_id"_s << QJsonValue(u"kitchen"_s);
    QTest::newRow("light integration") << light << u"integration"_s << QJsonValue(u"hue"_s);
    QTest::newRow("light created") << light << u"created_at"_s << QJsonValue(1700000101.25);
    QTest::newRow("light labels") << light << u"labels"_s << QJsonValue(QJsonArray{u"critical"_s});
    QTest::newRow("light entity count") << light << u"entity_count"_s << QJsonValue(1);
    QTest::newRow("sensor user name")
        << u"/api/devices/dev_sensor"_s << u"name_by_user"_s << QJsonValue(u"Bed Sensor"_s);
    const QString temperature = u"/api/entities/sensor.bedroom_temperature"_s;
    QTest::newRow("temperature name") << temperature << u"name"_s << QJsonValue(u"Bedroom Temp"_s);
    QTest::newRow("temperature device")
        << temperature << u"device_id"_s << QJsonValue(u"dev_sensor"_s);
    QTest::newRow("temperature platform")
        << temperature << u"platform"_s << QJsonValue(u"zwave_js"_s);
    QTest::newRow("outdoor category")
        << u"/api/entities/sensor.outdoor"_s << u"entity_category"_s << QJsonValue(u"diagnostic"_s);
}

void TestUpgrade::rowsSurvive()
{
    QFETCH(QString, path);
    QFETCH(QString, field);
    QFETCH(QJsonValue, expected);
    const hai::test::HttpClient::Reply reply = m_http->get(path);
    QVERIFY2(reply.status == 200, reply.body.constData());
    QCOMPARE(reply.json().object().value(field), expected);
}

void TestUpgrade::migrationAddedColumnsStartEmpty()
{
    // Migration 2 added these; a row from version 1 gets empty values, not nulls or errors.
    const QJsonObject light = m_http->get(u"/api/devices/dev_light"_s).json().object();
    QCOMPARE(light.value(u"identifiers"_s).toArray(), QJsonArray());
    QCOMPARE(light.value(u"connections"_s).toArray(), QJsonArray());
    QVERIFY(light.value(u"parent_device_id"_s).isNull());
}

void TestUpgrade::stopsCleanly()
{
    QVERIFY2(m_app->terminate(), m_app->outputTail().constData());
}

void TestUpgrade::schemaIsNewest()
{
    hai::DatabaseLocation location;
    location.sqlitePath = dataDir() + u"/metadata.db"_s;
    hai::Database database;
    QString error;
    QVERIFY2(database.open(location, hai::Database::Role::Probe, &error), qPrintable(error));
    QCOMPARE(hai::Migrator::currentVersion(database, &error), hai::Migrator::latestVersion());
    // Every step ran once, in order, on top of the fixture's own row for version 1.
    QSqlQuery rows(database.connection());
    QVERIFY(rows.exec(u"SELECT version FROM schema_version ORDER BY version"_s));
    int expected = 1;
    while (rows.next())
        QCOMPARE(rows.value(0).toInt(), expected++);
    QCOMPARE(expected - 1, hai::Migrator::latestVersion());
}

QTEST_GUILESS_MAIN(TestUpgrade)
#include "tst_upgrade.moc"
