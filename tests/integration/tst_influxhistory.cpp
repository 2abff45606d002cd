// SPDX-License-Identifier: GPL-3.0-or-later
// History queries against a real influxd 1.6: points written in the homeiq layout come back
// downsampled into at most 1,000 buckets with the right means; a dead URL gives plain words.
// A batch of entities answers once, in the order asked, and one entity's failure stays its own.
#include "freeport.h"
#include "influxserver.h"
#include "timeseries/influxhistoryworker.h"

#include <QDateTime>
#include <QMap>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using hai::HistoryRequest;
using hai::InfluxHistoryWorker;
using hai::test::InfluxServer;

class TestInfluxHistory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void dayOfHomeIqPoints();
    void haSchema();
    void missingDatabase();
    void unreachable();
    void batch();
    void batchWithFailedEntity();
    void batchUnreachable();
    void emptyBatch();

private:
    hai::InfluxOptions options() const;

    InfluxServer m_influx;
    qint64 m_nowMs = 0;
};

namespace {
constexpr qint64 kStepMs = 30000; // a point every 30 s
} // namespace

hai::InfluxOptions TestInfluxHistory::options() const
{
    hai::InfluxOptions o;
    o.url = m_influx.url();
    o.database = u"home_assistant"_s;
    o.requestTimeoutMs = 5000;
    return o;
}

void TestInfluxHistory::initTestCase()
{
    QString error;
    QVERIFY2(m_influx.start(&error), qPrintable(error + u'\n' + m_influx.log()));
    QVERIFY2(m_influx.createDatabase(u"home_assistant"_s, &error), qPrintable(error));
    m_nowMs = QDateTime::currentMSecsSinceEpoch();
    // 24 h of sensor.o'neil (a quote to escape) and a decoy entity, in the homeiq layout.
    QByteArray lines;
    for (qint64 t = m_nowMs - 24 * 3600 * 1000 + kStepMs; t < m_nowMs; t += kStepMs) {
        const int value = int((t / kStepMs) % 100);
        lines += "home_assistant_events,domain=sensor,entity_id=sensor.o'neil state_value=\"" +
                 QByteArray::number(value) + "\",normalized_value=" + QByteArray::number(value) +
                 ' ' + QByteArray::number(t) + '\n';
        lines += "home_assistant_events,domain=sensor,entity_id=sensor.decoy state_value=\"1e6\","
                 "normalized_value=1e6 " +
                 QByteArray::number(t) + '\n';
    }
    // The ha layout: measurement = unit, entity_id = object id.
    lines += "°C,domain=sensor,entity_id=kitchen value=21.5 " +
             QByteArray::number(m_nowMs - 60000) + '\n';
    // A string "value": InfluxDB refuses mean() on it.
    lines += "sensor.broken,domain=sensor,entity_id=broken value=\"on\" " +
             QByteArray::number(m_nowMs - 60000) + '\n';
    QVERIFY2(m_influx.write(u"home_assistant"_s, lines, &error, u"ms"_s), qPrintable(error));
}

void TestInfluxHistory::dayOfHomeIqPoints()
{
    InfluxHistoryWorker worker(options(), hai::MappingOptions{});
    QSignalSpy done(&worker, &InfluxHistoryWorker::queried);
    QSignalSpy failed(&worker, &InfluxHistoryWorker::failed);
    HistoryRequest request;
    request.entityId = u"sensor.o'neil"_s;
    request.fromMs = m_nowMs - 24 * 3600 * 1000;
    request.toMs = m_nowMs + 1;
    worker.query(7, request);
    QVERIFY(done.wait(10000));
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed[0][2].toString()));
    QCOMPARE(done[0][0].toULongLong(), 7u);
    const auto points = done[0][2].value<QList<QPointF>>();

    // The expected means, bucketed the way InfluxDB does: epoch-aligned 87 s windows.
    const qint64 bucketMs = 87000;
    QMap<qint64, QPair<double, int>> sums;
    for (qint64 t = m_nowMs - 24 * 3600 * 1000 + kStepMs; t < m_nowMs; t += kStepMs) {
        auto &sum = sums[t - t % bucketMs];
        sum.first += double((t / kStepMs) % 100);
        ++sum.second;
    }
    QVERIFY2(points.size() <= 1000, qPrintable(QString::number(points.size())));
    QCOMPARE(points.size(), sums.size());
    qsizetype i = 0;
    for (auto it = sums.cbegin(); it != sums.cend(); ++it, ++i) {
        QCOMPARE(qint64(points[i].x()), it.key());
        QVERIFY(qFuzzyCompare(points[i].y(), it->first / it->second));
    }
}

void TestInfluxHistory::haSchema()
{
    hai::MappingOptions mapping;
    mapping.schema = hai::PointSchema::Ha;
    InfluxHistoryWorker worker(options(), mapping);
    QSignalSpy done(&worker, &InfluxHistoryWorker::queried);
    HistoryRequest request;
    request.entityId = u"sensor.kitchen"_s;
    request.unit = u"°C"_s;
    request.fromMs = m_nowMs - 3600 * 1000;
    request.toMs = m_nowMs + 1;
    worker.query(1, request);
    QVERIFY(done.wait(10000));
    const auto points = done[0][2].value<QList<QPointF>>();
    QCOMPARE(points.size(), 1);
    QCOMPARE(points[0].y(), 21.5);
}

void TestInfluxHistory::missingDatabase()
{
    hai::InfluxOptions o = options();
    o.database = u"nothing_here"_s;
    InfluxHistoryWorker worker(o, hai::MappingOptions{});
    QSignalSpy failed(&worker, &InfluxHistoryWorker::failed);
    worker.query(1, HistoryRequest{u"sensor.x"_s, m_nowMs - 3600000, m_nowMs, {}, 1000});
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed[0][2].toString(),
             u"InfluxDB refused the query: database not found: nothing_here"_s);
}

void TestInfluxHistory::unreachable()
{
    hai::InfluxOptions o = options();
    o.url = QUrl(u"http://127.0.0.1:%1"_s.arg(hai::test::freeLoopbackPort()));
    InfluxHistoryWorker worker(o, hai::MappingOptions{});
    QSignalSpy failed(&worker, &InfluxHistoryWorker::failed);
    worker.query(3, HistoryRequest{u"sensor.x"_s, m_nowMs - 3600000, m_nowMs, {}, 1000});
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed[0][2].toString(), u"InfluxDB is unreachable at %1"_s.arg(o.url.toString()));
}

void TestInfluxHistory::batch()
{
    InfluxHistoryWorker worker(options(), hai::MappingOptions{});
    QSignalSpy done(&worker, &InfluxHistoryWorker::batchQueried);
    QList<HistoryRequest> requests;
    for (const QString &id : {u"sensor.decoy"_s, u"sensor.o'neil"_s, u"sensor.nothing"_s})
        requests.append(HistoryRequest{id, m_nowMs - 3600 * 1000, m_nowMs + 1, {}, 100});
    worker.queryBatch(9, requests);
    QVERIFY(done.wait(10000));
    QCOMPARE(done.size(), 1);
    QCOMPARE(done[0][0].toULongLong(), 9u);
    const auto series = done[0][1].value<QList<hai::HistorySeries>>();
    QCOMPARE(series.size(), 3);
    QCOMPARE(series[0].entityId, u"sensor.decoy"_s);
    QCOMPARE(series[1].entityId, u"sensor.o'neil"_s);
    QCOMPARE(series[2].entityId, u"sensor.nothing"_s);
    for (const hai::HistorySeries &one : series)
        QVERIFY2(one.error.isEmpty(), qPrintable(one.error));
    // 1 h in 100 buckets of 36 s, not 120 raw points (edges may lose a bucket or two).
    QVERIFY2(series[0].points.size() >= 95 && series[0].points.size() <= 101,
             qPrintable(QString::number(series[0].points.size())));
    for (const QPointF &p : series[0].points)
        QCOMPARE(p.y(), 1e6);
    QCOMPARE(series[1].points.size(), series[0].points.size());
    QVERIFY(series[1].points[0].y() < 100);
    QVERIFY(series[2].points.isEmpty());
}

void TestInfluxHistory::batchWithFailedEntity()
{
    hai::MappingOptions mapping;
    mapping.schema = hai::PointSchema::Ha;
    InfluxHistoryWorker worker(options(), mapping);
    QSignalSpy done(&worker, &InfluxHistoryWorker::batchQueried);
    worker.queryBatch(
        2, {HistoryRequest{u"sensor.broken"_s, m_nowMs - 3600000, m_nowMs + 1, {}, 1000},
            HistoryRequest{u"sensor.kitchen"_s, m_nowMs - 3600000, m_nowMs + 1, u"°C"_s, 1000}});
    QVERIFY(done.wait(10000));
    const auto series = done[0][1].value<QList<hai::HistorySeries>>();
    QCOMPARE(series.size(), 2);
    QVERIFY2(
        series[0].error.startsWith(u"InfluxDB refused the query: unsupported mean iterator type"_s),
        qPrintable(series[0].error));
    QVERIFY(series[0].points.isEmpty());
    QVERIFY2(series[1].error.isEmpty(), qPrintable(series[1].error));
    QCOMPARE(series[1].unit, u"°C"_s);
    QCOMPARE(series[1].points.size(), 1);
    QCOMPARE(series[1].points[0].y(), 21.5);
}

void TestInfluxHistory::batchUnreachable()
{
    hai::InfluxOptions o = options();
    o.url = QUrl(u"http://127.0.0.1:%1"_s.arg(hai::test::freeLoopbackPort()));
    InfluxHistoryWorker worker(o, hai::MappingOptions{});
    QSignalSpy done(&worker, &InfluxHistoryWorker::batchQueried);
    worker.queryBatch(4, {HistoryRequest{u"sensor.a"_s, m_nowMs - 3600000, m_nowMs, {}, 1000},
                          HistoryRequest{u"sensor.b"_s, m_nowMs - 3600000, m_nowMs, {}, 1000}});
    QVERIFY(done.wait(10000));
    const auto series = done[0][1].value<QList<hai::HistorySeries>>();
    QCOMPARE(series.size(), 2);
    for (const hai::HistorySeries &one : series)
        QCOMPARE(one.error, u"InfluxDB is unreachable at %1"_s.arg(o.url.toString()));
}

void TestInfluxHistory::emptyBatch()
{
    InfluxHistoryWorker worker(options(), hai::MappingOptions{});
    QSignalSpy done(&worker, &InfluxHistoryWorker::batchQueried);
    worker.queryBatch(5, {});
    QCOMPARE(done.size(), 1); // at once: nothing to wait for
    QVERIFY(done[0][1].value<QList<hai::HistorySeries>>().isEmpty());
}

QTEST_GUILESS_MAIN(TestInfluxHistory)
#include "tst_influxhistory.moc"
