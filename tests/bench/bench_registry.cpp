// SPDX-License-Identifier: GPL-3.0-or-later
// Registry benchmark: a generated home (default 10,000 devices x 10 entities) written as a
// full snapshot into a fresh database, then reader queries timed over many runs.
// Prints figures only; never asserts on time.
//   bench_registry [--devices N] [--entities-per-device M] [--runs R]
//                  [--postgres | --sqlite-file PATH]
#include "benchstats.h"
#include "postgresserver.h"
#include "registry/database.h"
#include "registry/migrator.h"
#include "registry/registryreader.h"
#include "registry/registrywriter.h"
#include "registrysamples.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>
#include <ctime>
#include <functional>

using namespace Qt::StringLiterals;
using namespace hai;
using Mode = RegistryWriter::Mode;

namespace {

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// CPU time of this thread: on a shared machine, wall-clock percentiles include time slices
// given to other processes; CPU time shows what the query itself costs.
double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// Runs `query` `runs` times and prints wall-clock p50, p99 and max, and CPU-time p99, in ms.
void timeQuery(const char *name, int runs, const std::function<bool(int run)> &query)
{
    QList<double> times;
    QList<double> cpuTimes;
    times.reserve(runs);
    cpuTimes.reserve(runs);
    bool ok = true;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        const double cpuStart = threadCpuMs();
        timer.start();
        ok = query(run) && ok;
        times.append(msSince(timer));
        cpuTimes.append(threadCpuMs() - cpuStart);
    }
    const test::Percentiles wall = test::Percentiles::of(times);
    const test::Percentiles cpu = test::Percentiles::of(cpuTimes);
    std::printf("  %-48s p50 %7.3f  p99 %7.3f  max %7.3f  | cpu p99 %7.3f ms%s\n", name, wall.p50,
                wall.p99, wall.max, cpu.p99, ok ? "" : "   (SOME RUNS FAILED)");
}

bool step(const char *name, const std::function<RegistryWriter::Outcome()> &write)
{
    QElapsedTimer timer;
    const double cpuStart = threadCpuMs();
    timer.start();
    const RegistryWriter::Outcome outcome = write();
    std::printf("  %-48s %9.1f ms  (cpu %7.1f ms; %d rows, %d deleted)\n", name, msSince(timer),
                threadCpuMs() - cpuStart, outcome.upserted, outcome.deleted);
    if (!outcome.ok)
        std::printf("  FAILED: %s\n", qPrintable(outcome.error));
    return outcome.ok;
}

bool writeSnapshot(RegistryWriter &writer, const test::RegistrySample &home, const char *title)
{
    std::printf("%s\n", title);
    QElapsedTimer total;
    const double cpuStart = threadCpuMs();
    total.start();
    const bool ok =
        step("integrations",
             [&] { return writer.upsertIntegrations(home.integrations, Mode::Full); }) &&
        step("floors", [&] { return writer.upsertFloors(home.floors, Mode::Full); }) &&
        step("areas", [&] { return writer.upsertAreas(home.areas, Mode::Full); }) &&
        step("labels", [&] { return writer.upsertLabels(home.labels, Mode::Full); }) &&
        step("devices", [&] { return writer.upsertDevices(home.devices, Mode::Full); }) &&
        step("entities", [&] { return writer.upsertEntities(home.entities, Mode::Full); });
    std::printf("  %-48s %9.1f ms  (cpu %7.1f ms)\n", "TOTAL full snapshot", msSince(total),
                threadCpuMs() - cpuStart);
    return ok;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Registry write and query benchmark"_s);
    parser.addHelpOption();
    const QCommandLineOption devicesOption(u"devices"_s, u"Devices (default 10000)."_s, u"n"_s,
                                           u"10000"_s);
    const QCommandLineOption perDeviceOption(
        u"entities-per-device"_s, u"Entities per device (default 10)."_s, u"n"_s, u"10"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Runs per query (default 2000)."_s, u"n"_s,
                                        u"2000"_s);
    const QCommandLineOption postgresOption(
        u"postgres"_s, u"Use a throwaway PostgreSQL 15 server instead of SQLite."_s);
    const QCommandLineOption fileOption(
        u"sqlite-file"_s, u"Write to this new SQLite file and keep it (default: a temp file)."_s,
        u"path"_s);
    parser.addOptions({devicesOption, perDeviceOption, runsOption, postgresOption, fileOption});
    parser.process(app);
    const int deviceCount = qMax(1, parser.value(devicesOption).toInt());
    const int perDevice = qMax(1, parser.value(perDeviceOption).toInt());
    const int runs = qMax(1, parser.value(runsOption).toInt());

    std::printf("%s\n", qPrintable(test::machineSummary()));
    QFile loadavg(u"/proc/loadavg"_s);
    if (loadavg.open(QIODevice::ReadOnly))
        std::printf("load average at start: %s", loadavg.readLine().constData());
    QElapsedTimer timer;
    timer.start();
    const test::RegistrySample home = test::generatedHome(deviceCount, perDevice);
    std::printf("generated %lld devices, %lld entities in %.0f ms\n",
                qlonglong(home.devices.size()), qlonglong(home.entities.size()), msSince(timer));

    QTemporaryDir dir;
    test::PostgresServer server;
    DatabaseLocation location;
    QString error;
    if (parser.isSet(postgresOption)) {
        if (!server.start(&error) || !server.createDatabase(u"bench"_s, &error)) {
            std::fprintf(stderr, "cannot start PostgreSQL: %s\n", qPrintable(error));
            return 1;
        }
        location = server.location(u"bench"_s);
    } else if (parser.isSet(fileOption)) {
        location.sqlitePath = parser.value(fileOption);
        if (QFileInfo::exists(location.sqlitePath)) {
            std::fprintf(stderr, "%s exists; the benchmark needs a fresh file\n",
                         qPrintable(location.sqlitePath));
            return 1;
        }
    } else {
        location.sqlitePath = dir.filePath(u"registry.db"_s);
    }
    std::printf("database: %s\n", qPrintable(location.displayName()));

    Database writerDatabase;
    if (!test::openMigrated(writerDatabase, location, &error)) {
        std::fprintf(stderr, "cannot open: %s\n", qPrintable(error));
        return 1;
    }
    {
        RegistryWriter writer(writerDatabase);
        if (!writeSnapshot(writer, home, "\nfull snapshot into a fresh database") ||
            !writeSnapshot(writer, home, "\nsame full snapshot again (every row rewritten)"))
            return 1;

        std::printf("\nsingle-row partial writes (as registry-updated events cause)\n");
        timeQuery("upsert one device (Partial)", qMin(runs, 500), [&](int run) {
            const QJsonArray one{home.devices.at(run % home.devices.size())};
            return writer.upsertDevices(one, Mode::Partial).ok;
        });
        timeQuery("upsert one entity (Partial)", qMin(runs, 500), [&](int run) {
            const QJsonArray one{home.entities.at((run * 7919) % home.entities.size())};
            return writer.upsertEntities(one, Mode::Partial).ok;
        });
    }
    if (!location.isPostgres()) {
        const qint64 bytes = QFileInfo(location.sqlitePath).size() +
                             QFileInfo(location.sqlitePath + u"-wal"_s).size();
        std::printf("  database file + WAL: %.1f MB\n", double(bytes) / (1024.0 * 1024.0));
    }

    Database readerDatabase;
    if (!readerDatabase.open(location, Database::Role::Reader, &error)) {
        std::fprintf(stderr, "cannot open reader: %s\n", qPrintable(error));
        return 1;
    }
    RegistryReader reader(readerDatabase);
    QRandomGenerator random(42);
    const auto pick = [&](int bound) { return int(random.bounded(bound)); };
    const auto page = [](int limit, int offset) {
        PageRequest request;
        request.limit = limit;
        request.offset = offset;
        return request;
    };
    const auto deviceId = [&] {
        return u"dev_%1"_s.arg(pick(deviceCount), 5, 10, QLatin1Char('0'));
    };

    std::printf("\nreader queries, %d runs each (own Reader connection, prepared statements)\n",
                runs);
    timeQuery("device(id) with its entities", runs,
              [&](int) { return reader.device(deviceId()).has_value(); });
    timeQuery("entity(id)", runs, [&](int) {
        return reader
            .entity(home.entities.at(pick(int(home.entities.size())))
                        .toObject()
                        .value(u"entity_id"_s)
                        .toString())
            .has_value();
    });
    timeQuery("devices: no filter, 100 at random offset", runs, [&](int) {
        return !reader.devices({}, page(100, pick(deviceCount))).items.isEmpty() ||
               reader.lastError().isEmpty();
    });
    timeQuery("devices: manufacturer, 50 at random offset", runs, [&](int) {
        DeviceFilter filter;
        filter.manufacturer = u"Maker %1"_s.arg(pick(40), 2, 10, QLatin1Char('0'));
        return reader.devices(filter, page(50, pick(250))).total > 0;
    });
    timeQuery("devices: model, first 100", runs, [&](int) {
        DeviceFilter filter;
        filter.model = u"Model %1"_s.arg(pick(200), 3, 10, QLatin1Char('0'));
        return reader.devices(filter, page(100, 0)).total > 0;
    });
    timeQuery("devices: area, first 100", runs, [&](int) {
        DeviceFilter filter;
        filter.areaId = u"area_%1"_s.arg(pick(100), 3, 10, QLatin1Char('0'));
        return reader.lastError().isEmpty() && reader.devices(filter, page(100, 0)).total >= 0;
    });
    timeQuery("devices: integration, 100 at random offset", runs, [&](int) {
        static const QStringList domains = {u"hue"_s,     u"zwave_js"_s, u"zha"_s,  u"mqtt"_s,
                                            u"esphome"_s, u"shelly"_s,   u"tuya"_s, u"tplink"_s,
                                            u"sonos"_s,   u"cast"_s};
        DeviceFilter filter;
        filter.integration = domains.at(pick(int(domains.size())));
        return reader.devices(filter, page(100, pick(900))).total > 0;
    });
    timeQuery("devices: text query \"device 0...\"", runs, [&](int) {
        DeviceFilter filter;
        filter.query = u"device 0%1"_s.arg(pick(100), 2, 10, QLatin1Char('0'));
        return reader.devices(filter, page(100, 0)).total > 0;
    });
    timeQuery("entities: no filter, 100 at random offset", runs, [&](int) {
        return reader.entities({}, page(100, pick(int(home.entities.size())))).total > 0;
    });
    timeQuery("entities: domain sensor (~42%), 100 at random offset", runs, [&](int) {
        EntityFilter filter;
        filter.domain = u"sensor"_s;
        return reader.entities(filter, page(100, pick(40000))).total > 0;
    });
    timeQuery("entities: domain light, first 100", runs, [&](int) {
        EntityFilter filter;
        filter.domain = u"light"_s;
        return reader.entities(filter, page(100, 0)).total > 0;
    });
    timeQuery("entities: device_id", runs, [&](int) {
        EntityFilter filter;
        filter.deviceId = deviceId();
        return reader.entities(filter, page(100, 0)).total > 0;
    });
    timeQuery("entities: area (own or device's), first 100", runs, [&](int) {
        EntityFilter filter;
        filter.areaId = u"area_%1"_s.arg(pick(100), 3, 10, QLatin1Char('0'));
        return reader.entities(filter, page(100, 0)).total > 0;
    });
    timeQuery("entities: platform, 100 at random offset", runs, [&](int) {
        EntityFilter filter;
        filter.platform = u"zha"_s;
        return reader.entities(filter, page(100, pick(9000))).total > 0;
    });
    timeQuery("entities: text query \"dev_01234\" (scan)", qMin(runs, 500), [&](int) {
        EntityFilter filter;
        filter.query = u"dev_0%1"_s.arg(pick(1000), 3, 10, QLatin1Char('0'));
        return reader.entities(filter, page(100, 0)).total >= 0;
    });
    timeQuery("areas() with counts", qMin(runs, 200),
              [&](int) { return !reader.areas().isEmpty(); });
    timeQuery("integrations() with counts", qMin(runs, 200),
              [&](int) { return !reader.integrations().isEmpty(); });
    timeQuery("counts()", qMin(runs, 200), [&](int) { return reader.counts().devices > 0; });
    if (!reader.lastError().isEmpty())
        std::printf("last reader error: %s\n", qPrintable(reader.lastError()));
    return 0;
}
