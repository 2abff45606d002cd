// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/router.h"

#include <QTest>

using namespace Qt::StringLiterals;
using hai::Router;

class TestRouter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void match_data();
    void match();
    void capturesParameters();

private:
    Router m_router;
};

void TestRouter::init()
{
    m_router = Router();
    const auto handler = [](const hai::ApiRequest &) { return hai::ApiResponse::noContent(); };
    m_router.add({"GET", u"/api/devices"_s, handler});
    m_router.add({"POST", u"/api/devices"_s, handler});
    m_router.add({"GET", u"/api/devices/{device_id}"_s, handler});
    m_router.add({"GET", u"/api/v1/webhooks/list"_s, handler});
    m_router.add({"GET", u"/api/v1/webhooks/{id}"_s, handler});
    m_router.add({"DELETE", u"/api/v1/webhooks/{id}"_s, handler});
}

void TestRouter::match_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QStringList>("allowed");

    const int found = int(Router::MatchKind::Found);
    const int notAllowed = int(Router::MatchKind::MethodNotAllowed);
    const int notFound = int(Router::MatchKind::NotFound);
    QTest::newRow("list") << QByteArray("GET") << u"/api/devices"_s << found << u"/api/devices"_s
                          << QStringList{u"GET"_s, u"POST"_s};
    QTest::newRow("trailing slash") << QByteArray("GET") << u"/api/devices/"_s << found
                                    << u"/api/devices"_s << QStringList{u"GET"_s, u"POST"_s};
    QTest::newRow("post") << QByteArray("POST") << u"/api/devices"_s << found << u"/api/devices"_s
                          << QStringList{u"GET"_s, u"POST"_s};
    QTest::newRow("405") << QByteArray("DELETE") << u"/api/devices"_s << notAllowed << QString()
                         << QStringList{u"GET"_s, u"POST"_s};
    QTest::newRow("param") << QByteArray("GET") << u"/api/devices/abc"_s << found
                           << u"/api/devices/{device_id}"_s << QStringList{u"GET"_s};
    QTest::newRow("too deep") << QByteArray("GET") << u"/api/devices/abc/x"_s << notFound
                              << QString() << QStringList{};
    QTest::newRow("unknown") << QByteArray("GET") << u"/nope"_s << notFound << QString()
                             << QStringList{};
    QTest::newRow("literal before param")
        << QByteArray("GET") << u"/api/v1/webhooks/list"_s << found << u"/api/v1/webhooks/list"_s
        << QStringList{u"GET"_s, u"DELETE"_s};
    QTest::newRow("param delete") << QByteArray("DELETE") << u"/api/v1/webhooks/abc"_s << found
                                  << u"/api/v1/webhooks/{id}"_s
                                  << QStringList{u"GET"_s, u"DELETE"_s};
}

void TestRouter::match()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(int, kind);
    QFETCH(QString, pattern);
    QFETCH(QStringList, allowed);
    const Router::Match result = m_router.match(method, path);
    QCOMPARE(int(result.kind), kind);
    if (kind == int(Router::MatchKind::Found))
        QCOMPARE(result.route->pattern, pattern);
    QCOMPARE(result.allowedMethods, allowed);
}

void TestRouter::capturesParameters()
{
    const auto result = m_router.match("GET", u"/api/devices/sensor.kitchen"_s);
    QCOMPARE(result.params.value(u"device_id"_s), u"sensor.kitchen"_s);
}

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_router.moc"
