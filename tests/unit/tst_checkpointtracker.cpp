// SPDX-License-Identifier: GPL-3.0-or-later
#include "homeassistant/checkpointtracker.h"

#include <QTest>

using namespace Qt::StringLiterals;
using hai::CheckpointTracker;

class TestCheckpointTracker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
    void advancesOnAcknowledge();
    void heldDuringBackfill();
    void releaseWhenAllAcknowledged();
    void neverMovesBack();
};

void TestCheckpointTracker::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("us");
    QTest::newRow("iso") << u"2026-01-05T10:00:00.5+00:00"_s << 1767607200500000LL;
    QTest::newRow("micros") << u"1767607200500000"_s << 1767607200500000LL;
    QTest::newRow("garbage") << u"soon"_s << qint64(0);
    QTest::newRow("empty") << QString() << qint64(0);
    QTest::newRow("zero") << u"0"_s << qint64(0);
}

void TestCheckpointTracker::parse()
{
    QFETCH(QString, text);
    QFETCH(qint64, us);
    QCOMPARE(CheckpointTracker::parse(text).value_or(0), us);
    if (us)
        QCOMPARE(CheckpointTracker::parse(CheckpointTracker::format(us)).value_or(0), us);
}

void TestCheckpointTracker::advancesOnAcknowledge()
{
    CheckpointTracker tracker;
    const quint64 a = tracker.registerBatch(100);
    const quint64 b = tracker.registerBatch(200);
    QCOMPARE(b, a + 1);
    QCOMPARE(tracker.value(), 0);
    QVERIFY(tracker.acknowledge(a));
    QCOMPARE(tracker.value(), 100);
    QVERIFY(tracker.isDirty());
    tracker.markSaved();
    QVERIFY(tracker.acknowledge(b));
    QCOMPARE(tracker.value(), 200);
    QVERIFY(!tracker.acknowledge(b));
}

void TestCheckpointTracker::heldDuringBackfill()
{
    CheckpointTracker tracker;
    tracker.load(1000);
    tracker.hold();
    // Live events after the gap, acknowledged while the backfill still runs.
    tracker.acknowledge(tracker.registerBatch(5000));
    QCOMPARE(tracker.value(), 1000);
    const quint64 backfilled = tracker.registerBatch(0);
    tracker.releaseHold();
    QCOMPARE(tracker.value(), 1000); // the backfill batch is not durable yet
    tracker.acknowledge(backfilled);
    QCOMPARE(tracker.value(), 5000);
}

void TestCheckpointTracker::releaseWhenAllAcknowledged()
{
    CheckpointTracker tracker;
    tracker.load(1000);
    tracker.hold();
    tracker.acknowledge(tracker.registerBatch(3000));
    tracker.releaseHold();
    QCOMPARE(tracker.value(), 3000);
}

void TestCheckpointTracker::neverMovesBack()
{
    CheckpointTracker tracker;
    tracker.load(5000);
    tracker.acknowledge(tracker.registerBatch(100)); // a late, older batch
    QCOMPARE(tracker.value(), 5000);
    QVERIFY(!tracker.isDirty());
}

QTEST_GUILESS_MAIN(TestCheckpointTracker)
#include "tst_checkpointtracker.moc"
