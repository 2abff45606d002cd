// SPDX-License-Identifier: GPL-3.0-or-later
// WebhookDispatcher, driven directly in the test thread, against Debian's real `webhook`
// receiver (WebhookReceiver): signing, refusal and retries, an outage, caps and fairness,
// setWebhooks() and sendNow(). What the real receiver cannot produce on demand (429/503 with
// Retry-After, a 3xx, an answer that never comes) comes from ScriptedServer below.
#include "freeport.h"
#include "httpclient.h"
#include "webhookreceiver.h"
#include "webhooks/webhookdispatcher.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLocale>
#include <QMessageAuthenticationCode>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>

#include <algorithm>
#include <csignal>
#include <optional>

using namespace Qt::StringLiterals;
using namespace hai;

namespace {

const QString kSecret = u"s3cr3t-ключ"_s;

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Webhook webhookTo(const QUrl &url, const QString &secret = kSecret, bool enabled = true)
{
    Webhook webhook;
    webhook.id = newId();
    webhook.name = u"test "_s + webhook.id.left(8);
    webhook.url = url;
    webhook.secret = secret;
    webhook.enabled = enabled;
    return webhook;
}

// Odd spacing and non-ASCII on purpose: the receiver must get, and verify, these exact bytes.
WebhookDelivery deliveryFor(const Webhook &webhook, qint64 seq)
{
    WebhookDelivery delivery;
    delivery.id = newId();
    delivery.webhookId = webhook.id;
    delivery.eventType = u"state_changed"_s;
    delivery.seq = seq;
    delivery.payload = R"({"delivery_id":")" + delivery.id.toUtf8() +
                       R"(",  "data":{"name":"Küche \"warm\"","seq":)" + QByteArray::number(seq) +
                       "}}\n";
    return delivery;
}

WebhookDeliveryList deliveriesFor(const Webhook &webhook, int count, qint64 firstSeq = 1)
{
    WebhookDeliveryList deliveries;
    for (int i = 0; i < count; ++i)
        deliveries.append(deliveryFor(webhook, firstSeq + i));
    return deliveries;
}

QByteArray expectedSignature(const QString &secret, const QByteArray &body)
{
    return "sha256=" +
           QMessageAuthenticationCode::hash(body, secret.toUtf8(), QCryptographicHash::Sha256)
               .toHex();
}

WebhookDispatcherOptions fastOptions()
{
    WebhookDispatcherOptions options;
    options.timeoutMs = 3000;
    options.retryBaseSeconds = 0.05;
    options.retryMaxSeconds = 0.4;
    options.maxAttempts = 50;
    options.userAgent = "ha-ingestor-test";
    return options;
}

QList<DeliveryAttempt> attemptsOf(const QSignalSpy &spy, const QString &webhookId = {})
{
    QList<DeliveryAttempt> attempts;
    for (const QList<QVariant> &args : spy) {
        const auto attempt = args.at(0).value<DeliveryAttempt>();
        if (webhookId.isEmpty() || attempt.webhookId == webhookId)
            attempts.append(attempt);
    }
    return attempts;
}

int deliveredCount(const QSignalSpy &spy, const QString &webhookId = {})
{
    const QList<DeliveryAttempt> attempts = attemptsOf(spy, webhookId);
    return int(std::count_if(attempts.cbegin(), attempts.cend(),
                             [](const DeliveryAttempt &attempt) { return attempt.delivered; }));
}

QByteArray response(int status, const QByteArray &headers = {})
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Length: 0\r\n" + headers +
           "\r\n";
}

// A tiny HTTP/1.1 responder for the answers the real receiver cannot give on demand. It
// answers request n with responses[n] (the last one repeats); with no responses it reads
// requests and never answers, like a hung receiver.
class ScriptedServer
{
public:
    explicit ScriptedServer(QList<QByteArray> responses = {})
        : m_responses(std::move(responses))
    {
        m_clock.start();
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] { accept(); });
        m_server.listen(QHostAddress::LocalHost, 0);
    }

    QUrl url(const QString &path = u"/hook"_s) const
    {
        return QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_server.serverPort()).arg(path));
    }
    int connections() const { return m_connections; }
    QList<qint64> arrivalsMs; // one per complete request

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            ++m_connections;
            QObject::connect(socket, &QTcpSocket::readyRead, socket,
                             [this, socket] { read(socket); });
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    }

    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            const qsizetype at = buffer.left(headEnd).toLower().indexOf("content-length:");
            const qsizetype length =
                at < 0 ? 0 : buffer.mid(at + 15, buffer.indexOf('\r', at) - at - 15).toLongLong();
            if (buffer.size() < headEnd + 4 + length)
                return;
            buffer.remove(0, headEnd + 4 + length);
            arrivalsMs.append(m_clock.elapsed());
            if (!m_responses.isEmpty())
                socket->write(m_responses.at(qMin(arrivalsMs.size(), m_responses.size()) - 1));
        }
    }

    QTcpServer m_server;
    QList<QByteArray> m_responses;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QElapsedTimer m_clock;
    int m_connections = 0;
};

} // namespace

class TestWebhookDispatcher : public QObject
{
    Q_OBJECT

private:
    test::WebhookReceiver m_receiver;

private Q_SLOTS:
    void initTestCase()
    {
        if (test::WebhookReceiver::findBinary().isEmpty())
            QSKIP(qPrintable(test::WebhookReceiver::missingMessage()));
        QString error;
        QVERIFY2(m_receiver.start(kSecret, &error), qPrintable(error));
    }

    void init()
    {
        if (!m_receiver.isRunning()) {
            QString error;
            QVERIFY2(m_receiver.start(kSecret, &error), qPrintable(error));
        }
        m_receiver.clearReceived();
    }

    void cleanupTestCase()
    {
        const qint64 pid = m_receiver.pid();
        m_receiver.stop();
        QVERIFY(!m_receiver.isRunning());
        QVERIFY(pid == 0 || ::kill(pid_t(pid), 0) != 0);
    }

    void receiverRefusesUnsignedAndBadlySigned()
    {
        test::HttpClient http(m_receiver.url());
        const QByteArray body = R"({"a":1})";
        const auto post = [&](const QHash<QByteArray, QByteArray> &headers) {
            return http.send("POST", m_receiver.url().path(), body, headers).status;
        };
        QCOMPARE(post({}), 401);
        QCOMPARE(post({{"X-Webhook-Signature", expectedSignature(u"other"_s, body)}}), 500);
        QCOMPARE(post({{"X-Webhook-Signature", expectedSignature(kSecret, body)}}), 200);
        QVERIFY(m_receiver.waitForCount(1, 5000));
        QCOMPARE(m_receiver.received().size(), 1);
        QCOMPARE(m_receiver.received().at(0).body, body);
    }

    void signedDeliveryIsAccepted()
    {
        WebhookDispatcher dispatcher(fastOptions());
        QSignalSpy attempted(&dispatcher, &WebhookDispatcher::attempted);
        QSignalSpy drained(&dispatcher, &WebhookDispatcher::drained);
        const Webhook webhook = webhookTo(m_receiver.url());
        WebhookDelivery delivery = deliveryFor(webhook, 1);
        delivery.eventType = u"device_added"_s;
        const qint64 before = QDateTime::currentSecsSinceEpoch();
        dispatcher.setWebhooks({webhook});
        dispatcher.enqueue({delivery});
        dispatcher.enqueue({delivery}); // again: already queued, sent once
        QCOMPARE(dispatcher.queuedCount() + dispatcher.inFlightCount(), 1);
        QVERIFY(drained.wait(10'000));

        QCOMPARE(attempted.size(), 1);
        const DeliveryAttempt attempt = attemptsOf(attempted).at(0);
        QVERIFY2(attempt.delivered, qPrintable(attempt.error + u'\n' + m_receiver.log()));
        QCOMPARE(attempt.statusCode, 200);
        QCOMPARE(attempt.deliveryId, delivery.id);
        QCOMPARE(attempt.webhookId, webhook.id);
        QVERIFY(attempt.error.isEmpty());
        QVERIFY(!attempt.finalFailure);
        QVERIFY(attempt.elapsedMs > 0);
        QVERIFY(attempt.attemptedAt >= double(before));

        const QList<test::WebhookReceiver::Delivery> received = m_receiver.received();
        QCOMPARE(received.size(), 1);
        QCOMPARE(received[0].body, delivery.payload); // byte for byte
        QCOMPARE(received[0].deliveryId, delivery.id);
        QCOMPARE(received[0].eventType, u"device_added"_s);
        QCOMPARE(received[0].signature, expectedSignature(kSecret, delivery.payload));
        QCOMPARE(received[0].contentType, QByteArray("application/json"));
        QCOMPARE(received[0].userAgent, QByteArray("ha-ingestor-test"));
        const qint64 timestamp = received[0].timestamp.toLongLong();
        QVERIFY(timestamp >= before && timestamp <= QDateTime::currentSecsSinceEpoch());
        QCOMPARE(dispatcher.queuedCount(), 0);
        QCOMPARE(dispatcher.inFlightCount(), 0);
    }

    // A wrong secret: webhook answers 500, each attempt fails with the status, waits
    // base * 2^(n-1), and after maxAttempts the delivery is failed; the next one only starts
    // after that (one in flight, so it is not already on the wire).
    void wrongSecretIsRefusedRetriedThenFailed()
    {
        WebhookDispatcherOptions options = fastOptions();
        options.inFlightPerWebhook = 1;
        options.maxAttempts = 3;
        options.retryBaseSeconds = 0.1;
        WebhookDispatcher dispatcher(options);
        QSignalSpy attempted(&dispatcher, &WebhookDispatcher::attempted);
        QSignalSpy drained(&dispatcher, &WebhookDispatcher::drained);
        const Webhook webhook = webhookTo(m_receiver.url(), u"not the secret"_s);
        const WebhookDeliveryList deliveries = deliveriesFor(webhook, 2);
        dispatcher.setWebhooks({webhook});
        dispatcher.enqueue(deliveries);
        QVERIFY(drained.wait(10'000));

        const QList<DeliveryAttempt> attempts = attemptsOf(attempted);
        QCOMPARE(attempts.size(), 6);
        for (int i = 0; i < 6; ++i) {
            const DeliveryAttempt &attempt = attempts[i];
            QCOMPARE(attempt.deliveryId, deliveries[i / 3].id); // d1 x3, then d2 x3
            QVERIFY(!attempt.delivered);
            QCOMPARE(attempt.statusCode, 500);
            QCOMPARE(attempt.error, u"HTTP 500"_s);
            const int n = i % 3 + 1;
            QCOMPARE(attempt.finalFailure, n == 3);
            if (n < 3) {
                const double wait =
                    attempt.nextAttemptAt - attempt.attemptedAt - attempt.elapsedMs / 1000;
                const double expected = 0.1 * (1 << (n - 1));
                QVERIFY2(qAbs(wait - expected) < 0.05, qPrintable(QString::number(wait)));
                QVERIFY(attempts[i + 1].attemptedAt >= attempt.nextAttemptAt - 0.002);
            } else {
                QCOMPARE(attempt.nextAttemptAt, 0.0);
            }
        }
        QVERIFY(m_receiver.received().isEmpty());
    }

    // The receiver crashes mid-stream and comes back on the same port: every delivery arrives,
    // in seq order per webhook; a repeat only for a delivery whose attempt was reported failed
    // (recorded, but the answer was lost with the crash).
    void receiverDownThenUp()
    {
        WebhookDispatcherOptions options = fastOptions();
        options.inFlightPerWebhook = 1; // arrival order is then seq order
        WebhookDispatcher dispatcher(options);
        QSignalSpy attempted(&dispatcher, &WebhookDispatcher::attempted);
        const Webhook a = webhookTo(m_receiver.url());
        const Webhook b = webhookTo(m_receiver.url());
        const WebhookDeliveryList first = deliveriesFor(a, 15) + deliveriesFor(b, 15);
        const WebhookDeliveryList second = deliveriesFor(a, 10, 16) + deliveriesFor(b, 10, 16);
        dispatcher.setWebhooks({a, b});
        dispatcher.enqueue(first);
        QVERIFY(m_receiver.waitForCount(4, 10'000));
        m_receiver.kill();
        dispatcher.enqueue(second); // while it is down, so some attempts surely fail
        QTRY_VERIFY_WITH_TIMEOUT(attemptsOf(attempted).size() >= deliveredCount(attempted) + 3,
                                 10'000);
        QString error;
        QVERIFY2(m_receiver.start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(deliveredCount(attempted), 50, 20'000);
        QCOMPARE(dispatcher.queuedCount(), 0);

        QSet<QString> failed;
        bool refused = false;
        for (const DeliveryAttempt &attempt : attemptsOf(attempted)) {
            QVERIFY(!attempt.finalFailure);
            if (!attempt.delivered)
                failed.insert(attempt.deliveryId);
            refused = refused || attempt.error == u"connection refused"_s;
        }
        QVERIFY(refused);
        QHash<QString, WebhookDelivery> sent;
        for (const WebhookDelivery &delivery : first + second)
            sent.insert(delivery.id, delivery);
        QHash<QString, qint64> lastSeq; // per webhook, of first arrivals
        QSet<QString> seen;
        for (const test::WebhookReceiver::Delivery &one : m_receiver.received()) {
            QVERIFY(sent.contains(one.deliveryId));
            if (seen.contains(one.deliveryId)) {
                QVERIFY2(failed.contains(one.deliveryId), "received twice, never reported failed");
                continue;
            }
            seen.insert(one.deliveryId);
            const WebhookDelivery &delivery = sent[one.deliveryId];
            QCOMPARE(one.body, delivery.payload);
            QVERIFY2(delivery.seq > lastSeq.value(delivery.webhookId), "out of seq order");
            lastSeq[delivery.webhookId] = delivery.seq;
        }
        QCOMPARE(seen.size(), 50);
    }

    // Retry-After from a 503 or 429, in seconds or as an HTTP date, replaces the backoff
    // (base 30 s here) and is capped at retryMaxSeconds. ScriptedServer: the real receiver
    // cannot answer 429/503 on demand.
    void retryAfterIsHonoured_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("retryAfter"); // "date": an HTTP date 3 s ahead
        QTest::addColumn<double>("retryMax");
        QTest::addColumn<double>("minWait");
        QTest::addColumn<double>("maxWait");
        QTest::newRow("503 seconds") << 503 << QByteArray("1") << 60.0 << 0.95 << 1.1;
        // Whole seconds, truncated twice (the date, then the delta): 1 or 2 s.
        QTest::newRow("429 http-date") << 429 << QByteArray("date") << 60.0 << 0.9 << 2.1;
        QTest::newRow("capped") << 503 << QByteArray("3600") << 0.3 << 0.25 << 0.4;
    }

    void retryAfterIsHonoured()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, retryAfter);
        QFETCH(double, retryMax);
        QFETCH(double, minWait);
        QFETCH(double, maxWait);
        if (retryAfter == "date")
            retryAfter = QLocale::c()
                             .toString(QDateTime::currentDateTimeUtc().addSecs(3),
                                       u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s)
                             .toLatin1();
        const QByteArray refusal = response(status, "Retry-After: " + retryAfter + "\r\n");
        ScriptedServer server({refusal, response(200)});
        WebhookDispatcherOptions options = fastOptions();
        options.retryBaseSeconds = 30;
        options.retryMaxSeconds = retryMax;
        WebhookDispatcher dispatcher(options);
        QSignalSpy attempted(&dispatcher, &WebhookDispatcher::attempted);
        const Webhook webhook = webhookTo(server.url());
        dispatcher.setWebhooks({webhook});
        dispatcher.enqueue({deliveryFor(webhook, 1)});
        QTRY_COMPARE_WITH_TIMEOUT(attempted.size(), 2, 5000);

        const QList<DeliveryAttempt> attempts = attemptsOf(attempted);
        QVERIFY(!attempts[0].delivered);
        QCOMPARE(attempts[0].error, u"HTTP "_s + QString::number(status));
        const double wait =
            attempts[0].nextAttemptAt - attempts[0].attemptedAt - attempts[0].elapsedMs / 1000;
        QVERIFY2(wait >= minWait && wait <= maxWait, qPrintable(QString::number(wait)));
        QVERIFY(attempts[1].delivered);
        QCOMPARE(server.arrivalsMs.size(), 2);
        const double gap = double(server.arrivalsMs[1] - server.arrivalsMs[0]) / 1000;
        QVERIFY2(gap >= wait - 0.02, qPrintable(QString::number(gap)));
    }

    // One failed attempt each, with the words a person reads. ScriptedServer gives the 3xx
    // (the real receiver never redirects) and the answer that never comes.
    void failedAttempts_data()
    {
        QTest::addColumn<QString>("server"); // "none": nothing listens; "hung"; or "redirect"
        QTest::addColumn<int>("redirect");
        QTest::addColumn<bool>("follow");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error"); // empty: delivered
        const QString target = m_receiver.url().toString();
        QTest::newRow("302 not followed")
            << u"redirect"_s << 302 << false << 302 << u"redirect to %1 not followed"_s.arg(target);
        QTest::newRow("307 followed") << u"redirect"_s << 307 << true << 200 << QString();
        QTest::newRow("nothing listening")
            << u"none"_s << 0 << false << 0 << u"connection refused"_s;
        QTest::newRow("no answer") << u"hung"_s << 0 << false << 0 << u"timed out after 0.3 s"_s;
    }

    void failedAttempts()
    {
        QFETCH(QString, server);
        QFETCH(int, redirect);
        QFETCH(bool, follow);
        QFETCH(int, status);
        QFETCH(QString, error);
        const QByteArray location = "Location: " + m_receiver.url().toString().toUtf8() + "\r\n";
        ScriptedServer scripted(server == u"redirect"_s ? QList{response(redirect, location)}
                                                        : QList<QByteArray>{});
        WebhookDispatcherOptions options = fastOptions();
        options.timeoutMs = 300;
        options.maxAttempts = 1;
        options.followRedirects = follow;
        WebhookDispatcher dispatcher(options);
        QSignalSpy attempted(&dispatcher, &WebhookDispatcher::attempted);
        const Webhook webhook = webhookTo(
            server == u"none"_s ? QUrl(u"http://127.0.0.1:%1/"_s.arg(test::freeLoopbackPort()))
                                : scripted.url());
        const WebhookDelivery delivery = deliveryFor(webhook, 1);
        dispatcher.setWebhooks({webhook});
        dispatcher.enqueue({delivery});
        QVERIFY(attempted.wait(5000));
        const DeliveryAttempt attempt = attemptsOf(attempted).at(0);
        QCOMPARE(attempt.error, error);
        QCOMPARE(attempt.statusCode, status);
        QCOMPARE(attempt.delivered, error.isEmpty());
        QCOMPARE(attempt.finalFailure, !error.isEmpty());
        if (server == u"hung"_s)
            QVERIFY(attempt.elapsedMs >= 250);
        QVERIFY(m_receiver.waitForCount(attempt.delivered ? 1 : 0, 5000));
        QCOMPARE(m_receiver.received().size(), attempt.delivered ? 1 : 0);
        if (attempt.delivered)
            QCOMPARE(m_receiver.received().at(0).body, delivery.payload); // re-POSTed as it was
    }

    // Webhook A's receiver never answers; it holds only its own inFlightPerWebhook slots, and
    // webhook B, behind it in the queue, is delivered at once.
    void slowWebhookDoesNotHoldUpOthers()
    {
        ScriptedServer hung;
        WebhookDispatcherOptions options = fastOptions();
        options.timeoutMs = 5000;
        options.inFlightPerWebhook = 2;
        options.inFlightTotal = 4;
        WebhookDispatcher dispatcher(options);
        QSignalSpy attempted(&dispatcher, &WebhookDispatcher::attempted);
        const Webhook a = webhookTo(hung.url());
        const Webhook b = webhookTo(m_receiver.url());
        dispatcher.setWebhooks({a, b});
        dispatcher.enqueue(deliveriesFor(a, 6) + deliveriesFor(b, 6));
        QTRY_COMPARE_WITH_TIMEOUT(deliveredCount(attempted, b.id), 6, 4000);
        QVERIFY(attemptsOf(attempted, a.id).isEmpty()); // still on the wire
        QCOMPARE(m_receiver.received().size(), 6);
        QCOMPARE(hung.connections(), 2);
        QCOMPARE(dispatcher.inFlightCount(), 2);
        QCOMPARE(dispatcher.queuedCount(), 4);
    }

    // Two hung webhooks share inFlightTotal = 4 two by two (round robin), although each may
    // have 3 in flight and A's deliveries were enqueued first.
    void roundRobinUnderTheTotalCap()
    {
        ScriptedServer hungA;
        ScriptedServer hungC;
        WebhookDispatcherOptions options = fastOptions();
        options.timeoutMs = 5000;
        options.inFlightPerWebhook = 3;
        options.inFlightTotal = 4;
        WebhookDispatcher dispatcher(options);
        const Webhook a = webhookTo(hungA.url());
        const Webhook c = webhookTo(hungC.url());
        dispatcher.setWebhooks({a, c});
        dispatcher.enqueue(deliveriesFor(a, 10) + deliveriesFor(c, 10));
        QTRY_COMPARE_WITH_TIMEOUT(hungA.connections() + hungC.connections(), 4, 3000);
        QCOMPARE(hungA.connections(), 2);
        QCOMPARE(hungC.connections(), 2);
        QCOMPARE(dispatcher.inFlightCount(), 4);
        QCOMPARE(dispatcher.queuedCount(), 16);
    }

    void disabledUnknownAndRemovedWebhooks()
    {
        WebhookDispatcher dispatcher(fastOptions());
        QSignalSpy attempted(&dispatcher, &WebhookDispatcher::attempted);
        QSignalSpy drained(&dispatcher, &WebhookDispatcher::drained);
        Webhook webhook = webhookTo(m_receiver.url(), kSecret, false);
        const Webhook ghost = webhookTo(m_receiver.url()); // never given to setWebhooks
        dispatcher.setWebhooks({webhook});
        dispatcher.enqueue(deliveriesFor(webhook, 2) + deliveriesFor(ghost, 1));
        QTest::qWait(300);
        QCOMPARE(dispatcher.queuedCount(), 3);
        QCOMPARE(attempted.size(), 0);
        QVERIFY(m_receiver.received().isEmpty());

        webhook.enabled = true;
        dispatcher.setWebhooks({webhook});
        QTRY_COMPARE_WITH_TIMEOUT(deliveredCount(attempted), 2, 5000);
        QCOMPARE(dispatcher.queuedCount(), 1); // the unknown webhook's
        QVERIFY(m_receiver.waitForCount(2, 5000));

        webhook.enabled = false;
        dispatcher.setWebhooks({webhook});
        dispatcher.enqueue(deliveriesFor(webhook, 1, 3));
        QCOMPARE(dispatcher.queuedCount(), 2);
        dispatcher.setWebhooks({}); // removed: dropped; the unknown one stays
        QCOMPARE(dispatcher.queuedCount(), 1);
        QCOMPARE(drained.size(), 0);
        dispatcher.setWebhooks({ghost});
        QVERIFY(drained.wait(5000));
        QCOMPARE(deliveredCount(attempted), 3);
    }

    // sendNow goes out while the only slot is taken, and is reported to `done` only.
    void sendNowBypassesQueuesAndCaps()
    {
        ScriptedServer hung;
        WebhookDispatcherOptions options = fastOptions();
        options.inFlightTotal = 1;
        WebhookDispatcher dispatcher(options);
        QSignalSpy attempted(&dispatcher, &WebhookDispatcher::attempted);
        const Webhook slow = webhookTo(hung.url());
        const Webhook webhook = webhookTo(m_receiver.url());
        dispatcher.setWebhooks({slow, webhook});
        dispatcher.enqueue(deliveriesFor(slow, 1) + deliveriesFor(webhook, 1));
        QCOMPARE(dispatcher.inFlightCount(), 1);
        QCOMPARE(dispatcher.queuedCount(), 1);

        WebhookDelivery ping = deliveryFor(webhook, 0);
        ping.eventType = u"ping"_s;
        std::optional<DeliveryAttempt> outcome;
        dispatcher.sendNow(webhook, ping, [&outcome](const DeliveryAttempt &a) { outcome = a; });
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 5000);
        QVERIFY2(outcome->delivered, qPrintable(outcome->error));
        QCOMPARE(outcome->deliveryId, ping.id);
        QCOMPARE(outcome->statusCode, 200);
        QVERIFY(m_receiver.waitForCount(1, 5000));
        QCOMPARE(m_receiver.received().at(0).deliveryId, ping.id);
        QCOMPARE(m_receiver.received().at(0).eventType, u"ping"_s);
        QCOMPARE(attempted.size(), 0);
        QCOMPARE(dispatcher.inFlightCount(), 1);
        QCOMPARE(dispatcher.queuedCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestWebhookDispatcher)
#include "tst_webhookdispatcher.moc"
