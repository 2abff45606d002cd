// SPDX-License-Identifier: GPL-3.0-or-later
// The webhook routes over real HTTP on a real SQLite store: auth, validation (422 naming the
// field), the register/list/get/edit/delete cycle, masking and the delivery log's parameters.
// Delivery itself (test pings, redeliver) is covered end to end in tst_webhooks.
#include "apitestbed.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hai::test;

namespace {
const QString kSecret = u"s3cret-that-is-long-enough"_s;

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject validBody()
{
    return {{u"url"_s, u"http://127.0.0.1:9/hook"_s},
            {u"events"_s, QJsonArray{u"state_changed"_s}},
            {u"secret"_s, kSecret}};
}
} // namespace

class TestWebhooksController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { m_bed.start(); }
    void cleanupTestCase() { m_bed.stop(); }
    void everyRouteNeedsTheToken_data();
    void everyRouteNeedsTheToken();
    void registerValidation_data();
    void registerValidation();
    void registerListGetEditDelete();
    void patchKeepsTheRest();
    void deliveryLogParameters();
    void deliveryRoutesWithoutDispatcher();

private:
    HttpClient::Reply send(const QByteArray &method, const QString &path,
                           const QByteArray &body = {})
    {
        return m_bed.http->send(method, path, body, kAuthJson);
    }
    int listed() { return send("GET", u"/api/v1/webhooks/list"_s).json()[u"count"_s].toInt(); }
    QString registerOne(const QJsonObject &body)
    {
        const auto reply = send("POST", u"/api/v1/webhooks/register"_s, json(body));
        if (reply.status != 201)
            qWarning("register: %d %s", reply.status, reply.body.constData());
        return reply.json().object().value(u"webhook_id"_s).toString();
    }

    ApiTestbed m_bed;
};

void TestWebhooksController::everyRouteNeedsTheToken_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::newRow("register") << QByteArray("POST") << u"/api/v1/webhooks/register"_s;
    QTest::newRow("list") << QByteArray("GET") << u"/api/v1/webhooks/list"_s;
    QTest::newRow("get") << QByteArray("GET") << u"/api/v1/webhooks/x"_s;
    QTest::newRow("put") << QByteArray("PUT") << u"/api/v1/webhooks/x"_s;
    QTest::newRow("patch") << QByteArray("PATCH") << u"/api/v1/webhooks/x"_s;
    QTest::newRow("delete") << QByteArray("DELETE") << u"/api/v1/webhooks/x"_s;
    QTest::newRow("test") << QByteArray("POST") << u"/api/v1/webhooks/x/test"_s;
    QTest::newRow("deliveries") << QByteArray("GET") << u"/api/v1/webhooks/x/deliveries"_s;
    QTest::newRow("redeliver") << QByteArray("POST")
                               << u"/api/v1/webhooks/deliveries/y/redeliver"_s;
}

void TestWebhooksController::everyRouteNeedsTheToken()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    const auto none =
        m_bed.http->send(method, path, json(validBody()), {{"content-type", "application/json"}});
    QCOMPARE(none.status, 401);
    const auto wrong = m_bed.http->send(
        method, path, json(validBody()),
        {{"content-type", "application/json"}, {"authorization", "Bearer wrong-token"}});
    QCOMPARE(wrong.status, 401);
}

void TestWebhooksController::registerValidation_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");
    const auto with = [](const QString &key, const QJsonValue &value) {
        QJsonObject body = validBody();
        if (value.isUndefined())
            body.remove(key);
        else
            body.insert(key, value);
        return body;
    };
    QTest::newRow("url missing") << with(u"url"_s, QJsonValue::Undefined) << u"url"_s;
    QTest::newRow("url ftp") << with(u"url"_s, u"ftp://host/x"_s) << u"url"_s;
    QTest::newRow("url no host") << with(u"url"_s, u"http:///x"_s) << u"url"_s;
    QTest::newRow("url not text") << with(u"url"_s, 5) << u"url"_s;
    QTest::newRow("secret missing") << with(u"secret"_s, QJsonValue::Undefined) << u"secret"_s;
    QTest::newRow("secret short") << with(u"secret"_s, u"fifteen-chars.."_s) << u"secret"_s;
    QTest::newRow("events missing") << with(u"events"_s, QJsonValue::Undefined) << u"events"_s;
    QTest::newRow("events empty") << with(u"events"_s, QJsonArray{}) << u"events"_s;
    QTest::newRow("events not a list") << with(u"events"_s, u"state_changed"_s) << u"events"_s;
    QTest::newRow("event unknown")
        << with(u"events"_s, QJsonArray{u"state_changed"_s, u"door_opened"_s}) << u"events[1]"_s;
    QTest::newRow("name too long") << with(u"name"_s, QString(201, u'n')) << u"name"_s;
    QTest::newRow("unknown field") << with(u"team"_s, u"ops"_s) << u"team"_s;
    QTest::newRow("filter not object") << with(u"filter"_s, QJsonArray{}) << u"filter"_s;
    QTest::newRow("filter unknown key")
        << with(u"filter"_s, QJsonObject{{u"colour"_s, u"red"_s}}) << u"filter.colour"_s;
    QTest::newRow("filter bad glob")
        << with(u"filter"_s, QJsonObject{{u"entity_ids"_s, QJsonArray{u"Sensor/*"_s}}})
        << u"filter.entity_ids[0]"_s;
    QTest::newRow("filter numeric not a number")
        << with(u"filter"_s, QJsonObject{{u"numeric_above"_s, u"20"_s}})
        << u"filter.numeric_above"_s;
}

void TestWebhooksController::registerValidation()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);
    const int before = listed();
    const auto reply = send("POST", u"/api/v1/webhooks/register"_s, json(body));
    QCOMPARE(reply.status, 422);
    const QJsonObject error = reply.json().object().value(u"error"_s).toObject();
    QCOMPARE(error.value(u"code"_s).toString(), u"validation_failed"_s);
    QStringList fields;
    for (const QJsonValue entry : error.value(u"fields"_s).toArray())
        fields << entry[u"field"_s].toString();
    QVERIFY2(fields.contains(field), qPrintable(fields.join(u", "_s)));
    QVERIFY(!error.value(u"message"_s).toString().isEmpty());
    QCOMPARE(listed(), before);
}

void TestWebhooksController::registerListGetEditDelete()
{
    QJsonObject body = validBody();
    body.insert(u"name"_s, u"Kitchen"_s);
    body.insert(u"filter"_s, QJsonObject{{u"domains"_s, QJsonArray{u"light"_s}}});
    const auto created = send("POST", u"/api/v1/webhooks/register"_s, json(body));
    QCOMPARE(created.status, 201);
    const QJsonObject webhook = created.json().object();
    const QString id = webhook.value(u"webhook_id"_s).toString();
    QCOMPARE(id.size(), 36);
    QCOMPARE(webhook.value(u"name"_s).toString(), u"Kitchen"_s);
    QCOMPARE(webhook.value(u"url"_s).toString(), u"http://127.0.0.1:9/hook"_s);
    QCOMPARE(webhook.value(u"filter"_s)[u"domains"_s][0].toString(), u"light"_s);
    QVERIFY(!webhook.contains(u"secret"_s) || webhook.value(u"secret"_s) == u"***"_s);
    QVERIFY(!created.body.contains(kSecret.toUtf8()));

    const auto list = send("GET", u"/api/v1/webhooks/list"_s);
    QCOMPARE(list.status, 200);
    QVERIFY(!list.body.contains(kSecret.toUtf8()));
    bool listed = false;
    for (const QJsonValue entry : list.json()[u"webhooks"_s].toArray()) {
        if (entry[u"webhook_id"_s] != id)
            continue;
        listed = true;
        QCOMPARE(entry[u"secret"_s].toString(), u"***"_s);
        QCOMPARE(entry[u"stats"_s][u"delivered"_s].toInt(), 0);
    }
    QVERIFY(listed);

    const auto got = send("GET", u"/api/v1/webhooks/"_s + id);
    QCOMPARE(got.status, 200);
    QCOMPARE(got.json()[u"name"_s].toString(), u"Kitchen"_s);
    QVERIFY(!got.body.contains(kSecret.toUtf8()));

    QJsonObject replacement = validBody();
    replacement.insert(u"url"_s, u"https://example.invalid/new"_s);
    const auto put = send("PUT", u"/api/v1/webhooks/"_s + id, json(replacement));
    QCOMPARE(put.status, 200);
    QCOMPARE(put.json()[u"url"_s].toString(), u"https://example.invalid/new"_s);
    QCOMPARE(put.json()[u"name"_s].toString(), u"example.invalid"_s); // PUT resets the name
    QVERIFY(put.json()[u"filter"_s].toObject().isEmpty());

    const auto badPut = send("PUT", u"/api/v1/webhooks/"_s + id, json({{u"name"_s, u"x"_s}}));
    QCOMPARE(badPut.status, 422);

    QCOMPARE(send("DELETE", u"/api/v1/webhooks/"_s + id).status, 204);
    QCOMPARE(send("DELETE", u"/api/v1/webhooks/"_s + id).status, 404);
    QCOMPARE(send("GET", u"/api/v1/webhooks/"_s + id).status, 404);
    QCOMPARE(send("PUT", u"/api/v1/webhooks/"_s + id, json(validBody())).status, 404);
    QCOMPARE(send("PATCH", u"/api/v1/webhooks/"_s + id, json({{u"enabled"_s, false}})).status, 404);
}

void TestWebhooksController::patchKeepsTheRest()
{
    QJsonObject body = validBody();
    body.insert(u"name"_s, u"Patched"_s);
    const QString id = registerOne(body);
    QVERIFY(!id.isEmpty());
    const auto disabled = send("PATCH", u"/api/v1/webhooks/"_s + id, json({{u"enabled"_s, false}}));
    QCOMPARE(disabled.status, 200);
    QCOMPARE(disabled.json()[u"enabled"_s].toBool(), false);
    QCOMPARE(disabled.json()[u"name"_s].toString(), u"Patched"_s);
    QCOMPARE(disabled.json()[u"url"_s].toString(), u"http://127.0.0.1:9/hook"_s);

    const auto renamed = send("PATCH", u"/api/v1/webhooks/"_s + id,
                              json({{u"name"_s, u"Renamed"_s}, {u"enabled"_s, true}}));
    QCOMPARE(renamed.status, 200);
    QCOMPARE(renamed.json()[u"name"_s].toString(), u"Renamed"_s);
    QCOMPARE(renamed.json()[u"enabled"_s].toBool(), true);

    const auto bad = send("PATCH", u"/api/v1/webhooks/"_s + id, json({{u"secret"_s, u"short"_s}}));
    QCOMPARE(bad.status, 422);
    QCOMPARE(bad.json()[u"error"_s][u"fields"_s][0][u"field"_s].toString(), u"secret"_s);
    QCOMPARE(send("PATCH", u"/api/v1/webhooks/"_s + id, "[1]").status, 422);
}

void TestWebhooksController::deliveryLogParameters()
{
    const QString id = registerOne(validBody());
    const auto empty = send("GET", u"/api/v1/webhooks/%1/deliveries"_s.arg(id));
    QCOMPARE(empty.status, 200);
    QCOMPARE(empty.json()[u"total"_s].toInt(), 0);
    QCOMPARE(empty.json()[u"deliveries"_s].toArray().size(), 0);
    QCOMPARE(
        send("GET", u"/api/v1/webhooks/%1/deliveries?status=pending&limit=5&offset=0"_s.arg(id))
            .status,
        200);
    QCOMPARE(send("GET", u"/api/v1/webhooks/%1/deliveries?status=lost"_s.arg(id)).status, 400);
    QCOMPARE(send("GET", u"/api/v1/webhooks/%1/deliveries?limit=0"_s.arg(id)).status, 400);
    QCOMPARE(send("GET", u"/api/v1/webhooks/%1/deliveries?offset=-1"_s.arg(id)).status, 400);
    QCOMPARE(send("GET", u"/api/v1/webhooks/%1/deliveries?sort=x"_s.arg(id)).status, 400);
    QCOMPARE(send("GET", u"/api/v1/webhooks/nope/deliveries"_s).status, 404);
}

void TestWebhooksController::deliveryRoutesWithoutDispatcher()
{
    const QString id = registerOne(validBody());
    QCOMPARE(send("POST", u"/api/v1/webhooks/%1/test"_s.arg(id)).status, 503);
    QCOMPARE(send("POST", u"/api/v1/webhooks/deliveries/none/redeliver"_s).status, 503);
}

QTEST_MAIN(TestWebhooksController)
#include "tst_webhookscontroller.moc"
