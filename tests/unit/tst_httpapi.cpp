// SPDX-License-Identifier: GPL-3.0-or-later
// The request pipeline over real HTTP: errors, auth, body limits, CORS, OpenAPI, metrics, health.
#include "apitestbed.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hai::test;

class TestHttpApi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { m_bed.start(); }
    void cleanupTestCase() { m_bed.stop(); }
    void health();
    void errorStatuses_data();
    void errorStatuses();
    void authRequired_data();
    void authRequired();
    void oversizedBody();
    void preferences();
    void cors();
    void openApiMatchesRouteTable();
    void metrics();

private:
    ApiTestbed m_bed;
};

void TestHttpApi::health()
{
    const QJsonObject health = m_bed.getJson(u"/health"_s);
    QCOMPARE(health.value(u"status"_s).toString(), u"healthy"_s);
    const QJsonObject sqlite =
        health.value(u"dependencies"_s).toObject().value(u"sqlite"_s).toObject();
    QCOMPARE(sqlite.value(u"status"_s).toString(), u"healthy"_s);
    QCOMPARE(sqlite.value(u"journal_mode"_s).toString(), u"wal"_s);
    QCOMPARE(sqlite.value(u"wal_enabled"_s).toBool(), true);
    QVERIFY(sqlite.value(u"database_size_mb"_s).toDouble() > 0);
}

void TestHttpApi::errorStatuses_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    QTest::newRow("unknown route") << QByteArray("GET") << u"/api/nothing"_s << QByteArray()
                                   << QByteArray() << 404 << u"not_found"_s;
    QTest::newRow("method not allowed") << QByteArray("DELETE") << u"/api/devices"_s << QByteArray()
                                        << QByteArray() << 405 << u"method_not_allowed"_s;
    QTest::newRow("put on lookup")
        << QByteArray("PUT") << u"/api/entities/sun.sun"_s << QByteArray() << QByteArray() << 405
        << u"method_not_allowed"_s;
    QTest::newRow("bad limit") << QByteArray("GET") << u"/api/devices?limit=abc"_s << QByteArray()
                               << QByteArray() << 400 << u"bad_request"_s;
    QTest::newRow("zero limit") << QByteArray("GET") << u"/api/devices?limit=0"_s << QByteArray()
                                << QByteArray() << 400 << u"bad_request"_s;
    QTest::newRow("negative offset") << QByteArray("GET") << u"/api/entities?offset=-1"_s
                                     << QByteArray() << QByteArray() << 400 << u"bad_request"_s;
    QTest::newRow("unknown filter") << QByteArray("GET") << u"/api/devices?areaid=x"_s
                                    << QByteArray() << QByteArray() << 400 << u"bad_request"_s;
    QTest::newRow("malformed json")
        << QByteArray("POST") << u"/internal/devices/bulk_upsert"_s << QByteArray("{\"devices\": [")
        << QByteArray("application/json") << 400 << u"bad_json"_s;
    QTest::newRow("not json") << QByteArray("POST") << u"/internal/devices/bulk_upsert"_s
                              << QByteArray("a=b")
                              << QByteArray("application/x-www-form-urlencoded") << 415
                              << u"unsupported_media_type"_s;
    QTest::newRow("wrong shape") << QByteArray("POST") << u"/internal/entities/bulk_upsert"_s
                                 << QByteArray("{\"devices\":[]}") << QByteArray("application/json")
                                 << 400 << u"bad_request"_s;
    QTest::newRow("wrong field type") << QByteArray("POST") << u"/internal/devices/bulk_upsert"_s
                                      << QByteArray("[{\"id\":\"dx\",\"name\":5}]")
                                      << QByteArray("application/json") << 400 << u"bad_request"_s;
    QTest::newRow("device not object")
        << QByteArray("POST") << u"/api/devices"_s << QByteArray("[1]")
        << QByteArray("application/json") << 400 << u"bad_request"_s;
    QTest::newRow("prefs not object")
        << QByteArray("PUT") << u"/api/user/preferences"_s << QByteArray("[1]")
        << QByteArray("application/json") << 400 << u"bad_request"_s;
}

void TestHttpApi::errorStatuses()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    QFETCH(QString, code);
    QHash<QByteArray, QByteArray> headers{{"authorization", "Bearer " + kApiToken}};
    if (!contentType.isEmpty())
        headers.insert("content-type", contentType);
    const auto reply = m_bed.http->send(method, path, body, headers);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.errorCode(), code);
    QVERIFY(!reply.json()
                 .object()
                 .value(u"error"_s)
                 .toObject()
                 .value(u"message"_s)
                 .toString()
                 .isEmpty());
    if (status == 405)
        QVERIFY(reply.headers.contains("allow"));
}

void TestHttpApi::authRequired_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("authorization");
    const QList<QPair<QByteArray, QString>> routes = {{"POST", u"/api/devices"_s},
                                                      {"POST", u"/internal/devices/bulk_upsert"_s},
                                                      {"POST", u"/internal/entities/bulk_upsert"_s},
                                                      {"GET", u"/api/user/preferences"_s},
                                                      {"PUT", u"/api/user/preferences"_s}};
    for (const auto &route : routes) {
        const QByteArray name = route.first + ' ' + route.second.toLatin1();
        QTest::newRow(QByteArray(name + " none").constData())
            << route.first << route.second << QByteArray();
        QTest::newRow(QByteArray(name + " wrong").constData())
            << route.first << route.second << QByteArray("Bearer wrong-token");
        QTest::newRow(QByteArray(name + " prefix").constData())
            << route.first << route.second << QByteArray("Bearer " + kApiToken.left(10));
        QTest::newRow(QByteArray(name + " basic").constData())
            << route.first << route.second << QByteArray("Basic " + kApiToken);
    }
}

void TestHttpApi::authRequired()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, authorization);
    QHash<QByteArray, QByteArray> headers{{"content-type", "application/json"}};
    if (!authorization.isEmpty())
        headers.insert("authorization", authorization);
    const auto reply = m_bed.http->send(method, path, "[]", headers);
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.errorCode(), u"unauthorized"_s);
}

void TestHttpApi::oversizedBody()
{
    QByteArray body = "[";
    body.append(QByteArray(hai::HttpApi::kMaxBodyBytes + 16, ' '));
    body.append("]");
    const auto reply =
        m_bed.http->send("POST", u"/internal/devices/bulk_upsert"_s, body, kAuthJson, 60000);
    QCOMPARE(reply.status, 413);
    QCOMPARE(reply.errorCode(), u"payload_too_large"_s);
    QCOMPARE(m_bed.getJson(u"/api/devices"_s).value(u"total"_s).toInt(), 5);
}

void TestHttpApi::preferences()
{
    const QHash<QByteArray, QByteArray> auth{{"authorization", "Bearer " + kApiToken}};
    auto reply = m_bed.http->send("GET", u"/api/user/preferences"_s, {}, auth);
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.json().object().value(u"preferences"_s).toObject().isEmpty());

    const QByteArray prefs = R"({"theme":"dark","favourites":["light.kitchen"],"page_size":50})";
    reply = m_bed.http->send("PUT", u"/api/user/preferences"_s, prefs, kAuthJson);
    QCOMPARE(reply.status, 200);
    reply = m_bed.http->send("GET", u"/api/user/preferences"_s, {}, auth);
    const QJsonObject stored = reply.json().object().value(u"preferences"_s).toObject();
    QCOMPARE(stored.value(u"theme"_s).toString(), u"dark"_s);
    QCOMPARE(stored.value(u"favourites"_s).toArray().size(), 1);
    QCOMPARE(stored.value(u"page_size"_s).toInt(), 50);
}

void TestHttpApi::cors()
{
    auto reply =
        m_bed.http->send("GET", u"/api/areas"_s, {}, {{"origin", "http://dash.local:3000"}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.headers.value("access-control-allow-origin"),
             QByteArray("http://dash.local:3000"));

    reply = m_bed.http->send("GET", u"/api/areas"_s, {}, {{"origin", "http://evil.example"}});
    QCOMPARE(reply.status, 200);
    QVERIFY(!reply.headers.contains("access-control-allow-origin"));

    reply = m_bed.http->send(
        "OPTIONS", u"/internal/devices/bulk_upsert"_s, {},
        {{"origin", "http://dash.local:3000"}, {"access-control-request-method", "POST"}});
    QCOMPARE(reply.status, 204);
    QCOMPARE(reply.headers.value("access-control-allow-origin"),
             QByteArray("http://dash.local:3000"));
    QVERIFY(reply.headers.value("access-control-allow-methods").contains("POST"));
    QVERIFY(reply.headers.value("access-control-allow-headers").contains("Authorization"));

    reply =
        m_bed.http->send("OPTIONS", u"/api/unknown"_s, {}, {{"origin", "http://dash.local:3000"}});
    QCOMPARE(reply.status, 404);
}

void TestHttpApi::openApiMatchesRouteTable()
{
    const QJsonObject doc = m_bed.getJson(u"/api/openapi.json"_s);
    QVERIFY(doc.value(u"openapi"_s).toString().startsWith(u"3."_s));
    const QJsonObject paths = doc.value(u"paths"_s).toObject();

    // Every route is documented...
    int operations = 0;
    for (const hai::Route &route : m_bed.api->router().routes()) {
        const QJsonObject op = paths.value(route.pattern)
                                   .toObject()
                                   .value(QString::fromLatin1(route.method).toLower())
                                   .toObject();
        QVERIFY2(!op.isEmpty(), qPrintable(route.pattern));
        QVERIFY(!op.value(u"summary"_s).toString().isEmpty());
        QVERIFY(op.value(u"responses"_s).toObject().contains(QString::number(route.successStatus)));
        QCOMPARE(op.contains(u"security"_s), route.requiresAuth);
        ++operations;
    }
    // ...and every documented operation is served (not 404/405), with its path parameters declared.
    int documented = 0;
    static const QRegularExpression placeholder(u"\\{([a-z_]+)\\}"_s);
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        const QJsonObject item = it.value().toObject();
        for (auto op = item.begin(); op != item.end(); ++op) {
            ++documented;
            QStringList declared;
            for (const QJsonValue &p : op.value().toObject().value(u"parameters"_s).toArray()) {
                if (p.toObject().value(u"in"_s).toString() == u"path"_s)
                    declared << p.toObject().value(u"name"_s).toString();
            }
            auto match = placeholder.globalMatch(it.key());
            while (match.hasNext())
                QVERIFY2(declared.contains(match.next().captured(1)), qPrintable(it.key()));
            const QString concrete = QString(it.key()).replace(placeholder, u"x"_s);
            const auto reply = m_bed.http->send(op.key().toUpper().toLatin1(), concrete, "{}",
                                                {{"content-type", "application/json"}});
            QVERIFY2(reply.errorCode() != u"method_not_allowed"_s, qPrintable(it.key()));
            QVERIFY2(!(reply.status == 404 && reply.json()
                                                  .object()
                                                  .value(u"error"_s)
                                                  .toObject()
                                                  .value(u"message"_s)
                                                  .toString()
                                                  .startsWith(u"no route"_s)),
                     qPrintable(it.key()));
        }
    }
    QCOMPARE(documented, operations);
}

void TestHttpApi::metrics()
{
    m_bed.getJson(u"/api/devices/d1"_s);
    const auto reply = m_bed.http->get(u"/metrics"_s);
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.headers.value("content-type").startsWith("text/plain"));
    QVERIFY(reply.body.contains(R"(hai_registry_items{registry="devices"} 5)"));
    QVERIFY(reply.body.contains(R"(hai_registry_items{registry="entities"} 9)"));
    QVERIFY(reply.body.contains(
        R"(hai_http_requests_total{route="/api/devices/{device_id}",method="GET",status="200"})"));
    QVERIFY(reply.body.contains("hai_http_request_duration_seconds_bucket{"));
}

QTEST_GUILESS_MAIN(TestHttpApi)
#include "tst_httpapi.moc"
