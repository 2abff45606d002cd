// SPDX-License-Identifier: GPL-3.0-or-later
#include "influxdprocess.h"

#include <QDir>
#include <QFileInfo>
#include <QNetworkProxy>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <csignal>
#include <sys/prctl.h>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

constexpr int kPollIntervalMs = 100;
constexpr int kProbeTimeoutMs = 1'000;
constexpr int kReapTimeoutMs = 5'000;
constexpr qsizetype kLogLimit = 64 * 1024;
constexpr qsizetype kTailLimit = 2'000;
const QByteArray kPingRequest =
    "GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";

// A loopback port that was free a moment ago (bound to port 0, then released).
quint16 freeLoopbackPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

bool isNoContent(const QByteArray &reply)
{
    return reply.startsWith("HTTP/1.") && reply.mid(9, 3) == "204";
}

QString tomlString(const QString &value)
{
    QString escaped = value;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
    return u'"' + escaped + u'"';
}

} // namespace

InfluxdProcess::InfluxdProcess(const QString &dataDir, quint16 port, QObject *parent)
    : QObject(parent)
    , m_dataDir(QDir::cleanPath(QDir(dataDir).absolutePath()))
    , m_binary(findBinary())
    , m_port(port)
    , m_portPinned(port != 0)
    , m_process(new QProcess(this))
    , m_pollTimer(new QTimer(this))
{
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    // influxd 1.x lets INFLUXDB_* variables override the config file (bind addresses, dirs).
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QStringList keys = environment.keys();
    for (const QString &key : keys) {
        if (key.startsWith(u"INFLUXDB_"_s))
            environment.remove(key);
    }
    m_process->setProcessEnvironment(environment);
    // Should this process die without stopping it, influxd follows instead of living on.
    // The signal comes when the thread that started it ends, which is its owner's thread.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    connect(m_process, &QProcess::readyRead, this, &InfluxdProcess::onOutput);
    connect(m_process, &QProcess::finished, this,
            [this](int exitCode, QProcess::ExitStatus status) { onFinished(exitCode, status); });
    m_pollTimer->setInterval(kPollIntervalMs);
    connect(m_pollTimer, &QTimer::timeout, this, &InfluxdProcess::pollPing);
}

InfluxdProcess::~InfluxdProcess()
{
    stop();
}

QString InfluxdProcess::findBinary()
{
    const QString onPath = QStandardPaths::findExecutable(u"influxd"_s);
    if (!onPath.isEmpty())
        return onPath;
    const QString debian = u"/usr/bin/influxd"_s;
    return QFileInfo(debian).isExecutable() ? debian : QString();
}

QString InfluxdProcess::configPath() const
{
    return m_dataDir + u"/influxd.conf"_s;
}

QUrl InfluxdProcess::url() const
{
    if (m_port == 0)
        return {};
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_port);
    return url;
}

bool InfluxdProcess::isRunning() const
{
    return m_process->state() != QProcess::NotRunning;
}

qint64 InfluxdProcess::pid() const
{
    return m_process->processId();
}

bool InfluxdProcess::start(QString *error, int timeoutMs)
{
    // A free port may be taken by someone else before influxd binds it: try a few.
    for (int attempt = 1;; ++attempt) {
        if (startOnce(error, timeoutMs))
            return true;
        if (attempt == 3 || !m_log.contains("address already in use"))
            return false;
    }
}

bool InfluxdProcess::startOnce(QString *error, int timeoutMs)
{
    m_async = false;
    if (!launch(error))
        return false;
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        if (!isRunning()) {
            *error = u"influxd exited before answering /ping ("_s +
                     exitText(m_process->exitCode(), m_process->exitStatus()) + u')' + outputTail();
            return false;
        }
        if (ping(m_port, kProbeTimeoutMs)) {
            markReady();
            return true;
        }
        if (deadline.hasExpired()) {
            *error = u"influxd did not answer "_s + url().toString() + u"/ping within "_s +
                     QString::number(timeoutMs / 1000) + u" s"_s + outputTail();
            kill();
            return false;
        }
        m_process->waitForFinished(kPollIntervalMs); // also reads its output
    }
}

bool InfluxdProcess::startAsync(QString *error, int timeoutMs)
{
    m_async = true;
    if (!launch(error))
        return false;
    m_startTimeoutMs = timeoutMs;
    m_startDeadline = QDeadlineTimer(timeoutMs);
    m_pollTimer->start();
    return true;
}

bool InfluxdProcess::launch(QString *error)
{
    if (isRunning()) {
        *error = u"influxd is already running (pid "_s + QString::number(pid()) + u')';
        return false;
    }
    if (m_binary.isEmpty() || !QFileInfo(m_binary).isExecutable()) {
        *error = m_binary.isEmpty() ? u"influxd is not installed"_s
                                    : u"no influxd executable at "_s + m_binary;
        return false;
    }
    if (!QDir().mkpath(m_dataDir)) {
        *error = u"cannot create "_s + m_dataDir;
        return false;
    }
    if (!m_portPinned)
        m_port = freeLoopbackPort();
    quint16 rpcPort = freeLoopbackPort();
    while (rpcPort == m_port)
        rpcPort = freeLoopbackPort();
    if (!writeConfig(rpcPort, error))
        return false;
    m_log.clear();
    m_state = State::Starting;
    m_process->start(m_binary, {u"run"_s, u"-config"_s, configPath()});
    if (!m_process->waitForStarted(kReapTimeoutMs)) {
        m_state = State::Idle;
        *error = u"cannot start "_s + m_binary + u": "_s + m_process->errorString();
        return false;
    }
    return true;
}

bool InfluxdProcess::writeConfig(quint16 rpcPort, QString *error) const
{
    const QString loopback = u"127.0.0.1:"_s;
    // Both reporting keys: upstream 1.6 reads the first, Debian's build renamed it to the
    // second. influxd ignores keys it does not know. Level "warn" keeps its output to trouble.
    const QString config =
        u"# Written by HA Ingestor on every start of its managed influxd; edits are lost.\n"
        u"reporting-disabled = true\n"
        u"reporting-enabled = false\n"
        u"bind-address = "_s +
        tomlString(loopback + QString::number(rpcPort)) + u"\n\n[meta]\n  dir = "_s +
        tomlString(m_dataDir + u"/meta"_s) +
        u"\n  logging-enabled = false\n"
        u"\n[data]\n  dir = "_s +
        tomlString(m_dataDir + u"/data"_s) + u"\n  wal-dir = "_s +
        tomlString(m_dataDir + u"/wal"_s) +
        u"\n  query-log-enabled = false\n"
        u"\n[http]\n  enabled = true\n  bind-address = "_s +
        tomlString(loopback + QString::number(m_port)) +
        u"\n  auth-enabled = false\n"
        u"  log-enabled = false\n"
        u"  write-tracing = false\n"
        u"  pprof-enabled = false\n"
        u"  max-body-size = 25000000\n"
        u"\n[monitor]\n  store-enabled = false\n"
        u"\n[subscriber]\n  enabled = false\n"
        u"\n[continuous_queries]\n  enabled = false\n  log-enabled = false\n"
        u"\n[logging]\n  level = \"warn\"\n  suppress-logo = true\n"_s;
    QSaveFile file(configPath());
    if (!file.open(QIODevice::WriteOnly) || file.write(config.toUtf8()) < 0 || !file.commit()) {
        *error = u"cannot write "_s + configPath() + u": "_s + file.errorString();
        return false;
    }
    return true;
}

void InfluxdProcess::stop(int timeoutMs)
{
    m_pollTimer->stop();
    finishProbe();
    if (!isRunning()) {
        m_state = State::Idle;
        return;
    }
    m_state = State::Stopping;
    m_process->terminate(); // SIGTERM to our child's PID
    if (!m_process->waitForFinished(timeoutMs)) {
        m_process->kill();
        m_process->waitForFinished(kReapTimeoutMs);
    }
    m_state = State::Idle;
}

void InfluxdProcess::kill()
{
    m_pollTimer->stop();
    finishProbe();
    if (!isRunning()) {
        m_state = State::Idle;
        return;
    }
    m_state = State::Stopping;
    m_process->kill(); // SIGKILL to our child's PID
    m_process->waitForFinished(kReapTimeoutMs);
    m_state = State::Idle;
}

bool InfluxdProcess::ping(quint16 port, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    QTcpSocket socket;
    socket.setProxy(QNetworkProxy::NoProxy);
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(int(deadline.remainingTime())))
        return false;
    socket.write(kPingRequest);
    QByteArray reply;
    while (!reply.contains("\r\n")) {
        if (!socket.waitForReadyRead(int(deadline.remainingTime())))
            break;
        reply += socket.readAll();
    }
    return isNoContent(reply);
}

void InfluxdProcess::pollPing()
{
    if (m_state != State::Starting) {
        m_pollTimer->stop();
        return;
    }
    if (m_startDeadline.hasExpired()) {
        abandonStart(u"influxd did not answer "_s + url().toString() + u"/ping within "_s +
                     QString::number(m_startTimeoutMs / 1000) + u" s"_s);
        return;
    }
    if (m_probe)
        return; // one probe at a time; each ends within kProbeTimeoutMs
    m_probeReply.clear();
    m_probe = new QTcpSocket(this);
    m_probe->setProxy(QNetworkProxy::NoProxy);
    QTcpSocket *probe = m_probe;
    connect(probe, &QTcpSocket::connected, this, [probe] { probe->write(kPingRequest); });
    connect(probe, &QTcpSocket::readyRead, this, &InfluxdProcess::onPingReadyRead);
    connect(probe, &QTcpSocket::errorOccurred, this, &InfluxdProcess::finishProbe);
    QTimer::singleShot(kProbeTimeoutMs, probe, [this, probe] {
        if (m_probe == probe)
            finishProbe();
    });
    probe->connectToHost(QHostAddress::LocalHost, m_port);
}

void InfluxdProcess::onPingReadyRead()
{
    m_probeReply += m_probe->readAll();
    if (!m_probeReply.contains("\r\n"))
        return;
    const bool ok = isNoContent(m_probeReply);
    finishProbe();
    if (ok && m_state == State::Starting)
        markReady();
}

void InfluxdProcess::finishProbe()
{
    if (!m_probe)
        return;
    QTcpSocket *probe = m_probe;
    m_probe = nullptr;
    disconnect(probe, nullptr, this, nullptr);
    probe->abort();
    probe->deleteLater(); // we may be inside one of its signals
}

void InfluxdProcess::markReady()
{
    m_pollTimer->stop();
    m_state = State::Ready;
    m_portPinned = true; // from now on every restart comes back on this port
    if (m_async)
        Q_EMIT ready();
}

void InfluxdProcess::abandonStart(const QString &why)
{
    const QString message = why + outputTail();
    kill();
    Q_EMIT failed(message);
}

void InfluxdProcess::onOutput()
{
    m_log += m_process->readAll();
    if (m_log.size() > kLogLimit) {
        m_log.remove(0, m_log.size() - kLogLimit / 2);
        const qsizetype newline = m_log.indexOf('\n');
        if (newline >= 0)
            m_log.remove(0, newline + 1);
    }
}

void InfluxdProcess::onFinished(int exitCode, int exitStatus)
{
    onOutput();
    m_pollTimer->stop();
    finishProbe();
    const State was = m_state;
    m_state = State::Idle;
    if (was == State::Starting && m_async)
        Q_EMIT failed(u"influxd exited before answering /ping ("_s +
                      exitText(exitCode, exitStatus) + u')' + outputTail());
    else if (was == State::Ready)
        Q_EMIT exited(u"influxd "_s + exitText(exitCode, exitStatus) + outputTail());
}

QString InfluxdProcess::exitText(int exitCode, int exitStatus) const
{
    // On a crash QProcess reports the signal number as the exit code.
    if (exitStatus == QProcess::CrashExit)
        return u"killed by signal "_s + QString::number(exitCode);
    return u"exit code "_s + QString::number(exitCode);
}

QString InfluxdProcess::outputTail() const
{
    QByteArray tail = m_log.trimmed();
    if (tail.isEmpty())
        return u"; influxd printed nothing"_s;
    if (tail.size() > kTailLimit) {
        tail = tail.right(kTailLimit);
        const qsizetype newline = tail.indexOf('\n');
        if (newline >= 0)
            tail.remove(0, newline + 1);
    }
    return u"\n--- influxd output ---\n"_s + QString::fromLocal8Bit(tail);
}

} // namespace hai
