// SPDX-License-Identifier: GPL-3.0-or-later
#include "influxhistoryquery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

#include <cmath>

using namespace Qt::StringLiterals;

namespace hai {

InfluxHistoryQuery::InfluxHistoryQuery(const InfluxOptions &influx, const MappingOptions &mapping)
    : m_influx(influx)
    , m_mapping(mapping)
    , m_url(influx.url)
{}

QString InfluxHistoryQuery::quoteIdentifier(const QString &name)
{
    QString escaped = name;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
    return u'"' + escaped + u'"';
}

QString InfluxHistoryQuery::quoteString(const QString &value)
{
    QString escaped = value;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'\'', u"\\'"_s);
    return u'\'' + escaped + u'\'';
}

qint64 InfluxHistoryQuery::bucketSeconds(qint64 fromMs, qint64 toMs, int maxPoints)
{
    const qint64 rangeMs = qMax<qint64>(toMs - fromMs, 1000);
    const qint64 perBucketMs = (rangeMs + qMax(maxPoints, 1) - 1) / qMax(maxPoints, 1);
    return qMax<qint64>((perBucketMs + 999) / 1000, 1); // round up: never more than maxPoints
}

QString InfluxHistoryQuery::influxQl(const HistoryRequest &request) const
{
    const qint64 bucket = bucketSeconds(request.fromMs, request.toMs, request.maxPoints);
    const QString range = u"time >= %1ms AND time < %2ms"_s.arg(request.fromMs).arg(request.toMs);
    const QString tail = u" AND %1 GROUP BY time(%2s) fill(none)"_s.arg(range).arg(bucket);
    if (m_mapping.schema == PointSchema::Ha) {
        const qsizetype dot = request.entityId.indexOf(u'.');
        const QString domain = request.entityId.left(qMax<qsizetype>(dot, 0));
        const QString objectId = request.entityId.mid(dot + 1);
        const QString measurement = !m_mapping.measurement.isEmpty() ? m_mapping.measurement
                                    : !request.unit.isEmpty()        ? request.unit
                                                                     : request.entityId;
        return u"SELECT mean(\"value\") FROM %1 WHERE \"entity_id\" = %2 AND \"domain\" = %3"_s.arg(
                   quoteIdentifier(measurement), quoteString(objectId), quoteString(domain)) +
               tail;
    }
    const QString measurement =
        m_mapping.measurement.isEmpty() ? u"home_assistant_events"_s : m_mapping.measurement;
    return u"SELECT mean(\"normalized_value\") FROM %1 WHERE \"entity_id\" = %2"_s.arg(
               quoteIdentifier(measurement), quoteString(request.entityId)) +
           tail;
}

QNetworkRequest InfluxHistoryQuery::networkRequest() const
{
    QUrl url = m_url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
    url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + u"/query"_s);
    QNetworkRequest out(url);
    out.setHeader(QNetworkRequest::ContentTypeHeader, u"application/x-www-form-urlencoded"_s);
    // Credentials go into headers only, never into the URL.
    if (m_influx.api == 2 && !m_influx.token.isEmpty()) {
        out.setRawHeader("Authorization", "Token " + m_influx.token.toUtf8());
    } else if (!m_influx.username.isEmpty()) {
        out.setRawHeader("Authorization",
                         "Basic " +
                             (m_influx.username + u':' + m_influx.password).toUtf8().toBase64());
    }
    out.setTransferTimeout(m_influx.requestTimeoutMs);
    return out;
}

QByteArray InfluxHistoryQuery::body(const HistoryRequest &request) const
{
    // A form body, not a query string: QUrlQuery would leave '+' and ';' in the text as is.
    const QString db = m_influx.api == 2 ? m_influx.bucket : m_influx.database;
    return "db=" + QUrl::toPercentEncoding(db) +
           "&epoch=ms&q=" + QUrl::toPercentEncoding(influxQl(request));
}

HistoryResult InfluxHistoryQuery::parse(const QByteArray &json)
{
    HistoryResult result;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        result.error =
            u"InfluxDB sent an answer that is not JSON (%1)"_s.arg(parseError.errorString());
        return result;
    }
    const QJsonObject root = doc.object();
    if (root.contains(u"error"_s)) {
        result.error = u"InfluxDB refused the query: %1"_s.arg(root[u"error"_s].toString());
        return result;
    }
    for (const QJsonValue &statement : root[u"results"_s].toArray()) {
        const QJsonObject object = statement.toObject();
        if (object.contains(u"error"_s)) {
            result.error = u"InfluxDB refused the query: %1"_s.arg(object[u"error"_s].toString());
            return result;
        }
        for (const QJsonValue &series : object[u"series"_s].toArray()) {
            for (const QJsonValue &row : series.toObject()[u"values"_s].toArray()) {
                const QJsonArray pair = row.toArray();
                // fill(none) leaves empty buckets out, but a null mean can still appear.
                if (pair.size() < 2 || !pair[1].isDouble())
                    continue;
                const double value = pair[1].toDouble();
                if (std::isfinite(value))
                    result.points.append(QPointF(pair[0].toDouble(), value));
            }
        }
    }
    return result;
}

QString InfluxHistoryQuery::displayUrl() const
{
    return m_url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment)
        .toString();
}

QString InfluxHistoryQuery::describeFailure(int networkError, int httpStatus,
                                            const QByteArray &body) const
{
    const QString detail = QString::fromUtf8(body.left(300)).trimmed();
    if (httpStatus == 401 || httpStatus == 403) {
        return m_influx.api == 2 ? u"InfluxDB refused the token (%1)"_s.arg(httpStatus)
                                 : u"InfluxDB refused the credentials (%1)"_s.arg(httpStatus);
    }
    if (httpStatus == 404) {
        return u"InfluxDB at %1 has no %2 (404)"_s.arg(
            displayUrl(), m_influx.api == 2 ? u"bucket '%1'"_s.arg(m_influx.bucket)
                                            : u"database '%1'"_s.arg(m_influx.database));
    }
    if (httpStatus >= 400) {
        const HistoryResult parsed = parse(body);
        if (!parsed.error.isEmpty() && !parsed.error.contains(u"not JSON"_s))
            return parsed.error + u" (%1)"_s.arg(httpStatus);
        return u"InfluxDB answered HTTP %1: %2"_s.arg(httpStatus).arg(detail);
    }
    switch (QNetworkReply::NetworkError(networkError)) {
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        return u"InfluxDB at %1 did not answer within %2 s"_s.arg(displayUrl())
            .arg(m_influx.requestTimeoutMs / 1000.0);
    default:
        return u"InfluxDB is unreachable at %1"_s.arg(displayUrl());
    }
}

} // namespace hai
