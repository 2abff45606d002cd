// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeseries/batchscheduler.h"
#include "timeseries/spool.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using hai::BatchScheduler;
using hai::Spool;
using hai::WriteBatch;
using hai::WriteBatchPtr;

namespace {

WriteBatchPtr live(int points)
{
    auto batch = std::make_shared<WriteBatch>();
    for (int i = 0; i < points; ++i)
        batch->lines += "m v=" + QByteArray::number(i) + "\n";
    batch->points = points;
    return batch;
}

} // namespace

class TestBatchScheduler : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void liveAndReplayTakeTurns();
    void queueIsBoundedByBytes();
    void oneReplayAtATime();
    void bisectionFirst();
    void probeSendsTheOldestData();
    void noReplayWhileStopping();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Spool> m_spool;
};

void TestBatchScheduler::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    Spool::Options options;
    options.directory = m_dir->path();
    m_spool = std::make_unique<Spool>(options);
    QString error;
    QVERIFY(m_spool->open(&error));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(m_spool->append("s v=" + QByteArray::number(i) + "\n", 1, 1),
                 Spool::AppendResult::Stored);
}

void TestBatchScheduler::cleanup()
{
    m_spool.reset();
    m_dir.reset();
}

void TestBatchScheduler::liveAndReplayTakeTurns()
{
    BatchScheduler scheduler;
    const WriteBatchPtr a = live(5), b = live(6);
    scheduler.enqueue(a);
    scheduler.enqueue(b);
    QVERIFY(scheduler.canQueue());
    QCOMPARE(scheduler.pendingPoints(), 11);
    QList<bool> fromSpool;
    for (int i = 0; i < 4; ++i) {
        const WriteBatchPtr batch = scheduler.next(false, true, m_spool.get());
        QVERIFY(batch);
        fromSpool.append(batch->fromSpool);
        if (batch->fromSpool) { // written: the spool moves on
            m_spool->consume(batch->record);
            scheduler.release(batch);
        }
    }
    QCOMPARE(fromSpool, (QList<bool>{true, false, true, false}));
    QVERIFY(scheduler.isIdle());
}

void TestBatchScheduler::queueIsBoundedByBytes()
{
    BatchScheduler scheduler;
    auto big = std::make_shared<WriteBatch>();
    big->lines = QByteArray(BatchScheduler::kMaxQueuedBytes / 2, 'x');
    scheduler.enqueue(big);
    QVERIFY(scheduler.canQueue());
    auto second = std::make_shared<WriteBatch>();
    second->lines = big->lines;
    scheduler.enqueue(second);
    QVERIFY(!scheduler.canQueue()); // the writer spools from here on
    scheduler.release(second);
    QVERIFY(scheduler.canQueue());
    QCOMPARE(scheduler.next(false, false, nullptr), big);
    QVERIFY(scheduler.canQueue());
}

void TestBatchScheduler::oneReplayAtATime()
{
    BatchScheduler scheduler;
    const WriteBatchPtr first = scheduler.next(false, true, m_spool.get());
    QVERIFY(first && first->fromSpool);
    QVERIFY(!scheduler.next(false, true, m_spool.get())); // the record is still in flight
    scheduler.release(first);                             // failed: not consumed
    const WriteBatchPtr again = scheduler.next(false, true, m_spool.get());
    QCOMPARE(again->lines, first->lines); // the same record, not the next one
}

void TestBatchScheduler::bisectionFirst()
{
    BatchScheduler scheduler;
    scheduler.enqueue(live(3));
    const WriteBatchPtr refused = live(8);
    refused->splitter = std::make_unique<hai::BatchSplitter>(8);
    scheduler.startSplitting(refused);
    QCOMPARE(scheduler.next(false, true, m_spool.get()), refused);
    refused->busy = true; // its half is in flight: the others may go
    QVERIFY(scheduler.next(false, true, m_spool.get()) != refused);
}

void TestBatchScheduler::probeSendsTheOldestData()
{
    BatchScheduler scheduler;
    scheduler.enqueue(live(3));
    const WriteBatchPtr probe = scheduler.next(true, true, m_spool.get());
    QVERIFY(probe->fromSpool);
    QCOMPARE(probe->lines, QByteArray("s v=0\n"));
}

void TestBatchScheduler::noReplayWhileStopping()
{
    BatchScheduler scheduler;
    QVERIFY(!scheduler.next(false, false, m_spool.get()));
    const WriteBatchPtr batch = live(2);
    scheduler.enqueue(batch);
    QCOMPARE(scheduler.next(false, false, m_spool.get()), batch);
}

QTEST_GUILESS_MAIN(TestBatchScheduler)
#include "tst_batchscheduler.moc"
