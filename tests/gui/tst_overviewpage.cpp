// SPDX-License-Identifier: GPL-3.0-or-later
// The Overview page and HealthReport show a snapshot's figures and each dependency's health.
#include "pages/overviewpage.h"
#include "status/healthreport.h"

#include <QLabel>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hai;

class TestOverviewPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsFigures();
    void reconnectCountdown();
    void notConfigured();

private:
    static QString text(QWidget &page, const QString &name)
    {
        auto *label = page.findChild<QLabel *>(name);
        return label ? label->text() : u"(no label %1)"_s.arg(name);
    }
};

void TestOverviewPage::showsFigures()
{
    StatusSnapshot s;
    s.haConfigured = true;
    s.ha.state = HaState::Live;
    s.ha.status = u"connected"_s;
    s.ha.haVersion = u"2026.8.0"_s;
    s.ha.discoveredAtUs = 1'760'000'000'000'000;
    s.ha.devices = 40;
    s.registry = {true, true, {}, u"/data/metadata.db"_s, u"wal"_s, 1.5, 40, 206, 8, 2, 5, 3};
    s.eventsReceived = 1500;
    s.influx.status = u"unreachable"_s;
    s.influx.url = u"http://influx:8086"_s;
    s.influx.pointsWritten = 1000;
    s.influx.pointsDeadLettered = 3;
    s.influx.droppedSpoolFull = 2;
    s.influxErrorKind = InfluxErrorKind::Network;
    s.apiAddress = u"http://127.0.0.1:8006"_s;

    OverviewPage page(nullptr);
    page.setSnapshot(s);
    QCOMPARE(text(page, u"devicesCount"_s), u"40"_s);
    QCOMPARE(text(page, u"entitiesCount"_s), QLocale().toString(206));
    QCOMPARE(text(page, u"areasCount"_s), u"8"_s);
    QCOMPARE(text(page, u"integrationsCount"_s), u"3"_s);
    QCOMPARE(text(page, u"received"_s), QLocale().toString(1500));
    QCOMPARE(text(page, u"deadLettered"_s), u"3"_s);
    QCOMPARE(text(page, u"dropped"_s), u"2"_s);
    QVERIFY(text(page, u"discovery"_s).contains(u"40 devices"_s));
    QVERIFY(text(page, u"health0"_s).startsWith(u"Connected to Home Assistant 2026.8.0"_s));
    QVERIFY(text(page, u"health1"_s).startsWith(u"Cannot reach InfluxDB"_s));
    QVERIFY(text(page, u"health2"_s).contains(u"/data/metadata.db"_s));
    QVERIFY(text(page, u"health3"_s).contains(u"http://127.0.0.1:8006"_s));
    QCOMPARE(HealthReport::overall(s), HealthReport::Severity::Problem);
}

void TestOverviewPage::reconnectCountdown()
{
    StatusSnapshot s;
    s.haConfigured = true;
    s.ha.url = u"ws://ha:8123/api/websocket"_s;
    s.ha.status = u"disconnected"_s;
    s.ha.lastError = u"connection refused"_s;
    s.reconnectInSeconds = 4;
    QCOMPARE(HealthReport::haBrief(s), u"Home Assistant: offline, retry in 4 s"_s);
    const HealthReport::Text text = HealthReport::homeAssistant(s);
    QCOMPARE(text.severity, HealthReport::Severity::Problem);
    QVERIFY2(text.summary.contains(u"next try in 4 s"_s), qPrintable(text.summary));
    QVERIFY(text.hint.contains(u"keeps retrying"_s));
}

void TestOverviewPage::notConfigured()
{
    const StatusSnapshot s;
    QCOMPARE(HealthReport::haBrief(s), u"Home Assistant: not configured"_s);
    QVERIFY(HealthReport::homeAssistant(s).hint.contains(u"demo home"_s));
    OverviewPage page(nullptr);
    page.setSnapshot(s);
    QCOMPARE(text(page, u"devicesCount"_s), u"–"_s);
}

QTEST_MAIN(TestOverviewPage)
#include "tst_overviewpage.moc"
