// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeseries/acktracker.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <random>

using hai::AckTracker;

class TestAckTracker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void inOrder();
    void outOfOrderWaitsForTheGap();
    void tokenSplitAcrossBatches();
    void repeatedAndDecreasingTokens();
    void randomCompletionOrderNeverRunsAhead();
};

void TestAckTracker::inOrder()
{
    AckTracker tracker;
    QVERIFY(!tracker.hasAcknowledged());
    const quint64 a = tracker.addPart(1);
    const quint64 b = tracker.addPart(2);
    QVERIFY(tracker.finishPart(a));
    QCOMPARE(tracker.acknowledged(), 1u);
    QVERIFY(tracker.finishPart(b));
    QCOMPARE(tracker.acknowledged(), 2u);
    QVERIFY(tracker.isIdle());
}

void TestAckTracker::outOfOrderWaitsForTheGap()
{
    AckTracker tracker;
    tracker.addPart(1);
    tracker.addPart(2);
    tracker.addPart(3);
    QVERIFY(!tracker.finishPart(3));
    QVERIFY(!tracker.finishPart(2));
    QVERIFY(!tracker.hasAcknowledged());
    QVERIFY(tracker.finishPart(1)); // jumps straight to 3
    QCOMPARE(tracker.acknowledged(), 3u);
}

void TestAckTracker::tokenSplitAcrossBatches()
{
    AckTracker tracker;
    tracker.addPart(5);              // first half of append 5, in batch A
    tracker.addPart(5);              // second half, in batch B
    tracker.addPart(6);              // append 6, in batch B
    QVERIFY(!tracker.finishPart(5)); // batch B done: 5 still has a part open
    QVERIFY(!tracker.finishPart(6));
    QVERIFY(tracker.finishPart(5)); // batch A done
    QCOMPARE(tracker.acknowledged(), 6u);
    QVERIFY(!tracker.finishPart(99)); // unknown tokens are ignored
}

void TestAckTracker::repeatedAndDecreasingTokens()
{
    AckTracker tracker;
    QCOMPARE(tracker.addPart(10), 10u);
    QCOMPARE(tracker.addPart(7), 10u); // clamped: acknowledgements never go backwards
    QVERIFY(!tracker.finishPart(10));
    QVERIFY(tracker.finishPart(10));
    QCOMPARE(tracker.acknowledged(), 10u);
}

void TestAckTracker::randomCompletionOrderNeverRunsAhead()
{
    QRandomGenerator random(7);
    for (int round = 0; round < 50; ++round) {
        AckTracker tracker;
        QList<quint64> parts;
        for (quint64 token = 1; token <= 200; ++token) {
            const int count = 1 + int(random.bounded(3));
            for (int i = 0; i < count; ++i)
                parts.append(tracker.addPart(token));
        }
        std::shuffle(parts.begin(), parts.end(), std::mt19937(round));
        QMap<quint64, int> open;
        for (const quint64 token : parts)
            ++open[token];
        quint64 last = 0;
        for (const quint64 token : parts) {
            tracker.finishPart(token);
            if (--open[token] == 0)
                open.remove(token);
            if (tracker.hasAcknowledged()) {
                QVERIFY(tracker.acknowledged() >= last);
                last = tracker.acknowledged();
                // Nothing at or below the acknowledged token may still be open.
                QVERIFY(open.isEmpty() || open.firstKey() > last);
            }
        }
        QCOMPARE(tracker.acknowledged(), 200u);
    }
}

QTEST_GUILESS_MAIN(TestAckTracker)
#include "tst_acktracker.moc"
