// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>

#include <array>

namespace hai {

// Request counts and latency histograms per route, method and status, rendered in the
// Prometheus text format. Used only from the api thread, so it needs no locking.
class ApiMetrics
{
public:
    void record(const QString &route, const QByteArray &method, int status, qint64 microseconds);
    // Appends the http_* families; gauges from elsewhere are appended by the caller.
    void render(QByteArray *out) const;

private:
    static constexpr std::array<double, 11> kBucketsSeconds = {
        0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1, 0.5, 1.0};

    struct Series
    {
        QString route;
        QByteArray method;
        int status = 0;
        quint64 count = 0;
    };
    struct Latency
    {
        std::array<quint64, kBucketsSeconds.size()> buckets = {};
        quint64 count = 0;
        double sumSeconds = 0;
    };

    QHash<QString, Series> m_requests; // key: method route status
    QHash<QString, Latency> m_latency; // key: method route
    QHash<QString, QPair<QString, QByteArray>> m_latencyLabels;
};

} // namespace hai
