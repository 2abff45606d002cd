// SPDX-License-Identifier: GPL-3.0-or-later
// InfluxDB in plain words: each writer state and failure kind gives a sentence and a hint.
#include "status/influxstatustext.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace hai;

using Severity = InfluxStatusText::Severity;

class TestInfluxStatusText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void describe_data();
    void describe();
    void brief_data();
    void brief();
};

void TestInfluxStatusText::describe_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("api");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("lastError");
    QTest::addColumn<int>("severity");
    QTest::addColumn<QString>("summary");
    QTest::addColumn<QString>("hint");

    const int none = int(InfluxErrorKind::None);
    QTest::newRow("ok") << u"ok"_s << 1 << none << QString() << int(Severity::Ok)
                        << u"Writing to InfluxDB at http://influx:8086"_s << QString();
    QTest::newRow("no target") << u"no_target"_s << 1 << none << QString() << int(Severity::Working)
                               << u"No InfluxDB is configured"_s << u"Settings → InfluxDB"_s;
    QTest::newRow("token 401")
        << u"misconfigured"_s << 2 << int(InfluxErrorKind::Auth)
        << u"InfluxDB refused the token (401): unauthorized access; check --influx-token"_s
        << int(Severity::Problem) << u"InfluxDB refused the token (401)"_s
        << u"Check the token in Settings → InfluxDB"_s;
    QTest::newRow("password 401") << u"misconfigured"_s << 1 << int(InfluxErrorKind::Auth)
                                  << u"InfluxDB refused the username or password (401)"_s
                                  << int(Severity::Problem)
                                  << u"InfluxDB refused the username or password (401)"_s
                                  << u"Settings → InfluxDB"_s;
    QTest::newRow("403") << u"misconfigured"_s << 2 << int(InfluxErrorKind::Auth)
                         << u"InfluxDB denies writing to bucket 'b' (403)"_s
                         << int(Severity::Problem) << u"denies writing"_s << u"write access"_s;
    QTest::newRow("404") << u"misconfigured"_s << 1 << int(InfluxErrorKind::NotFound)
                         << u"database 'x' does not exist (404)"_s << int(Severity::Problem)
                         << u"(404)"_s << u"InfluxDB said: database 'x' does not exist"_s;
    QTest::newRow("refused") << u"unreachable"_s << 1 << int(InfluxErrorKind::Network)
                             << u"cannot reach InfluxDB at http://influx:8086: refused"_s
                             << int(Severity::Problem) << u"Cannot reach InfluxDB"_s
                             << u"keeps retrying"_s;
    QTest::newRow("timeout") << u"unreachable"_s << 1 << int(InfluxErrorKind::Timeout) << QString()
                             << int(Severity::Problem) << u"does not answer in time"_s
                             << u"keeps retrying"_s;
    QTest::newRow("slow down") << u"unreachable"_s << 1 << int(InfluxErrorKind::RateLimited)
                               << QString() << int(Severity::Working) << u"slow down"_s
                               << u"waits"_s;
    QTest::newRow("unknown kind") << u"unreachable"_s << 1 << none << QString()
                                  << int(Severity::Problem) << u"Cannot reach InfluxDB"_s
                                  << QString();
}

void TestInfluxStatusText::describe()
{
    QFETCH(QString, status);
    QFETCH(int, api);
    QFETCH(int, kind);
    QFETCH(QString, lastError);
    QFETCH(int, severity);
    QFETCH(QString, summary);
    QFETCH(QString, hint);
    InfluxWriterFigures figures;
    figures.status = status;
    figures.api = api;
    figures.url = u"http://influx:8086"_s;
    figures.target = api == 2 ? u"bucket 'b' in org 'o'"_s : u"database 'x'"_s;
    figures.lastError = lastError;
    figures.spoolPoints = 1234;
    const InfluxStatusText::Text text = InfluxStatusText::describe(figures, InfluxErrorKind(kind));
    QCOMPARE(int(text.severity), severity);
    QVERIFY2(text.summary.contains(summary), qPrintable(text.summary));
    QVERIFY2(text.hint.contains(hint), qPrintable(text.hint));
    if (status != u"ok"_s)
        QVERIFY2(text.hint.contains(u"1,234 points wait in the spool"_s) ||
                     text.hint.contains(u"1234 points wait"_s),
                 qPrintable(text.hint));
}

void TestInfluxStatusText::brief_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<qint64>("spooled");
    QTest::addColumn<QString>("text");
    QTest::newRow("ok") << u"ok"_s << qint64(0) << u"InfluxDB OK"_s;
    QTest::newRow("replaying") << u"ok"_s << qint64(5) << u"InfluxDB: replaying 5 points"_s;
    QTest::newRow("spooling") << u"unreachable"_s << qint64(7) << u"InfluxDB: spooling 7 points"_s;
    QTest::newRow("error") << u"misconfigured"_s << qint64(0) << u"InfluxDB: error"_s;
    QTest::newRow("none") << u"no_target"_s << qint64(0) << u"InfluxDB: not configured"_s;
}

void TestInfluxStatusText::brief()
{
    QFETCH(QString, status);
    QFETCH(qint64, spooled);
    QFETCH(QString, text);
    InfluxWriterFigures figures;
    figures.status = status;
    figures.spoolPoints = spooled;
    QCOMPARE(InfluxStatusText::brief(figures), text);
}

QTEST_MAIN(TestInfluxStatusText)
#include "tst_influxstatustext.moc"
