// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeseries/spool.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using hai::Spool;
using hai::SpoolRecord;

namespace {

// One record: `points` lines that name the record, padded to about `bytes`.
QByteArray recordLines(int index, int points = 3, int bytes = 0)
{
    QByteArray lines;
    for (int i = 0; i < points; ++i)
        lines += "m,rec=" + QByteArray::number(index) + " v=" + QByteArray::number(i) + " " +
                 QByteArray::number(1700000000000000LL + index * 1000 + i) + "\n";
    if (lines.size() < bytes)
        lines += "# " + QByteArray(bytes - lines.size() - 3, 'x') + "\n";
    return lines;
}

Spool::Options options(const QString &dir, qint64 maxBytes = 1 << 30, qint64 segmentBytes = 0)
{
    Spool::Options o;
    o.directory = dir;
    o.maxBytes = maxBytes;
    o.segmentBytes = segmentBytes;
    return o;
}

QStringList segmentFiles(const QString &dir)
{
    return QDir(dir).entryList({u"*.seg"_s}, QDir::Files, QDir::Name);
}

// Replays everything left, returning the record indexes in order.
QList<int> drain(Spool &spool)
{
    QList<int> order;
    while (auto record = spool.peek()) {
        const int start = int(record->lines.indexOf("rec=")) + 4;
        order.append(record->lines.mid(start, record->lines.indexOf(' ', start) - start).toInt());
        spool.consume(*record);
    }
    return order;
}

QList<int> range(int from, int to)
{
    QList<int> out;
    for (int i = from; i < to; ++i)
        out.append(i);
    return out;
}

void appendBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Append));
    file.write(bytes);
}

} // namespace

class TestSpool : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void replaysInOrderAcrossSegments();
    void reopenContinuesWhereReplayStopped();
    void eachAppendIsSynced();
    void tornTailIsTruncated_data();
    void tornTailIsTruncated();
    void corruptRecordIsSkipped();
    void boundDropsOldestAndCounts();
    void tornPositionSlotFallsBack();
    void secondOpenIsRefused();
    void tooLargeRecord();
    void oldestPointAndFigures();
    void throughput_data();
    void throughput();
};

void TestSpool::replaysInOrderAcrossSegments()
{
    QTemporaryDir dir;
    Spool spool(options(dir.path(), 1 << 30, 4096));
    QString error;
    QVERIFY2(spool.open(&error), qPrintable(error));
    QVERIFY(spool.isEmpty());
    QVERIFY(!spool.peek());
    qint64 points = 0;
    for (int i = 0; i < 60; ++i) {
        const int n = 1 + i % 7;
        QCOMPARE(spool.append(recordLines(i, n, 300 + i * 7), n, 1), Spool::AppendResult::Stored);
        points += n;
    }
    QCOMPARE(spool.records(), 60);
    QCOMPARE(spool.points(), points);
    QVERIFY(spool.segmentCount() > 3);
    QCOMPARE(segmentFiles(dir.path()).size(), spool.segmentCount());
    QCOMPARE(drain(spool), range(0, 60));
    QVERIFY(spool.isEmpty());
    QCOMPARE(spool.points(), 0);
    QCOMPARE(spool.bytes(), 0);
    // Consumed segments are deleted; only the one taking appends stays.
    QCOMPARE(segmentFiles(dir.path()).size(), 1);
    // The spool keeps working after it ran empty.
    QCOMPARE(spool.append(recordLines(60), 3, 1), Spool::AppendResult::Stored);
    QCOMPARE(drain(spool), QList<int>{60});
}

void TestSpool::reopenContinuesWhereReplayStopped()
{
    QTemporaryDir dir;
    {
        Spool spool(options(dir.path(), 1 << 30, 4096));
        QString error;
        QVERIFY(spool.open(&error));
        for (int i = 0; i < 40; ++i)
            QCOMPARE(spool.append(recordLines(i, 2, 500), 2, 1), Spool::AppendResult::Stored);
        for (int i = 0; i < 15; ++i) {
            const auto record = spool.peek();
            QVERIFY(record);
            spool.consume(*record);
        }
        // A peeked but not consumed record is replayed again after a restart.
        QVERIFY(spool.peek());
    }
    Spool spool(options(dir.path(), 1 << 30, 4096));
    QString error;
    QVERIFY(spool.open(&error));
    QCOMPARE(spool.records(), 25);
    QCOMPARE(spool.points(), 50);
    QCOMPARE(spool.truncatedTails(), 0u);
    // Appends after the reopen queue behind the old records.
    QCOMPARE(spool.append(recordLines(40, 2), 2, 1), Spool::AppendResult::Stored);
    QCOMPARE(drain(spool), range(15, 41));
}

void TestSpool::eachAppendIsSynced()
{
    QTemporaryDir dir;
    Spool spool(options(dir.path(), 1 << 30, 4096));
    QString error;
    QVERIFY(spool.open(&error));
    const quint64 before = spool.syncCount();
    // The first append creates a segment: the file and its directory are synced.
    QCOMPARE(spool.append(recordLines(0), 3, 1), Spool::AppendResult::Stored);
    QCOMPARE(spool.syncCount(), before + 2);
    QCOMPARE(spool.append(recordLines(1), 3, 1), Spool::AppendResult::Stored);
    QCOMPARE(spool.syncCount(), before + 3);
    // What append() reported is on disk: another instance sees it after this one closes.
    spool.close();
    Spool reader(options(dir.path()));
    QVERIFY(reader.open(&error));
    QCOMPARE(reader.records(), 2);
}

void TestSpool::tornTailIsTruncated_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("half a header") << 0;
    QTest::newRow("header without its payload") << 1;
    QTest::newRow("full length, damaged payload") << 2;
    QTest::newRow("garbage") << 3;
}

void TestSpool::tornTailIsTruncated()
{
    QFETCH(int, kind);
    QTemporaryDir dir;
    QString error;
    qint64 goodSize = 0;
    {
        Spool spool(options(dir.path()));
        QVERIFY(spool.open(&error));
        for (int i = 0; i < 5; ++i)
            QCOMPARE(spool.append(recordLines(i), 3, 1), Spool::AppendResult::Stored);
        goodSize = spool.diskBytes();
    }
    const QString segment = dir.path() + u'/' + segmentFiles(dir.path()).constFirst();
    const QByteArray payload = recordLines(5);
    QByteArray record = hai::SpoolFormat::encodeHeader(payload, 3, 1) + payload;
    switch (kind) {
    case 0:
        appendBytes(segment, record.left(13));
        break;
    case 1:
        appendBytes(segment, record.left(hai::SpoolFormat::kHeaderBytes + 10));
        break;
    case 2:
        record[record.size() - 5] = 'Z';
        appendBytes(segment, record);
        break;
    default:
        appendBytes(segment, QByteArray(100, '\xAB'));
        break;
    }
    Spool spool(options(dir.path()));
    QVERIFY(spool.open(&error));
    QCOMPARE(spool.truncatedTails(), 1u);
    QCOMPARE(QFileInfo(segment).size(), goodSize);
    QCOMPARE(spool.records(), 5);
    QCOMPARE(spool.append(recordLines(6), 3, 1), Spool::AppendResult::Stored);
    QCOMPARE(drain(spool), (QList<int>{0, 1, 2, 3, 4, 6}));
    QCOMPARE(spool.corruptRecords(), 0u);
}

void TestSpool::corruptRecordIsSkipped()
{
    QTemporaryDir dir;
    QString error;
    qint64 secondStart = 0;
    {
        Spool spool(options(dir.path()));
        QVERIFY(spool.open(&error));
        QCOMPARE(spool.append(recordLines(0), 3, 1), Spool::AppendResult::Stored);
        secondStart = spool.diskBytes();
        QCOMPARE(spool.append(recordLines(1, 4), 4, 1), Spool::AppendResult::Stored);
        QCOMPARE(spool.append(recordLines(2), 3, 1), Spool::AppendResult::Stored);
    }
    // Flip one payload byte of the middle record: its CRC fails, its framing does not.
    QFile file(dir.path() + u'/' + segmentFiles(dir.path()).constFirst());
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.seek(secondStart + hai::SpoolFormat::kHeaderBytes + 3));
    QVERIFY(file.write("?", 1) == 1);
    file.close();

    Spool spool(options(dir.path()));
    QVERIFY(spool.open(&error));
    QCOMPARE(spool.truncatedTails(), 0u);
    QCOMPARE(drain(spool), (QList<int>{0, 2}));
    QCOMPARE(spool.corruptRecords(), 1u);
    QCOMPARE(spool.corruptPoints(), 4u);
    QCOMPARE(spool.points(), 0);
}

void TestSpool::boundDropsOldestAndCounts()
{
    QTemporaryDir dir;
    QString error;
    const qint64 maxBytes = 32 * 1024;
    Spool spool(options(dir.path(), maxBytes, 8 * 1024));
    QVERIFY(spool.open(&error));
    const int total = 100;
    for (int i = 0; i < total; ++i) {
        QCOMPARE(spool.append(recordLines(i, 10, 1000), 10, 1), Spool::AppendResult::Stored);
        QVERIFY(spool.diskBytes() <= maxBytes);
    }
    QVERIFY(spool.droppedPoints() > 0);
    QCOMPARE(spool.droppedPoints() % 10, 0u);
    QCOMPARE(qint64(spool.droppedPoints()) + spool.points(), qint64(total) * 10);
    QCOMPARE(spool.droppedRecords() * 10, spool.droppedPoints());
    // What is left is the newest data, still in order.
    const QList<int> left = drain(spool);
    QCOMPARE(left, range(total - int(left.size()), total));
    QVERIFY(left.size() >= 20); // at most one segment's worth beyond the bound is lost
}

void TestSpool::tornPositionSlotFallsBack()
{
    QTemporaryDir dir;
    QString error;
    {
        Spool spool(options(dir.path()));
        QVERIFY(spool.open(&error));
        for (int i = 0; i < 20; ++i)
            QCOMPARE(spool.append(recordLines(i), 3, 1), Spool::AppendResult::Stored);
        for (int i = 0; i < 10; ++i)
            spool.consume(*spool.peek());
    }
    // Tear the newer slot: the older one is used, which replays at most one record twice and
    // never skips one.
    QFile position(dir.path() + u"/position"_s);
    QVERIFY(position.open(QIODevice::ReadWrite));
    const QByteArray slotData = position.readAll();
    QCOMPARE(slotData.size(), 2 * hai::SpoolFormat::kSlotBytes);
    const auto first = hai::SpoolFormat::decodeSlot(slotData.constData());
    const auto second = hai::SpoolFormat::decodeSlot(slotData.constData() + 40);
    QVERIFY(first && second);
    const int newer = first->first > second->first ? 0 : 1;
    QVERIFY(position.seek(newer * 40 + 20));
    position.write("\xFF\xFF", 2);
    position.close();
    {
        Spool spool(options(dir.path()));
        QVERIFY(spool.open(&error));
        const QList<int> left = drain(spool);
        QVERIFY2(left == range(9, 20) || left == range(10, 20),
                 qPrintable(QString::number(left.size())));
    }
}

void TestSpool::secondOpenIsRefused()
{
    QTemporaryDir dir;
    QString error;
    Spool first(options(dir.path()));
    QVERIFY(first.open(&error));
    Spool second(options(dir.path()));
    QVERIFY(!second.open(&error));
    QVERIFY2(error.contains(u"in use"_s), qPrintable(error));
    first.close();
    QVERIFY(second.open(&error));
}

void TestSpool::tooLargeRecord()
{
    QTemporaryDir dir;
    QString error;
    Spool spool(options(dir.path(), 4096));
    QVERIFY(spool.open(&error));
    QCOMPARE(spool.append(QByteArray(5000, 'x'), 1, 1), Spool::AppendResult::TooLarge);
    QCOMPARE(spool.append(recordLines(0), 3, 1), Spool::AppendResult::Stored);
    QCOMPARE(spool.droppedPoints(), 0u);
}

void TestSpool::oldestPointAndFigures()
{
    QTemporaryDir dir;
    QString error;
    Spool spool(options(dir.path(), 1 << 30, 4096));
    QVERIFY(spool.open(&error));
    QCOMPARE(spool.oldestPointUs(), 0);
    QCOMPARE(spool.append(recordLines(0, 3, 3000), 3, 111), Spool::AppendResult::Stored);
    QCOMPARE(spool.append(recordLines(1, 3, 3000), 3, 222), Spool::AppendResult::Stored);
    QCOMPARE(spool.oldestPointUs(), 111);
    QCOMPARE(spool.bytes(), spool.diskBytes());
    spool.consume(*spool.peek());
    QCOMPARE(spool.oldestPointUs(), 222);
    QCOMPARE(spool.records(), 1);
    QCOMPARE(spool.points(), 3);
    spool.close();
    QVERIFY(spool.open(&error));
    QCOMPARE(spool.oldestPointUs(), 222);
}

void TestSpool::throughput_data()
{
    QTest::addColumn<int>("points");
    QTest::addColumn<bool>("sync");
    QTest::newRow("5000-point records, fdatasync") << 5000 << true;
    QTest::newRow("100-point records, fdatasync") << 100 << true;
    QTest::newRow("5000-point records, no sync") << 5000 << false;
}

// A measurement, run with HAI_SPOOL_BENCH=1 (in $HAI_SPOOL_BENCH_DIR, else the temp dir):
// about 250 MB of 250-byte lines appended, then replayed.
void TestSpool::throughput()
{
    if (qEnvironmentVariableIsEmpty("HAI_SPOOL_BENCH"))
        QSKIP("a measurement, not a test: set HAI_SPOOL_BENCH=1");
    QFETCH(int, points);
    QFETCH(bool, sync);
    const QString parent = qEnvironmentVariable("HAI_SPOOL_BENCH_DIR", QDir::tempPath());
    QTemporaryDir dir(parent + u"/spool-bench-XXXXXX"_s);
    Spool::Options o = options(dir.path());
    o.sync = sync;
    Spool spool(o);
    QString error;
    QVERIFY(spool.open(&error));
    const QByteArray line = "sensor,domain=sensor,entity_id=living_room_temperature_42,area=room "
                            "value=21.5,friendly_name_str=\"Living Room Temperature 42\","
                            "unit_of_measurement_str=\"C\",state_class_str=\"measurement\","
                            "battery=87,rssi=-61,linkquality=120 1700000000000000\n";
    const QByteArray record = line.repeated(points);
    const qint64 records =
        qMax<qint64>(1, (250LL << 20) / record.size() / (points < 1000 ? 20 : 1));
    QElapsedTimer clock;
    clock.start();
    for (qint64 i = 0; i < records; ++i)
        QCOMPARE(spool.append(record, points, 1), Spool::AppendResult::Stored);
    const double appendSeconds = double(clock.elapsed()) / 1000;
    const double megabytes = double(records * record.size()) / 1e6;
    spool.close();
    clock.restart();
    QVERIFY(spool.open(&error));
    const double openSeconds = double(clock.elapsed()) / 1000;
    clock.restart();
    qint64 replayed = 0;
    while (auto next = spool.peek()) {
        replayed += next->points;
        spool.consume(*next);
    }
    const double replaySeconds = double(clock.elapsed()) / 1000;
    QCOMPARE(replayed, records * points);
    qInfo().noquote() << u"%1: appended %2 MB in %3 records in %4 s = %5 MB/s, %6 points/s "
                         u"(%7 syncs); reopened in %8 s; replayed at %9 MB/s, %10 points/s"_s
                             .arg(QString::fromLatin1(QTest::currentDataTag()))
                             .arg(megabytes, 0, 'f', 0)
                             .arg(records)
                             .arg(appendSeconds, 0, 'f', 2)
                             .arg(megabytes / appendSeconds, 0, 'f', 0)
                             .arg(double(records * points) / appendSeconds, 0, 'f', 0)
                             .arg(spool.syncCount())
                             .arg(openSeconds, 0, 'f', 3)
                             .arg(megabytes / replaySeconds, 0, 'f', 0)
                             .arg(double(replayed) / replaySeconds, 0, 'f', 0);
}

QTEST_GUILESS_MAIN(TestSpool)
#include "tst_spool.moc"
