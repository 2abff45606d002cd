// SPDX-License-Identifier: GPL-3.0-or-later
// InfluxWriter against answers no real server gives on demand (429/503 Retry-After, 401, 500,
// silence): a small scripted HTTP responder on a loopback port.
#include "influxwriterharness.h"

#include "timeseries/gzip.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using hai::InfluxOptions;
using hai::test::makeLines;
using hai::test::WriterHarness;

namespace {

constexpr int kWaitMs = 30'000;

// Answers HTTP/1.1 requests from a script, then 204. An answer with hold = true waits for
// releaseHeld().
class ScriptedInflux : public QObject
{
public:
    struct Answer
    {
        int status = 204;
        QByteArray headers; // extra header lines, each ending in \r\n
        QByteArray body;
        int delayMs = 0;
        bool hold = false;
    };
    struct Request
    {
        qint64 atMs = 0;
        QByteArray target;                     // path and query
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;                       // as received (maybe gzip)
    };

    explicit ScriptedInflux(QList<Answer> script)
        : m_script(std::move(script))
    {
        m_clock.start();
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            }
        });
        m_server.listen(QHostAddress::LocalHost);
    }

    QUrl url() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.serverPort())); }
    QList<Request> requests() const { return m_requests; }
    int count() const { return int(m_requests.size()); }
    void setAfterScript(const Answer &answer) { m_after = answer; }
    void releaseHeld()
    {
        for (const auto &[socket, reply] : std::exchange(m_held, {})) {
            if (socket)
                socket->write(reply);
        }
    }

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            Request request;
            const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
            request.target = lines.value(0).split(' ').value(1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                           lines[i].mid(colon + 1).trimmed());
            }
            const qsizetype length = request.headers.value("content-length").toLongLong();
            if (buffer.size() < headerEnd + 4 + length)
                return;
            request.body = buffer.mid(headerEnd + 4, length);
            buffer.remove(0, headerEnd + 4 + length);
            request.atMs = m_clock.elapsed();
            m_requests.append(request);
            const Answer answer = m_script.isEmpty() ? m_after : m_script.takeFirst();
            const QByteArray reply = "HTTP/1.1 " + QByteArray::number(answer.status) +
                                     " X\r\nContent-Type: application/json\r\nContent-Length: " +
                                     QByteArray::number(answer.body.size()) + "\r\n" +
                                     answer.headers + "\r\n" + answer.body;
            QPointer<QTcpSocket> target(socket);
            if (answer.hold) {
                m_held.append({target, reply});
                continue;
            }
            QTimer::singleShot(answer.delayMs, this, [target, reply] {
                if (target)
                    target->write(reply);
            });
        }
    }

    QTcpServer m_server;
    QList<Answer> m_script;
    Answer m_after;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<Request> m_requests;
    QList<std::pair<QPointer<QTcpSocket>, QByteArray>> m_held;
    QElapsedTimer m_clock;
};

InfluxOptions options(const QUrl &url, int api = 1)
{
    InfluxOptions o;
    o.url = url;
    o.api = api;
    o.database = u"db"_s;
    o.org = u"org"_s;
    o.bucket = u"bucket"_s;
    o.token = u"s3cr3t-token"_s;
    o.flushIntervalMs = 20;
    o.createDatabase = false; // the scripted server answers writes only
    return o;
}

QByteArray lines(int count, int first = 0)
{
    return makeLines("m", first, count, 1700000000000000LL);
}

} // namespace

class TestInfluxWriterFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void retryAfterIsHonoured_data();
    void retryAfterIsHonoured();
    void refusedTokenIsReportedWithoutSpinning();
    void serverErrorsBackOff();
    void timeoutGoesToTheSpool();
    void acknowledgementsStayInOrder();
};

void TestInfluxWriterFaults::retryAfterIsHonoured_data()
{
    QTest::addColumn<int>("status");
    QTest::newRow("429") << 429;
    QTest::newRow("503") << 503;
}

void TestInfluxWriterFaults::retryAfterIsHonoured()
{
    QFETCH(int, status);
    ScriptedInflux server({{status, "Retry-After: 2\r\n", R"({"error":"slow down"})"}});
    WriterHarness harness(options(server.url()));
    QVERIFY(harness.started());
    harness.append(lines(10), 10, 1);
    // Acknowledged at once from the spool; written after the wait.
    QTRY_COMPARE_WITH_TIMEOUT(harness.lastAck(), 1u, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(harness.figures().pointsReplayed, 10u, kWaitMs);
    const QList<ScriptedInflux::Request> requests = server.requests();
    QCOMPARE(requests.size(), 2);
    QVERIFY2(requests[1].atMs - requests[0].atMs >= 1900,
             qPrintable(QString::number(requests[1].atMs - requests[0].atMs)));
    QCOMPARE(requests[1].body, requests[0].body);
    const hai::InfluxWriterFigures f = harness.figures();
    QCOMPARE(f.errors[size_t(hai::InfluxErrorKind::RateLimited)], 1u);
    QVERIFY2(f.lastError.contains(u"retry after 2 s"_s), qPrintable(f.lastError));
    QCOMPARE(f.status, u"ok"_s);
}

void TestInfluxWriterFaults::refusedTokenIsReportedWithoutSpinning()
{
    ScriptedInflux server({});
    server.setAfterScript({401, {}, R"({"code":"unauthorized","message":"unauthorized access"})"});
    InfluxOptions o = options(server.url(), 2);
    o.gzipMinBytes = 100;
    WriterHarness harness(o);
    QVERIFY(harness.started());
    const QByteArray sent = lines(50);
    harness.append(sent, 50, 1);
    QTRY_COMPARE_WITH_TIMEOUT(harness.figures().status, u"misconfigured"_s, kWaitMs);
    QCOMPARE(harness.lastAck(), 1u); // spooled
    hai::InfluxWriterFigures f = harness.figures();
    QCOMPARE(f.lastError,
             u"InfluxDB refused the token (401): unauthorized access; check --influx-token"_s);
    QCOMPARE(f.spoolPoints, 50);
    QCOMPARE(f.errors[size_t(hai::InfluxErrorKind::Auth)], 1u);
    QTest::qWait(1500);
    QCOMPARE(server.count(), 1); // the next probe is 30 s away
    // What went out: v2 path and query, the token header, a gzip body.
    const ScriptedInflux::Request request = server.requests().constFirst();
    QCOMPARE(request.target, QByteArray("/api/v2/write?org=org&bucket=bucket&precision=us"));
    QCOMPARE(request.headers.value("authorization"), QByteArray("Token s3cr3t-token"));
    QCOMPARE(request.headers.value("content-encoding"), QByteArray("gzip"));
    QCOMPARE(hai::Gzip::decompress(request.body), sent);
    // The token appears in no figure, JSON or metric.
    const auto stats = harness.writer()->stats();
    QVERIFY(!QJsonDocument(stats->toJson()).toJson().contains("s3cr3t"));
    QVERIFY(!stats->toPrometheus().contains("s3cr3t"));
    QVERIFY(stats->toPrometheus().contains("hai_influx_status{status=\"misconfigured\"} 1"));
}

void TestInfluxWriterFaults::serverErrorsBackOff()
{
    ScriptedInflux server({{500, {}, R"({"error":"engine: cache maximum memory size exceeded"})"},
                           {500, {}, R"({"error":"again"})"}});
    WriterHarness harness(options(server.url()));
    QVERIFY(harness.started());
    harness.append(lines(20), 20, 1);
    QTRY_COMPARE_WITH_TIMEOUT(harness.figures().pointsWritten, 20u, kWaitMs);
    const QList<ScriptedInflux::Request> requests = server.requests();
    QCOMPARE(requests.size(), 3);
    // 1 s, then 2 s: exponential back-off.
    QVERIFY(requests[1].atMs - requests[0].atMs >= 950);
    QVERIFY(requests[2].atMs - requests[1].atMs >= 1900);
    QCOMPARE(harness.figures().errors[size_t(hai::InfluxErrorKind::ServerError)], 2u);
    QCOMPARE(harness.figures().pointsReplayed, 20u);
}

void TestInfluxWriterFaults::timeoutGoesToTheSpool()
{
    ScriptedInflux::Answer silence;
    silence.hold = true;
    ScriptedInflux server({silence});
    InfluxOptions o = options(server.url());
    o.requestTimeoutMs = 500;
    WriterHarness harness(o);
    QVERIFY(harness.started());
    harness.append(lines(5), 5, 1);
    QTRY_COMPARE_WITH_TIMEOUT(harness.figures().pointsWritten, 5u, kWaitMs);
    QCOMPARE(harness.figures().errors[size_t(hai::InfluxErrorKind::Timeout)], 1u);
    QCOMPARE(harness.lastAck(), 1u);
    QCOMPARE(server.count(), 2);
}

void TestInfluxWriterFaults::acknowledgementsStayInOrder()
{
    // The first batch is answered only when the test says so, the second at once.
    ScriptedInflux::Answer late;
    late.hold = true;
    ScriptedInflux server({late, {}});
    InfluxOptions o = options(server.url());
    o.batchSize = 10;
    WriterHarness harness(o);
    QVERIFY(harness.started());
    harness.append(lines(10, 0), 10, 1);
    harness.append(lines(10, 10), 10, 2);
    QTRY_COMPARE_WITH_TIMEOUT(server.count(), 2, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(harness.figures().pointsWritten, 10u, kWaitMs);
    QTest::qWait(200);
    QCOMPARE(harness.ackSignals(), 0); // token 2 is written, token 1 is not: nothing yet
    server.releaseHeld();
    QTRY_COMPARE_WITH_TIMEOUT(harness.lastAck(), 2u, kWaitMs);
    QCOMPARE(harness.ackSignals(), 1);
    QCOMPARE(harness.figures().pointsWritten, 20u);
}

QTEST_GUILESS_MAIN(TestInfluxWriterFaults)
#include "tst_influxwriterfaults.moc"
