// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeseries/gzip.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using hai::Gzip;

class TestGzip : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void readableByGzipTool();
    void rejectsGarbage();
};

namespace {

QByteArray lineProtocol(int points)
{
    QByteArray out;
    for (int i = 0; i < points; ++i)
        out += "sensor,domain=sensor,entity_id=t" + QByteArray::number(i % 97) +
               " value=" + QByteArray::number(20.0 + i * 0.01) + " " +
               QByteArray::number(1700000000000000LL + i) + "\n";
    return out;
}

} // namespace

void TestGzip::roundTrip_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("level");
    QByteArray random(100000, Qt::Uninitialized);
    for (char &c : random)
        c = char(QRandomGenerator::global()->bounded(256));
    QTest::newRow("empty") << QByteArray() << 1;
    QTest::newRow("one byte") << QByteArray("x") << 1;
    QTest::newRow("line protocol, fast") << lineProtocol(5000) << 1;
    QTest::newRow("line protocol, default") << lineProtocol(5000) << 6;
    QTest::newRow("incompressible") << random << 1;
}

void TestGzip::roundTrip()
{
    QFETCH(QByteArray, data);
    QFETCH(int, level);
    const QByteArray packed = Gzip::compress(data, level);
    QVERIFY(packed.size() >= 18); // header (10) + trailer (8)
    // RFC 1952 magic and deflate method: what Content-Encoding: gzip promises.
    QCOMPARE(quint8(packed[0]), quint8(0x1f));
    QCOMPARE(quint8(packed[1]), quint8(0x8b));
    QCOMPARE(quint8(packed[2]), quint8(8));
    QCOMPARE(Gzip::decompress(packed), data);
    if (data.size() > 1000 && data.startsWith("sensor"))
        QVERIFY(packed.size() * 5 < data.size());
}

void TestGzip::readableByGzipTool()
{
    const QString gzip = QStandardPaths::findExecutable(u"gzip"_s);
    if (gzip.isEmpty())
        QSKIP("gzip is not installed");
    const QByteArray data = lineProtocol(2000);
    QProcess process;
    process.start(gzip, {u"-dc"_s});
    QVERIFY(process.waitForStarted(10000));
    process.write(Gzip::compress(data));
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 0);
    QCOMPARE(process.readAllStandardOutput(), data);
}

void TestGzip::rejectsGarbage()
{
    QVERIFY(Gzip::decompress("not gzip at all").isEmpty());
    QByteArray cut = Gzip::compress(lineProtocol(100));
    cut.chop(20);
    QVERIFY(Gzip::decompress(cut).isEmpty());
}

QTEST_GUILESS_MAIN(TestGzip)
#include "tst_gzip.moc"
