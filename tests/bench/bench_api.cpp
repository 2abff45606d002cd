// SPDX-License-Identifier: GPL-3.0-or-later
// REST API benchmark on a generated home (default 10,000 devices x 10 entities):
//  1. the full-snapshot bulk upsert into a fresh SQLite file;
//  2. latencies over HTTP on loopback (keep-alive, one client) against the real Backend threads;
//  3. throughput with `wrk -c 16` on one lookup route (when wrk is installed);
//  4. the RSS of the real headless ha-ingestor binary serving that registry under load.
// Prints figures only; never asserts on time.
//   bench_api [--devices N] [--entities-per-device M] [--runs R] [--wrk-seconds S]
#include "backend.h"
#include "benchstats.h"
#include "freeport.h"
#include "rawhttpclient.h"
#include "registry/registryservice.h"
#include "registrysamples.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace hai;

namespace {

void print(const QString &line)
{
    std::printf("%s\n", qUtf8Printable(line));
    std::fflush(stdout);
}

QStringList idsOf(const QJsonArray &items, const QString &key)
{
    QStringList ids;
    for (const QJsonValue &item : items)
        ids.append(item.toObject().value(key).toString());
    return ids;
}

// Times `runs` GETs of paths made by `pathFor` and prints the percentiles in ms.
void timeRoute(test::RawHttpClient &client, const QString &name, int runs,
               const std::function<QByteArray(int)> &pathFor)
{
    QList<double> samples;
    samples.reserve(runs);
    int failures = 0;
    QByteArray body;
    for (int i = 0; i < runs; ++i) {
        const QByteArray path = pathFor(i);
        QElapsedTimer timer;
        timer.start();
        const int status = client.get(path, &body);
        samples.append(double(timer.nsecsElapsed()) / 1e6);
        failures += status == 200 ? 0 : 1;
    }
    print(u"  %1 %2%3"_s.arg(name.leftJustified(46), test::Percentiles::of(samples).format(u"ms"_s),
                             failures ? u"  (%1 non-200!)"_s.arg(failures) : QString()));
}

QString runWrk(quint16 port, const QByteArray &path, int seconds)
{
    if (QStandardPaths::findExecutable(u"wrk"_s).isEmpty())
        return u"wrk not installed"_s;
    QProcess wrk;
    wrk.start(u"wrk"_s, {u"-t2"_s, u"-c16"_s, u"-d%1s"_s.arg(seconds),
                         u"http://127.0.0.1:%1%2"_s.arg(port).arg(QString::fromLatin1(path))});
    wrk.waitForFinished((seconds + 30) * 1000);
    const QString out = QString::fromUtf8(wrk.readAllStandardOutput());
    const qsizetype at = out.indexOf(u"Requests/sec:"_s);
    const QString rate =
        at < 0 ? u"?"_s : out.mid(at + 13, out.indexOf(u'\n', at) - at - 13).trimmed();
    const qsizetype errors = out.indexOf(u"Non-2xx"_s);
    return rate + u" requests/s"_s + (errors >= 0 ? u" (with non-2xx answers!)"_s : QString());
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCommandLineParser parser;
    parser.addOptions({{u"devices"_s, u"Devices"_s, u"N"_s, u"10000"_s},
                       {u"entities-per-device"_s, u"Entities per device"_s, u"M"_s, u"10"_s},
                       {u"runs"_s, u"Requests per route"_s, u"R"_s, u"5000"_s},
                       {u"wrk-seconds"_s, u"Duration of the wrk run"_s, u"S"_s, u"10"_s}});
    parser.addHelpOption();
    parser.process(app);
    const int devices = parser.value(u"devices"_s).toInt();
    const int perDevice = parser.value(u"entities-per-device"_s).toInt();
    const int runs = parser.value(u"runs"_s).toInt();
    const int wrkSeconds = parser.value(u"wrk-seconds"_s).toInt();

    print(u"bench_api on %1"_s.arg(test::machineSummary()));
    QTemporaryDir dir;
    Settings settings;
    settings.dataDir = dir.path();
    settings.registryDb.sqlitePath = dir.filePath(u"metadata.db"_s);
    settings.apiPort = test::freeLoopbackPort();

    const test::RegistrySample home = test::generatedHome(devices, perDevice);
    print(u"registry: %1 devices, %2 entities, %3 areas"_s.arg(home.devices.size())
              .arg(home.entities.size())
              .arg(home.areas.size()));
    {
        RegistryService service(settings.registryDb);
        QString error;
        if (!service.open(&error)) {
            print(u"cannot open the registry: "_s + error);
            return 1;
        }
        QElapsedTimer timer;
        timer.start();
        bool written = false;
        service.apply(u"all"_s, [&](RegistryWriter &writer) {
            RegistryWriter::Outcome outcome;
            outcome.ok = written =
                test::writeSample(writer, home, RegistryWriter::Mode::Full, &error);
            return outcome;
        });
        print(u"bulk upsert of the full snapshot: %1 ms%2"_s
                  .arg(double(timer.nsecsElapsed()) / 1e6, 0, 'f', 1)
                  .arg(written ? QString() : u" FAILED: "_s + error));
    }
    print(u"database file: %1 MB"_s.arg(
        double(QFileInfo(settings.registryDb.sqlitePath).size()) / 1e6, 0, 'f', 1));

    const QStringList deviceIds = idsOf(home.devices, u"id"_s);
    const QStringList areaIds = idsOf(home.areas, u"area_id"_s);
    QRandomGenerator random(7);
    {
        Backend backend(settings);
        QString error;
        if (!backend.start(&error)) {
            print(u"cannot start the backend: "_s + error);
            return 1;
        }
        test::RawHttpClient client(u"127.0.0.1"_s, backend.apiPort());
        print(u"latency over HTTP, one keep-alive client, %1 requests each:"_s.arg(runs));
        timeRoute(client, u"warm-up GET /api/devices/{id}"_s, 500, [&](int) {
            return "/api/devices/" + deviceIds.at(random.bounded(deviceIds.size())).toUtf8();
        });
        timeRoute(client, u"GET /api/devices/{id}"_s, runs, [&](int) {
            return "/api/devices/" + deviceIds.at(random.bounded(deviceIds.size())).toUtf8();
        });
        timeRoute(client, u"GET /api/devices?area_id=X&limit=100"_s, runs, [&](int) {
            return "/api/devices?limit=100&area_id=" +
                   areaIds.at(random.bounded(areaIds.size())).toUtf8();
        });
        timeRoute(client, u"GET /api/entities?domain=sensor&limit=100"_s, runs,
                  [](int) { return QByteArray("/api/entities?domain=sensor&limit=100"); });
        timeRoute(client, u"GET /api/entities/{id}"_s, runs, [&](int) {
            const QJsonObject e = home.entities.at(random.bounded(home.entities.size())).toObject();
            return "/api/entities/" + e.value(u"entity_id"_s).toString().toUtf8();
        });
        timeRoute(client, u"GET /health"_s, runs, [](int) { return QByteArray("/health"); });
        const QByteArray lookup = "/api/devices/" + deviceIds.at(deviceIds.size() / 2).toUtf8();
        print(u"throughput, wrk -t2 -c16 -d%1s GET /api/devices/{id}: %2"_s.arg(wrkSeconds)
                  .arg(runWrk(backend.apiPort(), lookup, wrkSeconds)));
        const QByteArray entity = "/api/entities/" + home.entities.at(home.entities.size() / 2)
                                                         .toObject()
                                                         .value(u"entity_id"_s)
                                                         .toString()
                                                         .toUtf8();
        print(u"throughput, wrk -t2 -c16 -d%1s GET /api/entities/{id}: %2"_s.arg(wrkSeconds)
                  .arg(runWrk(backend.apiPort(), entity, wrkSeconds)));
    }

    // The real binary, to measure what a user would see in `ps`.
    const QString binary = QStringLiteral(HAI_INGESTOR_BINARY);
    const quint16 port = test::freeLoopbackPort();
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // An empty settings file: the app runs without Home Assistant and ignores the user's file.
    QFile(dir.filePath(u"empty.ini"_s)).open(QIODevice::WriteOnly);
    process.start(binary,
                  {u"--headless"_s, u"--config"_s, dir.filePath(u"empty.ini"_s), u"--log-level"_s,
                   u"warning"_s, u"--data-dir"_s, dir.path(), u"--registry-db"_s,
                   settings.registryDb.sqlitePath, u"--api-listen"_s, u"127.0.0.1:%1"_s.arg(port)});
    if (!process.waitForStarted()) {
        print(u"cannot start "_s + binary);
        return 1;
    }
    QThread::msleep(500);
    const qint64 pid = process.processId();
    print(u"headless ha-ingestor RSS after start: %1 MiB"_s.arg(
        double(test::currentRssKiB(pid)) / 1024.0, 0, 'f', 1));
    {
        test::RawHttpClient client(u"127.0.0.1"_s, port);
        for (int attempt = 0; attempt < 50 && client.get("/health") != 200; ++attempt)
            QThread::msleep(100);
        print(u"load on the headless binary:"_s);
        timeRoute(client, u"GET /api/devices/{id}"_s, runs, [&](int) {
            return "/api/devices/" + deviceIds.at(random.bounded(deviceIds.size())).toUtf8();
        });
        timeRoute(client, u"GET /api/devices?area_id=X&limit=100"_s, runs / 5, [&](int) {
            return "/api/devices?limit=100&area_id=" +
                   areaIds.at(random.bounded(areaIds.size())).toUtf8();
        });
        timeRoute(client, u"GET /api/entities?domain=sensor&limit=100&offset=K"_s, runs / 5,
                  [&](int) {
                      return "/api/entities?domain=sensor&limit=100&offset=" +
                             QByteArray::number(random.bounded(20000));
                  });
        print(u"  wrk -c16 on the binary: %1"_s.arg(
            runWrk(port, "/api/devices/" + deviceIds.first().toUtf8(), wrkSeconds / 2 + 1)));
    }
    print(u"headless ha-ingestor RSS: now %1 MiB, peak (VmHWM) %2 MiB"_s
              .arg(double(test::currentRssKiB(pid)) / 1024.0, 0, 'f', 1)
              .arg(double(test::peakRssKiB(pid)) / 1024.0, 0, 'f', 1));
    ::kill(pid_t(pid), SIGTERM);
    process.waitForFinished(10000);
    return 0;
}
