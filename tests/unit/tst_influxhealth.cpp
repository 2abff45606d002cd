// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeseries/influxhealth.h"

#include <QTest>

using namespace Qt::StringLiterals;
using hai::InfluxErrorKind;
using hai::InfluxHealth;
using hai::InfluxResponse;

namespace {

InfluxResponse response(InfluxErrorKind kind, int retryAfter = -1)
{
    InfluxResponse r;
    r.kind = kind;
    r.retryAfterSeconds = retryAfter;
    return r;
}

} // namespace

class TestInfluxHealth : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void backoffDoublesToTheCap();
    void retryAfterIsHonoured();
    void configurationProblemsProbeSlowly();
    void successResets();
    void noTarget();
};

void TestInfluxHealth::backoffDoublesToTheCap()
{
    InfluxHealth health;
    health.setConnecting();
    QVERIFY(health.isHealthy());
    QList<qint64> delays;
    for (int i = 0; i < 9; ++i)
        delays.append(health.failed(response(InfluxErrorKind::Network), u"down"_s, 0));
    QCOMPARE(delays, (QList<qint64>{1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000}));
    QCOMPARE(health.state(), InfluxHealth::State::Unreachable);
    QVERIFY(!health.maySend(59999));
    QVERIFY(health.maySend(60000));
}

void TestInfluxHealth::retryAfterIsHonoured()
{
    InfluxHealth health;
    health.setConnecting();
    QCOMPARE(health.failed(response(InfluxErrorKind::RateLimited, 7), u"slow down"_s, 100),
             7100 - 100);
    QCOMPARE(health.nextAttemptMs(), 7100);
    QCOMPARE(health.failed(response(InfluxErrorKind::RateLimited), u"slow down"_s, 0), 2000);
    QCOMPARE(health.failed(response(InfluxErrorKind::RateLimited, 0), u"slow down"_s, 0),
             InfluxHealth::kFirstBackoffMs); // never spin
}

void TestInfluxHealth::configurationProblemsProbeSlowly()
{
    InfluxHealth health;
    health.setConnecting();
    bool isNew = false;
    QCOMPARE(health.failed(response(InfluxErrorKind::Auth), u"refused"_s, 0, &isNew),
             InfluxHealth::kConfigProbeMs);
    QVERIFY(isNew);
    QCOMPARE(health.state(), InfluxHealth::State::Misconfigured);
    QCOMPARE(health.failed(response(InfluxErrorKind::Auth), u"refused"_s, 0, &isNew),
             InfluxHealth::kConfigProbeMs);
    QVERIFY(!isNew); // the same problem again is not news
    QCOMPARE(health.stateName(), u"misconfigured"_s);
}

void TestInfluxHealth::successResets()
{
    InfluxHealth health;
    health.setConnecting();
    QVERIFY(!health.succeeded()); // first success is not a recovery
    health.failed(response(InfluxErrorKind::ServerError), u"500"_s, 0);
    health.failed(response(InfluxErrorKind::ServerError), u"500"_s, 0);
    QVERIFY(health.succeeded());
    QCOMPARE(health.stateName(), u"ok"_s);
    QCOMPARE(health.failed(response(InfluxErrorKind::Timeout), u"slow"_s, 0), 1000);
}

void TestInfluxHealth::noTarget()
{
    InfluxHealth health;
    health.setNoTarget(u"local influxd did not start"_s);
    QVERIFY(!health.isHealthy());
    QVERIFY(!health.maySend(1'000'000));
    QCOMPARE(health.stateName(), u"no_target"_s);
    QCOMPARE(health.lastError(), u"local influxd did not start"_s);
}

QTEST_GUILESS_MAIN(TestInfluxHealth)
#include "tst_influxhealth.moc"
