// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "influxresponse.h"
#include "laghistogram.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QString>

#include <array>

namespace hai {

// Every figure of the InfluxDB writer and its spool, as one copyable value. Times are
// microseconds since the epoch, 0 = never. No credentials: url has no user info or query.
struct InfluxWriterFigures
{
    QString status = QStringLiteral("no_target"); // see InfluxHealth::name()
    QString url;
    int api = 1;
    QString target; // "database 'x'" or "bucket 'b' in org 'o'"
    QString lastError;
    qint64 lastErrorUs = 0;
    qint64 lastSuccessUs = 0;
    qint64 nextAttemptUs = 0; // when failing: the next probe

    quint64 pointsAppended = 0, pointsWritten = 0, pointsSpooled = 0, pointsReplayed = 0;
    quint64 pointsDeadLettered = 0;
    // Lost points by reason. spool_full: the oldest spool data at the bound. spool_corrupt:
    // records that failed their checksum on replay. spool_error: a batch that could be neither
    // written nor spooled (its acknowledgement is withheld, so HA's backfill recovers it).
    // deadletter_error: refused lines that could not be written to the dead-letter file.
    quint64 droppedSpoolFull = 0, droppedSpoolCorrupt = 0, droppedSpoolError = 0;
    quint64 droppedDeadLetterError = 0;
    qint64 pendingPoints = 0; // in memory: open batch, queued and in flight

    quint64 requests = 0, bytesRaw = 0, bytesWire = 0;
    int inFlight = 0;
    std::array<quint64, kInfluxErrorKinds> errors{}; // by InfluxErrorKind; [None] unused

    qint64 spoolBytes = 0, spoolDiskBytes = 0, spoolRecords = 0, spoolPoints = 0;
    qint64 spoolOldestUs = 0;
    quint64 spoolTruncatedTails = 0, spoolCorruptRecords = 0;

    quint64 acknowledgedToken = 0;

    // Filled in by InfluxWriterStats::snapshot().
    double lagP50Ms = 0, lagP99Ms = 0;
    quint64 lagSamples = 0;
};

// The thread-safe window on the writer's figures: the writer thread publishes, any thread
// (REST API, GUI, /metrics) reads a snapshot.
class InfluxWriterStats
{
public:
    void publish(const InfluxWriterFigures &figures);
    // One lag sample per point: now minus each HA last_updated.
    void addLags(const QList<qint64> &eventTimesUs, qint64 nowUs);

    InfluxWriterFigures snapshot() const;

    // {"status","url","api","target","last_success","last_error","last_error_at",
    //  "next_attempt_at","acknowledged_token",
    //  "points":{"appended","written","spooled","replayed","dead_lettered","pending"},
    //  "dropped":{"spool_full","spool_corrupt","spool_error","deadletter_error"},
    //  "requests":{"sent","in_flight","bytes_raw","bytes_wire"},
    //  "errors":{"network","timeout","server_error","rate_limited","bad_data","auth","not_found"},
    //  "spool":{"bytes","disk_bytes","records","points","oldest_point_age_s","truncated_tails",
    //           "corrupt_records"},
    //  "lag_ms":{"p50","p99","samples"}}   times are ISO 8601 UTC or null
    QJsonObject toJson() const;
    static QJsonObject toJson(const InfluxWriterFigures &figures, qint64 nowUs);
    // Prometheus text exposition, metric names hai_influx_* and hai_spool_*.
    QByteArray toPrometheus() const;
    static QByteArray toPrometheus(const InfluxWriterFigures &figures, qint64 nowUs);

private:
    mutable QMutex m_mutex;
    InfluxWriterFigures m_figures;
    LagHistogram m_lag;
};

} // namespace hai
