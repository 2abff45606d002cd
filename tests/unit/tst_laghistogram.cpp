// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeseries/laghistogram.h"

#include <QTest>

using hai::LagHistogram;

class TestLagHistogram : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void percentiles();
    void windowForgetsOldSamples();
    void negativeLagCountsAsZero();
};

void TestLagHistogram::percentiles()
{
    LagHistogram histogram;
    const qint64 now = 1'000'000;
    QCOMPARE(histogram.percentile(0.5, now), 0.0);
    for (int i = 0; i < 990; ++i)
        histogram.add(150, now); // bucket 100..200 ms
    for (int i = 0; i < 10; ++i)
        histogram.add(4000, now); // bucket 2..5 s
    QCOMPARE(histogram.samples(now), 1000u);
    const double p50 = histogram.percentile(0.5, now);
    QVERIFY2(p50 > 100 && p50 <= 200, qPrintable(QString::number(p50)));
    const double p99 = histogram.percentile(0.99, now);
    QVERIFY2(p99 > 100 && p99 <= 200, qPrintable(QString::number(p99)));
    const double p999 = histogram.percentile(0.999, now);
    QVERIFY2(p999 > 2000 && p999 <= 5000, qPrintable(QString::number(p999)));
    histogram.add(7'200'000, now); // two hours: the open bucket
    QCOMPARE(histogram.percentile(1.0, now), 3'600'000.0);
}

void TestLagHistogram::windowForgetsOldSamples()
{
    LagHistogram histogram;
    histogram.add(10, 0, 5);
    QCOMPARE(histogram.samples(59'999), 5u);
    QCOMPARE(histogram.samples(60'000), 0u);
    histogram.add(10, 70'000);
    QCOMPARE(histogram.samples(70'000), 1u);
}

void TestLagHistogram::negativeLagCountsAsZero()
{
    LagHistogram histogram;
    histogram.add(-500, 0);
    QCOMPARE(histogram.samples(0), 1u);
    QVERIFY(histogram.percentile(0.5, 0) <= 1.0);
}

QTEST_GUILESS_MAIN(TestLagHistogram)
#include "tst_laghistogram.moc"
