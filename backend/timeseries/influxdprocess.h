// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDeadlineTimer>
#include <QObject>
#include <QString>
#include <QUrl>

class QProcess;
class QTcpSocket;
class QTimer;

namespace hai {

// One local InfluxDB 1.x server (`influxd run -config <dataDir>/influxd.conf`) as a child
// process, bound to 127.0.0.1 only: HTTP on port() and the backup RPC port on a second free
// port. The config is rewritten on every start, so meta, data and WAL stay under dataDir.
// start() blocks until GET /ping answers 204 (tests, tools); startAsync() returns at once
// and reports ready() or failed() (the app's worker thread). A port of 0 picks a free one;
// once the server has answered on it, the port is kept, so a restart after stop() or a crash
// comes back on the same URL. Both stop() and kill() act on our own child by its PID.
class InfluxdProcess : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultStartTimeoutMs = 20'000;
    static constexpr int kDefaultStopTimeoutMs = 5'000;

    explicit InfluxdProcess(const QString &dataDir, quint16 port = 0, QObject *parent = nullptr);
    ~InfluxdProcess() override; // stop()

    // influxd on PATH, else /usr/bin/influxd, else empty.
    static QString findBinary();
    // Defaults to findBinary(); tests point it elsewhere.
    void setBinary(const QString &path) { m_binary = path; }
    QString binary() const { return m_binary; }

    // Writes the config, starts influxd and waits until /ping answers. On failure the child is
    // gone and *error says why, with the tail of influxd's output.
    bool start(QString *error, int timeoutMs = kDefaultStartTimeoutMs);
    // The same without blocking: false only when influxd cannot even be launched; otherwise
    // ready() or failed() follows.
    bool startAsync(QString *error, int timeoutMs = kDefaultStartTimeoutMs);
    // SIGTERM, then SIGKILL after timeoutMs. Emits nothing.
    void stop(int timeoutMs = kDefaultStopTimeoutMs);
    // SIGKILL at once, as a crash would (the WAL is left to recover). Emits nothing.
    void kill();

    bool isRunning() const;
    bool isReady() const { return m_state == State::Ready; }
    quint16 port() const { return m_port; }
    QUrl url() const;
    qint64 pid() const;
    QString dataDir() const { return m_dataDir; }
    QString configPath() const;
    // The last lines influxd printed (stdout and stderr, bounded).
    QString log() const { return QString::fromLocal8Bit(m_log); }

    // Whether 127.0.0.1:port answers GET /ping with 204, waiting at most timeoutMs.
    static bool ping(quint16 port, int timeoutMs);

Q_SIGNALS:
    // startAsync(): /ping answered.
    void ready();
    // startAsync(): influxd exited or stayed silent before answering; the child is gone.
    void failed(const QString &error);
    // influxd ended after ready() without stop() or kill(): a crash, or killed by someone else.
    void exited(const QString &why);

private:
    enum class State { Idle, Starting, Ready, Stopping };

    bool startOnce(QString *error, int timeoutMs);
    bool launch(QString *error);
    bool writeConfig(quint16 rpcPort, QString *error) const;
    void onOutput();
    void onFinished(int exitCode, int exitStatus);
    void pollPing();
    void onPingReadyRead();
    void abandonStart(const QString &why);
    void markReady();
    void finishProbe();
    QString exitText(int exitCode, int exitStatus) const;
    QString outputTail() const;

    QString m_dataDir;
    QString m_binary;
    quint16 m_port = 0;
    bool m_portPinned = false; // given by the caller, or answered on once
    State m_state = State::Idle;
    bool m_async = false; // the current start reports through ready()/failed()
    QByteArray m_log;
    QProcess *m_process = nullptr;
    QTimer *m_pollTimer = nullptr;
    QTcpSocket *m_probe = nullptr;
    QByteArray m_probeReply;
    QDeadlineTimer m_startDeadline;
    int m_startTimeoutMs = 0;
};

} // namespace hai
