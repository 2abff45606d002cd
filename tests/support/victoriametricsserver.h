// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpclient.h"

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QTemporaryDir>

#include <memory>

namespace hai::test {

// A throwaway single-node VictoriaMetrics (Debian's victoria-metrics, 1.79) for one test run:
//   victoria-metrics -httpListenAddr=127.0.0.1:<free port> -storageDataPath=<temp dir>
//                    -retentionPeriod=100y -search.disableCache -search.latencyOffset=0s
//                    -loggerLevel=ERROR
// ready when GET /health answers 200, stopped by PID (SIGTERM, then SIGKILL). Self-scraping
// and scraping are off by default. stop() then start() comes back on the same port and data.
//
// What it does with InfluxDB line protocol (POST /write?db= for v1, /api/v2/write for v2):
// - `m,tag=v field=1` becomes the metric `m_field` with label tag="v"; a v1 write also adds
//   the label db="<db>" (a v2 write adds no label for org or bucket).
// - Booleans become 1/0; a quoted string field is parsed as a number when it looks like one
//   ("12.5" → 12.5) and is stored as 0 otherwise: strings are not kept.
// - Timestamps are stored in milliseconds (-influxTrimTimestamp=1ms): µs precision is lost.
//   Old timestamps are fine within -retentionPeriod (100 years here).
// - Freshly written rows sit in an in-memory buffer for up to about a second and then become
//   searchable; GET /internal/force_flush makes them visible at once. exportSeries() and
//   countSamples() flush first. -search.disableCache avoids stale answers from
//   /api/v1/query*, whose response cache would otherwise miss backfilled old samples.
//
// Read back with GET/POST /api/v1/export?match[]=<selector>: one JSON object per line,
// {"metric":{"__name__":…,labels…},"values":[…],"timestamps":[ms…]}.
class VictoriaMetricsServer
{
public:
    VictoriaMetricsServer();
    ~VictoriaMetricsServer(); // stops the server
    VictoriaMetricsServer(const VictoriaMetricsServer &) = delete;
    VictoriaMetricsServer &operator=(const VictoriaMetricsServer &) = delete;

    // $HAI_VICTORIA_METRICS, else victoria-metrics on PATH, else empty.
    static QString findBinary();

    bool start(QString *error);
    void stop();
    void kill();

    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    quint16 port() const { return m_port; }
    QUrl url() const;
    qint64 pid() const { return m_process.processId(); }
    // Its output, to attach to failure messages.
    QString log() const { return QString::fromLocal8Bit(m_log); }

    // Line protocol through the InfluxDB v1 (/write?db=&precision=u) or v2
    // (/api/v2/write?org=&bucket=&precision=us) API; true on 204.
    bool writeV1(const QString &db, const QByteArray &lines, QString *error = nullptr);
    bool writeV2(const QString &org, const QString &bucket, const QByteArray &lines,
                 QString *error = nullptr);
    // GET /internal/force_flush: what was written so far becomes visible to searches.
    bool flush(QString *error = nullptr);
    // Flushes, then /api/v1/export for a series selector such as {__name__=~"temp_.*"}.
    QList<QJsonObject> exportSeries(const QString &selector, QString *error = nullptr);
    // The samples of every series the selector matches (flushes first). -1 on error.
    qint64 countSamples(const QString &selector, QString *error = nullptr);

private:
    bool startOnce(QString *error);
    void readOutput();
    HttpClient &http();

    QTemporaryDir m_dir;
    QProcess m_process;
    QByteArray m_log;
    quint16 m_port = 0;
    bool m_portPinned = false;
    std::unique_ptr<HttpClient> m_http;
    quint16 m_httpPort = 0;
};

} // namespace hai::test
