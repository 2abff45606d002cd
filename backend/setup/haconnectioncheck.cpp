// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkrun.h"
#include "connectioncheck.h"

#include "core/optionparsing.h"
#include "homeassistant/haconnection.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QPointer>
#include <QRegularExpression>
#include <QSslError>
#include <QTimer>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

using Outcome = ConnectionCheckResult::Outcome;

// Qt 6.4 reports a failed upgrade as ConnectionRefusedError with this text; the status code
// is only in the words ("QWebSocketPrivate::processHandshake: Unhandled http status code: 404
// (Not Found)."). Returns the code (0 for none) and a sentence without Qt's internals.
int handshakeStatus(const QString &errorText, QString *detail)
{
    static const QRegularExpression pattern(u"status code: (\\d{3}) \\((.*)\\)"_s);
    const QRegularExpressionMatch match = pattern.match(errorText);
    if (errorText.contains(u"Unknown error condition"_s)) {
        // Qt's words for a 400 answer (its only other 400 text names the WebSocket version).
        *detail = u"HTTP 400 (Bad Request) instead of a WebSocket"_s;
        return 400;
    }
    if (!match.hasMatch()) {
        *detail = errorText;
        detail->remove(u"QWebSocketPrivate::processHandshake: "_s);
        return 0;
    }
    *detail = u"HTTP %1 (%2) instead of a WebSocket"_s.arg(match.captured(1), match.captured(2));
    return match.captured(1).toInt();
}

} // namespace

struct HaConnectionCheck::State
{
    explicit State(HaConnectionCheck *owner)
        : q(owner)
        , run(owner)
    {}

    void open(const QUrl &wsUrl);
    void onText(const QString &text);
    void onError(QAbstractSocket::SocketError error);
    void onDisconnected();
    void onTimeout();
    void finish(ConnectionCheckResult result);
    void finishLater(ConnectionCheckResult result);
    void teardown(bool polite);

    HaConnectionCheck *q;
    CheckRun run;
    QPointer<QWebSocket> socket;
    QString token;
    QString sslErrors;        // the certificate problems, when there were any
    bool requestSent = false; // TCP was up: a later "refused" is the server's HTTP answer
    bool upgraded = false;    // the WebSocket handshake succeeded
    int timeoutMs = 0;
};

HaConnectionCheck::HaConnectionCheck(QObject *parent)
    : QObject(parent)
    , m_state(new State(this))
{
    qRegisterMetaType<hai::ConnectionCheckResult>();
    connect(&m_state->run.deadline(), &QTimer::timeout, this, [this] { m_state->onTimeout(); });
}

HaConnectionCheck::~HaConnectionCheck()
{
    m_state->teardown(false);
    delete m_state;
}

bool HaConnectionCheck::isRunning() const
{
    return m_state->run.isRunning();
}

void HaConnectionCheck::cancel()
{
    m_state->run.stop();
    m_state->teardown(false);
}

void HaConnectionCheck::start(const QString &url, const QString &token, int timeoutMs)
{
    cancel(); // a new check replaces a running one, which then reports nothing
    State &s = *m_state;
    s.run.begin();
    s.token = token;
    s.timeoutMs = timeoutMs;
    s.sslErrors.clear();
    s.requestSent = false;
    s.upgraded = false;

    // The same two steps as the settings (--ha-url) and HaConnection: parse, then map
    // http(s):// to ws(s)://…/api/websocket.
    QUrl parsed;
    QString reason;
    if (!optionparsing::parseUrl(url, {u"ws"_s, u"wss"_s, u"http"_s, u"https"_s}, &parsed,
                                 &reason)) {
        s.finishLater(CheckRun::result(Outcome::BadUrl, reason));
        return;
    }
    const QUrl wsUrl = HaConnection::websocketUrl(parsed, &reason);
    if (!wsUrl.isValid()) {
        s.finishLater(CheckRun::result(Outcome::BadUrl, reason));
        return;
    }
    if (token.trimmed().isEmpty()) {
        // HA would only answer auth_invalid; saying so without a round trip is clearer.
        s.finishLater(CheckRun::result(Outcome::InvalidToken, u"empty token"_s));
        return;
    }
    s.run.deadline().start(qMax(1, timeoutMs));
    s.open(wsUrl);
}

void HaConnectionCheck::State::open(const QUrl &wsUrl)
{
    auto *ws = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, q);
    socket = ws;
    const quint64 current = run.generation();
    QObject::connect(ws, &QWebSocket::connected, q, [this, current] {
        if (run.isCurrent(current))
            upgraded = true;
    });
    QObject::connect(ws, &QWebSocket::bytesWritten, q, [this, current] {
        if (run.isCurrent(current))
            requestSent = true;
    });
    QObject::connect(ws, &QWebSocket::textMessageReceived, q, [this, current](const QString &text) {
        if (run.isCurrent(current))
            onText(text);
    });
    QObject::connect(ws, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), q,
                     [this, current](QAbstractSocket::SocketError error) {
                         if (run.isCurrent(current))
                             onError(error);
                     });
    QObject::connect(ws, &QWebSocket::disconnected, q, [this, current] {
        if (run.isCurrent(current))
            onDisconnected();
    });
    QObject::connect(ws, &QWebSocket::sslErrors, q, [this](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &error : errors)
            texts.append(error.errorString());
        sslErrors = texts.join(u"; "_s);
    });
    ws->open(QNetworkRequest(wsUrl));
}

void HaConnectionCheck::State::onText(const QString &text)
{
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = message.value(u"type"_s).toString();
    if (type == u"auth_required") {
        socket->sendTextMessage(QString::fromUtf8(
            QJsonDocument(QJsonObject{{u"type"_s, u"auth"_s}, {u"access_token"_s, token}})
                .toJson(QJsonDocument::Compact)));
    } else if (type == u"auth_ok") {
        finish(CheckRun::result(Outcome::Ok, message.value(u"ha_version"_s).toString()));
    } else if (type == u"auth_invalid") {
        finish(CheckRun::result(Outcome::InvalidToken, message.value(u"message"_s).toString()));
    } else {
        // A WebSocket server, but not Home Assistant's auth phase.
        const QString shown = text.size() > 200 ? text.left(200) + u"…"_s : text;
        finish(CheckRun::result(Outcome::Rejected, u"unexpected message: "_s + shown));
    }
}

void HaConnectionCheck::State::onError(QAbstractSocket::SocketError error)
{
    const QString text = socket ? socket->errorString() : QString();
    switch (error) {
    case QAbstractSocket::HostNotFoundError:
        finish(CheckRun::result(Outcome::HostNotFound, text));
        return;
    case QAbstractSocket::ConnectionRefusedError: {
        // Also what Qt reports for an HTTP answer other than 101 to the upgrade request.
        QString detail;
        const int status = handshakeStatus(text, &detail);
        if (status == 404)
            finish(CheckRun::result(Outcome::NotFound, detail, status));
        else if (status != 0 || requestSent || text.contains(u"processHandshake"_s))
            finish(CheckRun::result(Outcome::Rejected, detail, status));
        else
            finish(CheckRun::result(Outcome::Refused, text));
        return;
    }
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        finish(CheckRun::result(Outcome::TlsError, sslErrors.isEmpty() ? text : sslErrors));
        return;
    case QAbstractSocket::SocketTimeoutError:
        finish(CheckRun::result(Outcome::Timeout, text));
        return;
    default:
        finish(CheckRun::result(Outcome::Rejected, text));
        return;
    }
}

void HaConnectionCheck::State::onDisconnected()
{
    // A failed connect reports disconnected() before error(): the error is the real story.
    if (socket && socket->error() != QAbstractSocket::UnknownSocketError) {
        onError(socket->error());
        return;
    }
    // HA closes without a word when it dislikes the auth message (or is going down).
    QString detail = u"the server closed the connection"_s;
    if (socket && !socket->closeReason().isEmpty())
        detail += u": "_s + socket->closeReason();
    finish(CheckRun::result(Outcome::Rejected, detail));
}

void HaConnectionCheck::State::onTimeout()
{
    const QString seconds = QString::number(timeoutMs / 1000.0, 'g', 3);
    finish(CheckRun::result(Outcome::Timeout,
                            upgraded ? u"the WebSocket opened but Home Assistant did not finish "
                                       u"authentication within %1 s"_s.arg(seconds)
                                     : u"no answer within %1 s"_s.arg(seconds)));
}

void HaConnectionCheck::State::finish(ConnectionCheckResult result)
{
    if (!run.end()) // from here on, late signals of this socket are ignored
        return;
    teardown(result.outcome == Outcome::Ok);
    result.elapsedMs = run.elapsedMs();
    // Last: a receiver may delete the check.
    Q_EMIT q->finished(result);
}

void HaConnectionCheck::State::finishLater(ConnectionCheckResult result)
{
    run.later([this, result] { finish(result); });
}

void HaConnectionCheck::State::teardown(bool polite)
{
    QWebSocket *ws = socket;
    socket = nullptr;
    if (!ws)
        return;
    ws->disconnect(q);
    if (polite && ws->state() == QAbstractSocket::ConnectedState) {
        ws->close(QWebSocketProtocol::CloseCodeNormal); // a goodbye after auth_ok
        ws->flush();
    } else {
        ws->abort();
    }
    ws->deleteLater();
}

} // namespace hai
