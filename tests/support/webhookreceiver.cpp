// SPDX-License-Identifier: GPL-3.0-or-later
#include "webhookreceiver.h"

#include "freeport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>

#include <csignal>
#include <sys/prctl.h>

using namespace Qt::StringLiterals;

namespace hai::test {

namespace {

constexpr int kStartTimeoutMs = 15'000;
constexpr int kStopTimeoutMs = 5'000;
constexpr int kReapTimeoutMs = 5'000;
constexpr qint64 kLogTail = 16 * 1024;
constexpr int kRecordHeaderLines = 7; // id, event, signature, timestamp, UA, type, body size

// Runs once per accepted request, while webhook waits for it. flock keeps concurrent requests
// from interleaving their records; the body is copied from the file webhook wrote, untouched.
constexpr char kRecordScript[] = R"(#!/bin/sh
# $1 id, $2 event, $3 signature, $4 timestamp, $5 user agent, $6 content type;
# $HAI_BODY names a file holding the raw request body.
set -e
dir=$(dirname "$0")
exec 9>>"$dir/received.lock"
flock 9
size=$(wc -c < "$HAI_BODY")
{ printf '%s\n' "$1" "$2" "$3" "$4" "$5" "$6" $size; cat "$HAI_BODY"; printf '\n'; } >> "$dir/received"
)";

QJsonObject header(const QString &name)
{
    return {{u"source"_s, u"header"_s}, {u"name"_s, name}};
}

QString tail(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    if (file.size() > kLogTail)
        file.seek(file.size() - kLogTail);
    return QString::fromUtf8(file.readAll());
}

} // namespace

WebhookReceiver::WebhookReceiver()
    : m_dir(QDir::tempPath() + u"/hai-webhook-XXXXXX"_s)
{
    // A test that dies mid-way takes its receiver along.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
}

WebhookReceiver::~WebhookReceiver()
{
    stop();
}

QString WebhookReceiver::findBinary()
{
    const QString fromEnv = qEnvironmentVariable("HAI_WEBHOOK");
    if (!fromEnv.isEmpty())
        return fromEnv;
    if (QFileInfo(u"/usr/bin/webhook"_s).isExecutable())
        return u"/usr/bin/webhook"_s;
    return QStandardPaths::findExecutable(u"webhook"_s);
}

QString WebhookReceiver::missingMessage()
{
    return u"webhook is not installed (Debian: apt-get install webhook, or set HAI_WEBHOOK)"_s;
}

QUrl WebhookReceiver::url() const
{
    return QUrl(u"http://127.0.0.1:%1/hooks/receive"_s.arg(m_port));
}

QString WebhookReceiver::log() const
{
    return tail(m_dir.filePath(u"webhook.log"_s)) + tail(m_dir.filePath(u"webhook.out"_s));
}

bool WebhookReceiver::writeFiles(QString *error) const
{
    const QString script = m_dir.filePath(u"record.sh"_s);
    QFile scriptFile(script);
    if (!scriptFile.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        scriptFile.write(kRecordScript) < 0 ||
        !scriptFile.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                   QFileDevice::ExeOwner)) {
        *error = u"cannot write %1: %2"_s.arg(script, scriptFile.errorString());
        return false;
    }
    const QJsonObject hook{
        {u"id"_s, u"receive"_s},
        {u"execute-command"_s, script},
        {u"command-working-directory"_s, m_dir.path()},
        {u"http-methods"_s, QJsonArray{u"POST"_s}},
        // Synchronous: recorded before the answer; a failing script answers 500.
        {u"include-command-output-in-response"_s, true},
        {u"pass-arguments-to-command"_s,
         QJsonArray{header(u"X-Webhook-ID"_s), header(u"X-Webhook-Event"_s),
                    header(u"X-Webhook-Signature"_s), header(u"X-Webhook-Timestamp"_s),
                    header(u"User-Agent"_s), header(u"Content-Type"_s)}},
        {u"pass-file-to-command"_s, QJsonArray{QJsonObject{{u"source"_s, u"raw-request-body"_s},
                                                           {u"envname"_s, u"HAI_BODY"_s}}}},
        // A request whose rule cannot be satisfied (no signature header) would get 200.
        {u"trigger-rule-mismatch-http-response-code"_s, 401},
        {u"trigger-rule"_s,
         QJsonObject{
             {u"match"_s, QJsonObject{{u"type"_s, u"payload-hmac-sha256"_s},
                                      {u"secret"_s, m_secret},
                                      {u"parameter"_s, header(u"X-Webhook-Signature"_s)}}}}},
    };
    const QString hooks = m_dir.filePath(u"hooks.json"_s);
    QFile hooksFile(hooks);
    if (!hooksFile.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        hooksFile.write(QJsonDocument(QJsonArray{hook}).toJson()) < 0) {
        *error = u"cannot write %1: %2"_s.arg(hooks, hooksFile.errorString());
        return false;
    }
    return true;
}

bool WebhookReceiver::start(const QString &secret, QString *error)
{
    if (isRunning())
        stop();
    if (!m_dir.isValid()) {
        *error = u"cannot create a temporary directory: "_s + m_dir.errorString();
        return false;
    }
    if (!QFileInfo(findBinary()).isExecutable()) {
        *error = missingMessage();
        return false;
    }
    m_secret = secret;
    if (!writeFiles(error))
        return false;
    // The free port may be taken by someone else before webhook binds it: try a few.
    for (int attempt = 1;; ++attempt) {
        if (startOnce(error))
            return true;
        if (attempt == 3 || m_portPinned || !error->contains(u"address already in use"_s))
            return false;
    }
}

bool WebhookReceiver::startOnce(QString *error)
{
    if (!m_portPinned)
        m_port = freeLoopbackPort();
    // Output goes to files, never to a pipe that could fill while a test does not read it.
    const QString logPath = m_dir.filePath(u"webhook.log"_s);
    QFile::remove(logPath);
    m_process.setStandardOutputFile(m_dir.filePath(u"webhook.out"_s), QIODevice::Truncate);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setWorkingDirectory(m_dir.path());
    m_process.start(findBinary(),
                    {u"-hooks"_s, m_dir.filePath(u"hooks.json"_s), u"-ip"_s, u"127.0.0.1"_s,
                     u"-port"_s, QString::number(m_port), u"-logfile"_s, logPath});
    if (!m_process.waitForStarted(kReapTimeoutMs)) {
        *error = u"webhook: cannot start: "_s + m_process.errorString();
        return false;
    }
    if (!waitUntilListening(error))
        return false;
    m_portPinned = true;
    return true;
}

bool WebhookReceiver::waitUntilListening(QString *error)
{
    const QDeadlineTimer deadline(kStartTimeoutMs);
    for (;;) {
        if (!isRunning()) {
            *error = u"webhook exited before listening (exit code %1)\n--- output ---\n%2"_s.arg(
                QString::number(m_process.exitCode()), log());
            return false;
        }
        QTcpSocket probe;
        probe.connectToHost(u"127.0.0.1"_s, m_port);
        if (probe.waitForConnected(200))
            return true;
        if (deadline.hasExpired()) {
            *error = u"webhook did not listen on port %1 within %2 s\n--- output ---\n%3"_s.arg(
                QString::number(m_port), QString::number(kStartTimeoutMs / 1000), log());
            kill();
            return false;
        }
        m_process.waitForFinished(50);
    }
}

void WebhookReceiver::stop()
{
    if (!isRunning())
        return;
    m_process.terminate(); // SIGTERM to our child's PID: webhook exits at once
    if (!m_process.waitForFinished(kStopTimeoutMs))
        kill();
}

void WebhookReceiver::kill()
{
    if (!isRunning())
        return;
    m_process.kill();
    m_process.waitForFinished(kReapTimeoutMs);
}

QList<WebhookReceiver::Delivery> WebhookReceiver::received() const
{
    QFile file(m_dir.filePath(u"received"_s));
    if (!file.open(QIODevice::ReadOnly) || !file.seek(m_readOffset))
        return m_received;
    const QByteArray data = file.readAll();
    qsizetype at = 0;
    // A record still being written (no lock taken here) is left for the next call.
    for (;;) {
        QList<QByteArray> lines;
        qsizetype cursor = at;
        while (lines.size() < kRecordHeaderLines) {
            const qsizetype end = data.indexOf('\n', cursor);
            if (end < 0)
                break;
            lines.append(data.mid(cursor, end - cursor));
            cursor = end + 1;
        }
        if (lines.size() < kRecordHeaderLines)
            break;
        bool ok = false;
        const qsizetype size = lines.at(6).trimmed().toLongLong(&ok);
        if (!ok || cursor + size + 1 > data.size())
            break;
        m_received.append({QString::fromUtf8(lines.at(0)), QString::fromUtf8(lines.at(1)),
                           data.mid(cursor, size), lines.at(2), lines.at(3), lines.at(4),
                           lines.at(5)});
        at = cursor + size + 1;
    }
    m_readOffset += at;
    return m_received;
}

bool WebhookReceiver::waitForCount(int count, int timeoutMs) const
{
    const QDeadlineTimer deadline(timeoutMs);
    while (received().size() < count) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(10);
    }
    return true;
}

void WebhookReceiver::clearReceived()
{
    received();
    m_received.clear();
}

} // namespace hai::test
