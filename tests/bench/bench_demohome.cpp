// SPDX-License-Identifier: GPL-3.0-or-later
// DemoHome benchmark: time to generate a home (default 10,000 devices x 10 entities), the
// rate at which state_changed frames are produced and serialised on one core, and a burst
// through a loopback socket to one client. Prints figures only; never asserts on time.
//   bench_demohome [--devices N] [--entities-per-device M] [--seconds S] [--loopback-events N]
#include "demo/demohome.h"
#include "demo/historyrecorder.h"
#include "demo/homegenerator.h"
#include "demo/homemodel.h"
#include "demo/publishedevent.h"
#include "demo/registryjson.h"
#include "demo/statejson.h"
#include "demo/trafficgenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QThread>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace Qt::StringLiterals;
using namespace hai;

namespace {

// Wall time and this thread's CPU time: on a busy machine the CPU time still shows what one
// core does.
class Stopwatch
{
public:
    Stopwatch() { restart(); }
    void restart()
    {
        m_wall.start();
        m_cpu = cpuNs();
    }
    double wallMs() const { return double(m_wall.nsecsElapsed()) / 1e6; }
    double cpuMs() const { return double(cpuNs() - m_cpu) / 1e6; }

private:
    static qint64 cpuNs()
    {
        timespec now{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
    }
    QElapsedTimer m_wall;
    qint64 m_cpu = 0;
};

DemoHomeOptions homeOptions(int devices, int entitiesPerDevice)
{
    DemoHomeOptions options;
    options.seed = 42;
    options.devices = devices;
    options.entitiesPerDevice = entitiesPerDevice;
    options.areas = 24;
    options.floors = 3;
    options.baseTimeMs = 1767607200000; // 2026-01-05T10:00:00Z
    options.recorderCommitMs = 0;
    return options;
}

void benchGeneration(int devices, int entitiesPerDevice)
{
    std::printf("Generation: %d devices x %d entities\n", devices, entitiesPerDevice);
    const DemoHomeOptions options = homeOptions(devices, entitiesPerDevice);
    for (int run = 0; run < 3; ++run) {
        Stopwatch timer;
        HomeModel model(options);
        HomeGenerator::generate(model);
        const double generateWall = timer.wallMs();
        const double generateCpu = timer.cpuMs();
        timer.restart();
        DemoHome home(options);
        std::printf(
            "  run %d: model %7.1f ms (cpu %7.1f ms)   whole DemoHome with history %7.1f ms "
            "(cpu %7.1f ms)   %d entities, %d states\n",
            run + 1, generateWall, generateCpu, timer.wallMs(), timer.cpuMs(), home.entityCount(),
            home.stateCount());
    }
    DemoHome home(options);
    Stopwatch timer;
    const QByteArray states = home.model().statesJson();
    const double statesMs = timer.wallMs();
    timer.restart();
    const QByteArray entities = RegistryJson::entityList(home.model());
    const double entitiesMs = timer.wallMs();
    timer.restart();
    const QByteArray devicesJson = RegistryJson::deviceList(home.model());
    const double devicesMs = timer.wallMs();
    std::printf("  get_states %6.1f MB in %7.1f ms; entity registry list %6.1f MB in %7.1f ms; "
                "device registry list %5.1f MB in %6.1f ms\n",
                states.size() / 1e6, statesMs, entities.size() / 1e6, entitiesMs,
                devicesJson.size() / 1e6, devicesMs);
}

void printRate(const char *what, qint64 count, qint64 bytes, const Stopwatch &timer)
{
    const double cpu = std::max(1e-9, timer.cpuMs() / 1000);
    const double wall = std::max(1e-9, timer.wallMs() / 1000);
    std::printf("  %-58s %9.0f /s per core (%9.0f /s wall)   %7.1f MB/s   %5lld bytes each\n", what,
                double(count) / cpu, double(count) / wall, double(bytes) / cpu / 1e6,
                bytes / std::max<qint64>(1, count));
}

void benchSerialisation(double seconds)
{
    std::printf("Serialisation of state_changed frames (one core, 1,000 devices x 10 entities)\n");
    const DemoHomeOptions options = homeOptions(1000, 10);
    HomeModel model(options);
    HomeGenerator::generate(model);
    TrafficGenerator traffic(model, options.seed);
    HistoryRecorder history(options.historyLimit);
    const qint64 budget = qint64(seconds * 1e9);

    // 1. What DemoHome does per event with one subscribe_events and one subscribe_entities
    //    subscriber: next state, model update, history row, event frame, compressed diff.
    {
        qint64 events = 0;
        qint64 eventBytes = 0;
        qint64 diffBytes = 0;
        Stopwatch timer;
        QElapsedTimer wall;
        wall.start();
        while (wall.nsecsElapsed() < budget) {
            for (int i = 0; i < 1000; ++i) {
                const HomeEvent event = traffic.next();
                history.record(*event.newState);
                PublishedEvent published(event);
                QByteArray frame;
                frame.reserve(published.body().size() + 32);
                StateJson::appendEventMessage(frame, published.body(), 7);
                QByteArray diff;
                diff.reserve(published.entitiesPayload().size() + 48);
                StateJson::appendEntitiesMessage(diff, 8, published.entitiesPayload());
                eventBytes += frame.size();
                diffBytes += diff.size();
            }
            events += 1000;
        }
        printRate("full path: next state + history + event frame + diff", events,
                  eventBytes + diffBytes, timer);
        std::printf("  %-58s %5lld bytes, compressed diff %lld bytes\n", "  average event frame",
                    eventBytes / std::max<qint64>(1, events),
                    diffBytes / std::max<qint64>(1, events));
    }

    // 2. Serialisation alone: subscribe_events frames for events generated beforehand.
    {
        std::vector<HomeEvent> prepared;
        prepared.reserve(200000);
        for (int i = 0; i < 200000; ++i)
            prepared.push_back(traffic.next());
        qint64 events = 0;
        qint64 bytes = 0;
        Stopwatch timer;
        QElapsedTimer wall;
        wall.start();
        while (wall.nsecsElapsed() < budget) {
            for (const HomeEvent &event : prepared) {
                QByteArray body;
                body.reserve(event.oldStateJson.size() + event.newStateJson.size() + 256);
                StateJson::appendEventBody(body, event);
                QByteArray frame;
                frame.reserve(body.size() + 32);
                StateJson::appendEventMessage(frame, body, 7);
                bytes += frame.size();
            }
            events += qint64(prepared.size());
        }
        printRate("event frame only (subscribe_events message)", events, bytes, timer);
    }

    // 3. A state object from scratch (what each new state costs once).
    {
        const StatePtr state = model.entities().at(1).state;
        qint64 count = 0;
        qint64 bytes = 0;
        Stopwatch timer;
        QElapsedTimer wall;
        wall.start();
        while (wall.nsecsElapsed() < budget) {
            for (int i = 0; i < 10000; ++i)
                bytes += StateJson::stateJson(*state, true).size();
            count += 10000;
        }
        printRate("state object (State._as_dict)", count, bytes, timer);
    }
}

// A burst through a real loopback socket: DemoHome in its own thread, a QWebSocket client here
// with coalesce_messages, counting state_changed events as they arrive.
void benchLoopback(int events)
{
    std::printf("Loopback burst: %d state_changed events to one coalescing client\n", events);
    QThread thread;
    thread.start();
    DemoHomeOptions options = homeOptions(1000, 10);
    auto *home = new DemoHome(options);
    home->moveToThread(&thread);
    QUrl url;
    QMetaObject::invokeMethod(
        home,
        [home, &url] {
            if (home->listen())
                url = home->url();
        },
        Qt::BlockingQueuedConnection);

    QWebSocket client;
    qint64 received = 0;
    qint64 bytes = 0;
    qint64 frames = 0;
    QEventLoop loop;
    QElapsedTimer timer;
    int step = 0;
    QObject::connect(&client, &QWebSocket::connected, &client, [&] {
        client.sendTextMessage(u"{\"type\":\"auth\",\"access_token\":\"demo-token\"}"_s);
    });
    QObject::connect(&client, &QWebSocket::textMessageReceived, &client, [&](const QString &text) {
        if (step == 0 && text.contains(u"auth_ok"_s)) {
            step = 1;
            client.sendTextMessage(u"[{\"id\":1,\"type\":\"supported_features\",\"features\":"
                                   u"{\"coalesce_messages\":1}},{\"id\":2,\"type\":"
                                   u"\"subscribe_events\",\"event_type\":\"state_changed\"}]"_s);
            return;
        }
        if (step == 1 && text.contains(u"\"id\":2,\"type\":\"result\""_s)) {
            step = 2;
            timer.start();
            QMetaObject::invokeMethod(home, [home, events] { home->emitBurst(events); });
            return;
        }
        ++frames;
        bytes += text.size();
        received += text.count(u"\"event_type\":\"state_changed\""_s);
        if (received >= events)
            loop.quit();
    });
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    client.open(url);
    loop.exec();
    const double seconds = std::max(1e-9, double(timer.nsecsElapsed()) / 1e9);
    std::printf("  received %lld events in %lld frames, %.1f MB, in %.2f s: %.0f events/s\n",
                received, frames, double(bytes) / 1e6, seconds, double(received) / seconds);
    client.close();
    QMetaObject::invokeMethod(
        home, [home] { delete home; }, Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"DemoHome generation and serialisation benchmark"_s);
    parser.addHelpOption();
    parser.addOptions(
        {{u"devices"_s, u"Devices (default 10000)."_s, u"N"_s},
         {u"entities-per-device"_s, u"Entities per device (default 10)."_s, u"M"_s},
         {u"seconds"_s, u"Seconds per serialisation run (default 2)."_s, u"S"_s},
         {u"loopback-events"_s, u"Events in the loopback burst (default 200000)."_s, u"N"_s}});
    parser.process(app);
    const int devices = parser.isSet(u"devices"_s) ? parser.value(u"devices"_s).toInt() : 10000;
    const int perDevice = parser.isSet(u"entities-per-device"_s)
                              ? parser.value(u"entities-per-device"_s).toInt()
                              : 10;
    const double seconds = parser.isSet(u"seconds"_s) ? parser.value(u"seconds"_s).toDouble() : 2;

    benchGeneration(devices, perDevice);
    benchSerialisation(seconds);
    benchLoopback(parser.isSet(u"loopback-events"_s) ? parser.value(u"loopback-events"_s).toInt()
                                                     : 200000);
    return 0;
}
