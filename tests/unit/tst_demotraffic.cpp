// SPDX-License-Identifier: GPL-3.0-or-later
// DemoHome's traffic and faults: huge frames, drops without a close frame, refused
// connections, restarts, slow answers, bursts paced by the client, the steady rate, and
// running in a worker thread.
#include "demotestclient.h"

#include <QTest>
#include <QThread>

using hai::DemoHome;
using hai::DemoHomeOptions;
using namespace hai::test;

class TestDemoTraffic : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { DemoHomeFixture::quietTestMode(); }
    void cleanup() { m_fixture.reset(); }

    void hugeGetStates();
    void dropWithoutCloseFrame();
    void refuseConnections();
    void restartSendsStopThenCloses();
    void responseDelay();
    void burstPacedByClient();
    void steadyRate();
    void worksInWorkerThread();

private:
    DemoHome &start(const DemoHomeOptions &options = smallOptions())
    {
        return m_fixture.start(options);
    }
    std::unique_ptr<TestClient> connectedClient() { return m_fixture.connectedClient(); }

    DemoHomeFixture m_fixture;
};

void TestDemoTraffic::hugeGetStates()
{
    DemoHomeOptions options = smallOptions();
    options.hugeStatesBytes = 20 * 1024 * 1024;
    start(options);
    auto client = connectedClient();
    QVERIFY(client);
    const QJsonObject reply = client->command({{u"type"_s, u"get_states"_s}});
    QCOMPARE(reply.value(u"result"_s).toArray().size(), m_fixture.home()->stateCount());
    QVERIFY(client->frames.last().toUtf8().size() >= 20 * 1024 * 1024);
}

void TestDemoTraffic::dropWithoutCloseFrame()
{
    start();
    auto client = connectedClient();
    QVERIFY(client);
    QSignalSpy closeFrames(&client->socket(), &QWebSocket::aboutToClose);
    m_fixture.home()->dropAllConnections();
    QVERIFY(client->waitForDisconnected());
    // A close frame from the server would have made the client answer it (aboutToClose).
    QCOMPARE(closeFrames.size(), 0);
    QCOMPARE(client->socket().closeReason(), QString());
    // A new connection works at once.
    auto again = connectedClient();
    QVERIFY(again);
}

void TestDemoTraffic::refuseConnections()
{
    start();
    m_fixture.home()->refuseConnectionsFor(400);
    QVERIFY(m_fixture.home()->isRefusingConnections());
    QWebSocket refused;
    QSignalSpy errors(&refused, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
    refused.open(m_fixture.home()->url());
    QVERIFY(errors.wait(kWait));
    QCOMPARE(errors.first().first().value<QAbstractSocket::SocketError>(),
             QAbstractSocket::ConnectionRefusedError);
    QTRY_VERIFY_WITH_TIMEOUT(!m_fixture.home()->isRefusingConnections(), kWait);
    auto client = connectedClient();
    QVERIFY(client);
}

void TestDemoTraffic::restartSendsStopThenCloses()
{
    start();
    auto client = connectedClient();
    QVERIFY(client);
    client->command({{u"type"_s, u"subscribe_events"_s}});
    m_fixture.home()->simulateRestart(300);
    const QJsonObject stop = client->event(1).value(u"event"_s).toObject();
    QCOMPARE(stop.value(u"event_type"_s).toString(), u"homeassistant_stop"_s);
    QCOMPARE(stop.value(u"data"_s).toObject(), QJsonObject());
    QVERIFY(client->waitForDisconnected());
    QCOMPARE(client->socket().closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    QVERIFY(m_fixture.home()->isRefusingConnections());
    QTRY_VERIFY_WITH_TIMEOUT(!m_fixture.home()->isRefusingConnections(), kWait);
    QVERIFY(connectedClient());
}

void TestDemoTraffic::responseDelay()
{
    start();
    auto client = connectedClient();
    QVERIFY(client);
    m_fixture.home()->setResponseDelay(300);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(client->command({{u"type"_s, u"ping"_s}}).value(u"type"_s).toString(), u"pong"_s);
    QVERIFY(timer.elapsed() >= 290);
}

void TestDemoTraffic::burstPacedByClient()
{
    start();
    auto client = connectedClient();
    QVERIFY(client);
    client->command({{u"type"_s, u"supported_features"_s},
                     {u"features"_s, QJsonObject{{u"coalesce_messages"_s, 1}}}});
    client->command({{u"type"_s, u"subscribe_events"_s}, {u"event_type"_s, u"state_changed"_s}});
    QSignalSpy finished(m_fixture.home(), &DemoHome::burstFinished);
    m_fixture.home()->emitBurst(20000);
    int received = 0;
    while (received < 20000) {
        if (client->event(2).isEmpty())
            break;
        ++received;
    }
    QCOMPARE(received, 20000);
    QVERIFY(finished.size() == 1 || finished.wait(kWait));
    QCOMPARE(m_fixture.home()->connectionCount(), 1); // never over the pending limit
    QVERIFY(client->frames.size() < 20000);           // coalesced
}

void TestDemoTraffic::steadyRate()
{
    start();
    auto client = connectedClient();
    QVERIFY(client);
    client->command({{u"type"_s, u"subscribe_events"_s}});
    m_fixture.home()->setEventRate(200);
    for (int i = 0; i < 20; ++i)
        QVERIFY(!client->event(1).isEmpty());
    // Live times land on whole seconds now and then (no fraction), as HA's do.
    const QJsonObject whole = client->take(
        [](const QJsonObject &m) {
            return m.value(u"type"_s) == u"event"_s &&
                   !m.value(u"event"_s).toObject().value(u"time_fired"_s).toString().contains(u'.');
        },
        3000);
    QVERIFY(!whole.isEmpty());
    QCOMPARE(whole.value(u"event"_s).toObject().value(u"time_fired"_s).toString().size(), 25);
    m_fixture.home()->setEventRate(0);
    QVERIFY(m_fixture.home()->emittedStateChanges() >= 20);
}

void TestDemoTraffic::worksInWorkerThread()
{
    QThread thread;
    thread.setObjectName(u"demo"_s);
    thread.start();
    DemoHomeOptions options = smallOptions();
    options.recorderCommitMs = 50; // a running timer moves along
    options.eventsPerSecond = 20;
    auto *home = new DemoHome(options);
    home->moveToThread(&thread);
    QUrl url;
    QMetaObject::invokeMethod(
        home,
        [home, &url] {
            if (home->listen())
                url = home->url();
        },
        Qt::BlockingQueuedConnection);
    QVERIFY(url.isValid());
    TestClient client;
    QVERIFY(client.authenticate(url));
    client.command({{u"type"_s, u"subscribe_events"_s}});
    QMetaObject::invokeMethod(
        home, [home] { home->emitNow(3); }, Qt::BlockingQueuedConnection);
    for (int i = 0; i < 3; ++i)
        QVERIFY(!client.event(1).isEmpty());
    QMetaObject::invokeMethod(
        home, [home] { delete home; }, Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
    QVERIFY(client.waitForDisconnected());
}

QTEST_GUILESS_MAIN(TestDemoTraffic)
#include "tst_demotraffic.moc"
