// SPDX-License-Identifier: GPL-3.0-or-later
// InfluxdProcess against the real influxd 1.6, and the InfluxServer launcher built on it:
// start, ping, write and read back, a restart on the same port that keeps the data, SIGKILL,
// and clear failures (port taken, no binary).
#include "influxserver.h"
#include "timeseries/influxdprocess.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>

using namespace Qt::StringLiterals;
using namespace hai;

namespace {

constexpr int kStartTimeoutMs = 30'000;

// Whether a process with this PID exists; our children are reaped once they end.
bool processExists(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

} // namespace

class TestInfluxdProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (InfluxdProcess::findBinary().isEmpty())
            QFAIL("influxd is not installed (scripts/deps.sh --test installs the package)");
    }

    void startPingStop()
    {
        QTemporaryDir dir;
        InfluxdProcess influxd(dir.path());
        QString error;
        QVERIFY2(influxd.start(&error), qPrintable(error));
        QVERIFY(influxd.isRunning());
        QVERIFY(influxd.isReady());
        const quint16 port = influxd.port();
        QVERIFY(port != 0);
        QCOMPARE(influxd.url(), QUrl(u"http://127.0.0.1:"_s + QString::number(port)));
        QVERIFY(InfluxdProcess::ping(port, 2'000));
        const qint64 pid = influxd.pid();
        QVERIFY(processExists(pid));

        // Everything on loopback, everything under the data dir.
        QFile config(influxd.configPath());
        QVERIFY(config.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(config.readAll());
        QVERIFY(text.contains(u"bind-address = \"127.0.0.1:"_s + QString::number(port) + u'"'));
        QCOMPARE(text.count(u"bind-address = \"127.0.0.1:"_s), 2); // HTTP and RPC
        QVERIFY(text.contains(u"store-enabled = false"_s));
        QVERIFY(text.contains(u"wal-dir = \""_s + dir.path() + u"/wal\""_s));
        QVERIFY(QFileInfo::exists(dir.filePath(u"meta/meta.db"_s)));

        influxd.stop();
        QVERIFY(!influxd.isRunning());
        QVERIFY(!processExists(pid));
        QVERIFY(!InfluxdProcess::ping(port, 500));

        // Back on the same port.
        QVERIFY2(influxd.start(&error), qPrintable(error));
        QCOMPARE(influxd.port(), port);
        QVERIFY(influxd.pid() != pid);
    }

    void asyncStartThenCrash()
    {
        QTemporaryDir dir;
        InfluxdProcess influxd(dir.path());
        QSignalSpy ready(&influxd, &InfluxdProcess::ready);
        QSignalSpy failed(&influxd, &InfluxdProcess::failed);
        QSignalSpy exited(&influxd, &InfluxdProcess::exited);
        QString error;
        QVERIFY2(influxd.startAsync(&error), qPrintable(error));
        QVERIFY(influxd.isRunning());
        QVERIFY(!influxd.isReady());
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, kStartTimeoutMs);
        QVERIFY(influxd.isReady());
        QVERIFY(InfluxdProcess::ping(influxd.port(), 2'000));

        // Someone else kills it: that is reported, unlike stop() and kill().
        const qint64 pid = influxd.pid();
        QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);
        QTRY_COMPARE_WITH_TIMEOUT(exited.count(), 1, 10'000);
        QVERIFY2(exited.at(0).at(0).toString().contains(u"killed by signal 9"_s),
                 qPrintable(exited.at(0).at(0).toString()));
        QVERIFY(!influxd.isRunning());
        QVERIFY(!processExists(pid));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(ready.count(), 1);
    }

    void portTakenFailsWithInfluxdsReason()
    {
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
        QTemporaryDir dir;
        InfluxdProcess influxd(dir.path(), blocker.serverPort());

        QString error;
        QVERIFY(!influxd.start(&error));
        QVERIFY2(error.contains(u"exited before answering /ping"_s), qPrintable(error));
        QVERIFY2(error.contains(u"address already in use"_s), qPrintable(error));
        QVERIFY(!influxd.isRunning());

        QSignalSpy failed(&influxd, &InfluxdProcess::failed);
        QSignalSpy ready(&influxd, &InfluxdProcess::ready);
        QVERIFY2(influxd.startAsync(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kStartTimeoutMs);
        QVERIFY2(failed.at(0).at(0).toString().contains(u"address already in use"_s),
                 qPrintable(failed.at(0).at(0).toString()));
        QCOMPARE(ready.count(), 0);
        QVERIFY(!influxd.isRunning());
    }

    void missingBinary()
    {
        QTemporaryDir dir;
        InfluxdProcess influxd(dir.path());
        influxd.setBinary(dir.filePath(u"no-such-dir/influxd"_s));
        QString error;
        QVERIFY(!influxd.start(&error));
        QVERIFY2(error.contains(u"no-such-dir/influxd"_s), qPrintable(error));
        QVERIFY(!influxd.isRunning());
    }

    void writeReadRestartAndKill()
    {
        test::InfluxServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QVERIFY2(server.createDatabase(u"home"_s, &error), qPrintable(error));
        QVERIFY2(server.write(u"home"_s,
                              "temp,entity_id=sensor.a value=21.5 1000000000123456\n"
                              "temp,entity_id=sensor.b value=19 1000000000223456\n"
                              "temp,entity_id=sensor.a value=21.75 1000000001123456\n",
                              &error),
                 qPrintable(error));
        QCOMPARE(server.count(u"home"_s, u"temp"_s, u"value"_s, &error), 3);

        // Times come back as integer microseconds, exactly as written.
        const QJsonObject answer = server.query(
            u"SELECT value FROM temp WHERE entity_id = 'sensor.b'"_s, u"home"_s, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QJsonArray row =
            answer.value(u"results"_s)[0][u"series"_s][0][u"values"_s][0].toArray();
        QCOMPARE(row.at(0).toInteger(), 1000000000223456LL);
        QCOMPARE(row.at(1).toDouble(), 19.0);

        // An outage: stopped, then back on the same port with the data.
        const quint16 port = server.port();
        const qint64 pid = server.pid();
        server.stop();
        QVERIFY(!server.isRunning());
        QVERIFY(!processExists(pid));
        QCOMPARE(server.count(u"home"_s, u"temp"_s, u"value"_s), -1);
        QVERIFY2(server.start(&error), qPrintable(error));
        QCOMPARE(server.port(), port);
        QCOMPARE(server.count(u"home"_s, u"temp"_s, u"value"_s, &error), 3);

        // A crash: acknowledged writes survive through the WAL.
        QVERIFY2(server.write(u"home"_s,
                              "temp,entity_id=sensor.c value=5 1000000002000000\n"
                              "temp,entity_id=sensor.c value=6 1000000003000000\n",
                              &error),
                 qPrintable(error));
        const qint64 pid2 = server.pid();
        server.kill();
        QVERIFY(!server.isRunning());
        QVERIFY(!processExists(pid2));
        QVERIFY2(server.start(&error), qPrintable(error));
        QCOMPARE(server.port(), port);
        QCOMPARE(server.count(u"home"_s, u"temp"_s, u"value"_s, &error), 5);
    }

    void countOnlySeesPointsWithTheField()
    {
        test::InfluxServer server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QVERIFY2(server.createDatabase(u"home"_s, &error), qPrintable(error));
        QVERIFY2(server.write(u"home"_s,
                              "light,entity_id=light.a value=1,state=\"on\" 1000000000000000\n"
                              "light,entity_id=light.a state=\"unavailable\" 1000000001000000\n"
                              "light,entity_id=light.b value=0,state=\"off\" 1000000001000000\n",
                              &error),
                 qPrintable(error));
        QCOMPARE(server.count(u"home"_s, u"light"_s, u"value"_s, &error), 2);
        QCOMPARE(server.count(u"home"_s, u"light"_s, u"state"_s, &error), 3);
        QCOMPARE(server.countPoints(u"home"_s, u"light"_s, &error), 3);
        QCOMPARE(server.countPoints(u"home"_s, u"nothing_here"_s, &error), 0);
        QCOMPARE(server.count(u"nodb"_s, u"light"_s, u"value"_s, &error), -1);
        QVERIFY2(error.contains(u"database not found"_s), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestInfluxdProcess)
#include "tst_influxdprocess.moc"
