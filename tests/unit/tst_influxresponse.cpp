// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeseries/influxendpoint.h"
#include "timeseries/influxresponse.h"

#include <QLocale>
#include <QTest>

using namespace Qt::StringLiterals;
using hai::InfluxErrorKind;
using hai::InfluxResponse;

class TestInfluxResponse : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void classify_data();
    void classify();
    void retryAfter();
    void queryError();
    void describeNamesTheProblem_data();
    void describeNamesTheProblem();
};

void TestInfluxResponse::classify_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("networkError");
    QTest::addColumn<bool>("timedOut");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("message");

    const int none = int(QNetworkReply::NoError);
    QTest::newRow("204") << 204 << none << false << QByteArray() << QByteArray()
                         << int(InfluxErrorKind::None) << QString();
    QTest::newRow("refused") << 0 << int(QNetworkReply::ConnectionRefusedError) << false
                             << QByteArray() << QByteArray() << int(InfluxErrorKind::Network)
                             << u"connection refused"_s;
    QTest::newRow("timeout") << 0 << int(QNetworkReply::OperationCanceledError) << true
                             << QByteArray() << QByteArray() << int(InfluxErrorKind::Timeout)
                             << u"no answer in time"_s;
    QTest::newRow("v1 field conflict")
        << 400 << none << false
        << QByteArray(R"({"error":"partial write: field type conflict: input field \"f\""})")
        << QByteArray() << int(InfluxErrorKind::BadData)
        << u"partial write: field type conflict: input field \"f\""_s;
    QTest::newRow("v2 422") << 422 << none << false
                            << QByteArray(R"({"code":"unprocessable entity","message":"bad"})")
                            << QByteArray() << int(InfluxErrorKind::BadData) << u"bad"_s;
    QTest::newRow("413") << 413 << none << false << QByteArray("too big") << QByteArray()
                         << int(InfluxErrorKind::BadData) << u"too big"_s;
    QTest::newRow("401") << 401 << none << false
                         << QByteArray(R"({"error":"authorization failed"})") << QByteArray()
                         << int(InfluxErrorKind::Auth) << u"authorization failed"_s;
    QTest::newRow("403") << 403 << none << false << QByteArray() << QByteArray()
                         << int(InfluxErrorKind::Auth) << QString();
    QTest::newRow("404 database") << 404 << none << false
                                  << QByteArray(R"({"error":"database not found: \"x\""})")
                                  << QByteArray() << int(InfluxErrorKind::NotFound)
                                  << u"database not found: \"x\""_s;
    QTest::newRow("429") << 429 << none << false << QByteArray() << QByteArray("7")
                         << int(InfluxErrorKind::RateLimited) << QString();
    QTest::newRow("503 with Retry-After") << 503 << none << false << QByteArray() << QByteArray("3")
                                          << int(InfluxErrorKind::RateLimited) << QString();
    QTest::newRow("503 without") << 503 << none << false << QByteArray() << QByteArray()
                                 << int(InfluxErrorKind::ServerError) << QString();
    QTest::newRow("500") << 500 << none << false
                         << QByteArray(R"({"error":"retention policy not found: x"})")
                         << QByteArray() << int(InfluxErrorKind::ServerError)
                         << u"retention policy not found: x"_s;
    QTest::newRow("405") << 405 << none << false << QByteArray("nope") << QByteArray()
                         << int(InfluxErrorKind::NotFound) << u"nope"_s;
}

void TestInfluxResponse::classify()
{
    QFETCH(int, status);
    QFETCH(int, networkError);
    QFETCH(bool, timedOut);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, retryAfter);
    QFETCH(int, kind);
    QFETCH(QString, message);
    const InfluxResponse response = InfluxResponse::classify(
        status, QNetworkReply::NetworkError(networkError), timedOut, body, retryAfter);
    QCOMPARE(int(response.kind), kind);
    QCOMPARE(response.message, message);
    QCOMPARE(response.databaseMissing, body.contains("database not found"));
}

void TestInfluxResponse::retryAfter()
{
    QCOMPARE(InfluxResponse::parseRetryAfter("30"), 30);
    QCOMPARE(InfluxResponse::parseRetryAfter(" 0 "), 0);
    QCOMPARE(InfluxResponse::parseRetryAfter(""), -1);
    QCOMPARE(InfluxResponse::parseRetryAfter("soon"), -1);
    const QByteArray inTenSeconds =
        QDateTime::currentDateTimeUtc().addSecs(10).toString(Qt::RFC2822Date).toLatin1();
    const int seconds = InfluxResponse::parseRetryAfter(inTenSeconds);
    QVERIFY2(seconds >= 8 && seconds <= 10, inTenSeconds.constData());
    // What servers send: IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT".
    const QByteArray httpDate = QLocale::c()
                                    .toString(QDateTime::currentDateTimeUtc().addSecs(20),
                                              u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s)
                                    .toLatin1();
    const int fromHttpDate = InfluxResponse::parseRetryAfter(httpDate);
    QVERIFY2(fromHttpDate >= 18 && fromHttpDate <= 20, httpDate.constData());
    QCOMPARE(InfluxResponse::parseRetryAfter("Sun, 06 Nov 1994 08:49:37 GMT"), 0); // past
}

void TestInfluxResponse::queryError()
{
    QCOMPARE(InfluxResponse::queryError(R"({"results":[{"statement_id":0}]})"), QString());
    QCOMPARE(InfluxResponse::queryError(
                 R"({"results":[{"statement_id":0,"error":"database name required"}]})"),
             u"database name required"_s);
    QCOMPARE(InfluxResponse::queryError(R"({"error":"error parsing query"})"),
             u"error parsing query"_s);
}

void TestInfluxResponse::describeNamesTheProblem_data()
{
    QTest::addColumn<int>("api");
    QTest::addColumn<bool>("createDatabase");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    QTest::newRow("v2 token") << 2 << true << 401 << QByteArray(R"({"message":"unauthorized"})")
                              << u"InfluxDB refused the token (401): unauthorized"_s;
    QTest::newRow("v1 password") << 1 << true << 401 << QByteArray()
                                 << u"InfluxDB refused the username or password (401)"_s;
    QTest::newRow("v1 missing db")
        << 1 << false << 404 << QByteArray(R"({"error":"database not found: \"x\""})")
        << u"database 'x' does not exist (404)"_s;
    QTest::newRow("v2 bucket") << 2 << true << 404 << QByteArray(R"({"message":"no bucket"})")
                               << u"InfluxDB has no bucket 'b' in org 'o' (404)"_s;
}

void TestInfluxResponse::describeNamesTheProblem()
{
    QFETCH(int, api);
    QFETCH(bool, createDatabase);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    hai::InfluxOptions options;
    options.url = QUrl(u"http://admin:hunter2@127.0.0.1:8086"_s);
    options.api = api;
    options.database = u"x"_s;
    options.org = u"o"_s;
    options.bucket = u"b"_s;
    options.username = u"admin"_s;
    options.password = u"hunter2"_s;
    options.token = u"s3cr3t-token"_s;
    options.createDatabase = createDatabase;
    const hai::InfluxEndpoint endpoint(options);
    const QString text = endpoint.describe(
        InfluxResponse::classify(status, QNetworkReply::NoError, false, body, {}));
    QVERIFY2(text.startsWith(expected), qPrintable(text));
    QVERIFY(!text.contains(u"hunter2"_s));
    QVERIFY(!text.contains(u"s3cr3t"_s));
    const QString network = endpoint.describe(
        InfluxResponse::classify(0, QNetworkReply::ConnectionRefusedError, false, {}, {}));
    QCOMPARE(network, u"cannot reach InfluxDB at http://127.0.0.1:8086: connection refused"_s);
}

QTEST_GUILESS_MAIN(TestInfluxResponse)
#include "tst_influxresponse.moc"
