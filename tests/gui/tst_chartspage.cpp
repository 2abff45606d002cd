// SPDX-License-Identifier: GPL-3.0-or-later
// The Charts page offscreen, on a real Backend whose InfluxDB is a real influxd 1.6: it draws
// several entities' histories as one line each, drops answers to requests the user has moved
// on from, names the entity that failed among those that loaded, says "unreachable" when
// influxd is down, and keeps the picked entities and range.
#include "backend.h"
#include "charts/entitychips.h"
#include "charts/historychartview.h"
#include "freeport.h"
#include "guisettings.h"
#include "influxserver.h"
#include "pages/chartspage.h"
#include "timeseries/influxhistoryworker.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QComboBox>
#include <QDateTime>
#include <QLabel>
#include <QLegend>
#include <QLineEdit>
#include <QLineSeries>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStringListModel>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using hai::ChartsPage;

class TestChartsPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void loadsTwoEntities();
    void keyboardAddsAndRemoves();
    void limitsTheEntities();
    void staleAnswerIsIgnored();
    void failedEntityAmongLoaded();
    void keepsPickAndRange();
    void deadUrlShowsError();
    void stoppedInfluxSaysUnreachable();

private:
    std::unique_ptr<hai::Backend> backend(const QUrl &influx, QTemporaryDir &dir,
                                          hai::PointSchema schema = hai::PointSchema::HomeIq);

    hai::test::InfluxServer m_influx;
    qint64 m_nowMs = 0;
};

namespace {
constexpr int kWait = 10000;
constexpr int kTPoints = 50; // sensor.t: 20…24 every 20 min
constexpr int kUPoints = 30; // sensor.u: 101…130 every 30 min

QList<double> values(const QLineSeries *series)
{
    QList<double> out;
    const QList<QPointF> points = series->points();
    for (const QPointF &p : points)
        out.append(p.y());
    return out;
}
} // namespace

std::unique_ptr<hai::Backend> TestChartsPage::backend(const QUrl &influx, QTemporaryDir &dir,
                                                      hai::PointSchema schema)
{
    hai::Settings settings;
    settings.dataDir = dir.path();
    settings.registryDb.sqlitePath = dir.filePath(u"metadata.db"_s);
    settings.apiPort = 0;
    settings.influx.url = influx;
    settings.influx.requestTimeoutMs = 5000;
    if (schema == hai::PointSchema::Ha) {
        settings.influx.database = u"ha_layout"_s;
        settings.mapping.schema = schema;
    }
    auto out = std::make_unique<hai::Backend>(settings);
    QString error;
    if (!out->start(&error))
        qWarning() << "backend:" << error;
    return out;
}

void TestChartsPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // the picks go to a test gui.conf
    QString error;
    QVERIFY2(m_influx.start(&error), qPrintable(error + u'\n' + m_influx.log()));
    QVERIFY2(m_influx.createDatabase(u"home_assistant"_s, &error), qPrintable(error));
    m_nowMs = QDateTime::currentMSecsSinceEpoch();
    QByteArray lines;
    for (int i = 1; i <= kTPoints; ++i) {
        lines += "home_assistant_events,domain=sensor,entity_id=sensor.t normalized_value=" +
                 QByteArray::number(20 + i % 5) + ' ' +
                 QByteArray::number(m_nowMs - qint64(i) * 20 * 60 * 1000) + '\n';
    }
    for (int i = 1; i <= kUPoints; ++i) {
        lines += "home_assistant_events,domain=sensor,entity_id=sensor.u normalized_value=" +
                 QByteArray::number(100 + i) + ' ' +
                 QByteArray::number(m_nowMs - qint64(i) * 30 * 60 * 1000) + '\n';
    }
    QVERIFY2(m_influx.write(u"home_assistant"_s, lines, &error, u"ms"_s), qPrintable(error));

    // The ha layout (measurement = entity id without a unit): sensor.broken's "value" is a
    // string, so InfluxDB refuses mean() on it, for that entity only.
    QVERIFY2(m_influx.createDatabase(u"ha_layout"_s, &error), qPrintable(error));
    const QByteArray at = QByteArray::number(m_nowMs - 60000);
    QVERIFY2(m_influx.write(u"ha_layout"_s,
                            "sensor.good,domain=sensor,entity_id=good value=7.5 " + at +
                                "\nsensor.broken,domain=sensor,entity_id=broken value=\"on\" " +
                                at + '\n',
                            &error, u"ms"_s),
             qPrintable(error));
}

void TestChartsPage::init()
{
    hai::GuiSettings().clear(); // no picks from the test before
}

void TestChartsPage::loadsTwoEntities()
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
    QVERIFY(loaded.wait(kWait));
    QVERIFY(page.addEntity(u"sensor.u"_s));
    QVERIFY(page.busyIndicator()->isVisible());
    QVERIFY(loaded.wait(kWait));
    QCOMPARE(loaded.last().at(0).toStringList(), QStringList({u"sensor.t"_s, u"sensor.u"_s}));
    QVERIFY(!page.isLoading());
    QVERIFY(!page.busyIndicator()->isVisible());
    QVERIFY2(!page.errorLabel()->isVisible(), qPrintable(page.errorLabel()->text()));

    hai::HistoryChartView *chart = page.historyChart();
    QCOMPARE(chart->seriesCount(), 2);
    QLineSeries *t = chart->seriesFor(u"sensor.t"_s);
    QLineSeries *u = chart->seriesFor(u"sensor.u"_s);
    QVERIFY(t && u);
    QCOMPARE(t->count(), kTPoints); // the oldest is 1000 min ago, still inside 24 h
    QCOMPARE(u->count(), kUPoints);
    for (double v : values(t))
        QVERIFY(v >= 20 && v <= 24);
    for (double v : values(u))
        QVERIFY(v >= 101 && v <= 130);
    QCOMPARE(t->name(), u"sensor.t"_s); // the legend's text
    QVERIFY(chart->chart()->legend()->isVisible());
    QVERIFY(t->pen().color() != u->pen().color());
    QCOMPARE(t->pen().color(), page.entityChips()->colourOf(u"sensor.t"_s));

    // The crosshair shows the time and every line's nearest value.
    const QPointF point = t->points().at(24);
    page.historyChart()->showCrosshairAt(
        chart->mapFromScene(chart->chart()->mapToScene(chart->chart()->mapToPosition(point, t))));
    const QStringList text = chart->crosshairText().split(u'\n');
    QCOMPARE(text.size(), 3);
    QCOMPARE(text[0], QLocale().toString(QDateTime::fromMSecsSinceEpoch(qint64(point.x())),
                                         QLocale::ShortFormat));
    QVERIFY2(text[1].endsWith(u"sensor.t: "_s + QLocale().toString(point.y())),
             qPrintable(text[1]));
    QVERIFY2(text[2].contains(u"sensor.u: "_s), qPrintable(text[2]));

    // Removing a chip removes its line.
    page.entityChips()->removeButton(u"sensor.u"_s)->click();
    QCOMPARE(page.entities(), QStringList{u"sensor.t"_s});
    QVERIFY(loaded.wait(kWait));
    QCOMPARE(chart->seriesCount(), 1);
    b->stop();
}

void TestChartsPage::keyboardAddsAndRemoves()
{
    QTemporaryDir dir;
    auto b = backend(m_influx.url(), dir);
    ChartsPage page(b.get());
    page.show();
    QSignalSpy loaded(&page, &ChartsPage::historyLoaded);
    QLineEdit *edit = page.entityPicker()->lineEdit();
    QTest::keyClicks(edit, u"sensor.u"_s);
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(page.entities(), QStringList{u"sensor.u"_s});
    QVERIFY(edit->text().isEmpty()); // ready for the next one
    QVERIFY(loaded.wait(kWait));
    QCOMPARE(page.historyChart()->seriesFor(u"sensor.u"_s)->count(), kUPoints);
    // Space on a focused remove button removes the chip.
    QAbstractButton *remove = page.entityChips()->removeButton(u"sensor.u"_s);
    QVERIFY(remove->focusPolicy() & Qt::TabFocus);
    QTest::keyClick(remove, Qt::Key_Space);
    QVERIFY(page.entities().isEmpty());
    QCOMPARE(page.historyChart()->seriesCount(), 0);
    QVERIFY(page.entityChips()->note()->isVisibleTo(&page)); // how to pick one

    // Down to a listed entity and Enter in the drop-down adds it as well.
    auto *model = qobject_cast<QStringListModel *>(page.entityPicker()->model());
    QVERIFY(model);
    model->setStringList({u"sensor.t"_s, u"sensor.u"_s});
    page.entityPicker()->showPopup();
    QAbstractItemView *list = page.entityPicker()->view();
    list->setCurrentIndex(model->index(1, 0));
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(page.entities(), QStringList{u"sensor.u"_s});
    QVERIFY(edit->text().isEmpty());
    QVERIFY(loaded.wait(kWait));
    b->stop();
}

void TestChartsPage::limitsTheEntities()
{
    QTemporaryDir dir;
    auto b = backend(m_influx.url(), dir);
    ChartsPage page(b.get());
    page.show();
    QSignalSpy loaded(&page, &ChartsPage::historyLoaded);
    QStringList ids;
    for (int i = 0; i < ChartsPage::kMaxEntities; ++i) {
        ids.append(u"sensor.n%1"_s.arg(i));
        QVERIFY(page.addEntity(ids.last()));
    }
    QVERIFY(!page.addEntity(u"sensor.t"_s));
    QVERIFY(!page.addEntity(ids.first())); // a duplicate, too
    QCOMPARE(page.entities(), ids);
    QVERIFY(!page.addButton()->isEnabled());
    QVERIFY(page.entityChips()->note()->isVisible());
    QVERIFY2(page.entityChips()->note()->text().contains(QString::number(ChartsPage::kMaxEntities)),
             qPrintable(page.entityChips()->note()->text()));
    // Entities without data load as empty lines, named in one sentence.
    QVERIFY(loaded.wait(kWait));
    QCOMPARE(loaded.last().at(0).toStringList(), ids);
    QVERIFY(
        page.errorLabel()->text().startsWith(u"InfluxDB has no numeric values for sensor.n0"_s));

    // "Open chart" from another page still works: the oldest entity makes room.
    page.showEntity(u"sensor.t"_s);
    QCOMPARE(page.entities().size(), ChartsPage::kMaxEntities);
    QVERIFY(!page.entities().contains(ids.first()));
    QCOMPARE(page.entities().last(), u"sensor.t"_s);
    QVERIFY(loaded.wait(kWait));
    QCOMPARE(page.historyChart()->seriesFor(u"sensor.t"_s)->count(), kTPoints);
    page.removeEntity(ids[1]);
    QVERIFY(page.addButton()->isEnabled());
    QVERIFY(!page.entityChips()->note()->isVisible());
    b->stop();
}

void TestChartsPage::staleAnswerIsIgnored()
{
    QTemporaryDir dir;
    auto b = backend(m_influx.url(), dir);
    ChartsPage page(b.get());
    page.show();
    QSignalSpy loaded(&page, &ChartsPage::historyLoaded);
    // Counted in this thread after the page has seen the same answer (queued in order).
    int answers = 0;
    QObject counter;
    connect(page.historyWorker(), &hai::InfluxHistoryWorker::batchQueried, &counter,
            [&answers] { ++answers; });
    page.showEntity(u"sensor.t"_s); // request 1: sensor.t
    page.addEntity(u"sensor.u"_s);  // request 2: both, before request 1 could answer
    QTRY_COMPARE_WITH_TIMEOUT(answers, 2, kWait);
    QCOMPARE(loaded.size(), 1); // request 1's answer came, and went unused
    QCOMPARE(loaded[0][0].toStringList(), QStringList({u"sensor.t"_s, u"sensor.u"_s}));
    QCOMPARE(page.historyChart()->seriesCount(), 2);
    QVERIFY(!page.isLoading());
    b->stop();
}

void TestChartsPage::failedEntityAmongLoaded()
{
    QTemporaryDir dir;
    auto b = backend(m_influx.url(), dir, hai::PointSchema::Ha);
    ChartsPage page(b.get());
    page.show();
    QSignalSpy loaded(&page, &ChartsPage::historyLoaded);
    QSignalSpy failed(&page, &ChartsPage::historyFailed);
    page.addEntity(u"sensor.good"_s);
    page.addEntity(u"sensor.broken"_s);
    QVERIFY(failed.wait(kWait));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed[0][0].toStringList(), QStringList{u"sensor.broken"_s});
    QCOMPARE(loaded.size(), 1); // the same answer, emitted first
    QCOMPARE(loaded[0][0].toStringList(), QStringList{u"sensor.good"_s});
    QCOMPARE(page.historyChart()->seriesCount(), 1);
    QCOMPARE(values(page.historyChart()->seriesFor(u"sensor.good"_s)), QList<double>{7.5});
    const QString text = page.errorLabel()->text();
    QVERIFY(page.errorLabel()->isVisible());
    QVERIFY2(text.startsWith(u"Cannot show the history of sensor.broken: InfluxDB refused the "
                             u"query: unsupported mean iterator type"_s),
             qPrintable(text));
    QVERIFY2(!text.contains(u"sensor.good"_s), qPrintable(text));
    b->stop();
}

void TestChartsPage::keepsPickAndRange()
{
    {
        ChartsPage page(nullptr);
        page.addEntity(u"sensor.t"_s);
        page.addEntity(u"sensor.u"_s);
        page.setRange(ChartsPage::Range::Week);
    }
    ChartsPage page(nullptr);
    QCOMPARE(page.entities(), QStringList({u"sensor.t"_s, u"sensor.u"_s}));
    QCOMPARE(page.range(), ChartsPage::Range::Week);
    QCOMPARE(page.entityChips()->colourOf(u"sensor.u"_s), hai::EntityChips::colourAt(1));
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
    QVERIFY(failed.wait(kWait));
    QVERIFY(page.errorLabel()->isVisible());
    QVERIFY2(page.errorLabel()->text().contains(u"InfluxDB is unreachable at "_s + dead.toString()),
             qPrintable(page.errorLabel()->text()));
    QCOMPARE(page.historyChart()->seriesCount(), 0);
    b->stop();
}

void TestChartsPage::stoppedInfluxSaysUnreachable()
{
    QTemporaryDir dir;
    auto b = backend(m_influx.url(), dir);
    ChartsPage page(b.get());
    page.show();
    QSignalSpy loaded(&page, &ChartsPage::historyLoaded);
    QSignalSpy failed(&page, &ChartsPage::historyFailed);
    page.addEntity(u"sensor.t"_s);
    QVERIFY(loaded.wait(kWait));
    page.addEntity(u"sensor.u"_s);
    QVERIFY(loaded.wait(kWait));
    QCOMPARE(page.historyChart()->seriesCount(), 2);

    const QUrl url = m_influx.url();
    m_influx.stop();
    page.loadHistory();
    QVERIFY(failed.wait(kWait));
    QCOMPARE(failed[0][0].toStringList(), QStringList({u"sensor.t"_s, u"sensor.u"_s}));
    // One sentence for both: the cause is the same.
    QCOMPARE(page.errorLabel()->text(),
             u"Cannot show the history of %1: InfluxDB is unreachable at %2"_s.arg(
                 QLocale().createSeparatedList({u"sensor.t"_s, u"sensor.u"_s}), url.toString()));
    QVERIFY(page.errorLabel()->isVisible());
    QVERIFY(!page.busyIndicator()->isVisible());
    QCOMPARE(page.historyChart()->seriesCount(), 0);
    b->stop();

    QString error; // back for any test after this one
    QVERIFY2(m_influx.start(&error), qPrintable(error));
}

QTEST_MAIN(TestChartsPage)
#include "tst_chartspage.moc"
