// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpclient.h"
#include "timeseries/influxdprocess.h"

#include <QJsonObject>
#include <QTemporaryDir>

#include <memory>

namespace hai::test {

// A throwaway InfluxDB 1.6 (influxd) for one test run, on InfluxdProcess: a temp dir, a free
// loopback port, stopped by PID. stop() then start() comes back on the same port with the
// data still there, which is how tests simulate an outage; kill() is a crash (SIGKILL).
// The helpers are blocking and bounded; on failure they say why in *error.
class InfluxServer
{
public:
    InfluxServer();
    ~InfluxServer(); // stops the server
    InfluxServer(const InfluxServer &) = delete;
    InfluxServer &operator=(const InfluxServer &) = delete;

    bool start(QString *error);
    void stop();
    void kill();

    bool isRunning() const { return m_process && m_process->isRunning(); }
    QUrl url() const { return m_process ? m_process->url() : QUrl(); }
    quint16 port() const { return m_process ? m_process->port() : 0; }
    qint64 pid() const { return m_process ? m_process->pid() : 0; }
    QString dataDir() const { return m_dir.path(); }
    // influxd's output, to attach to failure messages.
    QString log() const { return m_process ? m_process->log() : QString(); }

    // /query?db=&q=&epoch=u, POSTed so that CREATE and DROP work too: the whole JSON answer,
    // times as integer microseconds. *error is set on an HTTP error or an "error" in the
    // answer or in any statement.
    QJsonObject query(const QString &influxql, const QString &db, QString *error);
    bool createDatabase(const QString &name, QString *error = nullptr);
    // POST /write?db=&precision= with line protocol (precision empty: "u"); true on 204.
    bool write(const QString &db, const QByteArray &lineProtocol, QString *error = nullptr,
               const QString &precision = {});
    // SELECT COUNT("field") FROM "measurement": the points that have that field (COUNT skips
    // points without it, so pick a field every point has). -1 on error.
    qint64 count(const QString &db, const QString &measurement, const QString &field,
                 QString *error = nullptr);
    // Every point of the measurement, whatever its fields: the rows of SELECT *. -1 on error.
    qint64 countPoints(const QString &db, const QString &measurement, QString *error = nullptr);

private:
    HttpClient &http();

    QTemporaryDir m_dir;
    std::unique_ptr<InfluxdProcess> m_process;
    std::unique_ptr<HttpClient> m_http;
};

} // namespace hai::test
