// SPDX-License-Identifier: GPL-3.0-or-later
// Discovery benchmark: HaClient discovers a DemoHome (default 10,000 devices x 10 entities)
// into a fresh SQLite file, end to end over loopback, with DemoHome and the registry in their
// own threads as in the app. Then registry mutations in DemoHome are timed until a reader sees
// them in the store (HA event -> debounce -> re-read -> full snapshot -> commit).
// Prints figures only; never asserts on time.
//   bench_discovery [--devices N] [--entities-per-device M] [--mutations K]
#include "benchstats.h"
#include "core/thread.h"
#include "demo/demohome.h"
#include "homeassistant/haclient.h"
#include "homeassistant/haeventparser.h"
#include "homeassistant/haprotocol.h"
#include "homeassistant/livestatecache.h"
#include "registry/database.h"
#include "registry/registryreader.h"
#include "registry/registryservice.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;
using namespace hai;

namespace {

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// Waits (running the event loop) until `done` or `timeoutMs`; false on timeout.
bool waitFor(const std::function<bool()> &done, int timeoutMs, int pollMs = 2)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QTest::qWait(pollMs);
    }
    return true;
}

// The client's own share of live traffic, without socket and server: coalesced frames of 256
// state_changed events (~1.1 kB each) through HaProtocol, HaEventParser and the live cache.
void parsePathFigure()
{
    HaStats stats;
    HaProtocol protocol(&stats, HaProtocol::Handlers{[](const QByteArray &) {}, {}, {}, {}});
    protocol.handleFrame(R"({"type":"auth_ok","ha_version":"2026.8.0"})");
    HaEventList batch;
    LiveStateCache cache;
    const int id = protocol.subscribeEvents(u"state_changed"_s,
                                            [&batch](const QJsonObject &event) {
                                                HaEvent parsed;
                                                QString why;
                                                if (HaEventParser::parse(event, &parsed, &why))
                                                    batch.append(std::move(parsed));
                                            },
                                            {});
    QByteArray frame = "[";
    for (int i = 0; i < 256; ++i) {
        const QByteArray entity = "sensor.device_" + QByteArray::number(i) + "_temperature";
        const QByteArray state =
            R"({"entity_id":")" + entity +
            R"(","state":"21.5","attributes":{"unit_of_measurement":"°C","device_class":"temperature","state_class":"measurement","friendly_name":"Device temperature"},"last_changed":"2026-01-05T10:00:00.123456+00:00","last_reported":"2026-01-05T10:00:00.123456+00:00","last_updated":"2026-01-05T10:00:00.123456+00:00","context":{"id":"01JGXYZ0000000000000000001","parent_id":null,"user_id":null}})";
        frame +=
            QByteArray(i ? "," : "") +
            R"({"type":"event","event":{"event_type":"state_changed","data":{"entity_id":")" +
            entity + R"(","old_state":)" + state + R"(,"new_state":)" + state +
            R"(},"origin":"LOCAL","time_fired":"2026-01-05T10:00:00.123456+00:00","context":{"id":"01JGXYZ0000000000000000001","parent_id":null,"user_id":null}},"id":)" +
            QByteArray::number(id) + "}";
    }
    frame += "]";
    const QString text = QString::fromUtf8(frame); // as QWebSocket hands it over
    qint64 events = 0;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 2000) {
        protocol.handleFrame(text.toUtf8());
        cache.apply(batch);
        events += batch.size();
        batch.clear();
    }
    const double seconds = timer.nsecsElapsed() / 1e9;
    std::printf("client parse path without socket (frames of 256 events, %lld bytes): %.0f "
                "events/s\n",
                qlonglong(frame.size()), events / seconds);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QLoggingCategory::setFilterRules(u"hai.demo.info=false\nhai.registry.info=false"_s);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({u"devices"_s, u"Devices in the home."_s, u"N"_s, u"10000"_s});
    parser.addOption({u"entities-per-device"_s, u"Entities per device."_s, u"M"_s, u"10"_s});
    parser.addOption({u"mutations"_s, u"Registry mutations to time per kind."_s, u"K"_s, u"50"_s});
    parser.process(app);
    const int devices = parser.value(u"devices"_s).toInt();
    const int perDevice = parser.value(u"entities-per-device"_s).toInt();
    const int mutations = parser.value(u"mutations"_s).toInt();

    std::printf("bench_discovery: %s\n", qPrintable(test::machineSummary()));
    QTemporaryDir dir;
    DatabaseLocation location;
    location.sqlitePath = dir.filePath(u"registry.db"_s);

    // DemoHome in its own thread: serving 100k entities must not share a core with the client.
    DemoHomeOptions demoOptions;
    demoOptions.devices = devices;
    demoOptions.entitiesPerDevice = perDevice;
    demoOptions.areas = 40;
    demoOptions.floors = 4;
    demoOptions.labels = 20;
    QElapsedTimer timer;
    timer.start();
    ThreadPtr demoThread = startNamedThread(u"demo"_s);
    auto *demo = new DemoHome(demoOptions);
    demo->moveToThread(demoThread.get());
    if (!invokeIn(demo, [demo] { return demo->listen(); })) {
        std::printf("DemoHome cannot listen\n");
        return 1;
    }
    std::printf("  %-44s %9.1f ms  (%d devices, %d entities)\n", "generate the home",
                msSince(timer), invokeIn(demo, [demo] { return demo->deviceCount(); }),
                invokeIn(demo, [demo] { return demo->entityCount(); }));

    ThreadPtr registryThread = startNamedThread(u"registry"_s);
    auto *registry = new RegistryService(location);
    registry->moveToThread(registryThread.get());
    QString error;
    if (!invokeIn(registry, [registry, &error] { return registry->open(&error); })) {
        std::printf("registry: %s\n", qPrintable(error));
        return 1;
    }

    HaClientOptions options;
    options.url = invokeIn(demo, [demo] { return demo->url(); });
    options.token = invokeIn(demo, [demo] { return demo->token(); });
    options.registryDb = location;
    auto client = std::make_unique<HaClient>(options, registry);
    QString summary;
    bool discovered = false;
    QObject::connect(client.get(), &HaClient::discoveryFinished, client.get(),
                     [&](bool ok, const QString &text) {
                         discovered = true;
                         summary = text + (ok ? QString() : u" (FAILED)"_s);
                     });
    double discoveryMs = 0;
    timer.restart();
    client->start();
    const bool live = waitFor(
        [&] {
            if (discovered && discoveryMs == 0)
                discoveryMs = msSince(timer);
            return client->state() == HaState::Live;
        },
        120000, 1);
    std::printf("  %-44s %9.1f ms  %s\n", "discovery (connect, 6 lists, SQLite commit)",
                discoveryMs, qPrintable(summary));
    std::printf("  %-44s %9.1f ms  (%lld live states)%s\n", "until live (+ get_states)",
                msSince(timer), qlonglong(client->liveStates()->size()), live ? "" : "  TIMED OUT");

    Database readDb;
    if (!readDb.open(location, Database::Role::Reader, &error)) {
        std::printf("reader: %s\n", qPrintable(error));
        return 1;
    }
    RegistryReader reader(readDb);
    const RegistryReader::Counts counts = reader.counts();
    std::printf("  store holds %lld devices, %lld entities, %lld areas, %lld floors, %lld labels, "
                "%lld integrations\n",
                counts.devices, counts.entities, counts.areas, counts.floors, counts.labels,
                counts.integrations);

    // Registry-updated event -> store, per kind.
    const QStringList deviceIds = invokeIn(demo, [demo] { return demo->deviceIds(); });
    const QStringList areaIds = invokeIn(demo, [demo] { return demo->areaIds(); });
    const QStringList entityIds = invokeIn(demo, [demo] { return demo->entityIds(); });
    QRandomGenerator random(1);
    auto timeMutations = [&](const char *name, const std::function<bool(int)> &mutate,
                             const std::function<bool(int)> &visible) {
        QList<double> times;
        int failed = 0;
        for (int i = 0; i < mutations; ++i) {
            QElapsedTimer one;
            one.start();
            if (!mutate(i) || !waitFor([&] { return visible(i); }, 10000)) {
                ++failed;
                continue;
            }
            times.append(msSince(one));
            QTest::qWait(int(random.bounded(50)));
        }
        const test::Percentiles p = test::Percentiles::of(times);
        std::printf("  %-44s p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms  (%lld runs%s)\n", name,
                    p.p50, p.p99, p.max, qlonglong(times.size()),
                    failed ? qPrintable(u", %1 FAILED"_s.arg(failed)) : "");
    };
    std::printf("registry-updated event -> store (debounce %d ms, full re-read):\n",
                options.registryDebounceMs);
    timeMutations(
        "device rename (name_by_user)",
        [&](int i) {
            const QString id = deviceIds.at(i % deviceIds.size());
            return invokeIn(demo, [&] { return demo->renameDevice(id, u"bench %1"_s.arg(i)); });
        },
        [&](int i) {
            const auto device = reader.device(deviceIds.at(i % deviceIds.size()));
            return device && device->value(u"name_by_user"_s).toString() == u"bench %1"_s.arg(i);
        });
    timeMutations(
        "device move to another area",
        [&](int i) {
            const QString id = deviceIds.at((i * 7 + 1) % deviceIds.size());
            return invokeIn(demo,
                            [&] { return demo->moveDevice(id, areaIds.at(i % areaIds.size())); });
        },
        [&](int i) {
            const auto device = reader.device(deviceIds.at((i * 7 + 1) % deviceIds.size()));
            return device &&
                   device->value(u"area_id"_s).toString() == areaIds.at(i % areaIds.size());
        });
    timeMutations(
        "entity rename (name)",
        [&](int i) {
            const QString id = entityIds.at((i * 13 + 3) % entityIds.size());
            return invokeIn(demo, [&] { return demo->setEntityName(id, u"bench %1"_s.arg(i)); });
        },
        [&](int i) {
            const auto entity = reader.entity(entityIds.at((i * 13 + 3) % entityIds.size()));
            return entity && entity->value(u"name"_s).toString() == u"bench %1"_s.arg(i);
        });
    QStringList added;
    timeMutations(
        "area create",
        [&](int i) {
            added << invokeIn(demo, [&] { return demo->addArea(u"Bench area %1"_s.arg(i)); });
            return !added.last().isEmpty();
        },
        [&](int i) {
            for (const QJsonValue &area : reader.areas())
                if (area.toObject().value(u"area_id"_s).toString() == added.at(i))
                    return true;
            return false;
        });

    // Live throughput: a burst of state changes, coalesced by DemoHome, through the client.
    qint64 received = 0;
    QObject::connect(
        client.get(), &HaClient::eventsReceived, client.get(),
        [&received](const HaEventList &events, quint64) { received += events.size(); });
    const int burst = 200000;
    const qint64 before = invokeIn(demo, [demo] { return demo->emittedStateChanges(); });
    timer.restart();
    invokeIn(demo, [demo, burst] {
        demo->emitBurst(burst);
        return true;
    });
    const bool drained = waitFor([&] { return received >= burst; }, 120000, 1);
    const double burstSeconds = msSince(timer) / 1000.0;
    const qint64 emitted = invokeIn(demo, [demo] { return demo->emittedStateChanges(); }) - before;
    std::printf("live events: %lld of %lld received in %.2f s = %.0f events/s%s\n",
                qlonglong(received), qlonglong(emitted), burstSeconds, received / burstSeconds,
                drained ? "" : "  (TIMED OUT)");

    const HaStatsSnapshot stats = client->statusSnapshot();
    parsePathFigure();
    std::printf("client: %llu frames, %llu messages, %llu registry syncs (max %.0f ms), "
                "%llu bad inputs, peak RSS %lld MiB\n",
                stats.frames, stats.messages, stats.registrySyncs, stats.maxSyncLatencyMs,
                stats.badInputTotal(), test::peakRssKiB(0) / 1024);

    client->stop();
    client.reset();
    invokeIn(registry, [registry] {
        delete registry;
        return true;
    });
    registryThread.reset();
    invokeIn(demo, [demo] {
        delete demo;
        return true;
    });
    demoThread.reset();
    return 0;
}
