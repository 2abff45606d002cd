// SPDX-License-Identifier: GPL-3.0-or-later
#include "influxwriterstats.h"

#include <QDateTime>
#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

qint64 nowUs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000;
}

QJsonValue isoTime(qint64 us)
{
    if (us <= 0)
        return QJsonValue::Null;
    return QDateTime::fromMSecsSinceEpoch(us / 1000, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonValue number(quint64 value)
{
    return QJsonValue(qint64(value));
}

double spoolAgeSeconds(const InfluxWriterFigures &f, qint64 now)
{
    return f.spoolOldestUs > 0 && f.spoolRecords > 0
               ? double(qMax<qint64>(0, now - f.spoolOldestUs)) / 1e6
               : 0.0;
}

void metric(QByteArray *out, const char *name, const char *type, const char *help)
{
    out->append("# HELP ");
    out->append(name);
    out->append(' ');
    out->append(help);
    out->append("\n# TYPE ");
    out->append(name);
    out->append(' ');
    out->append(type);
    out->append('\n');
}

void sample(QByteArray *out, const QByteArray &series, double value)
{
    out->append(series + ' ' + QByteArray::number(value, 'g', 15) + '\n');
}

} // namespace

void InfluxWriterStats::publish(const InfluxWriterFigures &figures)
{
    QMutexLocker lock(&m_mutex);
    m_figures = figures;
}

void InfluxWriterStats::addLags(const QList<qint64> &eventTimesUs, qint64 now)
{
    QMutexLocker lock(&m_mutex);
    for (const qint64 eventUs : eventTimesUs) {
        if (eventUs > 0)
            m_lag.add((now - eventUs) / 1000, now / 1000);
    }
}

InfluxWriterFigures InfluxWriterStats::snapshot() const
{
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    QMutexLocker lock(&m_mutex);
    InfluxWriterFigures figures = m_figures;
    figures.lagP50Ms = m_lag.percentile(0.5, nowMs);
    figures.lagP99Ms = m_lag.percentile(0.99, nowMs);
    figures.lagSamples = m_lag.samples(nowMs);
    return figures;
}

QJsonObject InfluxWriterStats::toJson() const
{
    return toJson(snapshot(), nowUs());
}

QJsonObject InfluxWriterStats::toJson(const InfluxWriterFigures &f, qint64 now)
{
    QJsonObject errors;
    for (int kind = 1; kind < kInfluxErrorKinds; ++kind)
        errors.insert(InfluxResponse::kindName(InfluxErrorKind(kind)),
                      number(f.errors[size_t(kind)]));
    return QJsonObject{
        {u"status"_s, f.status},
        {u"url"_s, f.url.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(f.url)},
        {u"api"_s, f.api},
        {u"target"_s, f.target},
        {u"last_success"_s, isoTime(f.lastSuccessUs)},
        {u"last_error"_s,
         f.lastError.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(f.lastError)},
        {u"last_error_at"_s, isoTime(f.lastErrorUs)},
        {u"next_attempt_at"_s, isoTime(f.nextAttemptUs)},
        {u"acknowledged_token"_s, number(f.acknowledgedToken)},
        {u"points"_s, QJsonObject{{u"appended"_s, number(f.pointsAppended)},
                                  {u"written"_s, number(f.pointsWritten)},
                                  {u"spooled"_s, number(f.pointsSpooled)},
                                  {u"replayed"_s, number(f.pointsReplayed)},
                                  {u"dead_lettered"_s, number(f.pointsDeadLettered)},
                                  {u"pending"_s, f.pendingPoints}}},
        {u"dropped"_s, QJsonObject{{u"spool_full"_s, number(f.droppedSpoolFull)},
                                   {u"spool_corrupt"_s, number(f.droppedSpoolCorrupt)},
                                   {u"spool_error"_s, number(f.droppedSpoolError)},
                                   {u"deadletter_error"_s, number(f.droppedDeadLetterError)}}},
        {u"requests"_s, QJsonObject{{u"sent"_s, number(f.requests)},
                                    {u"in_flight"_s, f.inFlight},
                                    {u"bytes_raw"_s, number(f.bytesRaw)},
                                    {u"bytes_wire"_s, number(f.bytesWire)}}},
        {u"errors"_s, errors},
        {u"spool"_s, QJsonObject{{u"bytes"_s, f.spoolBytes},
                                 {u"disk_bytes"_s, f.spoolDiskBytes},
                                 {u"records"_s, f.spoolRecords},
                                 {u"points"_s, f.spoolPoints},
                                 {u"oldest_point_age_s"_s, spoolAgeSeconds(f, now)},
                                 {u"truncated_tails"_s, number(f.spoolTruncatedTails)},
                                 {u"corrupt_records"_s, number(f.spoolCorruptRecords)}}},
        {u"lag_ms"_s, QJsonObject{{u"p50"_s, f.lagP50Ms},
                                  {u"p99"_s, f.lagP99Ms},
                                  {u"samples"_s, number(f.lagSamples)}}},
    };
}

QByteArray InfluxWriterStats::toPrometheus() const
{
    return toPrometheus(snapshot(), nowUs());
}

QByteArray InfluxWriterStats::toPrometheus(const InfluxWriterFigures &f, qint64 now)
{
    QByteArray out;
    metric(&out, "hai_influx_up", "gauge", "1 when the last InfluxDB write succeeded.");
    sample(&out, "hai_influx_up", f.status == u"ok"_s ? 1 : 0);
    metric(&out, "hai_influx_status", "gauge",
           "The writer's state: ok, connecting, unreachable, misconfigured, no_target, stopped.");
    sample(&out, "hai_influx_status{status=\"" + f.status.toUtf8() + "\"}", 1);
    metric(&out, "hai_influx_points_appended_total", "counter", "Points handed to the writer.");
    sample(&out, "hai_influx_points_appended_total", double(f.pointsAppended));
    metric(&out, "hai_influx_points_written_total", "counter",
           "Points InfluxDB acknowledged (live and replayed).");
    sample(&out, "hai_influx_points_written_total", double(f.pointsWritten));
    metric(&out, "hai_influx_points_dead_lettered_total", "counter",
           "Points InfluxDB refused, kept in the dead-letter files.");
    sample(&out, "hai_influx_points_dead_lettered_total", double(f.pointsDeadLettered));
    metric(&out, "hai_influx_points_dropped_total", "counter", "Points lost, by reason.");
    sample(&out, "hai_influx_points_dropped_total{reason=\"spool_full\"}",
           double(f.droppedSpoolFull));
    sample(&out, "hai_influx_points_dropped_total{reason=\"spool_corrupt\"}",
           double(f.droppedSpoolCorrupt));
    sample(&out, "hai_influx_points_dropped_total{reason=\"spool_error\"}",
           double(f.droppedSpoolError));
    sample(&out, "hai_influx_points_dropped_total{reason=\"deadletter_error\"}",
           double(f.droppedDeadLetterError));
    metric(&out, "hai_influx_pending_points", "gauge",
           "Points held in memory (batches not yet done).");
    sample(&out, "hai_influx_pending_points", double(f.pendingPoints));
    metric(&out, "hai_influx_requests_total", "counter", "Write requests sent.");
    sample(&out, "hai_influx_requests_total", double(f.requests));
    metric(&out, "hai_influx_requests_in_flight", "gauge", "Write requests awaiting an answer.");
    sample(&out, "hai_influx_requests_in_flight", f.inFlight);
    metric(&out, "hai_influx_request_bytes_total", "counter",
           "Request body bytes, before (raw) and after (wire) gzip.");
    sample(&out, "hai_influx_request_bytes_total{encoding=\"raw\"}", double(f.bytesRaw));
    sample(&out, "hai_influx_request_bytes_total{encoding=\"wire\"}", double(f.bytesWire));
    metric(&out, "hai_influx_write_errors_total", "counter", "Failed write requests, by kind.");
    for (int kind = 1; kind < kInfluxErrorKinds; ++kind) {
        sample(&out,
               "hai_influx_write_errors_total{kind=\"" +
                   InfluxResponse::kindName(InfluxErrorKind(kind)).toUtf8() + "\"}",
               double(f.errors[size_t(kind)]));
    }
    metric(&out, "hai_influx_lag_seconds", "gauge",
           "HA last_updated to InfluxDB acknowledgement over the last minute.");
    sample(&out, "hai_influx_lag_seconds{quantile=\"0.5\"}", f.lagP50Ms / 1000);
    sample(&out, "hai_influx_lag_seconds{quantile=\"0.99\"}", f.lagP99Ms / 1000);
    metric(&out, "hai_influx_last_success_timestamp_seconds", "gauge",
           "When InfluxDB last acknowledged a write (0: never).");
    sample(&out, "hai_influx_last_success_timestamp_seconds", double(f.lastSuccessUs) / 1e6);
    metric(&out, "hai_spool_points_spooled_total", "counter", "Points written to the disk spool.");
    sample(&out, "hai_spool_points_spooled_total", double(f.pointsSpooled));
    metric(&out, "hai_spool_points_replayed_total", "counter",
           "Spooled points InfluxDB has since acknowledged.");
    sample(&out, "hai_spool_points_replayed_total", double(f.pointsReplayed));
    metric(&out, "hai_spool_bytes", "gauge", "Spool bytes waiting for replay.");
    sample(&out, "hai_spool_bytes", double(f.spoolBytes));
    metric(&out, "hai_spool_disk_bytes", "gauge", "Spool segment files on disk.");
    sample(&out, "hai_spool_disk_bytes", double(f.spoolDiskBytes));
    metric(&out, "hai_spool_records", "gauge", "Spool records waiting for replay.");
    sample(&out, "hai_spool_records", double(f.spoolRecords));
    metric(&out, "hai_spool_points", "gauge", "Spool points waiting for replay.");
    sample(&out, "hai_spool_points", double(f.spoolPoints));
    metric(&out, "hai_spool_oldest_point_age_seconds", "gauge",
           "Age of the oldest point waiting in the spool.");
    sample(&out, "hai_spool_oldest_point_age_seconds", spoolAgeSeconds(f, now));
    metric(&out, "hai_spool_truncated_tails_total", "counter",
           "Torn tails (interrupted writes) cut off when the spool was opened.");
    sample(&out, "hai_spool_truncated_tails_total", double(f.spoolTruncatedTails));
    metric(&out, "hai_spool_corrupt_records_total", "counter",
           "Spool records skipped because their checksum failed.");
    sample(&out, "hai_spool_corrupt_records_total", double(f.spoolCorruptRecords));
    return out;
}

} // namespace hai
