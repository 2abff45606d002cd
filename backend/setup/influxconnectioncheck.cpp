// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkrun.h"
#include "connectioncheck.h"

#include "timeseries/influxdprocess.h"
#include "timeseries/influxendpoint.h"
#include "timeseries/influxresponse.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QSslError>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

using Outcome = ConnectionCheckResult::Outcome;

// A reply without an HTTP status: what went wrong on the way.
ConnectionCheckResult networkFailure(QNetworkReply *reply, const QString &sslErrors)
{
    const QString text = reply->errorString();
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        return CheckRun::result(Outcome::Refused, text);
    case QNetworkReply::HostNotFoundError:
        return CheckRun::result(Outcome::HostNotFound, text);
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::InsecureRedirectError:
        return CheckRun::result(Outcome::TlsError, sslErrors.isEmpty() ? text : sslErrors);
    case QNetworkReply::TimeoutError:
        return CheckRun::result(Outcome::Timeout, text);
    default:
        return CheckRun::result(Outcome::Rejected, text);
    }
}

} // namespace

struct InfluxConnectionCheck::State
{
    explicit State(InfluxConnectionCheck *owner)
        : q(owner)
        , run(owner)
    {}

    void send(const QNetworkRequest &request, const QByteArray &body, bool createStep);
    void onReply(QNetworkReply *reply, bool createStep);
    void sendWrite();
    void finish(ConnectionCheckResult result);
    void finishLater(ConnectionCheckResult result);
    void abortReply();

    InfluxConnectionCheck *q;
    CheckRun run;
    QNetworkAccessManager *network = nullptr; // made on first use, reused by later checks
    QPointer<QNetworkReply> reply;
    InfluxOptions options;
    QString createError; // why CREATE DATABASE did not work, for a following 404
    QString sslErrors;
    int timeoutMs = 0;
};

InfluxConnectionCheck::InfluxConnectionCheck(QObject *parent)
    : QObject(parent)
    , m_state(new State(this))
{
    qRegisterMetaType<hai::ConnectionCheckResult>();
    connect(&m_state->run.deadline(), &QTimer::timeout, this, [this] {
        const QString seconds = QString::number(m_state->timeoutMs / 1000.0, 'g', 3);
        m_state->finish(
            CheckRun::result(Outcome::Timeout, u"no answer within %1 s"_s.arg(seconds)));
    });
}

InfluxConnectionCheck::~InfluxConnectionCheck()
{
    m_state->abortReply();
    delete m_state;
}

bool InfluxConnectionCheck::managedInfluxdAvailable()
{
    return !InfluxdProcess::findBinary().isEmpty();
}

bool InfluxConnectionCheck::isRunning() const
{
    return m_state->run.isRunning();
}

void InfluxConnectionCheck::cancel()
{
    m_state->run.stop();
    m_state->abortReply();
}

void InfluxConnectionCheck::start(const InfluxOptions &options, int timeoutMs)
{
    cancel(); // a new check replaces a running one, which then reports nothing
    State &s = *m_state;
    s.run.begin();
    s.options = options;
    s.timeoutMs = timeoutMs;
    s.createError.clear();
    s.sslErrors.clear();

    if (options.managed) {
        // Nothing to write to yet: the app starts influxd itself once the wizard is done.
        const QString binary = InfluxdProcess::findBinary();
        s.finishLater(
            binary.isEmpty()
                ? CheckRun::result(Outcome::NotInstalled,
                                   u"influxd was not found on PATH or at /usr/bin/influxd"_s)
                : CheckRun::result(Outcome::Ok, binary));
        return;
    }
    const QUrl &url = options.url;
    const QString scheme = url.scheme().toLower();
    if (url.isEmpty() || !url.isValid() || (scheme != u"http" && scheme != u"https") ||
        url.host().isEmpty()) {
        s.finishLater(CheckRun::result(
            Outcome::BadUrl, u"'%1' is not a valid URL (expected http|https://HOST[:PORT])"_s.arg(
                                 url.toDisplayString(QUrl::RemoveUserInfo))));
        return;
    }
    if (!s.network)
        s.network = new QNetworkAccessManager(this);
    s.run.deadline().start(qMax(1, timeoutMs));
    const InfluxEndpoint endpoint(options);
    // As InfluxWriter does: CREATE DATABASE first (a no-op when it exists), then the write.
    if (endpoint.api() == 1 && endpoint.createDatabase())
        s.send(endpoint.createDatabaseRequest(), endpoint.createDatabaseBody(), true);
    else
        s.sendWrite();
}

void InfluxConnectionCheck::State::sendWrite()
{
    const qint64 nowUs = QDateTime::currentMSecsSinceEpoch() * 1000;
    const QByteArray line = "ha_ingestor_setup_check ok=1i " + QByteArray::number(nowUs) + '\n';
    send(InfluxEndpoint(options).writeRequest(false), line, false);
}

void InfluxConnectionCheck::State::send(const QNetworkRequest &request, const QByteArray &body,
                                        bool createStep)
{
    QNetworkReply *sent = network->post(request, body);
    reply = sent;
    const quint64 current = run.generation();
    QObject::connect(sent, &QNetworkReply::sslErrors, q, [this](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &error : errors)
            texts.append(error.errorString());
        sslErrors = texts.join(u"; "_s);
    });
    QObject::connect(sent, &QNetworkReply::finished, q, [this, sent, current, createStep] {
        sent->deleteLater();
        if (run.isCurrent(current) && sent == reply)
            onReply(sent, createStep);
    });
}

void InfluxConnectionCheck::State::onReply(QNetworkReply *answer, bool createStep)
{
    reply = nullptr;
    const int status = answer->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        finish(networkFailure(answer, sslErrors));
        return;
    }
    const QByteArray body = answer->readAll();
    const InfluxResponse response =
        InfluxResponse::classify(status, answer->error(), false, body, {});
    if (createStep) {
        // Servers without InfluxQL (VictoriaMetrics) refuse it, and a user may write without
        // being allowed to create: only the write tells. Its 404 will say why, though.
        createError = response.ok() ? InfluxResponse::queryError(body) : response.message;
        if (!response.ok() && createError.isEmpty())
            createError = u"HTTP "_s + QString::number(status);
        sendWrite();
        return;
    }
    if (response.ok()) {
        finish(CheckRun::result(
            Outcome::Ok, QString::fromUtf8(answer->rawHeader("X-Influxdb-Version")), status));
        return;
    }
    switch (response.kind) {
    case InfluxErrorKind::Auth:
        finish(CheckRun::result(Outcome::InvalidToken, response.message, status));
        return;
    case InfluxErrorKind::NotFound:
        if (status == 404) {
            QString detail = response.message;
            if (!createError.isEmpty())
                detail += u"; CREATE DATABASE failed: "_s + createError;
            finish(CheckRun::result(Outcome::NotFound, detail, status));
            return;
        }
        break;
    default:
        break;
    }
    finish(CheckRun::result(Outcome::Rejected,
                            response.message.isEmpty() ? u"HTTP "_s + QString::number(status)
                                                       : response.message,
                            status));
}

void InfluxConnectionCheck::State::finish(ConnectionCheckResult result)
{
    if (!run.end())
        return;
    abortReply();
    result.elapsedMs = run.elapsedMs();
    // Last: a receiver may delete the check.
    Q_EMIT q->finished(result);
}

void InfluxConnectionCheck::State::finishLater(ConnectionCheckResult result)
{
    run.later([this, result] { finish(result); });
}

void InfluxConnectionCheck::State::abortReply()
{
    QNetworkReply *pending = reply;
    reply = nullptr;
    if (!pending)
        return;
    pending->disconnect(q);
    pending->abort();
    pending->deleteLater();
}

} // namespace hai
