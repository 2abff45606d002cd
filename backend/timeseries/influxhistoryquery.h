// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/timeseriessettings.h"

#include <QByteArray>
#include <QList>
#include <QNetworkRequest>
#include <QPointF>
#include <QString>
#include <QUrl>

namespace hai {

// One entity's values over a time range, for the Charts page.
struct HistoryRequest
{
    QString entityId;
    qint64 fromMs = 0; // epoch milliseconds, inclusive
    qint64 toMs = 0;   // exclusive
    QString unit;      // ha schema: the measurement when no --influx-measurement is set
    int maxPoints = 1000;
};

// The answer: x = epoch milliseconds, y = the bucket's mean.
struct HistoryResult
{
    QList<QPointF> points;
    QString error; // plain words; empty on success
};

// One entity's answer within a batch (InfluxHistoryWorker::queryBatch).
struct HistorySeries
{
    QString entityId;
    QString unit; // unit_of_measurement from the live state; empty when unknown
    QList<QPointF> points;
    QString error; // plain words; empty on success
};

// Reads one entity's history back from InfluxDB with InfluxQL, downsampled by InfluxDB itself
// into about maxPoints buckets, so the GUI never receives more than it can draw.
// v1: POST /query (db=<database>) with Basic auth when a username is set. v2: the same /query
// through InfluxDB 2's v1-compatibility API, db = the bucket, "Authorization: Token"; this
// needs a DBRP mapping for the bucket (InfluxDB 2.x creates a virtual one per bucket). InfluxQL
// rather than Flux: one query text and one answer parser for both versions. Several entities
// are several queries (see InfluxHistoryWorker::queryBatch), not several statements in one:
// InfluxDB 1.x stops at the first failing statement and reports the rest as "not executed".
// Layouts (see StateMapper): homeiq reads mean(normalized_value) FROM home_assistant_events
// WHERE entity_id = the full id; ha reads mean(value) FROM <unit, else the entity id>
// WHERE entity_id = the object id AND domain = the domain. --influx-measurement overrides both.
class InfluxHistoryQuery
{
public:
    InfluxHistoryQuery(const InfluxOptions &influx, const MappingOptions &mapping);

    void setUrl(const QUrl &url) { m_url = url; }
    QUrl url() const { return m_url; }

    // "x" with \ and " escaped: measurement and field names.
    static QString quoteIdentifier(const QString &name);
    // 'x' with \ and ' escaped: tag values.
    static QString quoteString(const QString &value);
    // Whole seconds per bucket so the range gives at most maxPoints buckets (at least 1 s).
    static qint64 bucketSeconds(qint64 fromMs, qint64 toMs, int maxPoints);

    QString influxQl(const HistoryRequest &request) const;
    // POST <url>/query with body(): a SELECT may be POSTed, and the text needs no URL escaping.
    QNetworkRequest networkRequest() const;
    QByteArray body(const HistoryRequest &request) const;

    // Parses a /query answer (epoch=ms); an "error" in it becomes HistoryResult::error.
    static HistoryResult parse(const QByteArray &json);
    // A sentence for a failed request: unreachable, refused credentials, missing database...
    QString describeFailure(int networkError, int httpStatus, const QByteArray &body) const;
    // The URL without user info or query, for messages.
    QString displayUrl() const;

private:
    InfluxOptions m_influx;
    MappingOptions m_mapping;
    QUrl m_url;
};

} // namespace hai
