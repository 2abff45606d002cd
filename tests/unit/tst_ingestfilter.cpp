// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeseries/ingestfilter.h"

#include <QTest>

using namespace Qt::StringLiterals;
using hai::IngestFilter;

// Cases follow Home Assistant's tests/helpers/test_entityfilter.py, one row per entity.
class TestIngestFilter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decisions_data();
    void decisions();
    void cachedDecisionsStayTheSame();
};

void TestIngestFilter::decisions_data()
{
    QTest::addColumn<QStringList>("include");
    QTest::addColumn<QStringList>("exclude");
    QTest::addColumn<QString>("entityId");
    QTest::addColumn<bool>("accepted");

    const QStringList none;
    QTest::newRow("no rules") << none << none << u"sensor.a"_s << true;

    // Only includes: what matches is in, the rest is out.
    const QStringList inc = {u"light"_s, u"sensor.working"_s, u"binary_sensor.*_door"_s};
    QTest::newRow("include domain") << inc << none << u"light.kitchen"_s << true;
    QTest::newRow("include entity") << inc << none << u"sensor.working"_s << true;
    QTest::newRow("include glob") << inc << none << u"binary_sensor.front_door"_s << true;
    QTest::newRow("include other") << inc << none << u"sensor.notworking"_s << false;
    QTest::newRow("include glob miss") << inc << none << u"binary_sensor.door_x"_s << false;

    // Only excludes: what matches is out, the rest is in.
    const QStringList exc = {u"light"_s, u"sensor.notworking"_s, u"sensor.*_debug"_s};
    QTest::newRow("exclude domain") << none << exc << u"light.kitchen"_s << false;
    QTest::newRow("exclude entity") << none << exc << u"sensor.notworking"_s << false;
    QTest::newRow("exclude glob") << none << exc << u"sensor.cpu_debug"_s << false;
    QTest::newRow("exclude other") << none << exc << u"sensor.working"_s << true;

    // Both, include domains/globs (HA case 4a).
    const QStringList inc4 = {u"light"_s, u"sensor.*_temperature"_s, u"switch.kept"_s};
    const QStringList exc4 = {u"light.kitchen"_s, u"light.*_debug"_s, u"sensor"_s,
                              u"switch.kept_not"_s};
    QTest::newRow("4a included entity beats all") << inc4 << exc4 << u"switch.kept"_s << true;
    QTest::newRow("4a excluded entity") << inc4 << exc4 << u"light.kitchen"_s << false;
    QTest::newRow("4a include glob beats exclude domain")
        << inc4 << exc4 << u"sensor.room_temperature"_s << true;
    QTest::newRow("4a include domain") << inc4 << exc4 << u"light.hall"_s << true;
    QTest::newRow("4a include domain, exclude glob")
        << inc4 << exc4 << u"light.hall_debug"_s << false;
    QTest::newRow("4a other domain") << inc4 << exc4 << u"switch.other"_s << false;
    QTest::newRow("4a excluded domain, no include") << inc4 << exc4 << u"sensor.power"_s << false;

    // Both, only exclude domains/globs (HA case 4b).
    const QStringList inc5 = {u"sensor.kept"_s};
    const QStringList exc5 = {u"sensor"_s, u"light.*_debug"_s, u"switch.off"_s};
    QTest::newRow("4b included entity in excluded domain")
        << inc5 << exc5 << u"sensor.kept"_s << true;
    QTest::newRow("4b excluded domain") << inc5 << exc5 << u"sensor.other"_s << false;
    QTest::newRow("4b excluded glob") << inc5 << exc5 << u"light.a_debug"_s << false;
    QTest::newRow("4b excluded entity") << inc5 << exc5 << u"switch.off"_s << false;
    QTest::newRow("4b everything else") << inc5 << exc5 << u"switch.on"_s << true;

    // Both, entity ids only (HA case 6).
    const QStringList inc6 = {u"sensor.a"_s};
    const QStringList exc6 = {u"sensor.b"_s};
    QTest::newRow("6 included") << inc6 << exc6 << u"sensor.a"_s << true;
    QTest::newRow("6 excluded") << inc6 << exc6 << u"sensor.b"_s << false;
    QTest::newRow("6 other") << inc6 << exc6 << u"sensor.c"_s << false;

    // Globs as fnmatch: ? one character, [set], [!set], '*' across dots, case-sensitive.
    QTest::newRow("glob ?") << QStringList{u"sensor.t?"_s} << none << u"sensor.t1"_s << true;
    QTest::newRow("glob ? one only")
        << QStringList{u"sensor.t?"_s} << none << u"sensor.t12"_s << false;
    QTest::newRow("glob set") << QStringList{u"sensor.t[0-3]*"_s} << none << u"sensor.t2_x"_s
                              << true;
    QTest::newRow("glob set miss")
        << QStringList{u"sensor.t[0-3]*"_s} << none << u"sensor.t7_x"_s << false;
    QTest::newRow("glob negated set")
        << QStringList{u"sensor.[!a]*"_s} << none << u"sensor.b"_s << true;
    QTest::newRow("glob negated set miss")
        << QStringList{u"sensor.[!a]*"_s} << none << u"sensor.abc"_s << false;
    QTest::newRow("glob star across dot")
        << QStringList{u"*kitchen*"_s} << none << u"light.kitchen_main"_s << true;
    QTest::newRow("glob case-sensitive")
        << QStringList{u"*Kitchen*"_s} << none << u"light.kitchen"_s << false;
    QTest::newRow("glob unclosed set literal")
        << QStringList{u"sensor.[a*"_s} << none << u"sensor.[ab"_s << true;
    QTest::newRow("glob whole id")
        << QStringList{u"sensor.a*"_s} << none << u"xsensor.ab"_s << false;
    QTest::newRow("patterns trimmed") << QStringList{u" light "_s} << none << u"light.x"_s << true;
}

void TestIngestFilter::decisions()
{
    QFETCH(QStringList, include);
    QFETCH(QStringList, exclude);
    QFETCH(QString, entityId);
    QFETCH(bool, accepted);
    IngestFilter filter(include, exclude);
    QCOMPARE(filter.accepts(entityId), accepted);
    QCOMPARE(filter.accepts(entityId), accepted); // from the cache
    QCOMPARE(filter.acceptsEverything(), include.isEmpty() && exclude.isEmpty());
}

void TestIngestFilter::cachedDecisionsStayTheSame()
{
    IngestFilter filter({u"sensor"_s}, {u"sensor.b*"_s});
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 1000; ++i) {
            const QString id = (i % 2 ? u"sensor.b"_s : u"sensor.a"_s) + QString::number(i);
            QCOMPARE(filter.accepts(id), i % 2 == 0);
        }
    }
    QVERIFY(!filter.accepts(u"light.x"_s));
}

QTEST_GUILESS_MAIN(TestIngestFilter)
#include "tst_ingestfilter.moc"
