// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the real ha-ingestor binary: exit codes, graceful signals, logs, and the registry guard.
#include "freeport.h"
#include "httpclient.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {
const QString kBinary = QStringLiteral(HAI_INGESTOR_BINARY);
const QString kApiToken = u"api-secret-Zq93xLw0"_s;
const QString kHaToken = u"ha-secret-Pk20vBn7"_s;

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runToEnd(const QStringList &args,
             const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(kBinary, args);
    process.waitForFinished(20000);
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}
} // namespace

class TestHeadless : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void versionAndHelp();
    void badOptionsExitTwo_data();
    void badOptionsExitTwo();
    void firstStartExplainsWhatToConfigure();
    void writeConfigWritesATemplateOnce();
    void portInUse();
    void servesAndStopsOnSignal_data();
    void servesAndStopsOnSignal();
    void refusesNewerSchemaUntouched();
    void demoModeListsTheDemoHome();

private:
    QStringList baseArgs(const QString &dataDir, quint16 port) const;
    QTemporaryDir m_dir;
};

void TestHeadless::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(QFile::exists(kBinary));
    QVERIFY(m_dir.isValid());
}

QStringList TestHeadless::baseArgs(const QString &dataDir, quint16 port) const
{
    return {u"--headless"_s,
            u"--data-dir"_s,
            dataDir,
            u"--api-listen"_s,
            u"127.0.0.1:"_s + QString::number(port),
            u"--config"_s,
            m_dir.filePath(u"empty.ini"_s)};
}

void TestHeadless::versionAndHelp()
{
    QFile ini(m_dir.filePath(u"empty.ini"_s));
    QVERIFY(ini.open(QIODevice::WriteOnly));
    ini.close();

    const Run version = runToEnd({u"--version"_s});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith("ha-ingestor " HAI_VERSION));
    const Run help = runToEnd({u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("--registry-db"));
    QVERIFY(help.out.contains("HAI_API_TOKEN"));
}

void TestHeadless::badOptionsExitTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("named");
    QTest::newRow("unknown") << QStringList{u"--frobnicate"_s} << QByteArray("frobnicate");
    QTest::newRow("port") << QStringList{u"--api-listen"_s, u"127.0.0.1:99999"_s}
                          << QByteArray("--api-listen");
    QTest::newRow("url") << QStringList{u"--ha-url"_s, u"::nonsense"_s} << QByteArray("--ha-url");
    QTest::newRow("data dir") << QStringList{u"--data-dir"_s, u"/proc/forbidden"_s}
                              << QByteArray("--data-dir");
}

void TestHeadless::badOptionsExitTwo()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, named);
    const Run run = runToEnd(args);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(named), run.err.constData());
    QCOMPARE(run.err.trimmed().count('\n'), 0);
}

// A home with no settings at all: no config file where the app looks, no HA, no demo.
static QProcessEnvironment freshHome(const QString &home)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"HOME"_s, home);
    environment.insert(u"XDG_CONFIG_HOME"_s, home + u"/.config"_s);
    environment.insert(u"XDG_DATA_HOME"_s, home + u"/.local/share"_s);
    for (const QString &name : environment.keys()) {
        if (name.startsWith(u"HA_"_s) || name.startsWith(u"HAI_"_s) ||
            name.startsWith(u"INFLUX_"_s))
            environment.remove(name);
    }
    return environment;
}

void TestHeadless::firstStartExplainsWhatToConfigure()
{
    const QString home = m_dir.filePath(u"fresh-home"_s);
    const Run run = runToEnd({u"--headless"_s}, freshHome(home));
    QCOMPARE(run.exitCode, 2);
    const QByteArray configPath = home.toUtf8() + "/.config/ha-ingestor/ha-ingestor.ini";
    QVERIFY2(run.err.contains(QByteArray(QByteArray("--write-config ") + configPath)),
             run.err.constData());
    QVERIFY(run.err.contains("--ha-url"));
    QVERIFY(run.err.contains("HA_TOKEN"));
    QVERIFY(run.err.contains("--demo"));
    // With a settings file but no HA the app does start (servesAndStopsOnSignal runs so).
}

void TestHeadless::writeConfigWritesATemplateOnce()
{
    const QString home = m_dir.filePath(u"template-home"_s);
    const QString path = home + u"/cfg/ha-ingestor.ini"_s;
    const Run first = runToEnd({u"--write-config"_s, path}, freshHome(home));
    QCOMPARE(first.exitCode, 0);
    QVERIFY(first.out.contains(path.toUtf8()));
    QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther),
             QFileDevice::Permissions());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("\n;ha-url=\n"));
    QVERIFY(text.contains("HAI_API_TOKEN"));

    const QByteArray before = fileHash(path);
    const Run again = runToEnd({u"--write-config"_s, path}, freshHome(home));
    QCOMPARE(again.exitCode, 2);
    QVERIFY2(again.err.contains("not replacing"), again.err.constData());
    QCOMPARE(fileHash(path), before);

    const Run toStdout = runToEnd({u"--write-config"_s, u"-"_s}, freshHome(home));
    QCOMPARE(toStdout.exitCode, 0);
    QCOMPARE(toStdout.out, text);
}

void TestHeadless::portInUse()
{
    QTcpServer occupier;
    QVERIFY(occupier.listen(QHostAddress::LocalHost, 0));
    const Run run = runToEnd(baseArgs(m_dir.filePath(u"port"_s), occupier.serverPort()));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--api-listen"), run.err.constData());
}

void TestHeadless::servesAndStopsOnSignal_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void TestHeadless::servesAndStopsOnSignal()
{
    QFETCH(int, signalNumber);
    const QString dataDir = m_dir.filePath(u"serve-%1"_s.arg(signalNumber));
    const quint16 port = hai::test::freeLoopbackPort();
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(kBinary, baseArgs(dataDir, port) + QStringList{u"--api-token"_s, kApiToken,
                                                                 u"--ha-token"_s, kHaToken,
                                                                 u"--log-level"_s, u"debug"_s});
    QVERIFY(process.waitForStarted());

    hai::test::HttpClient http(QUrl(u"http://127.0.0.1:%1/"_s.arg(port)));
    int status = 0;
    QElapsedTimer waited;
    waited.start();
    while (status != 200 && waited.elapsed() < 15000) {
        status = http.send("GET", u"/health"_s, {}, {}, 1000).status;
        if (status != 200)
            QTest::qWait(100);
    }
    QCOMPARE(status, 200);
    QCOMPARE(http.get(u"/api/devices"_s).json().object().value(u"total"_s).toInt(), 0);

    QElapsedTimer stopping;
    stopping.start();
    ::kill(process.processId(), signalNumber);
    QVERIFY(process.waitForFinished(10000));
    QVERIFY2(stopping.elapsed() < 10000, "must stop in under 10 s");
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);

    QFile log(dataDir + u"/logs/ha-ingestor.log"_s);
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray text = log.readAll();
    QVERIFY(text.contains("[registry]"));
    QVERIFY(text.contains("[api]"));
    QVERIFY(text.contains("stopped cleanly"));
    QVERIFY2(!text.contains(kApiToken.toUtf8()) && !text.contains(kHaToken.toUtf8()),
             "secrets must never reach the log");
}

void TestHeadless::refusesNewerSchemaUntouched()
{
    const QString dataDir = m_dir.filePath(u"newer"_s);
    QVERIFY(QDir().mkpath(dataDir));
    const QString dbPath = dataDir + u"/metadata.db"_s;
    {
        auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"fixture"_s);
        db.setDatabaseName(dbPath);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(
            u"CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TEXT)"_s));
        QVERIFY(query.exec(
            u"INSERT INTO schema_version (version, applied_at) VALUES (999, 'future')"_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"fixture"_s);
    const QByteArray before = fileHash(dbPath);
    const Run run = runToEnd(baseArgs(dataDir, hai::test::freeLoopbackPort()));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--registry-db") && run.err.contains("newer"), run.err.constData());
    QCOMPARE(fileHash(dbPath), before);
}

void TestHeadless::demoModeListsTheDemoHome()
{
    const quint16 port = hai::test::freeLoopbackPort();
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(kBinary, baseArgs(m_dir.filePath(u"demo"_s), port) + QStringList{u"--demo"_s});
    QVERIFY(process.waitForStarted());
    hai::test::HttpClient http(QUrl(u"http://127.0.0.1:%1/"_s.arg(port)));
    // Discovery of the demo home takes well under a second; allow for a loaded machine.
    int devices = 0;
    QElapsedTimer waited;
    waited.start();
    while (devices == 0 && waited.elapsed() < 20000) {
        devices = http.send("GET", u"/api/devices"_s, {}, {}, 1000)
                      .json()
                      .object()
                      .value(u"total"_s)
                      .toInt();
        if (devices == 0)
            QTest::qWait(100);
    }
    QCOMPARE(devices, 40);
    const QJsonObject health = http.get(u"/health"_s).json().object();
    QCOMPARE(health.value(u"dependencies"_s)
                 .toObject()
                 .value(u"home_assistant"_s)
                 .toObject()
                 .value(u"ha_version"_s)
                 .toString(),
             u"2026.8.0"_s);
    ::kill(process.processId(), SIGTERM);
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
