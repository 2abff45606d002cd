// SPDX-License-Identifier: GPL-3.0-or-later
#include "homeassistant/haconnection.h"
#include "homeassistant/hastats.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

#include <memory>

using namespace Qt::StringLiterals;
using hai::HaConnection;
using hai::HaResult;

namespace {

// A minimal HA on loopback whose misbehaviour each test chooses.
class FakeHa : public QObject
{
    Q_OBJECT
public:
    bool sendAuthRequired = true;
    bool answerPings = true;
    bool closeAtOnce = false;           // accept, then close right away
    QList<QList<QJsonObject>> received; // per connection
    QList<QWebSocket *> sockets;

    FakeHa()
        : m_server(u"fake"_s, QWebSocketServer::NonSecureMode)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                const qsizetype index = received.size();
                received.append(QList<QJsonObject>());
                sockets.append(socket);
                if (closeAtOnce) {
                    socket->close();
                    continue;
                }
                connect(
                    socket, &QWebSocket::textMessageReceived, this,
                    [this, socket, index](const QString &text) { onMessage(socket, index, text); });
                if (sendAuthRequired)
                    socket->sendTextMessage(
                        u"{\"type\":\"auth_required\",\"ha_version\":\"2026.8.0\"}"_s);
            }
        });
    }
    QUrl url() const
    {
        return QUrl(u"ws://127.0.0.1:%1/api/websocket"_s.arg(m_server.serverPort()));
    }
    void send(int connection, const QByteArray &json)
    {
        sockets.at(connection)->sendTextMessage(QString::fromUtf8(json));
    }

private:
    void onMessage(QWebSocket *socket, qsizetype index, const QString &text)
    {
        const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
        received[index].append(message);
        const QString type = message.value(u"type"_s).toString();
        const QByteArray id = QByteArray::number(message.value(u"id"_s).toInt());
        if (type == u"auth") {
            if (message.value(u"access_token"_s).toString() == u"good"_s) {
                socket->sendTextMessage(u"{\"type\":\"auth_ok\",\"ha_version\":\"2026.8.0\"}"_s);
            } else {
                socket->sendTextMessage(
                    u"{\"type\":\"auth_invalid\",\"message\":\"Invalid access token or password\"}"_s);
                socket->close();
            }
        } else if (type == u"ping") {
            if (answerPings)
                socket->sendTextMessage(QString::fromUtf8("{\"id\":" + id + ",\"type\":\"pong\"}"));
        } else if (type == u"supported_features") {
            socket->sendTextMessage(QString::fromUtf8(
                "{\"id\":" + id + ",\"type\":\"result\",\"success\":true,\"result\":null}"));
        }
        // Anything else stays unanswered: the test answers it itself.
    }

    QWebSocketServer m_server;
};

} // namespace

class TestHaConnection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void websocketUrl_data();
    void websocketUrl();
    void authAndFirstCommand();
    void authInvalidStopsRetrying();
    void missingPongIsDeadLink();
    void authTimeout();
    void backoffDoublesAndCaps();
    void pendingFailedOnDisconnect();
    void idsRestartPerConnection();
    void arrayFrames();

private:
    hai::HaClientOptions options(const QUrl &url, const QString &token = u"good"_s) const;
};

void TestHaConnection::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

hai::HaClientOptions TestHaConnection::options(const QUrl &url, const QString &token) const
{
    hai::HaClientOptions o;
    o.url = url;
    o.token = token;
    o.pingIntervalMs = 200;
    o.pongTimeoutMs = 300;
    o.authTimeoutMs = 400;
    o.connectTimeoutMs = 2000;
    o.backoffInitialMs = 50;
    o.backoffMaxMs = 200;
    o.stableAfterMs = 60000;
    o.backoffSeed = 7;
    return o;
}

void TestHaConnection::websocketUrl_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("http base") << u"http://ha.local:8123"_s
                               << u"ws://ha.local:8123/api/websocket"_s;
    QTest::newRow("https base slash")
        << u"https://ha.example.com/"_s << u"wss://ha.example.com/api/websocket"_s;
    QTest::newRow("http sub path") << u"http://proxy/ha/"_s << u"ws://proxy/ha/api/websocket"_s;
    QTest::newRow("ws full") << u"ws://10.0.0.2:8123/api/websocket"_s
                             << u"ws://10.0.0.2:8123/api/websocket"_s;
    QTest::newRow("wss bare") << u"wss://ha:8123"_s << u"wss://ha:8123/api/websocket"_s;
    QTest::newRow("upper case") << u"HTTP://ha:8123"_s << u"ws://ha:8123/api/websocket"_s;
    QTest::newRow("ftp") << u"ftp://ha"_s << QString();
    QTest::newRow("no host") << u"http://"_s << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestHaConnection::websocketUrl()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QString error;
    const QUrl url = HaConnection::websocketUrl(QUrl(input), &error);
    QCOMPARE(url.toString(), expected);
    QCOMPARE(error.isEmpty(), !expected.isEmpty());
}

void TestHaConnection::authAndFirstCommand()
{
    FakeHa ha;
    hai::HaStats stats;
    HaConnection connection(options(ha.url()), &stats);
    QSignalSpy authenticated(&connection, &HaConnection::authenticated);
    connection.open();
    QVERIFY(authenticated.wait(5000));
    QCOMPARE(authenticated.first().first().toString(), u"2026.8.0"_s);
    QCOMPARE(connection.state(), HaConnection::State::Connected);
    QTRY_VERIFY(ha.received.first().size() >= 2);
    const QJsonObject first = ha.received.first().at(1);
    QCOMPARE(first.value(u"id"_s).toInt(), 1);
    QCOMPARE(first.value(u"type"_s).toString(), u"supported_features"_s);
    QCOMPARE(first.value(u"features"_s).toObject().value(u"coalesce_messages"_s).toInt(), 1);
    const hai::HaStatsSnapshot snapshot = stats.snapshot();
    QCOMPARE(snapshot.haVersion, u"2026.8.0"_s);
    QVERIFY(snapshot.connectedSinceUs > 0);
    // Pings keep flowing and get their pongs: the link stays up.
    QTest::qWait(800);
    QCOMPARE(connection.state(), HaConnection::State::Connected);
    QCOMPARE(ha.received.size(), 1);
}

void TestHaConnection::authInvalidStopsRetrying()
{
    FakeHa ha;
    hai::HaStats stats;
    HaConnection connection(options(ha.url(), u"bad"_s), &stats);
    QSignalSpy failed(&connection, &HaConnection::authenticationFailed);
    QSignalSpy scheduled(&connection, &HaConnection::reconnectScheduled);
    connection.open();
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.first().first().toString(), u"Invalid access token or password"_s);
    QTest::qWait(500); // ten backoff periods
    QCOMPARE(ha.received.size(), 1);
    QCOMPARE(scheduled.size(), 0);
    const hai::HaStatsSnapshot snapshot = stats.snapshot();
    QCOMPARE(snapshot.status, u"auth_failed"_s);
    QVERIFY(snapshot.lastError.contains(u"Invalid access token"_s));
}

void TestHaConnection::missingPongIsDeadLink()
{
    FakeHa ha;
    ha.answerPings = false;
    hai::HaStats stats;
    HaConnection connection(options(ha.url()), &stats);
    QSignalSpy disconnected(&connection, &HaConnection::disconnected);
    QSignalSpy authenticated(&connection, &HaConnection::authenticated);
    connection.open();
    QVERIFY(authenticated.wait(5000));
    QVERIFY(disconnected.wait(5000));
    QVERIFY2(disconnected.first().first().toString().contains(u"pong"_s),
             qPrintable(disconnected.first().first().toString()));
    // ... and it reconnects.
    QTRY_VERIFY_WITH_TIMEOUT(authenticated.size() >= 2, 5000);
    QVERIFY(stats.snapshot().reconnects >= 1);
}

void TestHaConnection::authTimeout()
{
    FakeHa ha;
    ha.sendAuthRequired = false;
    hai::HaStats stats;
    HaConnection connection(options(ha.url()), &stats);
    QSignalSpy disconnected(&connection, &HaConnection::disconnected);
    connection.open();
    QVERIFY(disconnected.wait(5000));
    QVERIFY(disconnected.first().first().toString().contains(u"auth_ok"_s));
    QVERIFY(stats.snapshot().connectFailures >= 1);
}

void TestHaConnection::backoffDoublesAndCaps()
{
    FakeHa ha;
    ha.closeAtOnce = true;
    hai::HaStats stats;
    HaConnection connection(options(ha.url()), &stats);
    QSignalSpy scheduled(&connection, &HaConnection::reconnectScheduled);
    connection.open();
    QTRY_VERIFY_WITH_TIMEOUT(scheduled.size() >= 5, 10000);
    connection.close();
    const QList<int> bases{50, 100, 200, 200, 200};
    for (int i = 0; i < bases.size(); ++i) {
        const int delay = scheduled.at(i).first().toInt();
        QVERIFY2(delay >= bases[i] * 0.8 - 1 && delay <= bases[i] * 1.2 + 1,
                 qPrintable(u"attempt %1: %2 ms"_s.arg(i).arg(delay)));
    }
    QVERIFY(ha.received.size() >= 5);
}

void TestHaConnection::pendingFailedOnDisconnect()
{
    FakeHa ha;
    hai::HaStats stats;
    hai::HaClientOptions o = options(ha.url());
    o.pingIntervalMs = 60000;
    HaConnection connection(o, &stats);
    QSignalSpy authenticated(&connection, &HaConnection::authenticated);
    connection.open();
    QVERIFY(authenticated.wait(5000));
    QStringList codes;
    connection.request(QJsonObject{{u"type"_s, u"get_states"_s}},
                       [&codes](const HaResult &r) { codes << r.errorCode; });
    connection.request(QJsonObject{{u"type"_s, u"get_config"_s}},
                       [&codes](const HaResult &r) { codes << r.errorCode; });
    QTRY_VERIFY(ha.received.first().size() >= 4);
    ha.sockets.first()->abort();
    QTRY_COMPARE(codes, (QStringList{u"disconnected"_s, u"disconnected"_s}));
    // A request while disconnected fails later, never inside the call.
    bool called = false;
    QCOMPARE(connection.request(QJsonObject{{u"type"_s, u"ping"_s}},
                                [&called](const HaResult &) { called = true; }),
             0);
    QVERIFY(!called);
    QTRY_VERIFY(called);
}

void TestHaConnection::idsRestartPerConnection()
{
    FakeHa ha;
    hai::HaStats stats;
    hai::HaClientOptions o = options(ha.url());
    o.pingIntervalMs = 60000;
    HaConnection connection(o, &stats);
    QSignalSpy authenticated(&connection, &HaConnection::authenticated);
    connection.open();
    QVERIFY(authenticated.wait(5000));
    for (int i = 0; i < 3; ++i)
        connection.request(QJsonObject{{u"type"_s, u"get_states"_s}}, {});
    QCOMPARE(connection.lastMessageId(), 4);
    connection.abort(u"test"_s);
    QTRY_COMPARE_WITH_TIMEOUT(authenticated.size(), 2, 5000);
    QCOMPARE(connection.lastMessageId(), 1); // supported_features again
    QTRY_VERIFY(ha.received.size() == 2 && ha.received.at(1).size() >= 2);
    QCOMPARE(ha.received.at(1).at(1).value(u"id"_s).toInt(), 1);
    // Ids strictly increase within each connection.
    for (const QList<QJsonObject> &messages : std::as_const(ha.received)) {
        int last = 0;
        for (const QJsonObject &m : messages) {
            if (!m.contains(u"id"_s))
                continue;
            QVERIFY(m.value(u"id"_s).toInt() > last);
            last = m.value(u"id"_s).toInt();
        }
    }
}

void TestHaConnection::arrayFrames()
{
    FakeHa ha;
    hai::HaStats stats;
    HaConnection connection(options(ha.url()), &stats);
    QSignalSpy authenticated(&connection, &HaConnection::authenticated);
    connection.open();
    QVERIFY(authenticated.wait(5000));
    int events = 0;
    bool subscribed = false;
    const int sub = connection.subscribeEvents(
        u"state_changed"_s, [&events](const QJsonObject &) { ++events; },
        [&subscribed](const HaResult &r) { subscribed = r.success; });
    QVERIFY(sub > 0);
    const QByteArray id = QByteArray::number(sub);
    ha.send(0, "[{\"id\":" + id +
                   ",\"type\":\"result\",\"success\":true,\"result\":null},"
                   "{\"id\":" +
                   id +
                   ",\"type\":\"event\",\"event\":{\"event_type\":\"state_changed\"}},"
                   "{\"id\":" +
                   id + ",\"type\":\"event\",\"event\":{\"event_type\":\"state_changed\"}}]");
    QTRY_COMPARE(events, 2);
    QVERIFY(subscribed);
    // Garbage and a binary frame are counted, and the link survives.
    ha.send(0, "{not json");
    ha.sockets.first()->sendBinaryMessage("\x01\x02");
    ha.send(0, "{\"id\":" + id + ",\"type\":\"event\",\"event\":{}}");
    QTRY_COMPARE(events, 3);
    QCOMPARE(stats.badInput(hai::HaBadInput::MalformedJson), 1u);
    QCOMPARE(stats.badInput(hai::HaBadInput::BinaryFrame), 1u);
    QCOMPARE(connection.state(), HaConnection::State::Connected);
}

QTEST_GUILESS_MAIN(TestHaConnection)
#include "tst_haconnection.moc"
