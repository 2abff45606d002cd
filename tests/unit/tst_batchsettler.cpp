// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeseries/batchsettler.h"
#include "timeseries/spool.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using hai::BatchSettler;
using hai::BatchSplitter;
using hai::InfluxWriterFigures;
using hai::WriteBatch;

namespace {

WriteBatch batchOf(BatchSettler &settler, int points, quint64 token)
{
    WriteBatch batch;
    for (int i = 0; i < points; ++i)
        batch.lines += "m,i=" + QByteArray::number(i) + " v=1 " + QByteArray::number(i) + "\n";
    batch.points = points;
    batch.tokens.append(settler.acks().addPart(token));
    return batch;
}

} // namespace

class TestBatchSettler : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void spooledBatchIsAcknowledged();
    void settledOnlyOnce();
    void bisectedRemainderIsSpooled();
    void deadLetterKeepsLineAndMessage();
    void withoutSpoolTheAcknowledgementStops();
};

void TestBatchSettler::spooledBatchIsAcknowledged()
{
    QTemporaryDir dir;
    InfluxWriterFigures figures;
    BatchSettler settler(dir.path(), figures);
    QString error;
    QVERIFY(settler.openSpool(1 << 20, &error));
    WriteBatch batch = batchOf(settler, 4, 1);
    settler.spoolRemainder(batch);
    QVERIFY(settler.takeAckMoved());
    QCOMPARE(settler.acks().acknowledged(), 1u);
    QCOMPARE(figures.pointsSpooled, 4u);
    QCOMPARE(settler.spool()->points(), 4);
}

void TestBatchSettler::settledOnlyOnce()
{
    QTemporaryDir dir;
    InfluxWriterFigures figures;
    BatchSettler settler(dir.path(), figures);
    WriteBatch first = batchOf(settler, 1, 1);
    WriteBatch second = batchOf(settler, 1, 2);
    settler.settle(second);
    settler.settle(second); // a second settle must not finish token 1's part
    QVERIFY(!settler.takeAckMoved());
    settler.settle(first);
    QVERIFY(settler.takeAckMoved());
    QCOMPARE(settler.acks().acknowledged(), 2u);
}

void TestBatchSettler::bisectedRemainderIsSpooled()
{
    QTemporaryDir dir;
    InfluxWriterFigures figures;
    BatchSettler settler(dir.path(), figures);
    QString error;
    QVERIFY(settler.openSpool(1 << 20, &error));
    WriteBatch batch = batchOf(settler, 8, 1);
    batch.splitter = std::make_unique<BatchSplitter>(8);
    const BatchSplitter::Range left = batch.splitter->next();
    batch.splitter->accepted(left); // lines 0..3 written; 4..7 unresolved
    settler.spoolRemainder(batch);
    QCOMPARE(figures.pointsSpooled, 4u);
    const auto record = settler.spool()->peek();
    QVERIFY(record);
    QCOMPARE(record->points, 4);
    QVERIFY(record->lines.startsWith("m,i=4 "));
    QCOMPARE(settler.acks().acknowledged(), 1u);
}

void TestBatchSettler::deadLetterKeepsLineAndMessage()
{
    QTemporaryDir dir;
    InfluxWriterFigures figures;
    BatchSettler settler(dir.path(), figures);
    WriteBatch batch = batchOf(settler, 3, 1);
    hai::InfluxResponse response;
    response.kind = hai::InfluxErrorKind::BadData;
    response.status = 400;
    response.message = u"partial write: field type conflict\nsecond line"_s;
    settler.deadLetter(batch, {1, 2}, response, u"database 'x'"_s);
    QCOMPARE(figures.pointsDeadLettered, 1u);
    QFile file(settler.deadLetterPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QVERIFY(lines[0].startsWith("# 20"));
    QVERIFY(lines[0].endsWith(" status=400 points=1 target=database 'x'"));
    QCOMPARE(lines[1], QByteArray("# error: partial write: field type conflict second line"));
    QCOMPARE(lines[2], QByteArray("m,i=1 v=1 1"));
}

void TestBatchSettler::withoutSpoolTheAcknowledgementStops()
{
    QTemporaryDir dir;
    InfluxWriterFigures figures;
    BatchSettler settler(dir.path(), figures); // spool never opened
    WriteBatch batch = batchOf(settler, 2, 1);
    settler.spoolRemainder(batch);
    QVERIFY(!settler.takeAckMoved());
    QVERIFY(!settler.acks().hasAcknowledged());
    QCOMPARE(figures.droppedSpoolError, 2u);
}

QTEST_GUILESS_MAIN(TestBatchSettler)
#include "tst_batchsettler.moc"
