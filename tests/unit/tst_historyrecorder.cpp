// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryRecorder: history/history_during_period answers in HA's compressed form.
#include "demo/historyrecorder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace hai;

namespace {

constexpr qint64 kT0 = 1767607200000000; // 2026-01-05T10:00:00Z
constexpr qint64 kSecond = 1000000;

EntityState state(const char *entityId, const char *value, qint64 changed, qint64 updated,
                  int attribute = 1)
{
    EntityState s;
    s.entityId = entityId;
    s.state = value;
    s.attributes = AttributeSet::make({Attribute::integer("level", attribute)});
    s.lastChanged = changed;
    s.lastUpdated = updated;
    s.lastReported = updated;
    return s;
}

QJsonObject run(const HistoryRecorder &history, HistoryRecorder::Query query)
{
    const QByteArray json = history.query(query);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << error.errorString() << json;
    return document.object();
}

qint64 micros(const QJsonValue &seconds)
{
    return qint64(std::llround(seconds.toDouble() * 1e6));
}

// sensor.t: 21.0 at T0+1s, 21.5 at +2.5s, attribute-only at +4s, 22.0 at +6s.
HistoryRecorder sample()
{
    HistoryRecorder history;
    history.record(state("sensor.t", "21.0", kT0 + kSecond, kT0 + kSecond));
    history.record(state("sensor.t", "21.5", kT0 + 2500000, kT0 + 2500000));
    history.record(state("sensor.t", "21.5", kT0 + 2500000, kT0 + 4 * kSecond, 2));
    history.record(state("sensor.t", "22.0", kT0 + 6 * kSecond, kT0 + 6 * kSecond));
    history.record(state("climate.c", "heat", kT0, kT0));
    history.record(state("climate.c", "heat", kT0, kT0 + 3 * kSecond, 5));
    return history;
}

} // namespace

class TestHistoryRecorder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void compressedRows();
    void startTimeState();
    void significantChangesOnly();
    void minimalResponse();
    void noAttributes();
    void entityOrderAndEmpty();
    void commitWatermark();
    void rowLimitKeepsStartState();
    void rename();
};

void TestHistoryRecorder::compressedRows()
{
    const HistoryRecorder history = sample();
    HistoryRecorder::Query query;
    query.entityIds = {"sensor.t"};
    query.start = kT0;
    query.significantChangesOnly = false;
    const QJsonArray rows = run(history, query).value(u"sensor.t"_s).toArray();
    QCOMPARE(rows.size(), 4);
    const QJsonObject first = rows.at(0).toObject();
    QCOMPARE(first.keys(), (QStringList{u"a"_s, u"lu"_s, u"s"_s}));
    QCOMPARE(first.value(u"s"_s).toString(), u"21.0"_s);
    QCOMPARE(micros(first.value(u"lu"_s)), kT0 + kSecond);
    QCOMPARE(micros(rows.at(1).toObject().value(u"lu"_s)), kT0 + 2500000);
    // Attribute-only row: lc differs from lu, so it is there.
    const QJsonObject third = rows.at(2).toObject();
    QCOMPARE(micros(third.value(u"lu"_s)), kT0 + 4 * kSecond);
    QCOMPARE(micros(third.value(u"lc"_s)), kT0 + 2500000);
    QCOMPARE(third.value(u"a"_s).toObject().value(u"level"_s).toInt(), 2);
    // Rows strictly inside (start, end).
    query.start = kT0 + kSecond;
    query.end = kT0 + 6 * kSecond;
    query.includeStartTimeState = false;
    QCOMPARE(run(history, query).value(u"sensor.t"_s).toArray().size(), 2);
}

void TestHistoryRecorder::startTimeState()
{
    const HistoryRecorder history = sample();
    HistoryRecorder::Query query;
    query.entityIds = {"sensor.t"};
    query.start = kT0 + 3 * kSecond;
    query.significantChangesOnly = false;
    QJsonArray rows = run(history, query).value(u"sensor.t"_s).toArray();
    QCOMPARE(rows.size(), 3);
    const QJsonObject synthetic = rows.at(0).toObject();
    QCOMPARE(synthetic.value(u"s"_s).toString(), u"21.5"_s);
    QCOMPARE(micros(synthetic.value(u"lu"_s)), kT0 + 3 * kSecond);
    QVERIFY(!synthetic.contains(u"lc"_s));
    query.includeStartTimeState = false;
    rows = run(history, query).value(u"sensor.t"_s).toArray();
    QCOMPARE(rows.size(), 2);
    QCOMPARE(micros(rows.at(0).toObject().value(u"lu"_s)), kT0 + 4 * kSecond);
}

void TestHistoryRecorder::significantChangesOnly()
{
    const HistoryRecorder history = sample();
    HistoryRecorder::Query query;
    query.entityIds = {"sensor.t", "climate.c"};
    query.start = kT0 - kSecond;
    const QJsonObject result = run(history, query);
    // The sensor's attribute-only row is gone; climate keeps all its rows.
    QCOMPARE(result.value(u"sensor.t"_s).toArray().size(), 3);
    QCOMPARE(result.value(u"climate.c"_s).toArray().size(), 2);
}

void TestHistoryRecorder::minimalResponse()
{
    HistoryRecorder history = sample();
    history.record(state("sensor.t", "22.0", kT0 + 6 * kSecond, kT0 + 7 * kSecond, 9));
    history.record(state("sensor.t", "23.0", kT0 + 8 * kSecond, kT0 + 8 * kSecond));
    HistoryRecorder::Query query;
    query.entityIds = {"sensor.t", "climate.c"};
    query.start = kT0;
    query.significantChangesOnly = false;
    query.minimalResponse = true;
    const QJsonObject result = run(history, query);
    const QJsonArray rows = result.value(u"sensor.t"_s).toArray();
    // 21.0 (full), 21.5, 22.0, 23.0: repeats dropped, later rows only s and lu.
    QCOMPARE(rows.size(), 4);
    QVERIFY(rows.at(0).toObject().contains(u"a"_s));
    for (int i = 1; i < rows.size(); ++i)
        QCOMPARE(rows.at(i).toObject().keys(), (QStringList{u"lu"_s, u"s"_s}));
    QCOMPARE(rows.at(3).toObject().value(u"s"_s).toString(), u"23.0"_s);
    // Climate needs its attributes: full rows.
    const QJsonArray climate = result.value(u"climate.c"_s).toArray();
    QCOMPARE(climate.size(), 1); // start state at T0 is not after start; the update is
    QVERIFY(climate.at(0).toObject().contains(u"a"_s));
}

void TestHistoryRecorder::noAttributes()
{
    const HistoryRecorder history = sample();
    HistoryRecorder::Query query;
    query.entityIds = {"sensor.t"};
    query.start = kT0;
    query.noAttributes = true;
    for (const QJsonValue &row : run(history, query).value(u"sensor.t"_s).toArray())
        QVERIFY(!row.toObject().contains(u"a"_s));
}

void TestHistoryRecorder::entityOrderAndEmpty()
{
    const HistoryRecorder history = sample();
    HistoryRecorder::Query query;
    query.entityIds = {"sensor.t", "sensor.nothing", "climate.c", "sensor.t"};
    query.start = kT0 - kSecond;
    const QByteArray json = history.query(query);
    QVERIFY(json.startsWith("{\"sensor.t\":["));
    QVERIFY(json.contains("],\"climate.c\":["));
    QVERIFY(!json.contains("sensor.nothing"));
    query.start = kT0 + 100 * kSecond; // after everything: only start states
    query.includeStartTimeState = false;
    QCOMPARE(history.query(query), QByteArray("{}"));
}

void TestHistoryRecorder::commitWatermark()
{
    HistoryRecorder history = sample();
    history.setCommittedUntil(kT0 + 3 * kSecond);
    HistoryRecorder::Query query;
    query.entityIds = {"sensor.t"};
    query.start = kT0;
    query.significantChangesOnly = false;
    QCOMPARE(run(history, query).value(u"sensor.t"_s).toArray().size(), 2);
    history.setCommittedUntil(kT0 + 10 * kSecond);
    QCOMPARE(run(history, query).value(u"sensor.t"_s).toArray().size(), 4);
}

void TestHistoryRecorder::rowLimitKeepsStartState()
{
    HistoryRecorder history(3);
    for (int i = 0; i < 10; ++i)
        history.record(state("sensor.t", QByteArray::number(i).constData(), kT0 + i * kSecond,
                             kT0 + i * kSecond));
    QCOMPARE(history.rowCount(), 3);
    HistoryRecorder::Query query;
    query.entityIds = {"sensor.t"};
    query.start = kT0 + 7 * kSecond - 1;
    const QJsonArray rows = run(history, query).value(u"sensor.t"_s).toArray();
    // The newest forgotten row (6) still answers as the state at start, then 7, 8, 9.
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows.at(0).toObject().value(u"s"_s).toString(), u"6"_s);
    QCOMPARE(rows.at(3).toObject().value(u"s"_s).toString(), u"9"_s);
}

void TestHistoryRecorder::rename()
{
    HistoryRecorder history = sample();
    history.renameEntity("sensor.t", "sensor.renamed");
    HistoryRecorder::Query query;
    query.entityIds = {"sensor.t", "sensor.renamed"};
    query.start = kT0;
    const QJsonObject result = run(history, query);
    QVERIFY(!result.contains(u"sensor.t"_s));
    QCOMPARE(result.value(u"sensor.renamed"_s).toArray().size(), 3);
}

QTEST_GUILESS_MAIN(TestHistoryRecorder)
#include "tst_historyrecorder.moc"
