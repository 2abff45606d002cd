// SPDX-License-Identifier: GPL-3.0-or-later
// End to end on this machine, three processes on the same cores: ha-demo-home (a burst of
// state changes) -> ha-ingestor (headless) -> a real influxd 1.6. Prints events/s, the app's
// CPU µs per event and peak RSS, and DemoHome's and influxd's CPU beside them, so a reader can
// see which side was the bottleneck. Then a steady phase: the app's CPU share and the lag p99
// at a steady rate. Never asserts on time.
#include "benchstats.h"
#include "freeport.h"
#include "httpclient.h"
#include "influxserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace hai::test;

namespace {

const QString kIngestor = QStringLiteral(HAI_INGESTOR_BINARY);
const QString kDemoHome = QStringLiteral(HAI_DEMO_HOME_BINARY);

struct Processes
{
    QProcess demo;
    QProcess app;
    ~Processes()
    {
        for (QProcess *process : {&app, &demo}) {
            process->terminate();
            if (!process->waitForFinished(10000))
                process->kill();
        }
    }
};

bool startDemoHome(QProcess *demo, const QStringList &arguments, QString *url, QString *token)
{
    demo->setProcessChannelMode(QProcess::SeparateChannels);
    demo->start(kDemoHome, QStringList{u"--listen"_s, u"127.0.0.1:0"_s} + arguments);
    QElapsedTimer timer;
    timer.start();
    QByteArray out;
    while (timer.elapsed() < 60000 && demo->state() != QProcess::NotRunning) {
        demo->waitForReadyRead(200);
        out += demo->readAllStandardOutput();
        for (const QByteArray &line : out.split('\n')) {
            if (line.startsWith("HA_URL="))
                *url = QString::fromUtf8(line.mid(7));
            if (line.startsWith("HA_TOKEN="))
                *token = QString::fromUtf8(line.mid(9));
        }
        if (!url->isEmpty() && !token->isEmpty())
            return true;
    }
    return false;
}

QJsonObject stats(HttpClient &http)
{
    return http.get(u"/api/v1/stats"_s).json().object();
}

void printCpu(const char *who, double cpuSeconds, qint64 events)
{
    std::printf("  %-34s %7.2f s CPU  (%.2f us/event)\n", who, cpuSeconds,
                cpuSeconds * 1e6 / double(events));
}

int runBurst(InfluxServer &influx, int events, int devices, const QString &dataDir)
{
    Processes processes;
    QString url, token;
    if (!startDemoHome(&processes.demo,
                       {u"--burst"_s, QString::number(events), u"--devices"_s,
                        QString::number(devices), u"--entities-per-device"_s, u"10"_s},
                       &url, &token)) {
        std::fprintf(stderr, "ha-demo-home did not start\n");
        return 1;
    }
    const quint16 apiPort = freeLoopbackPort();
    processes.app.setStandardOutputFile(dataDir + u"/app.out"_s);
    processes.app.setStandardErrorFile(dataDir + u"/app.out"_s);
    processes.app.start(kIngestor,
                        {u"--headless"_s, u"--ha-url"_s, url, u"--ha-token"_s, token,
                         u"--influx-url"_s, influx.url().toString(), u"--data-dir"_s, dataDir,
                         u"--api-listen"_s, u"127.0.0.1:"_s + QString::number(apiPort)});
    const qint64 appPid = processes.app.processId();
    const qint64 demoPid = processes.demo.processId();
    HttpClient http(QUrl(u"http://127.0.0.1:%1"_s.arg(apiPort)));

    // t0: the first event reaches the app (the burst starts when it subscribes).
    QElapsedTimer clock;
    clock.start();
    double appCpu0 = 0, demoCpu0 = 0, influxCpu0 = 0;
    qint64 t0 = -1;
    while (clock.elapsed() < 60000) {
        const double appCpu = processCpuSeconds(appPid);
        const double demoCpu = processCpuSeconds(demoPid);
        const double influxCpu = processCpuSeconds(influx.pid());
        const qint64 received = stats(http).value(u"ingest"_s)[u"events"_s][u"total"_s].toInteger();
        if (received > 0) {
            t0 = clock.nsecsElapsed() / 1000;
            appCpu0 = appCpu; // the sample taken just before: discovery and setup excluded
            demoCpu0 = demoCpu;
            influxCpu0 = influxCpu;
            break;
        }
        QThread::msleep(5);
    }
    if (t0 < 0) {
        std::fprintf(stderr, "no event reached the app within 60 s\n");
        return 1;
    }
    qint64 stored = 0, tEnd = -1;
    QString error;
    while (clock.elapsed() < 300000) {
        stored =
            influx.count(u"home_assistant"_s, u"home_assistant_events"_s, u"state_value"_s, &error);
        if (stored >= events) {
            tEnd = clock.nsecsElapsed() / 1000;
            break;
        }
        QThread::msleep(20);
    }
    const double appCpu = processCpuSeconds(appPid) - appCpu0;
    const double demoCpu = processCpuSeconds(demoPid) - demoCpu0;
    const double influxCpu = processCpuSeconds(influx.pid()) - influxCpu0;
    const QJsonObject figures = stats(http);
    if (tEnd < 0) {
        std::printf("  only %lld of %d events stored after 300 s (%s)\n", stored, events,
                    qPrintable(error));
        return 1;
    }
    const double seconds = double(tEnd - t0) / 1e6;
    const qint64 peakKiB = peakRssKiB(appPid);
    std::printf("Burst of %d events, DemoHome (%d devices x 10) -> ha-ingestor -> influxd 1.6\n",
                events, devices);
    std::printf("  %-34s %lld of %d (%s)\n", "stored in InfluxDB", stored, events,
                stored == events ? "zero loss" : "MISMATCH");
    std::printf("  %-34s %.2f s  ->  %.0f events/s end to end\n", "first event to last point",
                seconds, events / seconds);
    printCpu("ha-ingestor", appCpu, events);
    std::printf("  %-34s %.1f MiB\n", "ha-ingestor peak RSS", double(peakKiB) / 1024.0);
    printCpu("ha-demo-home (sender)", demoCpu, events);
    printCpu("influxd", influxCpu, events);
    const QJsonObject influxFigures = figures.value(u"influxdb"_s).toObject();
    std::printf("  %-34s requests %lld, bytes on the wire %.1f MB (raw %.1f MB), spooled %lld\n",
                "writer", influxFigures[u"requests"_s][u"sent"_s].toInteger(),
                influxFigures[u"requests"_s][u"bytes_wire"_s].toDouble() / 1e6,
                influxFigures[u"requests"_s][u"bytes_raw"_s].toDouble() / 1e6,
                influxFigures[u"points"_s][u"spooled"_s].toInteger());
    std::printf("  %-34s p50 %.0f ms, p99 %.0f ms\n", "lag (HA last_updated -> written)",
                influxFigures[u"lag_ms"_s][u"p50"_s].toDouble(),
                influxFigures[u"lag_ms"_s][u"p99"_s].toDouble());
    return 0;
}

int runSteady(InfluxServer &influx, int rate, int seconds, const QString &dataDir)
{
    Processes processes;
    QString url, token;
    if (!startDemoHome(&processes.demo,
                       {u"--rate"_s, QString::number(rate), u"--devices"_s, u"100"_s}, &url,
                       &token))
        return 1;
    const quint16 apiPort = freeLoopbackPort();
    processes.app.setStandardOutputFile(dataDir + u"/app-steady.out"_s);
    processes.app.setStandardErrorFile(dataDir + u"/app-steady.out"_s);
    processes.app.start(kIngestor, {u"--headless"_s, u"--ha-url"_s, url, u"--ha-token"_s, token,
                                    u"--influx-url"_s, influx.url().toString(), u"--data-dir"_s,
                                    dataDir + u"/steady"_s, u"--api-listen"_s,
                                    u"127.0.0.1:"_s + QString::number(apiPort)});
    HttpClient http(QUrl(u"http://127.0.0.1:%1"_s.arg(apiPort)));
    QThread::sleep(5); // connect, discover, settle
    const qint64 pid = processes.app.processId();
    const qint64 events0 = stats(http).value(u"ingest"_s)[u"events"_s][u"total"_s].toInteger();
    const double cpu0 = processCpuSeconds(pid);
    QElapsedTimer clock;
    clock.start();
    QThread::sleep(seconds);
    const double cpu = processCpuSeconds(pid) - cpu0;
    const double wall = double(clock.nsecsElapsed()) / 1e9;
    const QJsonObject figures = stats(http);
    const qint64 events = figures.value(u"ingest"_s)[u"events"_s][u"total"_s].toInteger() - events0;
    const QJsonObject lag = figures.value(u"influxdb"_s)[u"lag_ms"_s].toObject();
    std::printf("\nSteady %d events/s for %d s (100 devices x 5)\n", rate, seconds);
    std::printf("  %-34s %lld (%.1f/s)\n", "events received", events, double(events) / wall);
    std::printf("  %-34s %.2f %% of one core\n", "ha-ingestor CPU", 100.0 * cpu / wall);
    std::printf("  %-34s p50 %.0f ms, p99 %.0f ms (%lld samples)\n",
                "lag (HA last_updated -> written)", lag[u"p50"_s].toDouble(),
                lag[u"p99"_s].toDouble(), lag[u"samples"_s].toInteger());
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser options;
    options.addHelpOption();
    options.addOptions({
        {u"events"_s, u"Events in the burst (default 200000)."_s, u"N"_s, u"200000"_s},
        {u"devices"_s, u"Devices of the demo home (x 10 entities, default 200)."_s, u"N"_s,
         u"200"_s},
        {u"steady-rate"_s, u"Events/s of the steady phase (default 100)."_s, u"R"_s, u"100"_s},
        {u"steady-seconds"_s, u"Length of the steady phase; 0 skips it (default 30)."_s, u"S"_s,
         u"30"_s},
    });
    options.process(app);

    std::printf("bench_ingest: %s\n", qPrintable(machineSummary()));
    InfluxServer influx;
    QString error;
    if (!influx.start(&error)) {
        std::fprintf(stderr, "influxd: %s\n", qPrintable(error));
        return 1;
    }
    QTemporaryDir dir;
    int status = runBurst(influx, options.value(u"events"_s).toInt(),
                          options.value(u"devices"_s).toInt(), dir.path());
    const int steadySeconds = options.value(u"steady-seconds"_s).toInt();
    if (steadySeconds > 0)
        status |=
            runSteady(influx, options.value(u"steady-rate"_s).toInt(), steadySeconds, dir.path());
    return status;
}
