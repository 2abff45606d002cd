// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeseries/batchassembler.h"

#include <QTest>

using hai::AckTracker;
using hai::BatchAssembler;
using hai::WriteBatchPtr;

namespace {

QByteArray lines(int first, int count)
{
    QByteArray out;
    for (int i = first; i < first + count; ++i)
        out += "m v=" + QByteArray::number(i) + " " + QByteArray::number(1000 + i) + "\n";
    return out;
}

} // namespace

class TestBatchAssembler : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cutsAtExactlyBatchSize();
    void tokenAcknowledgedWhenEveryPieceIsDone();
    void eventTimesFollowTheirLines();
    void missingNewlineIsAdded();
};

void TestBatchAssembler::cutsAtExactlyBatchSize()
{
    AckTracker acks;
    BatchAssembler assembler(10, acks);
    QList<WriteBatchPtr> full = assembler.add(lines(0, 7), 7, 1, {});
    QVERIFY(full.isEmpty());
    QCOMPARE(assembler.openPoints(), 7);
    full = assembler.add(lines(7, 25), 25, 2, {});
    QCOMPARE(full.size(), 3);
    QCOMPARE(assembler.openPoints(), 2);
    QByteArray all;
    for (const WriteBatchPtr &batch : full) {
        QCOMPARE(batch->points, 10);
        QCOMPARE(batch->lines.count('\n'), 10);
        all += batch->lines;
    }
    const WriteBatchPtr rest = assembler.takeOpen();
    QVERIFY(rest);
    QVERIFY(!assembler.hasOpen());
    QCOMPARE(all + rest->lines, lines(0, 32)); // nothing lost, nothing reordered
}

void TestBatchAssembler::tokenAcknowledgedWhenEveryPieceIsDone()
{
    AckTracker acks;
    BatchAssembler assembler(10, acks);
    QList<WriteBatchPtr> full = assembler.add(lines(0, 15), 15, 7, {});
    QCOMPARE(full.size(), 1);
    QCOMPARE(full[0]->tokens, QList<quint64>{7});
    const WriteBatchPtr rest = assembler.takeOpen();
    QCOMPARE(rest->tokens, QList<quint64>{7});
    QVERIFY(!acks.finishPart(7)); // one piece of two
    QVERIFY(acks.finishPart(7));
    QCOMPARE(acks.acknowledged(), 7u);
}

void TestBatchAssembler::eventTimesFollowTheirLines()
{
    AckTracker acks;
    BatchAssembler assembler(4, acks);
    const QList<WriteBatchPtr> full = assembler.add(lines(0, 6), 6, 1, {60, 50, 40, 30, 20, 10});
    QCOMPARE(full.size(), 1);
    QCOMPARE(full[0]->eventTimesUs, (QList<qint64>{60, 50, 40, 30}));
    QCOMPARE(full[0]->oldestUs, 30);
    const WriteBatchPtr rest = assembler.takeOpen();
    QCOMPARE(rest->eventTimesUs, (QList<qint64>{20, 10}));
    QCOMPARE(rest->oldestUs, 10);
}

void TestBatchAssembler::missingNewlineIsAdded()
{
    AckTracker acks;
    BatchAssembler assembler(10, acks);
    assembler.add("a v=1 1", 1, 1, {});
    assembler.add("b v=2 2\n", 1, 2, {});
    QCOMPARE(assembler.takeOpen()->lines, QByteArray("a v=1 1\nb v=2 2\n"));
}

QTEST_GUILESS_MAIN(TestBatchAssembler)
#include "tst_batchassembler.moc"
