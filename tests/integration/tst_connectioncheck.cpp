// SPDX-License-Identifier: GPL-3.0-or-later
// The setup wizard's connection checks against real servers: DemoHome (a simulated Home
// Assistant), influxd 1.6 (also with auth enabled), VictoriaMetrics, a TLS server with a
// self-signed certificate, and loopback listeners that refuse, stay silent or answer garbage.
// Every check bounds its own time; the waits around it are bounded too.
#include "demo/demohome.h"
#include "freeport.h"
#include "httpclient.h"
#include "influxserver.h"
#include "setup/connectioncheck.h"
#include "timeseries/influxdprocess.h"
#include "victoriametricsserver.h"

#include <QFile>
#include <QHostInfo>
#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QWebSocketServer>

#include <memory>

using namespace Qt::StringLiterals;
using hai::ConnectionCheckResult;
using hai::HaConnectionCheck;
using hai::InfluxConnectionCheck;
using Outcome = ConnectionCheckResult::Outcome;

namespace {

constexpr int kCheckTimeoutMs = 5000;
constexpr int kSilentTimeoutMs = 300;
// .invalid never resolves (RFC 6761); a resolver that cannot say so (offline) skips the rows.
const QString kUnknownHost = u"no-such-host.invalid"_s;

QByteArray describe(const ConnectionCheckResult &result)
{
    return QByteArray::number(int(result.outcome)) + " (HTTP " +
           QByteArray::number(result.httpStatus) + "): " + result.detail.toUtf8();
}

// Runs one check to its end: exactly one finished(), never inside start().
template <typename Check, typename... Args>
bool runCheck(Check &check, ConnectionCheckResult *result, int timeoutMs, const Args &...args)
{
    QSignalSpy spy(&check, &Check::finished);
    check.start(args..., timeoutMs);
    if (!spy.isEmpty() || !check.isRunning()) {
        qWarning("finished() inside start()");
        return false;
    }
    if (!spy.wait(timeoutMs + 3000)) {
        qWarning("no finished() in time");
        return false;
    }
    QCoreApplication::processEvents(); // a second emission would be queued by now
    if (spy.size() != 1 || check.isRunning()) {
        qWarning("finished() %d times", int(spy.size()));
        return false;
    }
    *result = spy.takeFirst().at(0).value<ConnectionCheckResult>();
    return true;
}

} // namespace

class TestConnectionCheck : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void haOutcome_data();
    void haOutcome();
    void haEmptyTokenDoesNotConnect();
    void haCancel();

    void influxV1Ok();
    void influxV1NotFound();
    void influxV1Rejected();
    void influxV1Auth();
    void victoriaMetrics_data();
    void victoriaMetrics();
    void influxOutcome_data();
    void influxOutcome();
    void influxManaged();
    void influxCancel();

private:
    void addOutcomeColumns();
    bool startSelfSigned(QString *why);

    std::unique_ptr<hai::DemoHome> m_demo;
    hai::test::InfluxServer m_influx;
    QTcpServer m_silent;  // accepts, never answers
    QTcpServer m_garbage; // answers anything with HTTP 400
    QWebSocketServer m_selfSigned{u"self-signed"_s, QWebSocketServer::SecureMode};
    QString m_selfSignedSkip; // why the self-signed server could not start
    QString m_resolverSkip;
    QTemporaryDir m_dir;
};

void TestConnectionCheck::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_demo = std::make_unique<hai::DemoHome>();
    QVERIFY(m_demo->listen());
    QString error;
    QVERIFY2(m_influx.start(&error), qPrintable(error + u'\n' + m_influx.log()));
    QVERIFY(m_silent.listen(QHostAddress::LocalHost, 0));
    QVERIFY(m_garbage.listen(QHostAddress::LocalHost, 0));
    connect(&m_garbage, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_garbage.nextPendingConnection()) {
            // Whatever the request (an upgrade, a TLS ClientHello), the answer is plain HTTP.
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                socket->readAll();
                socket->write("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\n"
                              "Content-Length: 11\r\n\r\nBad Request");
            });
        }
    });
    if (!startSelfSigned(&m_selfSignedSkip))
        qInfo("self-signed TLS rows skipped: %s", qPrintable(m_selfSignedSkip));
    if (QHostInfo::fromName(kUnknownHost).error() != QHostInfo::HostNotFound)
        m_resolverSkip = u"the resolver gives no clear answer for .invalid here"_s;
}

void TestConnectionCheck::cleanupTestCase()
{
    m_selfSigned.close();
    m_demo.reset();
}

bool TestConnectionCheck::startSelfSigned(QString *why)
{
    if (!QSslSocket::supportsSsl()) {
        *why = u"no TLS backend in this Qt"_s;
        return false;
    }
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    if (openssl.isEmpty()) {
        *why = u"openssl is not installed to make a certificate"_s;
        return false;
    }
    const QString cert = m_dir.filePath(u"cert.pem"_s), key = m_dir.filePath(u"key.pem"_s);
    QProcess process;
    process.start(openssl,
                  {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-subj"_s,
                   u"/CN=localhost"_s, u"-days"_s, u"2"_s, u"-keyout"_s, key, u"-out"_s, cert});
    QFile certFile(cert), keyFile(key);
    if (!process.waitForFinished(20'000) || process.exitCode() != 0 ||
        !certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        *why = u"openssl could not make a certificate: "_s +
               QString::fromLocal8Bit(process.readAllStandardError());
        return false;
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(&certFile, QSsl::Pem));
    tls.setPrivateKey(QSslKey(&keyFile, QSsl::Rsa, QSsl::Pem));
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    m_selfSigned.setSslConfiguration(tls);
    if (!m_selfSigned.listen(QHostAddress::LocalHost, 0)) {
        *why = m_selfSigned.errorString();
        return false;
    }
    return true;
}

void TestConnectionCheck::addOutcomeColumns()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<Outcome>("expected");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QString>("detail"); // a part of the detail
    QTest::addColumn<QString>("skip");
}

void TestConnectionCheck::haOutcome_data()
{
    addOutcomeColumns();
    const int t = kCheckTimeoutMs;
    const QString demo = QString::number(m_demo->port());
    const QString version = m_demo->options().haVersion;
    auto row = [](const char *name) -> QTestData & { return QTest::newRow(name); };
    row("ws, full path") << u"ws://127.0.0.1:%1/api/websocket"_s.arg(demo) << t << Outcome::Ok << 0
                         << version << QString();
    row("http, base") << u"http://127.0.0.1:%1"_s.arg(demo) << t << Outcome::Ok << 0 << version
                      << QString();
    row("http, slash, spaces") << u"  http://127.0.0.1:%1/ "_s.arg(demo) << t << Outcome::Ok << 0
                               << version << QString();
    // The wrong token is set in haOutcome() for this row's name.
    row("wrong token") << u"ws://127.0.0.1:%1"_s.arg(demo) << t << Outcome::InvalidToken << 0
                       << u"Invalid access token"_s << QString();
    for (const char *bad : {"ftp://x", "http://", "not a url", "", "127.0.0.1:8123",
                            "ws://127.0.0.1:0/api/websocket"})
        row(bad[0] ? bad : "empty")
            << QString::fromLatin1(bad) << t << Outcome::BadUrl << 0 << QString() << QString();
    row("refused") << u"ws://127.0.0.1:%1"_s.arg(hai::test::freeLoopbackPort()) << t
                   << Outcome::Refused << 0 << QString() << QString();
    row("host not found") << u"http://%1:8123"_s.arg(kUnknownHost) << t << Outcome::HostNotFound
                          << 0 << QString() << m_resolverSkip;
    row("silent") << u"http://127.0.0.1:%1"_s.arg(m_silent.serverPort()) << kSilentTimeoutMs
                  << Outcome::Timeout << 0 << u"no answer"_s << QString();
    row("wss to plain TCP") << u"wss://127.0.0.1:%1"_s.arg(m_garbage.serverPort()) << t
                            << Outcome::TlsError << 0 << u"SSL"_s << QString();
    row("wss, self-signed") << u"wss://127.0.0.1:%1"_s.arg(m_selfSigned.serverPort()) << t
                            << Outcome::TlsError << 0 << u"self-signed"_s << m_selfSignedSkip;
    row("ws, HTTP 400") << u"ws://127.0.0.1:%1"_s.arg(m_garbage.serverPort()) << t
                        << Outcome::Rejected << 400 << u"HTTP 400 (Bad Request)"_s << QString();
    // influxd answers any unknown path with 404, the upgrade request included.
    row("no websocket there") << u"ws://127.0.0.1:%1/api/websocket"_s.arg(m_influx.port()) << t
                              << Outcome::NotFound << 404 << u"HTTP 404"_s << QString();
}

void TestConnectionCheck::haOutcome()
{
    QFETCH(QString, url);
    QFETCH(int, timeoutMs);
    QFETCH(Outcome, expected);
    QFETCH(int, httpStatus);
    QFETCH(QString, detail);
    QFETCH(QString, skip);
    if (!skip.isEmpty())
        QSKIP(qPrintable(skip));
    const bool wrongToken = QByteArray(QTest::currentDataTag()) == "wrong token";
    HaConnectionCheck check;
    ConnectionCheckResult result;
    QVERIFY(runCheck(check, &result, timeoutMs, url, wrongToken ? u"wrong"_s : m_demo->token()));
    QVERIFY2(result.outcome == expected, describe(result));
    QVERIFY2(result.httpStatus == httpStatus, describe(result));
    QVERIFY2(result.detail.contains(detail), describe(result));
    if (expected == Outcome::Ok)
        QCOMPARE(result.detail, m_demo->options().haVersion);
    else
        QVERIFY2(!result.detail.isEmpty(), describe(result));
    if (expected == Outcome::Timeout)
        QVERIFY(result.elapsedMs >= timeoutMs);
}

void TestConnectionCheck::haEmptyTokenDoesNotConnect()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    HaConnectionCheck check;
    ConnectionCheckResult result;
    QVERIFY(runCheck(check, &result, kCheckTimeoutMs,
                     u"ws://127.0.0.1:%1"_s.arg(server.serverPort()), u"  "_s));
    QCOMPARE(result.outcome, Outcome::InvalidToken);
    QCOMPARE(result.detail, u"empty token"_s);
    QVERIFY(!server.waitForNewConnection(100));
}

void TestConnectionCheck::haCancel()
{
    HaConnectionCheck check;
    QSignalSpy spy(&check, &HaConnectionCheck::finished);
    check.start(m_demo->url().toString(), m_demo->token(), kCheckTimeoutMs);
    check.cancel();
    QVERIFY(!check.isRunning());
    check.start(u"ftp://x"_s, m_demo->token(), kCheckTimeoutMs); // a queued result, cancelled
    check.cancel();
    QVERIFY(!spy.wait(500));
    // A second start() silences the first: one answer, the second's.
    check.start(u"ftp://x"_s, m_demo->token(), kCheckTimeoutMs);
    check.start(m_demo->url().toString(), m_demo->token(), kCheckTimeoutMs);
    QVERIFY(spy.wait(kCheckTimeoutMs));
    QCoreApplication::processEvents();
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).value<ConnectionCheckResult>().outcome, Outcome::Ok);
}

void TestConnectionCheck::influxV1Ok()
{
    hai::InfluxOptions options;
    options.url = m_influx.url();
    options.database = u"setup_check"_s; // not there yet: CREATE DATABASE makes it
    InfluxConnectionCheck check;
    ConnectionCheckResult result;
    QVERIFY(runCheck(check, &result, kCheckTimeoutMs, options));
    QVERIFY2(result.ok(), describe(result));
    QVERIFY2(result.detail.startsWith(u"1.6"_s), describe(result)); // X-Influxdb-Version
    QCOMPARE(result.httpStatus, 204);
    QString error;
    const QJsonObject answer =
        m_influx.query(u"SELECT ok FROM ha_ingestor_setup_check"_s, options.database, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonArray values = answer.value(u"results"_s)[0][u"series"_s][0][u"values"_s].toArray();
    QCOMPARE(values.size(), 1);
    QCOMPARE(values.at(0).toArray().at(1).toInt(), 1);
}

void TestConnectionCheck::influxV1NotFound()
{
    hai::InfluxOptions options;
    options.url = m_influx.url();
    options.database = u"missing"_s;
    options.createDatabase = false;
    InfluxConnectionCheck check;
    ConnectionCheckResult result;
    QVERIFY(runCheck(check, &result, kCheckTimeoutMs, options));
    QVERIFY2(result.outcome == Outcome::NotFound, describe(result));
    QCOMPARE(result.httpStatus, 404);
    QVERIFY2(result.detail.contains(u"database not found"_s), describe(result));
}

void TestConnectionCheck::influxV1Rejected()
{
    hai::InfluxOptions options;
    options.url = m_influx.url();
    options.database.clear();
    options.createDatabase = false;
    InfluxConnectionCheck check;
    ConnectionCheckResult result;
    QVERIFY(runCheck(check, &result, kCheckTimeoutMs, options));
    QVERIFY2(result.outcome == Outcome::Rejected, describe(result));
    QCOMPARE(result.httpStatus, 400);
    QVERIFY2(result.detail.contains(u"database is required"_s), describe(result));
}

void TestConnectionCheck::influxV1Auth()
{
    // InfluxServer has no auth option and InfluxdProcess drops INFLUXDB_* variables, so a
    // wrapper sets the one that turns auth on and execs the real influxd (same PID).
    const QString influxd = hai::InfluxdProcess::findBinary();
    if (influxd.isEmpty())
        QSKIP("influxd is not installed");
    const QString wrapper = m_dir.filePath(u"influxd-auth"_s);
    QFile script(wrapper);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\nINFLUXDB_HTTP_AUTH_ENABLED=true exec '" + influxd.toUtf8() +
                 "' \"$@\"\n");
    script.close();
    QVERIFY(script.setPermissions(script.permissions() | QFile::ExeOwner));
    hai::InfluxdProcess server(m_dir.filePath(u"secured"_s));
    server.setBinary(wrapper);
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error + u'\n' + server.log()));
    // With auth on and no user yet, influxd accepts exactly this query without credentials.
    hai::test::HttpClient http(server.url());
    QUrlQuery form;
    form.addQueryItem(u"q"_s, u"CREATE USER admin WITH PASSWORD 'secret' WITH ALL PRIVILEGES"_s);
    const auto reply = http.send("POST", u"/query"_s, form.toString(QUrl::FullyEncoded).toUtf8(),
                                 {{"content-type", "application/x-www-form-urlencoded"}});
    QVERIFY2(reply.status == 200, reply.body.constData());

    hai::InfluxOptions options;
    options.url = server.url();
    options.database = u"secured"_s;
    const struct
    {
        QString username, password;
        Outcome expected;
    } cases[] = {{QString(), QString(), Outcome::InvalidToken},
                 {u"admin"_s, u"wrong"_s, Outcome::InvalidToken},
                 {u"admin"_s, u"secret"_s, Outcome::Ok}};
    for (const auto &c : cases) {
        options.username = c.username;
        options.password = c.password;
        InfluxConnectionCheck check;
        ConnectionCheckResult result;
        QVERIFY(runCheck(check, &result, kCheckTimeoutMs, options));
        QVERIFY2(result.outcome == c.expected,
                 QByteArray(describe(result) + " as " + c.username.toUtf8()));
        QCOMPARE(result.httpStatus, c.expected == Outcome::Ok ? 204 : 401);
        QVERIFY2(!result.detail.isEmpty(), describe(result));
    }
    server.stop();
}

void TestConnectionCheck::victoriaMetrics_data()
{
    QTest::addColumn<int>("api");
    QTest::newRow("v2") << 2;
    QTest::newRow("v1, CREATE DATABASE refused") << 1;
}

void TestConnectionCheck::victoriaMetrics()
{
    QFETCH(int, api);
    if (hai::test::VictoriaMetricsServer::findBinary().isEmpty())
        QSKIP("victoria-metrics is not installed");
    hai::test::VictoriaMetricsServer vm;
    QString error;
    QVERIFY2(vm.start(&error), qPrintable(error + u'\n' + vm.log()));
    hai::InfluxOptions options;
    options.url = vm.url();
    options.api = api;
    options.org = u"home"_s;
    options.bucket = u"ha"_s;
    options.token = u"any"_s; // VictoriaMetrics does not check it
    InfluxConnectionCheck check;
    ConnectionCheckResult result;
    QVERIFY(runCheck(check, &result, kCheckTimeoutMs, options));
    QVERIFY2(result.ok(), describe(result));
    // Written rows become searchable within about a second, even after a forced flush.
    QTRY_COMPARE_WITH_TIMEOUT(vm.countSamples(u"{__name__=\"ha_ingestor_setup_check_ok\"}"_s),
                              qint64(1), 10'000);
}

void TestConnectionCheck::influxOutcome_data()
{
    addOutcomeColumns();
    const int t = kCheckTimeoutMs;
    auto row = [](const char *name) -> QTestData & { return QTest::newRow(name); };
    row("refused") << u"http://127.0.0.1:%1"_s.arg(hai::test::freeLoopbackPort()) << t
                   << Outcome::Refused << 0 << QString() << QString();
    row("host not found") << u"http://%1:8086"_s.arg(kUnknownHost) << t << Outcome::HostNotFound
                          << 0 << QString() << m_resolverSkip;
    row("silent") << u"http://127.0.0.1:%1"_s.arg(m_silent.serverPort()) << kSilentTimeoutMs
                  << Outcome::Timeout << 0 << u"no answer"_s << QString();
    row("https, self-signed") << u"https://127.0.0.1:%1"_s.arg(m_selfSigned.serverPort()) << t
                              << Outcome::TlsError << 0 << u"self-signed"_s << m_selfSignedSkip;
    for (const char *bad : {"", "ftp://x", "http://", "not a url"})
        row(bad[0] ? bad : "empty")
            << QString::fromLatin1(bad) << t << Outcome::BadUrl << 0 << QString() << QString();
}

void TestConnectionCheck::influxOutcome()
{
    QFETCH(QString, url);
    QFETCH(int, timeoutMs);
    QFETCH(Outcome, expected);
    QFETCH(int, httpStatus);
    QFETCH(QString, detail);
    QFETCH(QString, skip);
    if (!skip.isEmpty())
        QSKIP(qPrintable(skip));
    hai::InfluxOptions options;
    options.url = QUrl(url);
    InfluxConnectionCheck check;
    ConnectionCheckResult result;
    QVERIFY(runCheck(check, &result, timeoutMs, options));
    QVERIFY2(result.outcome == expected, describe(result));
    QCOMPARE(result.httpStatus, httpStatus);
    QVERIFY2(!result.detail.isEmpty() && result.detail.contains(detail), describe(result));
    if (expected == Outcome::Timeout)
        QVERIFY(result.elapsedMs >= timeoutMs);
}

void TestConnectionCheck::influxManaged()
{
    // Only the branch this machine has can run: findBinary() also looks at /usr/bin/influxd,
    // which a test cannot hide.
    hai::InfluxOptions options;
    options.managed = true;
    options.url = QUrl(u"ftp://ignored"_s); // a managed server has no URL to check
    InfluxConnectionCheck check;
    ConnectionCheckResult result;
    QVERIFY(runCheck(check, &result, kCheckTimeoutMs, options));
    const QString binary = hai::InfluxdProcess::findBinary();
    QCOMPARE(InfluxConnectionCheck::managedInfluxdAvailable(), !binary.isEmpty());
    QCOMPARE(result.outcome, binary.isEmpty() ? Outcome::NotInstalled : Outcome::Ok);
    if (!binary.isEmpty())
        QCOMPARE(result.detail, binary);
}

void TestConnectionCheck::influxCancel()
{
    hai::InfluxOptions options;
    options.url = QUrl(u"http://127.0.0.1:%1"_s.arg(m_silent.serverPort()));
    InfluxConnectionCheck check;
    QSignalSpy spy(&check, &InfluxConnectionCheck::finished);
    check.start(options, kSilentTimeoutMs);
    QVERIFY(check.isRunning());
    check.cancel();
    QVERIFY(!check.isRunning());
    QVERIFY(!spy.wait(kSilentTimeoutMs * 2)); // its timeout passes without a word
}

QTEST_GUILESS_MAIN(TestConnectionCheck)
#include "tst_connectioncheck.moc"
