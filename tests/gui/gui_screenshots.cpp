// SPDX-License-Identifier: GPL-3.0-or-later
// Screenshots of every page of the main window, against a demo backend, for the README and
// for looking at the layout at 100 % and 200 %.
//   gui_screenshots [DIR]        both scales into DIR (default: docs/screenshots in the source)
//   gui_screenshots --self-test  both scales into a temporary folder, then check the PNGs
//   gui_screenshots --scale N DIR  one scale (what the two runs above start, with
//                                  QT_SCALE_FACTOR=N, since the factor is fixed at startup)
// Each PNG is <page>.png at scale 1 and <page>@2x.png at scale 2, of a 1366×768 window.
#include "core/logging.h"
#include "demobackend.h"
#include "guisettings.h"
#include "mainwindow.h"
#include "status/statuspoller.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QPixmap>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

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
    return code;
}

// A screenshot that is there, has the window's size at its scale, and shows more than a few
// colours (a blank or single-colour image means nothing was drawn).
QString checkImage(const QString &path, int scale)
{
    const QImage image(path);
    if (image.isNull())
        return u"missing or unreadable"_s;
    if (image.size() != kWindowSize * scale)
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
