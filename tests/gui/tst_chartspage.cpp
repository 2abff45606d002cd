// SPDX-License-Identifier: GPL-3.0-or-later
// The Charts page offscreen, on a real Backend whose InfluxDB is a real influxd 1.6: it draws
// an entity's history, and says so in words when InfluxDB is unreachable.
#include "backend.h"
#include "charts/historychartview.h"
#include "freeport.h"
#include "influxserver.h"
#include "pages/chartspage.h"

#include <QComboBox>
#include <QDateTime>
#include <QLabel>
#include <QLineSeries>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using hai::ChartsPage;

class TestChartsPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void loadsHistory();
    void deadUrlShowsError();

private:
    std::unique_ptr<hai::Backend> backend(const QUrl &influx, QTemporaryDir &dir);

    hai::test::InfluxServer m_influx;
    qint64 m_nowMs = 0;
};

std::unique_ptr<hai::Backend> TestChartsPage::backend(const QUrl &influx, QTemporaryDir &dir)
{
    hai::Settings settings;
    settings.dataDir = dir.path();
    settings.registryDb.sqlitePath = dir.filePath(u"metadata.db"_s);
    settings.apiPort = 0;
    settings.influx.url = influx;
    settings.influx.requestTimeoutMs = 5000;
    auto out = std::make_unique<hai::Backend>(settings);
    QString error;
    if (!out->start(&error))
        qWarning() << "backend:" << error;
    return out;
}

void TestChartsPage::initTestCase()
{
    QString error;
    QVERIFY2(m_influx.start(&error), qPrintable(error + u'\n' + m_influx.log()));
    QVERIFY2(m_influx.createDatabase(u"home_assistant"_s, &error), qPrintable(error));
    m_nowMs = QDateTime::currentMSecsSinceEpoch();
    QByteArray lines;
    for (int i = 1; i <= 50; ++i) {
        lines += "home_assistant_events,domain=sensor,entity_id=sensor.t normalized_value=" +
                 QByteArray::number(20 + i % 5) + ' ' +
                 QByteArray::number(m_nowMs - qint64(i) * 20 * 60 * 1000) + '\n';
    }
    QVERIFY2(m_influx.write(u"home_assistant"_s, lines, &error, u"ms"_s), qPrintable(error));
}

void TestChartsPage::loadsHistory()
{
    QTemporaryDir dir;
    auto b = backend(m_influx.url(), dir);
    ChartsPage page(b.get());
    page.resize(1200, 800);
    page.show();
    QSignalSpy loaded(&page, &ChartsPage::historyLoaded);
    page.showEntity(u"sensor.t"_s);
    QVERIFY(page.isLoading());
    QVERIFY(page.busyIndicator()->isVisible());
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded[0][0].toString(), u"sensor.t"_s);
    QVERIFY(!page.isLoading());
    QVERIFY(!page.busyIndicator()->isVisible());
    QVERIFY(!page.errorLabel()->isVisible());
    const QList<QPointF> points = page.historyChart()->series()->points();
    QCOMPARE(points.size(), 50 - 1 /* the oldest is 1000 min ago, still inside 24 h */ + 1);
    // The crosshair follows the mouse and shows the nearest value.
    const QPointF middle =
        page.historyChart()->chart()->mapToPosition(points[25], page.historyChart()->series());
    page.historyChart()->showCrosshairAt(page.historyChart()->mapFromScene(middle));
    QVERIFY2(page.historyChart()->crosshairText().endsWith(QLocale().toString(points[25].y())),
             qPrintable(page.historyChart()->crosshairText()));
    b->stop();
}

void TestChartsPage::deadUrlShowsError()
{
    QTemporaryDir dir;
    const QUrl dead(u"http://127.0.0.1:%1"_s.arg(hai::test::freeLoopbackPort()));
    auto b = backend(dead, dir);
    ChartsPage page(b.get());
    page.show();
    QSignalSpy failed(&page, &ChartsPage::historyFailed);
    page.showEntity(u"sensor.t"_s);
    QVERIFY(failed.wait(10000));
    QVERIFY(page.errorLabel()->isVisible());
    QVERIFY2(page.errorLabel()->text().contains(u"InfluxDB is unreachable at "_s + dead.toString()),
             qPrintable(page.errorLabel()->text()));
    QCOMPARE(page.historyChart()->series()->count(), 0);
    b->stop();
}

QTEST_MAIN(TestChartsPage)
#include "tst_chartspage.moc"
