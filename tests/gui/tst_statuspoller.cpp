// SPDX-License-Identifier: GPL-3.0-or-later
// StatusPoller against a real Backend driven by DemoHome: the snapshot reaches "live", events
// flow, the registry counts arrive from the reader thread and, without InfluxDB, points are
// spooled and said so.
#include "demobackend.h"
#include "status/healthreport.h"
#include "status/influxstatustext.h"
#include "status/statuspoller.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hai;

class TestStatusPoller : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void withoutBackend();
    void demoBackend();
};

void TestStatusPoller::withoutBackend()
{
    StatusPoller poller(nullptr);
    QSignalSpy updated(&poller, &StatusPoller::updated);
    QVERIFY(updated.wait(2000));
    const StatusSnapshot &s = poller.current();
    QVERIFY(!s.haConfigured);
    QVERIFY(s.apiAddress.isEmpty());
    QCOMPARE(HealthReport::haBrief(s), u"Home Assistant: not configured"_s);
}

void TestStatusPoller::demoBackend()
{
    test::DemoBackend demo;
    QString error;
    QVERIFY2(demo.start(&error), qPrintable(error));
    StatusPoller poller(demo.backend.get());
    QSignalSpy updated(&poller, &StatusPoller::updated);

    QTRY_VERIFY_WITH_TIMEOUT(poller.current().ha.state == HaState::Live, 30000);
    const StatusSnapshot live = poller.current();
    QVERIFY(live.haConfigured);
    QCOMPARE(live.ha.status, u"connected"_s);
    QVERIFY2(HealthReport::haBrief(live).endsWith(u"live"_s),
             qPrintable(HealthReport::haBrief(live)));
    const HealthReport::Text ha = HealthReport::homeAssistant(live);
    QCOMPARE(ha.severity, HealthReport::Severity::Ok);
    QVERIFY(ha.summary.startsWith(u"Connected to Home Assistant"_s));

    QTRY_VERIFY_WITH_TIMEOUT(poller.current().eventsPerSecond > 0, 30000);
    QVERIFY(poller.current().eventsReceived > 0);

    // Counts come from the GUI's own reader thread once discovery wrote the registry.
    QTRY_VERIFY_WITH_TIMEOUT(poller.current().registry.ok &&
                                 poller.current().registry.devices == poller.current().ha.devices &&
                                 poller.current().registry.devices > 0,
                             30000);
    QVERIFY(poller.current().registry.entities > 0);

    // No InfluxDB: the points wait in the spool and the status bar says so.
    QTRY_VERIFY_WITH_TIMEOUT(poller.current().influx.spoolPoints > 0, 30000);
    const StatusSnapshot spooling = poller.current();
    QCOMPARE(spooling.influx.status, u"no_target"_s);
    QVERIFY2(InfluxStatusText::brief(spooling.influx).startsWith(u"InfluxDB: spooling"_s),
             qPrintable(InfluxStatusText::brief(spooling.influx)));

    QVERIFY(spooling.apiAddress.startsWith(u"http://127.0.0.1:"_s));
    QVERIFY(!spooling.apiAddress.endsWith(u":0"_s));
    QVERIFY(updated.count() >= 2);
}

QTEST_MAIN(TestStatusPoller)
#include "tst_statuspoller.moc"
