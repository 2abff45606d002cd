// SPDX-License-Identifier: GPL-3.0-or-later
#include "victoriametricsserver.h"

#include "freeport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>

#include <csignal>
#include <sys/prctl.h>

using namespace Qt::StringLiterals;

namespace hai::test {

namespace {

constexpr int kStartTimeoutMs = 30'000;
constexpr int kStopTimeoutMs = 15'000;
constexpr int kReapTimeoutMs = 5'000;
constexpr int kRequestTimeoutMs = 30'000;
constexpr qsizetype kLogLimit = 64 * 1024;

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

QString httpError(const HttpClient::Reply &reply)
{
    if (reply.status == 0)
        return u"no answer from victoria-metrics"_s;
    return u"HTTP "_s + QString::number(reply.status) + u": "_s +
           QString::fromUtf8(reply.body).trimmed();
}

QString encoded(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

} // namespace

VictoriaMetricsServer::VictoriaMetricsServer()
    : m_dir(QDir::tempPath() + u"/hai-vm-XXXXXX"_s)
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    // A test that dies mid-way takes its server along.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    QObject::connect(&m_process, &QProcess::readyRead, &m_process, [this] { readOutput(); });
}

VictoriaMetricsServer::~VictoriaMetricsServer()
{
    stop();
}

QString VictoriaMetricsServer::findBinary()
{
    const QString fromEnv = qEnvironmentVariable("HAI_VICTORIA_METRICS");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QStandardPaths::findExecutable(u"victoria-metrics"_s);
}

QUrl VictoriaMetricsServer::url() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_port);
    return url;
}

bool VictoriaMetricsServer::start(QString *error)
{
    if (isRunning())
        return true;
    if (!m_dir.isValid()) {
        *error = u"cannot create a temporary directory: "_s + m_dir.errorString();
        return false;
    }
    if (!QFileInfo(findBinary()).isExecutable()) {
        *error = u"VictoriaMetrics is not installed (Debian: apt-get install victoria-metrics, "
                 u"or set HAI_VICTORIA_METRICS)"_s;
        return false;
    }
    // The free port may be taken by someone else before the server binds it: try a few.
    for (int attempt = 1;; ++attempt) {
        if (startOnce(error))
            return true;
        if (attempt == 3 || m_portPinned || !m_log.contains("address already in use"))
            return false;
    }
}

bool VictoriaMetricsServer::startOnce(QString *error)
{
    if (!m_portPinned)
        m_port = freeLoopbackPort();
    m_log.clear();
    m_process.start(findBinary(), {u"-httpListenAddr=127.0.0.1:"_s + QString::number(m_port),
                                   u"-storageDataPath="_s + m_dir.filePath(u"data"_s),
                                   u"-retentionPeriod=100y"_s, u"-search.disableCache"_s,
                                   u"-search.latencyOffset=0s"_s, u"-loggerLevel=ERROR"_s});
    if (!m_process.waitForStarted(kReapTimeoutMs)) {
        *error = u"victoria-metrics: cannot start: "_s + m_process.errorString();
        return false;
    }
    const QDeadlineTimer deadline(kStartTimeoutMs);
    for (;;) {
        if (!isRunning()) {
            readOutput();
            *error = u"victoria-metrics exited before answering /health (exit code "_s +
                     QString::number(m_process.exitCode()) + u")\n--- output ---\n"_s + log();
            return false;
        }
        if (http().send("GET", u"/health"_s, {}, {}, 1'000).status == 200) {
            m_portPinned = true;
            return true;
        }
        if (deadline.hasExpired()) {
            *error = u"victoria-metrics did not answer /health within "_s +
                     QString::number(kStartTimeoutMs / 1000) + u" s\n--- output ---\n"_s + log();
            kill();
            return false;
        }
        m_process.waitForFinished(50); // also reads its output
    }
}

void VictoriaMetricsServer::stop()
{
    if (!isRunning())
        return;
    m_process.terminate(); // SIGTERM to our child's PID; it flushes and exits
    if (!m_process.waitForFinished(kStopTimeoutMs))
        kill();
}

void VictoriaMetricsServer::kill()
{
    if (!isRunning())
        return;
    m_process.kill();
    m_process.waitForFinished(kReapTimeoutMs);
}

void VictoriaMetricsServer::readOutput()
{
    m_log += m_process.readAll();
    if (m_log.size() > kLogLimit)
        m_log.remove(0, m_log.size() - kLogLimit / 2);
}

HttpClient &VictoriaMetricsServer::http()
{
    // The port may change until the server has answered on it once.
    if (!m_http || m_httpPort != m_port) {
        m_http = std::make_unique<HttpClient>(url());
        m_httpPort = m_port;
    }
    return *m_http;
}

bool VictoriaMetricsServer::writeV1(const QString &db, const QByteArray &lines, QString *error)
{
    const HttpClient::Reply reply = http().send("POST", u"/write?precision=u&db="_s + encoded(db),
                                                lines, {}, kRequestTimeoutMs);
    setError(error, reply.status == 204 ? QString() : httpError(reply));
    return reply.status == 204;
}

bool VictoriaMetricsServer::writeV2(const QString &org, const QString &bucket,
                                    const QByteArray &lines, QString *error)
{
    const HttpClient::Reply reply = http().send("POST",
                                                u"/api/v2/write?precision=us&org="_s +
                                                    encoded(org) + u"&bucket="_s + encoded(bucket),
                                                lines, {}, kRequestTimeoutMs);
    setError(error, reply.status == 204 ? QString() : httpError(reply));
    return reply.status == 204;
}

bool VictoriaMetricsServer::flush(QString *error)
{
    const HttpClient::Reply reply =
        http().send("GET", u"/internal/force_flush"_s, {}, {}, kRequestTimeoutMs);
    setError(error, reply.status == 200 ? QString() : httpError(reply));
    return reply.status == 200;
}

QList<QJsonObject> VictoriaMetricsServer::exportSeries(const QString &selector, QString *error)
{
    if (!flush(error))
        return {};
    const HttpClient::Reply reply =
        http().send("POST", u"/api/v1/export"_s, "match[]=" + QUrl::toPercentEncoding(selector),
                    {{"content-type", "application/x-www-form-urlencoded"}}, kRequestTimeoutMs);
    if (reply.status != 200) {
        setError(error, httpError(reply));
        return {};
    }
    QList<QJsonObject> series;
    const QList<QByteArray> lines = reply.body.split('\n');
    for (const QByteArray &line : lines) {
        if (!line.trimmed().isEmpty())
            series << QJsonDocument::fromJson(line).object();
    }
    setError(error, {});
    return series;
}

qint64 VictoriaMetricsServer::countSamples(const QString &selector, QString *error)
{
    QString failure;
    const QList<QJsonObject> series = exportSeries(selector, &failure);
    setError(error, failure);
    if (!failure.isEmpty())
        return -1;
    qint64 samples = 0;
    for (const QJsonObject &one : series)
        samples += one.value(u"values"_s).toArray().size();
    return samples;
}

} // namespace hai::test
