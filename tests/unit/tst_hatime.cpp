// SPDX-License-Identifier: GPL-3.0-or-later
#include "homeassistant/hatime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using hai::HaTime;

class TestHaTime : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parseIso_data();
    void parseIso();
    void toIso_data();
    void toIso();
    void roundTrip();
    void epochSecondsRoundNotTruncate();
};

namespace {
constexpr qint64 kBase = 1767607200LL * 1000000; // 2026-01-05T10:00:00Z
}

void TestHaTime::parseIso_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("us");

    QTest::newRow("micro") << u"2026-01-05T10:00:00.123456+00:00"_s << true << kBase + 123456;
    QTest::newRow("no fraction") << u"2026-01-05T10:00:00+00:00"_s << true << kBase;
    QTest::newRow("Z") << u"2026-01-05T10:00:00Z"_s << true << kBase;
    QTest::newRow("space") << u"2026-01-05 10:00:00.5+00:00"_s << true << kBase + 500000;
    QTest::newRow("millis") << u"2026-01-05T10:00:00.123Z"_s << true << kBase + 123000;
    QTest::newRow("nanos round up") << u"2026-01-05T10:00:00.1234565Z"_s << true << kBase + 123457;
    QTest::newRow("offset") << u"2026-01-05T11:30:00+01:30"_s << true << kBase;
    QTest::newRow("negative offset") << u"2026-01-05T05:00:00-05:00"_s << true << kBase;
    QTest::newRow("no seconds") << u"2026-01-05T10:00Z"_s << true << kBase;
    QTest::newRow("naive") << u"2026-01-05T10:00:00"_s << true << kBase;
    QTest::newRow("leap day") << u"2024-02-29T00:00:00Z"_s << true << 1709164800LL * 1000000;
    QTest::newRow("epoch") << u"1970-01-01T00:00:00+00:00"_s << true << qint64(0);
    QTest::newRow("empty") << QString() << false << qint64(0);
    QTest::newRow("garbage") << u"yesterday"_s << false << qint64(0);
    QTest::newRow("bad month") << u"2026-13-05T10:00:00Z"_s << false << qint64(0);
    QTest::newRow("trailing") << u"2026-01-05T10:00:00Zx"_s << false << qint64(0);
    QTest::newRow("empty fraction") << u"2026-01-05T10:00:00.+00:00"_s << false << qint64(0);
    QTest::newRow("bad offset") << u"2026-01-05T10:00:00+0x:00"_s << false << qint64(0);
    QTest::newRow("truncated") << u"2026-01-05T1"_s << false << qint64(0);
    QTest::newRow("unicode digit") << u"2026-01-05T10:00:00.\u0661Z"_s << false << qint64(0);
}

void TestHaTime::parseIso()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(qint64, us);
    qint64 parsed = -1;
    QCOMPARE(HaTime::parseIso(text, &parsed), ok);
    if (ok)
        QCOMPARE(parsed, us);
}

void TestHaTime::toIso_data()
{
    QTest::addColumn<qint64>("us");
    QTest::addColumn<QString>("text");
    QTest::newRow("micro") << kBase + 123456 << u"2026-01-05T10:00:00.123456+00:00"_s;
    QTest::newRow("whole second") << kBase << u"2026-01-05T10:00:00+00:00"_s;
    QTest::newRow("small fraction") << kBase + 7 << u"2026-01-05T10:00:00.000007+00:00"_s;
    QTest::newRow("epoch") << qint64(0) << u"1970-01-01T00:00:00+00:00"_s;
    QTest::newRow("before epoch") << qint64(-1) << u"1969-12-31T23:59:59.999999+00:00"_s;
}

void TestHaTime::toIso()
{
    QFETCH(qint64, us);
    QFETCH(QString, text);
    QCOMPARE(HaTime::toIso(us), text);
}

void TestHaTime::roundTrip()
{
    QRandomGenerator random(42);
    for (int i = 0; i < 20000; ++i) {
        const qint64 us =
            kBase + qint64(random.bounded(1000000000)) * 1000 + random.bounded(1000000);
        qint64 back = 0;
        QVERIFY(HaTime::parseIso(HaTime::toIso(us), &back));
        QCOMPARE(back, us);
    }
}

// HA sends history times as float seconds (Python's shortest repr, as orjson writes them);
// they must land on the same microsecond as the ISO string of the live event.
void TestHaTime::epochSecondsRoundNotTruncate()
{
    QRandomGenerator random(7);
    int truncationWouldFail = 0;
    for (int i = 0; i < 100000; ++i) {
        const qint64 us =
            kBase + qint64(random.bounded(400000000)) * 1000 + random.bounded(1000000);
        const double seconds = double(us) / 1e6; // what Python's datetime.timestamp() gives
        // Through JSON text, as it travels.
        const QByteArray json = QJsonDocument(QJsonArray{seconds}).toJson(QJsonDocument::Compact);
        const double parsed = QJsonDocument::fromJson(json).array().first().toDouble();
        QCOMPARE(HaTime::fromEpochSeconds(parsed), us);
        // The obvious truncating conversion (whole seconds plus the truncated fraction).
        double whole = 0;
        const double fraction = std::modf(parsed, &whole);
        if (qint64(whole) * 1000000 + qint64(fraction * 1e6) != us)
            ++truncationWouldFail;
    }
    qInfo("truncating instead of rounding would have missed %d of 100000", truncationWouldFail);
    QVERIFY(truncationWouldFail > 0);
}

QTEST_GUILESS_MAIN(TestHaTime)
#include "tst_hatime.moc"
