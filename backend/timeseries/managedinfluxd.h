// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QUrl>

class QTimer;

namespace hai {

class InfluxdProcess;

// The local InfluxDB the app runs for itself with --influx-managed: an influxd child under
// <data-dir>/influxdb on a loopback port picked once. It is watched, not trusted: when it dies
// it is restarted after 1 s, doubling to 60 s, and the delay starts over once it has stayed up
// for 60 s. Lives in a worker thread and never blocks it, except in stop(), which waits up to
// 5 s for a clean exit (then SIGKILL). The destructor stops it too.
class ManagedInfluxd : public QObject
{
    Q_OBJECT

public:
    explicit ManagedInfluxd(const QString &appDataDir, QObject *parent = nullptr);
    ~ManagedInfluxd() override;

    // The influxd to run; defaults to InfluxdProcess::findBinary(). Tests point it elsewhere.
    void setBinary(const QString &path) { m_binary = path; }
    QString dataDir() const;
    // http://127.0.0.1:<port>, empty until the first started().
    QUrl url() const;
    bool isRunning() const { return m_running; }
    qint64 pid() const;
    // Restarts after unexpected exits or failed starts.
    int restarts() const { return m_restarts; }
    // Clean exits and crashes are logged; the last lines influxd printed.
    QString log() const;

public Q_SLOTS:
    void start();
    void stop();

Q_SIGNALS:
    // /ping answered: the app may write to url. Again after each restart, with the same url.
    void started(const QUrl &url);
    // It was up and went away: a crash, or stop(). A restart follows unless stop() was called.
    void stopped(const QString &why);
    // It could not be started, in words a person understands. A missing influxd is final;
    // anything else is retried with the same backoff.
    void failed(const QString &message);

private:
    void launch();
    void onReady();
    void onStartFailed(const QString &error);
    void onExited(const QString &why);
    void scheduleRestart();
    void halt();

    InfluxdProcess *m_process;
    QTimer *m_restartTimer;
    QString m_binary;
    QElapsedTimer m_upSince;
    int m_attempt = 0;
    int m_restarts = 0;
    bool m_wanted = false;
    bool m_running = false;
};

} // namespace hai
