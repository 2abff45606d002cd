// SPDX-License-Identifier: GPL-3.0-or-later
// End to end: a DemoHome (in this process, so it outlives the app) -> the real ha-ingestor
// binary -> a real influxd 1.6. Counts what InfluxDB holds against what DemoHome emitted,
// through an InfluxDB outage, and through a SIGKILL of the app while InfluxDB is down.
#include "appprocess.h"
#include "demo/demohome.h"
#include "httpclient.h"
#include "influxserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using hai::DemoHome;
using hai::test::InfluxServer;

namespace {

const QString kBinary = QStringLiteral(HAI_INGESTOR_BINARY);
const QString kDb = u"home_assistant"_s;
const QString kMeasurement = u"home_assistant_events"_s;

// The outage the issue asks for is 20 s; HAI_OUTAGE_SECONDS shortens it for quick runs.
int outageSeconds()
{
    const int fromEnv = qEnvironmentVariableIntValue("HAI_OUTAGE_SECONDS");
    return fromEnv > 0 ? fromEnv : 20;
}

// The app under test, with the binary this build made.
class App : public hai::test::AppProcess
{
public:
    explicit App(const QString &dataDir)
        : AppProcess(kBinary, dataDir)
    {}
};

} // namespace

class TestIngestion : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void everyEventLands_data();
    void everyEventLands();
    void survivesInfluxOutage();
    void survivesKillWhileInfluxIsDown();
    void haSchemaEndToEnd();

private:
    QStringList appArguments(const QStringList &extra = {}) const;
    bool waitForSubscription(QSignalSpy &subscribed);
    qint64 stored(const QString &measurement = kMeasurement);
    // Polls InfluxDB until it holds every event DemoHome emitted; on timeout, says how many
    // and shows the app's log.
    bool waitForAllStored(const App &app, int timeoutMs);

    std::unique_ptr<InfluxServer> m_influx;
    std::unique_ptr<DemoHome> m_home;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestIngestion::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_influx = std::make_unique<InfluxServer>();
    QString error;
    QVERIFY2(m_influx->start(&error), qPrintable(error));
    hai::DemoHomeOptions options;
    options.seed = 11;
    options.devices = 30;
    options.entitiesPerDevice = 6;
    options.recorderCommitMs = 0; // history is queryable at once, for the backfill
    m_home = std::make_unique<DemoHome>(options);
    QVERIFY(m_home->listen());
}

void TestIngestion::cleanup()
{
    m_home.reset();
    m_influx.reset();
    m_dir.reset();
}

QStringList TestIngestion::appArguments(const QStringList &extra) const
{
    return QStringList{u"--ha-url"_s,   m_home->url().toString(), u"--ha-token"_s,
                       m_home->token(), u"--influx-url"_s,        m_influx->url().toString()} +
           extra;
}

bool TestIngestion::waitForSubscription(QSignalSpy &subscribed)
{
    // The app subscribes state_changed first, then the registry events.
    return subscribed.wait(20000);
}

qint64 TestIngestion::stored(const QString &measurement)
{
    QString error;
    const qint64 count = m_influx->count(kDb, measurement, u"state_value"_s, &error);
    return count < 0 ? 0 : count; // the database may not exist yet
}

bool TestIngestion::waitForAllStored(const App &app, int timeoutMs)
{
    const qint64 emitted = m_home->emittedStateChanges();
    QElapsedTimer clock;
    clock.start();
    qint64 count = 0;
    while (clock.elapsed() < timeoutMs) {
        count = stored();
        if (count == emitted)
            return true;
        QTest::qWait(250);
    }
    qWarning("InfluxDB holds %lld of %lld events; the app's log:\n%s", count, emitted,
             app.outputTail().constData());
    return false;
}

void TestIngestion::everyEventLands_data()
{
    QTest::addColumn<int>("events");
    QTest::newRow("burst of 20,000") << 20000;
}

void TestIngestion::everyEventLands()
{
    QFETCH(int, events);
    App app(m_dir->path());
    QSignalSpy subscribed(m_home.get(), &DemoHome::clientSubscribed);
    QVERIFY(app.start(appArguments()));
    QVERIFY2(waitForSubscription(subscribed), app.outputTail().constData());
    QSignalSpy finished(m_home.get(), &DemoHome::burstFinished);
    m_home->emitBurst(events);
    QVERIFY(finished.wait(60000));
    QCOMPARE(m_home->emittedStateChanges(), qint64(events));
    QVERIFY(waitForAllStored(app, 60000));
    QVERIFY(app.terminate());
}

void TestIngestion::survivesInfluxOutage()
{
    App app(m_dir->path());
    QSignalSpy subscribed(m_home.get(), &DemoHome::clientSubscribed);
    QVERIFY(app.start(appArguments()));
    QVERIFY(waitForSubscription(subscribed));
    m_home->setEventRate(400);
    QTRY_VERIFY_WITH_TIMEOUT(stored() > 200, 20000);

    m_influx->stop();
    QTest::qWait(outageSeconds() * 1000);
    QString error;
    QVERIFY2(m_influx->start(&error), qPrintable(error));
    QTest::qWait(1000);
    m_home->setEventRate(0);
    QVERIFY(waitForAllStored(app, 60000));
    QVERIFY(QFileInfo(m_dir->path() + u"/spool"_s).isDir());
    QVERIFY(app.terminate());
}

void TestIngestion::survivesKillWhileInfluxIsDown()
{
    auto app = std::make_unique<App>(m_dir->path());
    QSignalSpy subscribed(m_home.get(), &DemoHome::clientSubscribed);
    QVERIFY(app->start(appArguments()));
    QVERIFY(waitForSubscription(subscribed));
    m_home->setEventRate(300);
    QTRY_VERIFY_WITH_TIMEOUT(stored() > 200, 20000);

    m_influx->stop();
    QTest::qWait(3000); // these points can only be in the spool now
    app->kill();
    QTest::qWait(2000); // and these only in HA's history
    m_home->setEventRate(0);
    m_home->commitHistory();

    QString error;
    QVERIFY2(m_influx->start(&error), qPrintable(error));
    app = std::make_unique<App>(m_dir->path());
    QVERIFY(app->start(appArguments()));
    QVERIFY(waitForAllStored(*app, 60000));
    QVERIFY(app->terminate());
}

void TestIngestion::haSchemaEndToEnd()
{
    App app(m_dir->path());
    QSignalSpy subscribed(m_home.get(), &DemoHome::clientSubscribed);
    QVERIFY(app.start(appArguments({u"--influx-schema"_s, u"ha"_s})));
    QVERIFY(waitForSubscription(subscribed));
    QSignalSpy finished(m_home.get(), &DemoHome::burstFinished);
    m_home->emitBurst(3000);
    QVERIFY(finished.wait(60000));

    // HA's layout writes no point for unknown/unavailable: what the app reports as points
    // must be what InfluxDB holds, and points + skipped must be every event.
    hai::test::HttpClient http(QUrl(app.apiUrl()));
    const auto ingest = [&] {
        const auto response = http.get(u"/api/v1/stats"_s);
        return response.json().object().value(u"ingest"_s).toObject();
    };
    QTRY_COMPARE_WITH_TIMEOUT(ingest()[u"events"_s][u"total"_s].toInteger(), 3000, 30000);
    const QJsonObject figures = ingest();
    qint64 skipped = 0;
    for (const QJsonValue value : figures[u"skipped"_s].toObject())
        skipped += value.toInteger();
    const qint64 points = figures[u"points"_s].toInteger();
    QCOMPARE(points + skipped, 3000);
    QVERIFY(points > 2500);

    const auto storedInAllMeasurements = [&]() -> qint64 {
        QString error;
        const QJsonObject answer = m_influx->query(u"SHOW MEASUREMENTS"_s, kDb, &error);
        qint64 total = 0;
        const QJsonArray series = answer[u"results"_s][0][u"series"_s][0][u"values"_s].toArray();
        for (const QJsonValue row : series)
            total += qMax<qint64>(0, m_influx->countPoints(kDb, row[0].toString(), &error));
        return total;
    };
    QTRY_COMPARE_WITH_TIMEOUT(storedInAllMeasurements(), points, 30000);
    // The unit is the measurement and entity_id is the object id, as in HA's integration.
    QString error;
    const QJsonObject tags =
        m_influx->query(u"SHOW TAG VALUES WITH KEY = \"entity_id\""_s, kDb, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList measurements;
    int objectIds = 0;
    for (const QJsonValue series : tags[u"results"_s][0][u"series"_s].toArray()) {
        measurements.append(series[u"name"_s].toString());
        for (const QJsonValue row : series[u"values"_s].toArray()) {
            QVERIFY2(!row[1].toString().contains(u'.'), qPrintable(row[1].toString()));
            ++objectIds;
        }
    }
    QVERIFY(objectIds > 10);
    QVERIFY2(measurements.contains(u"%"_s), qPrintable(measurements.join(u' ')));
    QVERIFY(app.terminate());
}

QTEST_GUILESS_MAIN(TestIngestion)
#include "tst_ingestion.moc"
