// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeseries/influxhistoryquery.h"

#include <QNetworkReply>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using hai::HistoryRequest;
using hai::InfluxHistoryQuery;

class TestInfluxHistoryQuery : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quoting_data();
    void quoting();
    void bucketSeconds_data();
    void bucketSeconds();
    void homeIqQuery();
    void haQuery();
    void requestV1();
    void requestV2();
    void parse_data();
    void parse();
    void failures();
};

namespace {

hai::InfluxOptions influx(int api)
{
    hai::InfluxOptions o;
    o.url = QUrl(u"http://user:secret@127.0.0.1:8086/"_s);
    o.api = api;
    o.database = u"home_assistant"_s;
    o.bucket = u"ha bucket"_s;
    o.token = u"tok"_s;
    o.username = u"bob"_s;
    o.password = u"pw"_s;
    return o;
}

HistoryRequest request(const QString &entity)
{
    HistoryRequest r;
    r.entityId = entity;
    r.fromMs = 1767600000000;
    r.toMs = r.fromMs + 24 * 3600 * 1000;
    return r;
}

} // namespace

void TestInfluxHistoryQuery::quoting_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("identifier");
    QTest::addColumn<QString>("literal");
    QTest::newRow("plain") << u"sensor.t"_s << u"\"sensor.t\""_s << u"'sensor.t'"_s;
    QTest::newRow("quotes") << u"it's \"x\""_s << u"\"it's \\\"x\\\"\""_s << u"'it\\'s \"x\"'"_s;
    QTest::newRow("backslash") << u"a\\b"_s << u"\"a\\\\b\""_s << u"'a\\\\b'"_s;
    QTest::newRow("injection") << u"x' OR 1=1 --"_s << u"\"x' OR 1=1 --\""_s
                               << u"'x\\' OR 1=1 --'"_s;
}

void TestInfluxHistoryQuery::quoting()
{
    QFETCH(QString, raw);
    QFETCH(QString, identifier);
    QFETCH(QString, literal);
    QCOMPARE(InfluxHistoryQuery::quoteIdentifier(raw), identifier);
    QCOMPARE(InfluxHistoryQuery::quoteString(raw), literal);
}

void TestInfluxHistoryQuery::bucketSeconds_data()
{
    QTest::addColumn<qint64>("rangeSeconds");
    QTest::addColumn<qint64>("bucket");
    QTest::newRow("1 h") << qint64(3600) << qint64(4);     // 3.6 s rounds up
    QTest::newRow("24 h") << qint64(86400) << qint64(87);  // 86.4 s
    QTest::newRow("7 d") << qint64(604800) << qint64(605); // 604.8 s
    QTest::newRow("10 min") << qint64(600) << qint64(1);   // never below 1 s
    QTest::newRow("empty") << qint64(0) << qint64(1);
}

void TestInfluxHistoryQuery::bucketSeconds()
{
    QFETCH(qint64, rangeSeconds);
    QFETCH(qint64, bucket);
    QCOMPARE(InfluxHistoryQuery::bucketSeconds(0, rangeSeconds * 1000, 1000), bucket);
    if (rangeSeconds >= 1000)
        QVERIFY(rangeSeconds / bucket <= 1000);
}

void TestInfluxHistoryQuery::homeIqQuery()
{
    InfluxHistoryQuery query(influx(1), hai::MappingOptions{});
    QCOMPARE(query.influxQl(request(u"sensor.o'neil"_s)),
             u"SELECT mean(\"normalized_value\") FROM \"home_assistant_events\" WHERE "
             u"\"entity_id\" = 'sensor.o\\'neil' AND time >= 1767600000000ms AND "
             u"time < 1767686400000ms GROUP BY time(87s) fill(none)"_s);
    hai::MappingOptions custom;
    custom.measurement = u"my \"m\""_s;
    QVERIFY(InfluxHistoryQuery(influx(1), custom)
                .influxQl(request(u"sensor.t"_s))
                .contains(u"FROM \"my \\\"m\\\"\" WHERE"_s));
}

void TestInfluxHistoryQuery::haQuery()
{
    hai::MappingOptions ha;
    ha.schema = hai::PointSchema::Ha;
    InfluxHistoryQuery query(influx(1), ha);
    HistoryRequest r = request(u"sensor.kitchen_temp"_s);
    QCOMPARE(query.influxQl(r),
             u"SELECT mean(\"value\") FROM \"sensor.kitchen_temp\" WHERE \"entity_id\" = "
             u"'kitchen_temp' AND \"domain\" = 'sensor' AND time >= 1767600000000ms AND "
             u"time < 1767686400000ms GROUP BY time(87s) fill(none)"_s);
    r.unit = u"°C"_s;
    QVERIFY(query.influxQl(r).startsWith(u"SELECT mean(\"value\") FROM \"°C\" WHERE"_s));
}

void TestInfluxHistoryQuery::requestV1()
{
    InfluxHistoryQuery query(influx(1), hai::MappingOptions{});
    const QNetworkRequest net = query.networkRequest();
    QCOMPARE(net.url(), QUrl(u"http://127.0.0.1:8086/query"_s)); // no credentials in the URL
    QCOMPARE(net.rawHeader("Authorization"), "Basic " + QByteArray("bob:pw").toBase64());
    const QUrlQuery body(QString::fromLatin1(query.body(request(u"sensor.a+b;c&d"_s))));
    QCOMPARE(body.queryItemValue(u"db"_s, QUrl::FullyDecoded), u"home_assistant"_s);
    QCOMPARE(body.queryItemValue(u"epoch"_s), u"ms"_s);
    QVERIFY(body.queryItemValue(u"q"_s, QUrl::FullyDecoded)
                .contains(u"\"entity_id\" = 'sensor.a+b;c&d'"_s));
}

void TestInfluxHistoryQuery::requestV2()
{
    InfluxHistoryQuery query(influx(2), hai::MappingOptions{});
    QCOMPARE(query.networkRequest().rawHeader("Authorization"), "Token tok");
    const QUrlQuery body(QString::fromLatin1(query.body(request(u"sensor.t"_s))));
    QCOMPARE(body.queryItemValue(u"db"_s, QUrl::FullyDecoded), u"ha bucket"_s);
}

// Answers captured from influxd 1.6.7 for the queries above.
void TestInfluxHistoryQuery::parse_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QList<QPointF>>("points");
    QTest::addColumn<QString>("error");
    QTest::newRow("series")
        << QByteArray(R"({"results":[{"statement_id":0,"series":[{"name":"home_assistant_events",)"
                      R"("columns":["time","mean"],"values":[[1767600000000,21],)"
                      R"([1767600060000,30]]}]}]})")
        << QList<QPointF>{{1767600000000.0, 21}, {1767600060000.0, 30}} << QString();
    QTest::newRow("no data") << QByteArray(R"({"results":[{"statement_id":0}]})")
                             << QList<QPointF>{} << QString();
    QTest::newRow("null mean")
        << QByteArray(R"({"results":[{"statement_id":0,"series":[{"name":"m","columns":)"
                      R"(["time","mean"],"values":[[1,null],[2,2.5]]}]}]})")
        << QList<QPointF>{{2, 2.5}} << QString();
    QTest::newRow("no database")
        << QByteArray(R"({"results":[{"statement_id":0,"error":"database not found: nodb"}]})")
        << QList<QPointF>{} << u"InfluxDB refused the query: database not found: nodb"_s;
    QTest::newRow("bad query")
        << QByteArray(R"({"error":"error parsing query: found WHERE, expected identifier at )"
                      R"(line 1, char 38"})")
        << QList<QPointF>{}
        << u"InfluxDB refused the query: error parsing query: found WHERE, expected "
           u"identifier at line 1, char 38"_s;
}

void TestInfluxHistoryQuery::parse()
{
    QFETCH(QByteArray, json);
    QFETCH(QList<QPointF>, points);
    QFETCH(QString, error);
    const hai::HistoryResult result = InfluxHistoryQuery::parse(json);
    QCOMPARE(result.error, error);
    QCOMPARE(result.points, points);
    QVERIFY(!InfluxHistoryQuery::parse("<html>").error.isEmpty());
}

void TestInfluxHistoryQuery::failures()
{
    InfluxHistoryQuery v1(influx(1), hai::MappingOptions{});
    QCOMPARE(v1.describeFailure(QNetworkReply::ConnectionRefusedError, 0, {}),
             u"InfluxDB is unreachable at http://127.0.0.1:8086/"_s);
    QCOMPARE(v1.describeFailure(QNetworkReply::AuthenticationRequiredError, 401, {}),
             u"InfluxDB refused the credentials (401)"_s);
    InfluxHistoryQuery v2(influx(2), hai::MappingOptions{});
    QCOMPARE(v2.describeFailure(QNetworkReply::AuthenticationRequiredError, 401, {}),
             u"InfluxDB refused the token (401)"_s);
    QCOMPARE(v1.describeFailure(QNetworkReply::ProtocolInvalidOperationError, 400,
                                R"({"error":"error parsing query"})"),
             u"InfluxDB refused the query: error parsing query (400)"_s);
}

QTEST_GUILESS_MAIN(TestInfluxHistoryQuery)
#include "tst_influxhistoryquery.moc"
