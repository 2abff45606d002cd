// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeseries/batchsplitter.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <cmath>

using hai::BatchSplitter;
using Range = BatchSplitter::Range;

class TestBatchSplitter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void isolatesExactlyTheBadLines_data();
    void isolatesExactlyTheBadLines();
    void randomSets();
    void unresolvedWhileInFlight();
    void singleLine();
};

void TestBatchSplitter::isolatesExactlyTheBadLines_data()
{
    QTest::addColumn<int>("lines");
    QTest::addColumn<QList<int>>("bad");
    QTest::newRow("none") << 100 << QList<int>{};
    QTest::newRow("first") << 100 << QList<int>{0};
    QTest::newRow("last") << 100 << QList<int>{99};
    QTest::newRow("middle") << 101 << QList<int>{50};
    QTest::newRow("neighbours") << 64 << QList<int>{31, 32};
    QTest::newRow("two lines, both bad") << 2 << QList<int>{0, 1};
    QTest::newRow("all bad") << 9 << QList<int>{0, 1, 2, 3, 4, 5, 6, 7, 8};
    QTest::newRow("one of 5000") << 5000 << QList<int>{4321};
    QTest::newRow("three of 5000") << 5000 << QList<int>{0, 2500, 4999};
}

void TestBatchSplitter::isolatesExactlyTheBadLines()
{
    QFETCH(int, lines);
    QFETCH(QList<int>, bad);
    const QSet<int> badSet(bad.cbegin(), bad.cend());
    QSet<int> written;
    int requests = 0;
    const QList<int> found = BatchSplitter::isolate(
        lines,
        [&](const Range &range) {
            for (int i = range.begin; i < range.end; ++i) {
                if (badSet.contains(i))
                    return false;
            }
            for (int i = range.begin; i < range.end; ++i)
                written.insert(i);
            return true;
        },
        &requests);
    QCOMPARE(found, bad);
    // Every good line is written, none of the bad ones.
    QCOMPARE(written.size(), lines - bad.size());
    // One bad line costs at most two requests per level of halving.
    if (bad.size() == 1)
        QVERIFY(requests <= 1 + 2 * int(std::ceil(std::log2(lines))));
}

void TestBatchSplitter::randomSets()
{
    QRandomGenerator random(42);
    for (int round = 0; round < 200; ++round) {
        const int lines = 1 + int(random.bounded(300));
        QSet<int> bad;
        const int count = int(random.bounded(qMin(lines, 6) + 1));
        while (bad.size() < count)
            bad.insert(int(random.bounded(lines)));
        QList<int> expected(bad.cbegin(), bad.cend());
        std::sort(expected.begin(), expected.end());
        const QList<int> found = BatchSplitter::isolate(lines, [&](const Range &range) {
            for (int i = range.begin; i < range.end; ++i) {
                if (bad.contains(i))
                    return false;
            }
            return true;
        });
        QCOMPARE(found, expected);
    }
}

void TestBatchSplitter::unresolvedWhileInFlight()
{
    BatchSplitter splitter(10);
    QVERIFY(splitter.hasNext());
    const Range left = splitter.next();
    QCOMPARE(left.begin, 0);
    QCOMPARE(left.end, 5);
    // Everything is unresolved while the first half is in flight.
    QCOMPARE(splitter.unresolved(), (QList<Range>{{0, 5}, {5, 10}}));
    splitter.accepted(left);
    QCOMPARE(splitter.unresolved(), (QList<Range>{{5, 10}}));
    const Range right = splitter.next();
    QVERIFY(!splitter.rejected(right)); // five lines: halved again
    QCOMPARE(splitter.unresolved(), (QList<Range>{{5, 7}, {7, 10}}));
    QVERIFY(!splitter.isDone());
}

void TestBatchSplitter::singleLine()
{
    BatchSplitter one(1);
    QVERIFY(one.isDone());
    QCOMPARE(one.badLines(), QList<int>{0});
    BatchSplitter two(2);
    const Range first = two.next();
    QVERIFY(two.rejected(first));
    const Range second = two.next();
    two.accepted(second);
    QVERIFY(two.isDone());
    QCOMPARE(two.badLines(), QList<int>{0});
}

QTEST_GUILESS_MAIN(TestBatchSplitter)
#include "tst_batchsplitter.moc"
