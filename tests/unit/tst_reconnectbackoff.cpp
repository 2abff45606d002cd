// SPDX-License-Identifier: GPL-3.0-or-later
#include "homeassistant/reconnectbackoff.h"

#include <QTest>

using hai::ReconnectBackoff;

class TestReconnectBackoff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sequence_data();
    void sequence();
    void resetStartsOver();
    void seededIsRepeatable();
    void jitterSpreads();
};

void TestReconnectBackoff::sequence_data()
{
    QTest::addColumn<int>("initial");
    QTest::addColumn<int>("cap");
    QTest::addColumn<QList<int>>("bases");
    QTest::newRow("production") << 1000 << 60000 << QList<int>{1000,  2000,  4000,  8000, 16000,
                                                               32000, 60000, 60000, 60000};
    QTest::newRow("tests") << 50 << 400 << QList<int>{50, 100, 200, 400, 400};
    QTest::newRow("cap below initial") << 500 << 100 << QList<int>{500, 500};
}

void TestReconnectBackoff::sequence()
{
    QFETCH(int, initial);
    QFETCH(int, cap);
    QFETCH(QList<int>, bases);
    ReconnectBackoff backoff(initial, cap, 0.2, 1234);
    for (int base : bases) {
        QCOMPARE(backoff.baseMs(), base);
        const int delay = backoff.next();
        QVERIFY2(delay >= int(base * 0.8) - 1 && delay <= int(base * 1.2) + 1,
                 qPrintable(QString::number(delay)));
    }
}

void TestReconnectBackoff::resetStartsOver()
{
    ReconnectBackoff backoff(1000, 60000, 0.2, 1);
    for (int i = 0; i < 10; ++i)
        backoff.next();
    QCOMPARE(backoff.baseMs(), 60000);
    backoff.reset();
    QCOMPARE(backoff.baseMs(), 1000);
    QCOMPARE(backoff.attempts(), 0);
}

void TestReconnectBackoff::seededIsRepeatable()
{
    ReconnectBackoff a(1000, 60000, 0.2, 99), b(1000, 60000, 0.2, 99);
    for (int i = 0; i < 12; ++i)
        QCOMPARE(a.next(), b.next());
}

void TestReconnectBackoff::jitterSpreads()
{
    int low = 0, high = 0;
    for (quint32 seed = 1; seed <= 200; ++seed) {
        ReconnectBackoff backoff(1000, 60000, 0.2, seed);
        const int delay = backoff.next();
        QVERIFY(delay >= 800 && delay <= 1200);
        low += delay < 950;
        high += delay > 1050;
    }
    QVERIFY(low > 20);
    QVERIFY(high > 20);
}

QTEST_GUILESS_MAIN(TestReconnectBackoff)
#include "tst_reconnectbackoff.moc"
