// SPDX-License-Identifier: GPL-3.0-or-later
// Screenshots of every page of the main window, against a demo backend, for the README and
// for looking at the layout at 100 % and 200 %.
//   gui_screenshots [DIR]        both scales into DIR (default: docs/screenshots in the source)
//   gui_screenshots --self-test  both scales into a temporary folder, then check the PNGs
//   gui_screenshots --scale N DIR  one scale (what the two runs above start, with
//                                  QT_SCALE_FACTOR=N, since the factor is fixed at startup)
// Each PNG is <page>.png at scale 1 and <page>@2x.png at scale 2, of a 1366×768 window.
#include "charts/historychartview.h"
#include "core/logging.h"
#include "demobackend.h"
#include "guisettings.h"
#include "influxserver.h"
#include "mainwindow.h"
#include "pages/chartspage.h"
#include "setup/homeassistantform.h"
#include "setup/influxform.h"
#include "setup/secretedit.h"
#include "setup/settingsdialog.h"
#include "setup/setupwizard.h"
#include "status/statuspoller.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QLineEdit>
#include <QPixmap>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtMath>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace hai;

namespace {
const QSize kWindowSize(1366, 768);
constexpr int kChildTimeoutMs = 240'000;

void print(const QString &line)
{
    std::fprintf(stderr, "%s\n", qUtf8Printable(line));
}

QString fileName(MainWindow::Page page, int scale)
{
    return MainWindow::pageKey(page) + (scale == 1 ? u".png"_s : u"@%1x.png"_s.arg(scale));
}

// The setup wizard and the Settings dialog, each at its own size rather than the window's.
const QStringList kSetupShots{u"setup-wizard"_s, u"setup-wizard-influxdb"_s, u"settings"_s,
                              u"settings-influxdb"_s};

QString setupFileName(const QString &name, int scale)
{
    return name + (scale == 1 ? u".png"_s : u"@%1x.png"_s.arg(scale));
}

bool saveGrab(QWidget *widget, const QString &dir, const QString &name, int scale)
{
    QTest::qWait(500); // layouts and word wrap settle
    const QString path = QDir(dir).filePath(setupFileName(name, scale));
    if (!widget->grab().save(path)) {
        print(u"cannot write "_s + path);
        return false;
    }
    print(u"wrote "_s + path);
    return true;
}

// The wizard's first and InfluxDB pages, and the Settings dialog's first and InfluxDB tabs, on
// a file-only ConfigStore in a temporary folder (no keychain prompt on the desktop).
int shootSetup(const QString &dir, int scale)
{
    QTemporaryDir temp;
    ConfigStore store(temp.filePath(u"ha-ingestor.ini"_s));
    bool ok = true;
    {
        SetupWizard wizard(&store);
        wizard.show();
        ok = QTest::qWaitForWindowExposed(&wizard) && saveGrab(&wizard, dir, kSetupShots[0], scale);
        wizard.homeAssistantForm()->urlEdit()->setText(u"http://homeassistant.local:8123"_s);
        wizard.homeAssistantForm()->tokenEdit()->setText(u"token"_s);
        wizard.next();
        wizard.influxForm()->setTarget(InfluxForm::Target::Own); // every field enabled
        wizard.influxForm()->urlEdit()->setText(u"http://127.0.0.1:8086"_s);
        ok = saveGrab(&wizard, dir, kSetupShots[1], scale) && ok;
    }
    QString error;
    if (!store.save({{u"ha-url"_s, u"http://homeassistant.local:8123"_s},
                     {u"ha-token"_s, u"token"_s},
                     {u"influx-url"_s, u"http://127.0.0.1:8086"_s}},
                    &error))
        print(u"cannot save the settings to show: "_s + error);
    {
        SettingsDialog dialog(&store);
        dialog.show();
        ok = QTest::qWaitForWindowExposed(&dialog) &&
             saveGrab(&dialog, dir, kSetupShots[2], scale) && ok;
        dialog.tabs()->setCurrentIndex(SettingsDialog::InfluxTab);
        ok = saveGrab(&dialog, dir, kSetupShots[3], scale) && ok;
    }
    return ok ? 0 : 1;
}

// Waits, processing events, until `ready` or the timeout; false on timeout.
template <typename Ready>
bool waitFor(Ready ready, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!ready()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QTest::qWait(50);
    }
    return true;
}

// The Charts page with three demo entities' last day, read from a throwaway influxd with
// made-up history (the demo backend has no InfluxDB): two temperatures and a power, so both
// axes show. Null, and the page left as it is, when influxd cannot start.
std::unique_ptr<test::InfluxServer> showChartHistory(MainWindow &window)
{
    auto influx = std::make_unique<test::InfluxServer>();
    QString error;
    if (!influx->start(&error) || !influx->createDatabase(u"home_assistant"_s, &error)) {
        print(u"charts: no history without influxd: "_s + error);
        return nullptr;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QStringList ids{u"sensor.outdoor_temperature_average"_s,
                          u"input_number.target_temperature"_s, u"sensor.house_total_power"_s};
    QByteArray lines;
    for (qint64 t = now - 24 * 3600 * 1000; t < now; t += 5 * 60 * 1000) {
        const double day = 2 * M_PI * double(t % 86400000) / 86400000.0;
        const double hour = double((t / 3600000) % 24);
        const double values[] = {9 + 5 * qSin(day - 2.2) + qSin(t / 1.1e6) * 0.6,
                                 hour >= 6 && hour < 22 ? 21.5 : 18.0,
                                 450 + 300 * qSin(day * 3) + (t / 300000 % 7 == 0 ? 1800 : 0)};
        for (int i = 0; i < 3; ++i) {
            lines += "home_assistant_events,entity_id=" + ids[i].toUtf8() +
                     " normalized_value=" + QByteArray::number(values[i]) + ' ' +
                     QByteArray::number(t) + '\n';
        }
    }
    if (!influx->write(u"home_assistant"_s, lines, &error, u"ms"_s)) {
        print(u"charts: cannot write the history: "_s + error);
        return nullptr;
    }
    auto *page = window.findChild<ChartsPage *>();
    page->setInfluxUrl(influx->url());
    const QStringList picked = page->entities();
    for (const QString &id : picked)
        page->removeEntity(id);
    QSignalSpy loaded(page, &ChartsPage::historyLoaded);
    for (const QString &id : ids)
        page->addEntity(id);
    if (!loaded.wait(10'000))
        print(u"charts: the history did not load in time"_s);
    QTest::qWait(300); // the chart lays out its axes
    HistoryChartView *chart = page->historyChart();
    const QRectF plot = chart->chart()->plotArea();
    chart->showCrosshairAt(chart->mapFromScene(
        chart->chart()->mapToScene(QPointF(plot.left() + plot.width() * 0.62, plot.center().y()))));
    return influx;
}

// One scale: a demo backend, the window at 1366×768, each page once the data is there.
int shoot(int argc, char *argv[], int scale, const QString &dir)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // never touch the user's window layout
    GuiSettings().clear();
    installLogging(LogLevel::Info, {}); // the Log page shows this run's log

    test::DemoBackend demo;
    QString error;
    if (!demo.start(&error)) {
        print(u"cannot start the demo backend: "_s + error);
        return 1;
    }
    int code = 0;
    {
        MainWindow window(demo.backend.get());
        window.resize(kWindowSize);
        window.show();
        const StatusPoller *poller = window.statusPoller();
        const bool ready = waitFor(
            [poller] {
                const StatusSnapshot &s = poller->current();
                return s.ha.state == HaState::Live && s.registry.ok && s.registry.devices > 0 &&
                       s.eventsPerSecond > 0 && s.influx.spoolPoints > 0;
            },
            60'000);
        if (!ready)
            print(u"the demo data did not arrive in time; taking the screenshots anyway"_s);
        QTest::qWait(3000); // a few seconds of live traffic for rates and live states
        for (int i = 0; i < MainWindow::kPageCount; ++i) {
            const auto page = MainWindow::Page(i);
            window.showPage(page);
            const auto history =
                page == MainWindow::Page::Charts ? showChartHistory(window) : nullptr;
            QTest::qWait(1500); // models and throttled views settle
            const QString path = QDir(dir).filePath(fileName(page, scale));
            if (!window.grab().save(path)) {
                print(u"cannot write "_s + path);
                code = 1;
            } else {
                print(u"wrote "_s + path);
            }
        }
    }
    demo.backend->stop();
    uninstallLogging();
    if (shootSetup(dir, scale) != 0)
        code = 1;
    return code;
}

// A screenshot that is there, has the window's size at its scale (dialogs: their own), and
// shows more than a few colours (a blank or single-colour image means nothing was drawn).
QString checkImage(const QString &path, int scale, bool windowSized = true)
{
    const QImage image(path);
    if (image.isNull())
        return u"missing or unreadable"_s;
    if (windowSized && image.size() != kWindowSize * scale)
        return u"size %1×%2"_s.arg(image.width()).arg(image.height());
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    }
    return colours.size() < 16 ? u"blank (%1 colours)"_s.arg(colours.size()) : QString();
}

int runBothScales(const QString &program, const QString &dir, bool check)
{
    if (!QDir().mkpath(dir)) {
        print(u"cannot create "_s + dir);
        return 1;
    }
    for (int scale : {1, 2}) {
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_SCALE_FACTOR"_s, QString::number(scale));
        env.insert(u"QT_QPA_PLATFORM"_s, env.contains(u"DISPLAY"_s) ? u"xcb"_s : u"offscreen"_s);
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::ForwardedChannels);
        child.start(program, {u"--scale"_s, QString::number(scale), dir});
        if (!child.waitForFinished(kChildTimeoutMs) || child.exitStatus() != QProcess::NormalExit ||
            child.exitCode() != 0) {
            print(u"the run at scale %1 failed"_s.arg(scale));
            return 1;
        }
    }
    if (!check)
        return 0;
    int failures = 0;
    for (int scale : {1, 2}) {
        for (int i = 0; i < MainWindow::kPageCount; ++i) {
            const QString path = QDir(dir).filePath(fileName(MainWindow::Page(i), scale));
            const QString problem = checkImage(path, scale);
            if (!problem.isEmpty()) {
                print(path + u": "_s + problem);
                ++failures;
            }
        }
        for (const QString &name : kSetupShots) {
            const QString path = QDir(dir).filePath(setupFileName(name, scale));
            const QString problem = checkImage(path, scale, false);
            if (!problem.isEmpty()) {
                print(path + u": "_s + problem);
                ++failures;
            }
        }
    }
    print(failures ? u"%1 screenshots are wrong"_s.arg(failures) : u"all screenshots look drawn"_s);
    return failures ? 1 : 0;
}
} // namespace

int main(int argc, char *argv[])
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));
    if (args.size() >= 4 && args.at(1) == u"--scale"_s)
        return shoot(argc, argv, args.at(2).toInt(), args.at(3));
    if (args.size() >= 2 && args.at(1) == u"--self-test"_s) {
        QTemporaryDir dir;
        return runBothScales(args.at(0), dir.path(), true);
    }
    const QString dir =
        args.size() >= 2 ? args.at(1) : QStringLiteral(HAI_SOURCE_DIR "/docs/screenshots");
    return runBothScales(args.at(0), dir, true);
}
