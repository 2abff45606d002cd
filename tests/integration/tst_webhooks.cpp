// SPDX-License-Identifier: GPL-3.0-or-later
// Webhooks end to end: a DemoHome (in this process) -> the real ha-ingestor binary -> Debian's
// real `webhook` receiver, which only accepts bodies whose HMAC-SHA256 signature matches its
// secret. Covers filters (glob, area, state, a device moving between areas), a wrong secret,
// a receiver that is down across an app restart, test pings and redelivery, the legacy
// webhooks.json import, and 16 clients registering at once.
#include "appprocess.h"
#include "demo/demohome.h"
#include "httpclient.h"
#include "webhookreceiver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using hai::DemoHome;
using hai::test::AppProcess;
using hai::test::HttpClient;
using hai::test::WebhookReceiver;

namespace {

const QString kBinary = QStringLiteral(HAI_INGESTOR_BINARY);
const QByteArray kToken = "webhook-test-token-0123456789";
const QString kSecret = u"receiver-secret-0123456789"_s;
const QHash<QByteArray, QByteArray> kHeaders{{"authorization", "Bearer " + kToken},
                                             {"content-type", "application/json"}};

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Polls `done` until it holds or `timeoutMs` passes, running the event loop.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QTest::qWait(100);
    }
    return true;
}

QJsonObject bodyOf(const WebhookReceiver::Delivery &delivery)
{
    return QJsonDocument::fromJson(delivery.body).object();
}

} // namespace

class TestWebhooks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void filtersSelectWhatIsDelivered();
    void wrongSecretIsRejectedAndRetried();
    void disabledAfterRepeatedFailures();
    void receiverDownAcrossAppRestart();
    void testPingAndRedeliver();
    void legacyJsonIsImportedOnce();
    void malformedLegacyJsonIsLeftAlone();
    void concurrentRegistrations();

private:
    bool startApp(AppProcess &app, const QStringList &extra = {});
    QString registerWebhook(const QJsonObject &filter, const QString &secret = kSecret,
                            const QJsonArray &events = {u"state_changed"_s});
    // Deliveries the receiver accepted for one webhook, in arrival order.
    QList<QJsonObject> receivedFor(const QString &webhookId) const;
    // Waits until the app has read the registry entry of `entityId` with `areaId`.
    bool waitForArea(const QString &entityId, const QString &areaId);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DemoHome> m_home;
    std::unique_ptr<WebhookReceiver> m_receiver;
    std::unique_ptr<HttpClient> m_http;
};

void TestWebhooks::init()
{
    if (WebhookReceiver::findBinary().isEmpty())
        QSKIP(qPrintable(WebhookReceiver::missingMessage()));
    m_dir = std::make_unique<QTemporaryDir>();
    hai::DemoHomeOptions options;
    options.seed = 5;
    options.devices = 10;
    options.entitiesPerDevice = 3;
    m_home = std::make_unique<DemoHome>(options);
    QVERIFY(m_home->listen());
    m_receiver = std::make_unique<WebhookReceiver>();
    QString error;
    QVERIFY2(m_receiver->start(kSecret, &error), qPrintable(error));
}

void TestWebhooks::cleanup()
{
    m_http.reset();
    m_receiver.reset();
    m_home.reset();
    m_dir.reset();
}

bool TestWebhooks::startApp(AppProcess &app, const QStringList &extra)
{
    QSignalSpy subscribed(m_home.get(), &DemoHome::clientSubscribed);
    const QStringList arguments{u"--ha-url"_s, m_home->url().toString(), u"--ha-token"_s,
                                m_home->token(), u"--api-token"_s, QString::fromLatin1(kToken),
                                u"--webhook-retry-base-ms"_s, u"200"_s,
                                // the order checks need it; tst_webhookdispatcher covers more
                                u"--webhook-in-flight"_s, u"1"_s};
    if (!app.start(arguments + extra))
        return false;
    m_http = std::make_unique<HttpClient>(QUrl(app.apiUrl()));
    // The HA client connects while the REST API is still binding: wait for both.
    if (!subscribed.wait(20000) ||
        !waitFor([this] { return m_http->get(u"/health"_s).status == 200; }, 20000)) {
        qWarning("the app did not come up:\n%s", app.outputTail().constData());
        return false;
    }
    return true;
}

QString TestWebhooks::registerWebhook(const QJsonObject &filter, const QString &secret,
                                      const QJsonArray &events)
{
    const QJsonObject body{{u"url"_s, m_receiver->url().toString()},
                           {u"events"_s, events},
                           {u"secret"_s, secret},
                           {u"filter"_s, filter}};
    const auto reply = m_http->send("POST", u"/api/v1/webhooks/register"_s, toJson(body), kHeaders);
    if (reply.status != 201) {
        qWarning("register answered %d: %s", reply.status, reply.body.constData());
        return {};
    }
    return reply.json()[u"webhook_id"_s].toString();
}

QList<QJsonObject> TestWebhooks::receivedFor(const QString &webhookId) const
{
    QList<QJsonObject> out;
    for (const auto &delivery : m_receiver->received()) {
        const QJsonObject body = bodyOf(delivery);
        if (body[u"webhook_id"_s].toString() == webhookId)
            out.append(body);
    }
    return out;
}

bool TestWebhooks::waitForArea(const QString &entityId, const QString &areaId)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 10000) {
        const auto reply = m_http->get(u"/api/entities/"_s + entityId);
        const QJsonObject entity = reply.json().object();
        if (reply.status == 200 && (entity[u"area_id"_s].toString() == areaId ||
                                    entity[u"effective_area_id"_s].toString() == areaId))
            return true;
        QTest::qWait(100);
    }
    return false;
}

void TestWebhooks::filtersSelectWhatIsDelivered()
{
    // A room of our own, so the expectations do not depend on the generated home.
    const QString lab = m_home->addArea(u"Lab"_s);
    const QString hall = m_home->addArea(u"Hall"_s);
    const QString probe = m_home->addDevice(u"Probe"_s, hall);
    const QString temperature = m_home->addEntity(u"sensor"_s, u"Probe Temperature"_s, probe);
    const QString lamp = m_home->addEntity(u"light"_s, u"Probe Lamp"_s, probe);
    QVERIFY(!temperature.isEmpty() && !lamp.isEmpty());

    AppProcess app(kBinary, m_dir->path());
    QVERIFY(startApp(app));
    const QString bySensorGlob =
        registerWebhook({{u"entity_ids"_s, QJsonArray{u"sensor.probe_*"_s}}});
    const QString byLab = registerWebhook({{u"area_ids"_s, QJsonArray{lab}}});
    const QString lightOn = registerWebhook(
        {{u"domains"_s, QJsonArray{u"light"_s}}, {u"to_state"_s, QJsonArray{u"on"_s}}});
    const QString hot =
        registerWebhook({{u"entity_ids"_s, QJsonArray{temperature}}, {u"numeric_above"_s, 30}});
    QVERIFY(!bySensorGlob.isEmpty() && !byLab.isEmpty() && !lightOn.isEmpty() && !hot.isEmpty());
    QTest::qWait(300); // the service reloads the webhooks after the answer

    // Values the generated home never starts with: an unchanged state fires no state_changed.
    QVERIFY(m_home->setState(temperature, u"-11.5"_s));
    QVERIFY(m_home->setState(lamp, u"on"_s));
    QVERIFY(m_home->setState(lamp, u"off"_s));
    QVERIFY(m_home->setState(temperature, u"31.25"_s));
    // The device moves into the lab: from then on its entities match the area filter.
    QVERIFY(m_home->moveDevice(probe, lab));
    QVERIFY2(waitForArea(temperature, lab), app.outputTail().constData());
    QVERIFY(m_home->setState(temperature, u"-7"_s));

    m_receiver->waitForCount(6, 15000); // the comparisons below say what is missing
    QTest::qWait(500);                  // nothing more may arrive
    const auto glob = receivedFor(bySensorGlob);
    QCOMPARE(glob.size(), 3);
    QStringList states;
    for (const QJsonObject &body : glob)
        states << body[u"data"_s][u"new_state"_s][u"state"_s].toString();
    QCOMPARE(states, (QStringList{u"-11.5"_s, u"31.25"_s, u"-7"_s})); // in event order
    const auto inLab = receivedFor(byLab);
    QCOMPARE(inLab.size(), 1);
    QCOMPARE(inLab.first()[u"data"_s][u"area_id"_s].toString(), lab);
    QCOMPARE(inLab.first()[u"data"_s][u"area_name"_s].toString(), u"Lab"_s);
    QCOMPARE(inLab.first()[u"data"_s][u"device_name"_s].toString(), u"Probe"_s);
    const auto on = receivedFor(lightOn);
    QCOMPARE(on.size(), 1);
    QCOMPARE(on.first()[u"data"_s][u"entity_id"_s].toString(), lamp);
    QCOMPARE(receivedFor(hot).size(), 1);

    // Every accepted request carried the documented headers (the receiver checked the HMAC).
    for (const auto &delivery : m_receiver->received()) {
        QVERIFY(delivery.signature.startsWith("sha256="));
        QCOMPARE(delivery.contentType, QByteArray("application/json"));
        QVERIFY(delivery.userAgent.startsWith("ha-ingestor/"));
        QCOMPARE(delivery.deliveryId, bodyOf(delivery)[u"delivery_id"_s].toString());
        QCOMPARE(delivery.eventType, u"state_changed"_s);
        QVERIFY(delivery.timestamp.toLongLong() > 1700000000);
    }

    const auto list = m_http->send("GET", u"/api/v1/webhooks/list"_s, {}, kHeaders);
    QVERIFY(!list.body.contains(kSecret.toUtf8()));
    for (const QJsonValue webhook : list.json()[u"webhooks"_s].toArray()) {
        if (webhook[u"webhook_id"_s] == bySensorGlob)
            QTRY_COMPARE_WITH_TIMEOUT(
                m_http->send("GET", u"/api/v1/webhooks/"_s + bySensorGlob, {}, kHeaders)
                    .json()[u"stats"_s][u"delivered"_s]
                    .toInt(),
                3, 5000);
    }
    QVERIFY(app.terminate());
}

void TestWebhooks::wrongSecretIsRejectedAndRetried()
{
    AppProcess app(kBinary, m_dir->path());
    QVERIFY(startApp(app));
    const QString id = registerWebhook({}, u"not-the-receivers-secret"_s);
    QVERIFY(!id.isEmpty());
    QTest::qWait(300);
    const QString entity = m_home->entityIds().constFirst();
    QVERIFY(m_home->setState(entity, u"on"_s));

    // The receiver answers 500 to a bad signature; the app keeps the delivery and retries.
    const auto log = [&] {
        return m_http->send("GET", u"/api/v1/webhooks/%1/deliveries"_s.arg(id), {}, kHeaders)
            .json()[u"deliveries"_s]
            .toArray();
    };
    QVERIFY2(waitFor([&] { return !log().isEmpty() && log().first()[u"attempts"_s].toInt() >= 2; },
                     15000),
             app.outputTail().constData());
    const QJsonObject delivery = log().first().toObject();
    QCOMPARE(delivery[u"status"_s].toString(), u"pending"_s);
    QCOMPARE(delivery[u"last_status_code"_s].toInt(), 500);
    QVERIFY(m_receiver->received().isEmpty());

    const auto ping = m_http->send("POST", u"/api/v1/webhooks/%1/test"_s.arg(id), {}, kHeaders);
    QCOMPARE(ping.status, 200);
    QCOMPARE(ping.json()[u"delivered"_s].toBool(), false);
    QCOMPARE(ping.json()[u"status_code"_s].toInt(), 500);
    QVERIFY(app.terminate());
}

void TestWebhooks::disabledAfterRepeatedFailures()
{
    AppProcess app(kBinary, m_dir->path());
    QVERIFY(startApp(app, {u"--webhook-disable-after"_s, u"3"_s}));
    const QString id = registerWebhook({}, u"not-the-receivers-secret"_s);
    QTest::qWait(300);
    QVERIFY(m_home->setState(m_home->entityIds().constFirst(), u"disable-me"_s));
    const auto webhook = [&] {
        return m_http->send("GET", u"/api/v1/webhooks/"_s + id, {}, kHeaders).json().object();
    };
    QVERIFY2(waitFor([&] { return !webhook()[u"enabled"_s].toBool(); }, 15000),
             app.outputTail().constData());
    QVERIFY(webhook()[u"disabled_reason"_s].toString().contains(u"3 consecutive"_s));
    QVERIFY(waitFor(
        [&] {
            const QJsonObject health = m_http->get(u"/health"_s).json().object();
            return health[u"dependencies"_s][u"webhooks"_s][u"status"_s] == u"degraded"_s;
        },
        5000));
    QVERIFY(app.outputTail().contains("disabled"));

    // Enabled again (with the right secret): the delivery still queued goes out.
    const QJsonObject fix{{u"enabled"_s, true}, {u"secret"_s, kSecret}};
    QCOMPARE(m_http->send("PATCH", u"/api/v1/webhooks/"_s + id, toJson(fix), kHeaders).status, 200);
    QVERIFY2(m_receiver->waitForCount(1, 15000), app.outputTail().constData());
    QCOMPARE(bodyOf(m_receiver->received().first())[u"data"_s][u"new_state"_s][u"state"_s],
             u"disable-me"_s);
    const QJsonObject health = m_http->get(u"/health"_s).json().object();
    QCOMPARE(health[u"dependencies"_s][u"webhooks"_s][u"status"_s].toString(), u"healthy"_s);
    QVERIFY(app.terminate());
}

void TestWebhooks::receiverDownAcrossAppRestart()
{
    auto app = std::make_unique<AppProcess>(kBinary, m_dir->path());
    QVERIFY(startApp(*app));
    const QString id = registerWebhook(
        {{u"domains"_s, QJsonArray{u"sensor"_s, u"light"_s, u"switch"_s, u"binary_sensor"_s}}});
    QVERIFY(!id.isEmpty());
    QTest::qWait(300);
    m_receiver->stop();

    QStringList sent;
    const QStringList entities = m_home->entityIds();
    for (int i = 0; i < 40; ++i) {
        const QString entity = entities.at(i % entities.size());
        if (!entity.startsWith(u"sensor."_s) && !entity.startsWith(u"light."_s) &&
            !entity.startsWith(u"switch."_s) && !entity.startsWith(u"binary_sensor."_s))
            continue;
        const QString state = u"v%1"_s.arg(i);
        if (m_home->setState(entity, state))
            sent << entity + u'=' + state;
    }
    QVERIFY(sent.size() >= 10);
    // Wait until every delivery is stored and has failed at least once, then restart.
    const auto pending = [&] {
        return m_http
            ->send("GET", u"/api/v1/webhooks/%1/deliveries?status=pending"_s.arg(id), {}, kHeaders)
            .json()[u"total"_s]
            .toInt();
    };
    QTRY_COMPARE_WITH_TIMEOUT(pending(), int(sent.size()), 15000);
    QVERIFY(app->terminate());

    app = std::make_unique<AppProcess>(kBinary, m_dir->path());
    QVERIFY(startApp(*app));
    QString error;
    QVERIFY2(m_receiver->start(&error), qPrintable(error));
    QVERIFY2(m_receiver->waitForCount(int(sent.size()), 30000),
             qPrintable(u"%1 of %2 arrived"_s.arg(m_receiver->received().size()).arg(sent.size())));
    QTest::qWait(500);
    QStringList arrived;
    QSet<QString> ids;
    for (const QJsonObject &body : receivedFor(id)) {
        arrived << body[u"data"_s][u"entity_id"_s].toString() + u'=' +
                       body[u"data"_s][u"new_state"_s][u"state"_s].toString();
        ids.insert(body[u"delivery_id"_s].toString());
    }
    QCOMPARE(arrived, sent); // all of them, once each, in event order
    QCOMPARE(ids.size(), sent.size());
    QTRY_COMPARE_WITH_TIMEOUT(pending(), 0, 5000);
    QVERIFY(app->terminate());
}

void TestWebhooks::testPingAndRedeliver()
{
    AppProcess app(kBinary, m_dir->path());
    QVERIFY(startApp(app));
    const QString id = registerWebhook({});
    const auto ping = m_http->send("POST", u"/api/v1/webhooks/%1/test"_s.arg(id), {}, kHeaders);
    QCOMPARE(ping.status, 200);
    QCOMPARE(ping.json()[u"delivered"_s].toBool(), true);
    QCOMPARE(ping.json()[u"status_code"_s].toInt(), 200);
    QVERIFY(ping.json()[u"elapsed_ms"_s].toDouble() > 0);
    const QString deliveryId = ping.json()[u"delivery_id"_s].toString();
    QVERIFY(m_receiver->waitForCount(1, 5000));
    QCOMPARE(m_receiver->received().first().eventType, u"ping"_s);

    const auto log =
        m_http->send("GET", u"/api/v1/webhooks/%1/deliveries"_s.arg(id), {}, kHeaders).json();
    QCOMPARE(log[u"total"_s].toInt(), 1);
    QCOMPARE(log[u"deliveries"_s][0][u"status"_s].toString(), u"delivered"_s);
    QCOMPARE(log[u"deliveries"_s][0][u"payload"_s][u"event_type"_s].toString(), u"ping"_s);

    const auto again = m_http->send(
        "POST", u"/api/v1/webhooks/deliveries/%1/redeliver"_s.arg(deliveryId), {}, kHeaders);
    QCOMPARE(again.status, 202);
    QVERIFY(m_receiver->waitForCount(2, 10000));
    const auto received = m_receiver->received();
    QCOMPARE(received.at(1).deliveryId, deliveryId);    // the same id: receivers can deduplicate
    QCOMPARE(received.at(1).body, received.at(0).body); // the same bytes
    QCOMPARE(
        m_http->send("POST", u"/api/v1/webhooks/deliveries/nope/redeliver"_s, {}, kHeaders).status,
        404);
    QCOMPARE(m_http->send("POST", u"/api/v1/webhooks/nope/test"_s, {}, kHeaders).status, 404);
    QVERIFY(app.terminate());
}

void TestWebhooks::legacyJsonIsImportedOnce()
{
    const QByteArray legacy = R"([
        {"webhook_id": "legacy-1", "url": "http://127.0.0.1:9/a", "events": ["state_changed"],
         "secret": "legacy-secret-0123456789", "team": "ops", "created_at": 1700000000},
        {"url": "http://127.0.0.1:9/b", "events": ["automation_triggered"],
         "secret": "another-secret-0123456789"}
    ])";
    const QString path = m_dir->filePath(u"webhooks.json"_s);
    const auto writeLegacy = [&] {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(legacy) == legacy.size();
    };
    QVERIFY(writeLegacy());
    const auto listed = [&] {
        return m_http->send("GET", u"/api/v1/webhooks/list"_s, {}, kHeaders)
            .json()[u"count"_s]
            .toInt();
    };
    for (int run = 0; run < 2; ++run) {
        AppProcess app(kBinary, m_dir->path());
        QVERIFY(startApp(app));
        QCOMPARE(listed(), 2);
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QDir(m_dir->path()).entryList({u"webhooks.json.bak-*"_s}).isEmpty());
        QVERIFY(app.terminate());
        QVERIFY(writeLegacy()); // a restored file imports nothing twice
    }
    const QByteArray list = [&] {
        AppProcess app(kBinary, m_dir->path());
        return startApp(app) ? m_http->send("GET", u"/api/v1/webhooks/list"_s, {}, kHeaders).body
                             : QByteArray();
    }();
    QVERIFY(list.contains("\"ops\""));
    QVERIFY(!list.contains("legacy-secret"));
}

void TestWebhooks::malformedLegacyJsonIsLeftAlone()
{
    const QByteArray broken = R"([{"url": "http://127.0.0.1:9/a", "events": [], "secret": "x"}])";
    const QString path = m_dir->filePath(u"webhooks.json"_s);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(broken);
    }
    AppProcess app(kBinary, m_dir->path());
    QVERIFY(startApp(app));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), broken);
    const QJsonObject health = m_http->get(u"/health"_s).json().object();
    const QJsonObject webhooks = health[u"dependencies"_s][u"webhooks"_s].toObject();
    QCOMPARE(webhooks[u"status"_s].toString(), u"degraded"_s);
    QVERIFY(webhooks[u"warnings"_s][0].toString().contains(u"webhooks.json"_s));
    QVERIFY(app.outputTail().contains("webhooks.json"));
    QVERIFY(app.terminate());
}

void TestWebhooks::concurrentRegistrations()
{
    AppProcess app(kBinary, m_dir->path());
    QVERIFY(startApp(app));
    constexpr int kClients = 16;
    constexpr int kEach = 25;
    // 16 connections at once: one QNetworkAccessManager per client, each sending in turn.
    std::vector<std::unique_ptr<QNetworkAccessManager>> clients;
    QHash<int, int> statuses;
    int done = 0;
    const QJsonObject body{{u"url"_s, u"http://127.0.0.1:9/x"_s},
                           {u"events"_s, QJsonArray{u"state_changed"_s}},
                           {u"secret"_s, kSecret}};
    std::function<void(QNetworkAccessManager *, int)> sendNext = [&](QNetworkAccessManager *client,
                                                                     int left) {
        if (left == 0)
            return;
        QNetworkRequest request(QUrl(app.apiUrl() + u"/api/v1/webhooks/register"_s));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        request.setRawHeader("Authorization", "Bearer " + kToken);
        QNetworkReply *reply = client->post(request, toJson(body));
        QObject::connect(reply, &QNetworkReply::finished, [&, reply, client, left] {
            ++statuses[reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()];
            ++done;
            reply->deleteLater();
            sendNext(client, left - 1);
        });
    };
    for (int i = 0; i < kClients; ++i) {
        clients.push_back(std::make_unique<QNetworkAccessManager>());
        sendNext(clients.back().get(), kEach);
    }
    QTRY_COMPARE_WITH_TIMEOUT(done, kClients * kEach, 30000);
    QCOMPARE(statuses.value(201), kClients * kEach);
    QCOMPARE(
        m_http->send("GET", u"/api/v1/webhooks/list"_s, {}, kHeaders).json()[u"count"_s].toInt(),
        kClients * kEach);
    QVERIFY(!app.outputTail().contains("database is locked"));
    QVERIFY(app.terminate());
}

QTEST_MAIN(TestWebhooks)
#include "tst_webhooks.moc"
