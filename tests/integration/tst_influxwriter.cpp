// SPDX-License-Identifier: GPL-3.0-or-later
// InfluxWriter against real servers: influxd 1.6 (v1 API) and VictoriaMetrics (v2 API).
#include "influxserver.h"
#include "influxwriterharness.h"
#include "victoriametricsserver.h"

#include "timeseries/spool.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>
#include <QTest>
#include <QThread>

#include <csignal>
#include <ctime>
#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using hai::InfluxOptions;
using hai::test::InfluxServer;
using hai::test::makeLines;
using hai::test::WriterHarness;

namespace {

constexpr int kWaitMs = 60'000; // every wait is bounded; normal runs need a few seconds

InfluxOptions v1Options(const QUrl &url, const QString &db)
{
    InfluxOptions o;
    o.url = url;
    o.api = 1;
    o.database = db;
    o.flushIntervalMs = 50;
    return o;
}

// About 250 bytes a line, values and names varied as in a real home (gzip sees real entropy).
QList<QByteArray> benchChunks(int total, int chunk)
{
    const qint64 base = hai::test::nowUs() - 3'600'000'000LL;
    QList<QByteArray> chunks;
    QByteArray lines;
    for (int i = 0; i < total; ++i) {
        const int entity = (i * 7919) % 5000;
        lines +=
            "bench,domain=sensor,entity_id=living_room_temperature_" + QByteArray::number(entity) +
            ",area=room_" + QByteArray::number(entity % 40) +
            ",device_class=temperature value=" + QByteArray::number(15 + (i * 37) % 1500 / 100.0) +
            ",friendly_name_str=\"Living Room Temperature " + QByteArray::number(entity) +
            "\",unit_of_measurement_str=\"°C\",state_class_str=\"measurement\",battery=" +
            QByteArray::number((i * 13) % 100) + ",rssi=-" +
            QByteArray::number(40 + (i * 17) % 50) +
            ",linkquality=" + QByteArray::number((i * 29) % 255) + " " +
            QByteArray::number(base + i) + "\n";
        if ((i + 1) % chunk == 0)
            chunks.append(std::exchange(lines, {}));
    }
    return chunks;
}

// CPU time of the thread `object` lives in.
double threadCpuSeconds(QObject *object)
{
    return hai::invokeIn(object, [] {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
    });
}

// utime + stime of another process, from /proc/<pid>/stat.
double influxdCpuSeconds(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    return double(fields.value(11).toLongLong() + fields.value(12).toLongLong()) /
           double(sysconf(_SC_CLK_TCK));
}

double processCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

} // namespace

class TestInfluxWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void v1WritesEveryPoint();
    void v2ToVictoriaMetrics();
    void outageSpoolsThenReplays();
    void poisonedPointIsDeadLettered();
    void missingDatabaseIsCreated();
    void missingDatabaseIsReported();
    void stopWithinTimeoutSpoolsTheRest();
    void spoolSurvivesWriterRestart();
    void throughput_data();
    void throughput();
    void replayRate();

private:
    InfluxServer m_influx;
};

void TestInfluxWriter::initTestCase()
{
    QString error;
    QVERIFY2(m_influx.start(&error), qPrintable(error + u'\n' + m_influx.log()));
}

void TestInfluxWriter::v1WritesEveryPoint()
{
    QVERIFY(m_influx.createDatabase(u"every"_s));
    InfluxOptions options = v1Options(m_influx.url(), u"every"_s);
    options.gzipMinBytes = 64 * 1024; // to loopback, only an explicit threshold gzips
    WriterHarness harness(options);
    QVERIFY2(harness.started(), qPrintable(harness.startError()));
    const qint64 base = hai::test::nowUs() - 3'600'000'000LL;
    // 20 appends of 1000 points: four full 5000-point batches, gzipped (> 64 KiB), then a
    // small uncompressed one. Points of a series are 50 µs apart: µs precision keeps them all.
    const int total = 20'000;
    for (int i = 0; i < 20; ++i) {
        harness.append(makeLines("every", i * 1000, 1000, base), 1000, quint64(i + 1),
                       hai::test::eventTimes(1000, hai::test::nowUs()));
    }
    harness.append(makeLines("every", total, 7, base), 7, 21);
    QTRY_COMPARE_WITH_TIMEOUT(harness.lastAck(), 21u, kWaitMs);
    // Batches beyond two in flight and 16 MiB queued would wait in the spool; either way all land.
    QTRY_COMPARE_WITH_TIMEOUT(harness.figures().pointsWritten, quint64(total + 7), kWaitMs);
    QCOMPARE(m_influx.count(u"every"_s, u"every"_s, u"value"_s), qint64(total + 7));
    const hai::InfluxWriterFigures f = harness.figures();
    QCOMPARE(f.pointsReplayed, f.pointsSpooled);
    QCOMPARE(f.spoolPoints, 0);
    QCOMPARE(f.status, u"ok"_s);
    QVERIFY2(f.bytesWire * 3 < f.bytesRaw, "large bodies went out gzipped");
    QVERIFY(f.requests >= 5);
    QVERIFY(f.lagSamples >= quint64(total));
    QVERIFY(f.lagP99Ms > 0);
    QVERIFY(f.lastSuccessUs > 0);
}

void TestInfluxWriter::v2ToVictoriaMetrics()
{
    hai::test::VictoriaMetricsServer vm;
    if (hai::test::VictoriaMetricsServer::findBinary().isEmpty())
        QSKIP("victoria-metrics is not installed");
    QString error;
    QVERIFY2(vm.start(&error), qPrintable(error + u'\n' + vm.log()));
    InfluxOptions options;
    options.url = vm.url();
    options.api = 2;
    options.org = u"home"_s;
    options.bucket = u"ha"_s;
    options.token = u"any-token"_s;
    options.flushIntervalMs = 50;
    options.gzipMinBytes = 1024;
    WriterHarness harness(options);
    QVERIFY(harness.started());
    // VictoriaMetrics keeps milliseconds: space the points 1 ms apart.
    const qint64 base = hai::test::nowUs() - 600'000'000LL;
    QByteArray lines;
    const int total = 3000;
    for (int i = 0; i < total; ++i)
        lines += "vmtest,entity_id=e" + QByteArray::number(i % 10) +
                 " value=" + QByteArray::number(i) + " " + QByteArray::number(base + i * 1000LL) +
                 "\n";
    harness.append(lines, total, 1);
    QTRY_COMPARE_WITH_TIMEOUT(harness.lastAck(), 1u, kWaitMs);
    QCOMPARE(harness.figures().pointsWritten, quint64(total));
    QTRY_COMPARE_WITH_TIMEOUT(vm.countSamples(u"{__name__=\"vmtest_value\"}"_s), qint64(total),
                              20'000);
}

void TestInfluxWriter::outageSpoolsThenReplays()
{
    QVERIFY(m_influx.createDatabase(u"outage"_s));
    InfluxOptions options = v1Options(m_influx.url(), u"outage"_s);
    WriterHarness harness(options);
    QVERIFY(harness.started());
    const qint64 base = hai::test::nowUs() - 3'600'000'000LL;
    int appended = 0;
    quint64 token = 0;
    auto appendChunk = [&] {
        harness.append(makeLines("outage", appended, 500, base), 500, ++token);
        appended += 500;
    };
    for (int i = 0; i < 4; ++i)
        appendChunk();
    QTRY_COMPARE_WITH_TIMEOUT(harness.lastAck(), token, kWaitMs);

    // About three seconds without influxd while ingestion goes on.
    m_influx.stop();
    for (int i = 0; i < 20; ++i) {
        appendChunk();
        QTest::qWait(150);
    }
    // While influxd is down the points are acknowledged from the spool.
    QTRY_COMPARE_WITH_TIMEOUT(harness.lastAck(), token, kWaitMs);
    hai::InfluxWriterFigures f = harness.figures();
    QCOMPARE(f.status, u"unreachable"_s);
    QVERIFY2(f.lastError.contains(u"cannot reach InfluxDB"_s), qPrintable(f.lastError));
    QVERIFY(f.spoolPoints > 0);
    QVERIFY(f.errors[size_t(hai::InfluxErrorKind::Network)] > 0);

    QString error;
    QVERIFY2(m_influx.start(&error), qPrintable(error));
    for (int i = 0; i < 4; ++i)
        appendChunk();
    // The probe backs off at most a few seconds here; then the spool drains.
    QTRY_VERIFY_WITH_TIMEOUT(
        harness.figures().spoolPoints == 0 && harness.figures().pendingPoints == 0, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(harness.lastAck(), token, kWaitMs);
    QCOMPARE(m_influx.count(u"outage"_s, u"outage"_s, u"value"_s), qint64(appended));
    f = harness.figures();
    QCOMPARE(f.status, u"ok"_s);
    QVERIFY(f.pointsReplayed > 0);
    QCOMPARE(f.pointsReplayed, f.pointsSpooled);
    QCOMPARE(f.droppedSpoolFull + f.droppedSpoolError + f.droppedSpoolCorrupt, 0u);
}

void TestInfluxWriter::poisonedPointIsDeadLettered()
{
    QVERIFY(m_influx.createDatabase(u"poison"_s));
    const qint64 base = hai::test::nowUs() - 3'600'000'000LL;
    // f is a float in this shard; a string f in the batch below is a field type conflict.
    QVERIFY(m_influx.write(u"poison"_s, "m,k=first f=1 " + QByteArray::number(base) + "\n"));
    InfluxOptions options = v1Options(m_influx.url(), u"poison"_s);
    WriterHarness harness(options);
    QVERIFY(harness.started());
    QByteArray lines;
    const int good = 199;
    for (int i = 0; i < good + 1; ++i) {
        if (i == 123)
            lines += "m,k=bad f=\"x\" " + QByteArray::number(base + 1 + i) + "\n";
        else
            lines += "m,k=g" + QByteArray::number(i) + " f=" + QByteArray::number(i) + " " +
                     QByteArray::number(base + 1 + i) + "\n";
    }
    harness.append(lines, good + 1, 1);
    QTRY_COMPARE_WITH_TIMEOUT(harness.lastAck(), 1u, kWaitMs);
    QCOMPARE(m_influx.count(u"poison"_s, u"m"_s, u"f"_s), qint64(1 + good));
    const hai::InfluxWriterFigures f = harness.figures();
    QCOMPARE(f.pointsDeadLettered, 1u);
    QCOMPARE(f.pointsWritten, quint64(good));
    QVERIFY(f.errors[size_t(hai::InfluxErrorKind::BadData)] >= 1);
    QCOMPARE(f.status, u"ok"_s);

    const QDir deadLetters(harness.dataDir() + u"/deadletter"_s);
    const QStringList files = deadLetters.entryList({u"deadletter-*.lp"_s}, QDir::Files);
    QCOMPARE(files.size(), 1);
    QFile file(deadLetters.filePath(files.constFirst()));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY2(text.contains("status=400 points=1"), text.constData());
    QVERIFY2(text.contains("field type conflict"), text.constData());
    QVERIFY2(text.contains("\nm,k=bad f=\"x\" "), text.constData());
    QCOMPARE(text.count("\nm,"), 1); // only the bad line
}

void TestInfluxWriter::missingDatabaseIsCreated()
{
    InfluxOptions options = v1Options(m_influx.url(), u"created_by_writer"_s);
    options.createDatabase = true;
    WriterHarness harness(options);
    QVERIFY(harness.started());
    const qint64 base = hai::test::nowUs() - 3'600'000'000LL;
    harness.append(makeLines("fresh", 0, 300, base), 300, 1);
    QTRY_COMPARE_WITH_TIMEOUT(harness.lastAck(), 1u, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_influx.count(u"created_by_writer"_s, u"fresh"_s, u"value"_s),
                              qint64(300), kWaitMs);
    QCOMPARE(harness.figures().status, u"ok"_s);
    // Created before the first write, so no batch was refused.
    QCOMPARE(harness.figures().errors[size_t(hai::InfluxErrorKind::NotFound)], 0u);
    QCOMPARE(harness.figures().pointsSpooled, 0u);

    // Dropped while the writer runs: the next write gets a 404, creates it again, and lands.
    QString error;
    m_influx.query(u"DROP DATABASE \"created_by_writer\""_s, {}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    harness.append(makeLines("fresh", 300, 200, base), 200, 2);
    QTRY_COMPARE_WITH_TIMEOUT(harness.lastAck(), 2u, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_influx.count(u"created_by_writer"_s, u"fresh"_s, u"value"_s),
                              qint64(200), kWaitMs);
    QCOMPARE(harness.figures().errors[size_t(hai::InfluxErrorKind::NotFound)], 1u);
}

void TestInfluxWriter::missingDatabaseIsReported()
{
    InfluxOptions options = v1Options(m_influx.url(), u"never_created"_s);
    options.createDatabase = false;
    WriterHarness harness(options);
    QVERIFY(harness.started());
    const qint64 base = hai::test::nowUs() - 3'600'000'000LL;
    harness.append(makeLines("missing", 0, 100, base), 100, 1);
    // Acknowledged from the spool, and a clear message instead of a spin.
    QTRY_COMPARE_WITH_TIMEOUT(harness.lastAck(), 1u, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(harness.figures().status, u"misconfigured"_s, kWaitMs);
    const hai::InfluxWriterFigures f = harness.figures();
    QVERIFY2(f.lastError.startsWith(u"database 'never_created' does not exist (404)"_s),
             qPrintable(f.lastError));
    QCOMPARE(f.spoolPoints, 100);
    QTest::qWait(1500);
    QCOMPARE(harness.figures().requests, 1u); // the next probe is 30 s away
    QString error;
    m_influx.query(u"SHOW DATABASES"_s, {}, &error);
    QCOMPARE(m_influx.count(u"never_created"_s, u"missing"_s, u"value"_s), qint64(-1));
}

void TestInfluxWriter::stopWithinTimeoutSpoolsTheRest()
{
    QVERIFY(m_influx.createDatabase(u"stopping"_s));
    InfluxOptions options = v1Options(m_influx.url(), u"stopping"_s);
    options.requestTimeoutMs = 30'000;
    WriterHarness harness(options);
    QVERIFY(harness.started());
    const qint64 base = hai::test::nowUs() - 3'600'000'000LL;
    // Freeze influxd: connections are accepted by the kernel, nothing answers.
    const pid_t influxd = pid_t(m_influx.pid());
    QVERIFY(::kill(influxd, SIGSTOP) == 0);
    const auto thaw = qScopeGuard([influxd] { ::kill(influxd, SIGCONT); });
    for (int i = 0; i < 6; ++i)
        harness.append(makeLines("stopping", i * 2000, 2000, base), 2000, quint64(i + 1));
    QTest::qWait(300);
    QElapsedTimer clock;
    clock.start();
    harness.stop(2000);
    QTRY_VERIFY_WITH_TIMEOUT(harness.isStopped(), kWaitMs);
    const qint64 stopMs = clock.elapsed();
    QVERIFY2(stopMs < 4000, qPrintable(QString::number(stopMs)));
    QCOMPARE(harness.lastAck(), 6u);
    const hai::InfluxWriterFigures f = harness.figures();
    QCOMPARE(f.status, u"stopped"_s);
    QCOMPARE(f.pendingPoints, 0);
    // Whatever the frozen server may still apply, every point is in the spool.
    QCOMPARE(f.spoolPoints, 12'000);
    // Appends after stop() go straight to the spool and are acknowledged.
    harness.append(makeLines("stopping", 12'000, 10, base), 10, 7);
    QTRY_COMPARE_WITH_TIMEOUT(harness.lastAck(), 7u, kWaitMs);
    QCOMPARE(harness.figures().spoolPoints, 12'010);
}

void TestInfluxWriter::spoolSurvivesWriterRestart()
{
    QVERIFY(m_influx.createDatabase(u"restart"_s));
    QTemporaryDir dataDir;
    const qint64 base = hai::test::nowUs() - 3'600'000'000LL;
    {
        // No InfluxDB yet (a managed influxd that has not started): everything is spooled.
        InfluxOptions options = v1Options(QUrl(), u"restart"_s);
        WriterHarness harness(options, dataDir.path());
        QVERIFY(harness.started());
        harness.append(makeLines("restart", 0, 1200, base), 1200, 1);
        QTRY_COMPARE_WITH_TIMEOUT(harness.lastAck(), 1u, kWaitMs);
        QCOMPARE(harness.figures().status, u"no_target"_s);
        QCOMPARE(harness.figures().lastError, u"no InfluxDB configured"_s);
        QCOMPARE(harness.figures().spoolPoints, 1200);
    }
    InfluxOptions options = v1Options(QUrl(), u"restart"_s);
    WriterHarness harness(options, dataDir.path());
    QVERIFY(harness.started());
    QCOMPARE(harness.figures().spoolPoints, 1200);
    harness.setUrl(m_influx.url()); // the URL arrives late
    QTRY_COMPARE_WITH_TIMEOUT(harness.figures().spoolPoints, 0, kWaitMs);
    QCOMPARE(m_influx.count(u"restart"_s, u"restart"_s, u"value"_s), qint64(1200));
    QCOMPARE(harness.figures().pointsReplayed, 1200u);
}

void TestInfluxWriter::throughput_data()
{
    QTest::addColumn<bool>("gzip");
    QTest::addColumn<bool>("paced");
    QTest::newRow("gzip, paced") << true << true;
    QTest::newRow("plain, paced") << false << true;
    QTest::newRow("gzip, burst") << true << false;
    QTest::newRow("plain, burst") << false << false;
}

// A measurement, run with HAI_INFLUX_BENCH=1: 200,000 points of about 250 bytes in 5000-point
// batches. Paced: the producer stays two batches ahead of InfluxDB (the live path). Burst: all
// appended at once, so most batches go through the spool.
void TestInfluxWriter::throughput()
{
    if (qEnvironmentVariableIsEmpty("HAI_INFLUX_BENCH"))
        QSKIP("a measurement, not a test: set HAI_INFLUX_BENCH=1");
    QFETCH(bool, gzip);
    QFETCH(bool, paced);
    const QString db = u"bench_%1_%2"_s.arg(gzip).arg(paced);
    QVERIFY(m_influx.createDatabase(db));
    InfluxOptions options = v1Options(m_influx.url(), db);
    options.flushIntervalMs = 250;
    options.gzipMinBytes = gzip ? 64 * 1024 : 0;
    WriterHarness harness(options);
    QVERIFY(harness.started());
    const int total = 200'000, chunk = 1000;
    const QList<QByteArray> chunks = benchChunks(total, chunk);
    const double cpuBefore = processCpuSeconds();
    const double writerCpuBefore = threadCpuSeconds(harness.writer());
    QElapsedTimer clock;
    clock.start();
    const double influxdCpuBefore = influxdCpuSeconds(m_influx.pid());
    for (int i = 0; i < chunks.size(); ++i) {
        // At most three batches not yet written: the open one and two in flight.
        while (paced && quint64(i * chunk) > harness.figures().pointsWritten + 3 * 5000)
            QThread::usleep(200);
        harness.append(chunks[i], chunk, quint64(i + 1));
    }
    QTRY_VERIFY_WITH_TIMEOUT(harness.lastAck() == quint64(chunks.size()) &&
                                 harness.figures().pointsWritten == quint64(total),
                             300'000);
    const double seconds = double(clock.elapsed()) / 1000;
    const double cpu = processCpuSeconds() - cpuBefore;
    const double writerCpu = threadCpuSeconds(harness.writer()) - writerCpuBefore;
    const double influxdCpu = influxdCpuSeconds(m_influx.pid()) - influxdCpuBefore;
    const hai::InfluxWriterFigures f = harness.figures();
    qInfo().noquote() << u"influxd 1.6, %1: %2 points in %3 s = %4 points/s; CPU: writer thread "
                         u"%5 s, whole process %6 s; %7 MB raw, %8 MB on the wire; %9 requests; "
                         u"%10 points via the spool; influxd CPU %11 s"_s
                             .arg(QString::fromLatin1(QTest::currentDataTag()))
                             .arg(total)
                             .arg(seconds, 0, 'f', 2)
                             .arg(double(total) / seconds, 0, 'f', 0)
                             .arg(writerCpu, 0, 'f', 2)
                             .arg(cpu, 0, 'f', 2)
                             .arg(double(f.bytesRaw) / 1e6, 0, 'f', 1)
                             .arg(double(f.bytesWire) / 1e6, 0, 'f', 1)
                             .arg(f.requests)
                             .arg(f.pointsSpooled)
                             .arg(influxdCpu, 0, 'f', 2);
    QCOMPARE(m_influx.count(db, u"bench"_s, u"value"_s), qint64(total));
}

// Replay rate: 200,000 points spooled while there is no InfluxDB, then the URL arrives.
void TestInfluxWriter::replayRate()
{
    if (qEnvironmentVariableIsEmpty("HAI_INFLUX_BENCH"))
        QSKIP("a measurement, not a test: set HAI_INFLUX_BENCH=1");
    QVERIFY(m_influx.createDatabase(u"bench_replay"_s));
    InfluxOptions options = v1Options(QUrl(), u"bench_replay"_s);
    WriterHarness harness(options);
    QVERIFY(harness.started());
    const int total = 200'000, chunk = 5000;
    const QList<QByteArray> chunks = benchChunks(total, chunk);
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < chunks.size(); ++i)
        harness.append(chunks[i], chunk, quint64(i + 1));
    QTRY_COMPARE_WITH_TIMEOUT(harness.lastAck(), quint64(chunks.size()), 300'000);
    const double spoolSeconds = double(clock.elapsed()) / 1000;
    const double bytes = double(harness.figures().spoolBytes);
    clock.restart();
    harness.setUrl(m_influx.url());
    QTRY_COMPARE_WITH_TIMEOUT(harness.figures().pointsReplayed, quint64(total), 300'000);
    const double replaySeconds = double(clock.elapsed()) / 1000;
    qInfo().noquote() << u"spooled %1 points (%2 MB) in %3 s through the writer; replayed them to "
                         u"influxd 1.6 in %4 s = %5 points/s"_s.arg(total)
                             .arg(bytes / 1e6, 0, 'f', 1)
                             .arg(spoolSeconds, 0, 'f', 2)
                             .arg(replaySeconds, 0, 'f', 2)
                             .arg(double(total) / replaySeconds, 0, 'f', 0);
    QCOMPARE(m_influx.count(u"bench_replay"_s, u"bench"_s, u"value"_s), qint64(total));
}

QTEST_GUILESS_MAIN(TestInfluxWriter)
#include "tst_influxwriter.moc"
