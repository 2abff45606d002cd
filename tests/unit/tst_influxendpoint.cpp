// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeseries/influxendpoint.h"

#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using hai::InfluxEndpoint;

class TestInfluxEndpoint : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void v1Write();
    void v2Write();
    void createDatabaseQuery();
    void urlWithoutCredentials();
};

namespace {

hai::InfluxOptions options(int api)
{
    hai::InfluxOptions o;
    o.url = QUrl(u"http://127.0.0.1:8086/"_s);
    o.api = api;
    o.database = u"home \"assistant\""_s;
    o.org = u"my org"_s;
    o.bucket = u"ha"_s;
    o.token = u"tok"_s;
    return o;
}

} // namespace

void TestInfluxEndpoint::v1Write()
{
    hai::InfluxOptions o = options(1);
    InfluxEndpoint plain(o);
    QNetworkRequest request = plain.writeRequest(false);
    QCOMPARE(request.url().path(), u"/write"_s);
    const QUrlQuery query(request.url());
    QCOMPARE(query.queryItemValue(u"db"_s, QUrl::FullyDecoded), u"home \"assistant\""_s);
    QCOMPARE(query.queryItemValue(u"precision"_s), u"u"_s);
    QVERIFY(!request.hasRawHeader("Authorization"));
    QVERIFY(!request.hasRawHeader("Content-Encoding"));

    o.username = u"me"_s;
    o.password = u"pw"_s;
    InfluxEndpoint withAuth(o);
    request = withAuth.writeRequest(true);
    QCOMPARE(request.rawHeader("Authorization"), "Basic " + QByteArray("me:pw").toBase64());
    QCOMPARE(request.rawHeader("Content-Encoding"), QByteArray("gzip"));
    QVERIFY(!request.url().toString().contains(u"pw"_s));
}

void TestInfluxEndpoint::v2Write()
{
    InfluxEndpoint endpoint(options(2));
    const QNetworkRequest request = endpoint.writeRequest(false);
    QCOMPARE(request.url().path(), u"/api/v2/write"_s);
    const QUrlQuery query(request.url());
    QCOMPARE(query.queryItemValue(u"org"_s, QUrl::FullyDecoded), u"my org"_s);
    QCOMPARE(query.queryItemValue(u"bucket"_s), u"ha"_s);
    QCOMPARE(query.queryItemValue(u"precision"_s), u"us"_s);
    QCOMPARE(request.rawHeader("Authorization"), QByteArray("Token tok"));

    // A reverse-proxy prefix is kept.
    hai::InfluxOptions o = options(2);
    o.url = QUrl(u"https://example.net/influx/"_s);
    QCOMPARE(InfluxEndpoint(o).writeRequest(false).url().path(), u"/influx/api/v2/write"_s);
}

void TestInfluxEndpoint::createDatabaseQuery()
{
    InfluxEndpoint endpoint(options(1));
    QCOMPARE(endpoint.createDatabaseRequest().url().path(), u"/query"_s);
    const QUrlQuery form(QString::fromUtf8(endpoint.createDatabaseBody()));
    QCOMPARE(form.queryItemValue(u"q"_s, QUrl::FullyDecoded),
             u"CREATE DATABASE \"home \\\"assistant\\\"\""_s);
}

void TestInfluxEndpoint::urlWithoutCredentials()
{
    hai::InfluxOptions o = options(1);
    o.url = QUrl(u"http://user:secret@db.local:8086/?u=a&p=secret"_s);
    InfluxEndpoint endpoint(o);
    QCOMPARE(endpoint.displayUrl(), u"http://db.local:8086/"_s);
    QVERIFY(!endpoint.writeRequest(false).url().toString().contains(u"secret"_s));
    QVERIFY(!endpoint.hasUrl() == false);
    endpoint.setUrl(QUrl());
    QVERIFY(!endpoint.hasUrl());
}

QTEST_GUILESS_MAIN(TestInfluxEndpoint)
#include "tst_influxendpoint.moc"
