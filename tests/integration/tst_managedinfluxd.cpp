// SPDX-License-Identifier: GPL-3.0-or-later
// ManagedInfluxd with the real influxd 1.6: started, restarted on the same URL after a
// SIGKILL, nothing left behind by stop() or the destructor, and a plain-words failure when
// influxd is missing. Also driven from a worker thread, the way the app runs it.
#include "core/thread.h"
#include "timeseries/influxdprocess.h"
#include "timeseries/managedinfluxd.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>

using namespace Qt::StringLiterals;
using namespace hai;

namespace {

constexpr int kStartTimeoutMs = 30'000;

bool processExists(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

} // namespace

class TestManagedInfluxd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (InfluxdProcess::findBinary().isEmpty())
            QFAIL("influxd is not installed (scripts/deps.sh --test installs the package)");
    }

    void restartedOnTheSameUrlAfterSigkill()
    {
        QTemporaryDir dir;
        ManagedInfluxd managed(dir.path());
        QSignalSpy started(&managed, &ManagedInfluxd::started);
        QSignalSpy stopped(&managed, &ManagedInfluxd::stopped);
        QSignalSpy failed(&managed, &ManagedInfluxd::failed);
        QCOMPARE(managed.dataDir(), dir.path() + u"/influxdb"_s);
        QVERIFY(managed.url().isEmpty());

        managed.start();
        QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, kStartTimeoutMs);
        const QUrl url = started.at(0).at(0).toUrl();
        QCOMPARE(url, managed.url());
        QCOMPARE(url.host(), u"127.0.0.1"_s);
        QVERIFY(url.port() > 0);
        QVERIFY(managed.isRunning());
        QVERIFY(InfluxdProcess::ping(quint16(url.port()), 2'000));
        QVERIFY(QFileInfo::exists(dir.filePath(u"influxdb/influxd.conf"_s)));
        QVERIFY(QFileInfo::exists(dir.filePath(u"influxdb/meta/meta.db"_s)));

        const qint64 first = managed.pid();
        QCOMPARE(::kill(pid_t(first), SIGKILL), 0);
        QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, 10'000);
        const QString why = stopped.at(0).at(0).toString();
        QVERIFY2(why.contains(u"stopped unexpectedly"_s) && why.contains(u"signal 9"_s),
                 qPrintable(why));
        QVERIFY(!managed.isRunning());
        QVERIFY(!processExists(first));

        // Back after the first backoff step (1 s), on the same port.
        QTRY_COMPARE_WITH_TIMEOUT(started.count(), 2, kStartTimeoutMs);
        QCOMPARE(started.at(1).at(0).toUrl(), url);
        QVERIFY(managed.isRunning());
        QVERIFY(managed.pid() != first);
        QVERIFY(processExists(managed.pid()));
        QCOMPARE(managed.restarts(), 1);
        QCOMPARE(failed.count(), 0);

        // And again: the delay doubles, the URL stays.
        QCOMPARE(::kill(pid_t(managed.pid()), SIGKILL), 0);
        QTRY_COMPARE_WITH_TIMEOUT(started.count(), 3, kStartTimeoutMs);
        QCOMPARE(started.at(2).at(0).toUrl(), url);
        QCOMPARE(stopped.count(), 2);
        QCOMPARE(managed.restarts(), 2);
    }

    void stopLeavesNothingAndDoesNotRestart()
    {
        QTemporaryDir dir;
        ManagedInfluxd managed(dir.path());
        QSignalSpy started(&managed, &ManagedInfluxd::started);
        QSignalSpy stopped(&managed, &ManagedInfluxd::stopped);
        managed.start();
        QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, kStartTimeoutMs);
        const qint64 pid = managed.pid();
        QVERIFY(processExists(pid));

        managed.stop();
        QVERIFY(!processExists(pid));
        QVERIFY(!managed.isRunning());
        QCOMPARE(managed.pid(), 0);
        QCOMPARE(stopped.count(), 1);
        QCOMPARE(stopped.at(0).at(0).toString(), u"stopped on request"_s);
        QVERIFY(!started.wait(2'500)); // longer than the first backoff step
        QCOMPARE(managed.restarts(), 0);

        // Startable again, on the same port.
        const QUrl url = managed.url();
        managed.start();
        QTRY_COMPARE_WITH_TIMEOUT(started.count(), 2, kStartTimeoutMs);
        QCOMPARE(managed.url(), url);
    }

    void stopWhileStarting()
    {
        QTemporaryDir dir;
        ManagedInfluxd managed(dir.path());
        QSignalSpy started(&managed, &ManagedInfluxd::started);
        QSignalSpy failed(&managed, &ManagedInfluxd::failed);
        managed.start();
        const qint64 pid = managed.pid(); // launched, not yet answering
        QVERIFY(processExists(pid));
        managed.stop();
        QVERIFY(!processExists(pid));
        QVERIFY(!started.wait(1'500));
        QCOMPARE(failed.count(), 0);
    }

    void destructorStops()
    {
        QTemporaryDir dir;
        qint64 pid = 0;
        {
            ManagedInfluxd managed(dir.path());
            QSignalSpy started(&managed, &ManagedInfluxd::started);
            managed.start();
            QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, kStartTimeoutMs);
            pid = managed.pid();
            QVERIFY(processExists(pid));
        }
        QVERIFY(!processExists(pid));
    }

    void missingBinaryFailsInPlainWords()
    {
        QTemporaryDir dir;
        ManagedInfluxd managed(dir.path());
        managed.setBinary(dir.filePath(u"no-such-dir/influxd"_s));
        QSignalSpy started(&managed, &ManagedInfluxd::started);
        QSignalSpy failed(&managed, &ManagedInfluxd::failed);
        managed.start();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 5'000);
        const QString message = failed.at(0).at(0).toString();
        QVERIFY2(message.startsWith(u"influxd is not installed"_s), qPrintable(message));
        QVERIFY2(message.contains(u"'influxdb'"_s), qPrintable(message));
        QVERIFY2(message.contains(u"--influx-url"_s), qPrintable(message));
        QVERIFY(!failed.wait(2'500)); // final: no retries
        QCOMPARE(started.count(), 0);
        QVERIFY(!managed.isRunning());
    }

    void runsInAWorkerThread()
    {
        QTemporaryDir dir;
        ThreadPtr thread = startNamedThread(u"influxd"_s);
        auto *managed = new ManagedInfluxd(dir.path());
        managed->moveToThread(thread.get());
        QList<QUrl> urls; // filled through queued calls into this thread
        QObject receiver;
        connect(managed, &ManagedInfluxd::started, &receiver,
                [&urls](const QUrl &url) { urls << url; });
        QMetaObject::invokeMethod(managed, &ManagedInfluxd::start);
        QTRY_COMPARE_WITH_TIMEOUT(urls.size(), 1, kStartTimeoutMs);
        const qint64 pid = invokeIn(managed, [managed] { return managed->pid(); });
        QVERIFY(processExists(pid));
        QVERIFY(InfluxdProcess::ping(quint16(urls.first().port()), 2'000));

        QMetaObject::invokeMethod(
            managed, [managed] { delete managed; }, Qt::BlockingQueuedConnection);
        QVERIFY(!processExists(pid));
    }
};

QTEST_GUILESS_MAIN(TestManagedInfluxd)
#include "tst_managedinfluxd.moc"
