// SPDX-License-Identifier: GPL-3.0-or-later
#include "apimetrics.h"

using namespace Qt::StringLiterals;

namespace hai {

void ApiMetrics::record(const QString &route, const QByteArray &method, int status,
                        qint64 microseconds)
{
    const QString latencyKey = QString::fromLatin1(method) + u' ' + route;
    const QString key = latencyKey + u' ' + QString::number(status);
    Series &series = m_requests[key];
    if (series.count == 0)
        series = {route, method, status, 0};
    ++series.count;

    Latency &latency = m_latency[latencyKey];
    m_latencyLabels.insert(latencyKey, {route, method});
    const double seconds = double(microseconds) / 1e6;
    for (size_t i = 0; i < kBucketsSeconds.size(); ++i) {
        if (seconds <= kBucketsSeconds[i])
            ++latency.buckets[i];
    }
    ++latency.count;
    latency.sumSeconds += seconds;
}

void ApiMetrics::render(QByteArray *out) const
{
    out->append("# HELP hai_http_requests_total REST API requests by route, method and status.\n"
                "# TYPE hai_http_requests_total counter\n");
    for (const Series &series : m_requests) {
        out->append("hai_http_requests_total{route=\"" + series.route.toUtf8() + "\",method=\"" +
                    series.method + "\",status=\"" + QByteArray::number(series.status) + "\"} " +
                    QByteArray::number(series.count) + '\n');
    }
    out->append("# HELP hai_http_request_duration_seconds REST API handling time.\n"
                "# TYPE hai_http_request_duration_seconds histogram\n");
    for (auto it = m_latency.cbegin(); it != m_latency.cend(); ++it) {
        const auto labels = m_latencyLabels.value(it.key());
        const QByteArray base =
            "route=\"" + labels.first.toUtf8() + "\",method=\"" + labels.second + '"';
        for (size_t i = 0; i < kBucketsSeconds.size(); ++i) {
            out->append("hai_http_request_duration_seconds_bucket{" + base + ",le=\"" +
                        QByteArray::number(kBucketsSeconds[i]) + "\"} " +
                        QByteArray::number(it->buckets[i]) + '\n');
        }
        out->append("hai_http_request_duration_seconds_bucket{" + base + ",le=\"+Inf\"} " +
                    QByteArray::number(it->count) + '\n');
        out->append("hai_http_request_duration_seconds_sum{" + base + "} " +
                    QByteArray::number(it->sumSeconds, 'g', 9) + '\n');
        out->append("hai_http_request_duration_seconds_count{" + base + "} " +
                    QByteArray::number(it->count) + '\n');
    }
}

} // namespace hai
