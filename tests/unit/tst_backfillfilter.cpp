// SPDX-License-Identifier: GPL-3.0-or-later
#include "homeassistant/backfillfilter.h"

#include <QTest>

using namespace Qt::StringLiterals;
using hai::BackfillFilter;

class TestBackfillFilter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstConnectionAcceptsOlderThanLive();
    void reconnectSkipsWhatWasHandedOn();
    void tailPassRepeatsNothing();
};

void TestBackfillFilter::firstConnectionAcceptsOlderThanLive()
{
    BackfillFilter filter;
    filter.beginConnection();
    filter.noteLive(u"sensor.a"_s, 100);
    QVERIFY(filter.acceptBackfill(u"sensor.a"_s, 50));
    QVERIFY(!filter.acceptBackfill(u"sensor.a"_s, 100)); // arrived live
    QVERIFY(!filter.acceptBackfill(u"sensor.a"_s, 150)); // arrives live
    QVERIFY(filter.acceptBackfill(u"sensor.b"_s, 150));  // no live event yet
}

void TestBackfillFilter::reconnectSkipsWhatWasHandedOn()
{
    BackfillFilter filter;
    filter.beginConnection();
    filter.noteLive(u"sensor.a"_s, 100);
    filter.noteLive(u"sensor.a"_s, 200);
    // Gap: 300 and 400 were missed; 500 arrives live on the new connection.
    filter.beginConnection();
    filter.noteLive(u"sensor.a"_s, 500);
    QVERIFY(!filter.acceptBackfill(u"sensor.a"_s, 100)); // margin overlap
    QVERIFY(!filter.acceptBackfill(u"sensor.a"_s, 200));
    QVERIFY(filter.acceptBackfill(u"sensor.a"_s, 300));
    QVERIFY(filter.acceptBackfill(u"sensor.a"_s, 400));
    QVERIFY(!filter.acceptBackfill(u"sensor.a"_s, 500));
    // Next connection: the backfilled ones count as handed on.
    filter.beginConnection();
    QVERIFY(!filter.acceptBackfill(u"sensor.a"_s, 400));
    QVERIFY(!filter.acceptBackfill(u"sensor.a"_s, 500));
    QVERIFY(filter.acceptBackfill(u"sensor.a"_s, 600));
}

void TestBackfillFilter::tailPassRepeatsNothing()
{
    BackfillFilter filter;
    filter.beginConnection();
    QVERIFY(filter.acceptBackfill(u"sensor.a"_s, 10));
    QVERIFY(filter.acceptBackfill(u"sensor.a"_s, 20));
    // The tail pass overlaps the first.
    QVERIFY(!filter.acceptBackfill(u"sensor.a"_s, 10));
    QVERIFY(!filter.acceptBackfill(u"sensor.a"_s, 20));
    QVERIFY(filter.acceptBackfill(u"sensor.a"_s, 30));
}

QTEST_GUILESS_MAIN(TestBackfillFilter)
#include "tst_backfillfilter.moc"
