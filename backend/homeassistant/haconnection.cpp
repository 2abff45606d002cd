// SPDX-License-Identifier: GPL-3.0-or-later
#include "haconnection.h"

#include "core/logging.h"
#include "haprotocol.h"
#include "hastats.h"
#include "hatime.h"

#include <QNetworkRequest>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

constexpr int kFirstCommandId = 1;
constexpr qsizetype kLargeFrameChars = 1024 * 1024; // logged with their parse time (debug)

QString seconds(int ms)
{
    return QString::number(ms / 1000.0, 'g', 3) + u" s"_s;
}

} // namespace

HaConnection::HaConnection(const HaClientOptions &options, HaStats *stats, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_stats(stats)
    , m_backoff(options.backoffInitialMs, options.backoffMaxMs, options.backoffJitter,
                options.backoffSeed)
    , m_reconnectTimer(this)
    , m_connectTimer(this)
    , m_pingTimer(this)
    , m_pongTimer(this)
    , m_stableTimer(this)
{
    m_clock.start();
    m_reconnectTimer.setSingleShot(true);
    m_connectTimer.setSingleShot(true);
    m_pongTimer.setSingleShot(true);
    m_stableTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &HaConnection::connectNow);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        drop(m_state == State::Connecting
                 ? u"could not open the WebSocket within "_s + seconds(m_options.connectTimeoutMs)
                 : u"no auth_ok within "_s + seconds(m_options.authTimeoutMs),
             true);
    });
    connect(&m_pingTimer, &QTimer::timeout, this, &HaConnection::sendPing);
    connect(&m_pongTimer, &QTimer::timeout, this, &HaConnection::onPongTimeout);
    connect(&m_stableTimer, &QTimer::timeout, this, [this] { m_backoff.reset(); });
}

HaConnection::~HaConnection()
{
    m_wanted = false;
    teardownSocket();
    if (m_protocol)
        m_protocol->close(u"disconnected"_s, u"the client was destroyed"_s);
}

QUrl HaConnection::websocketUrl(const QUrl &url, QString *error)
{
    QUrl result = url;
    const QString scheme = url.scheme().toLower();
    if (scheme == u"http")
        result.setScheme(u"ws"_s);
    else if (scheme == u"https")
        result.setScheme(u"wss"_s);
    else if (scheme != u"ws" && scheme != u"wss") {
        if (error)
            *error = u"the Home Assistant URL must start with http://, https://, ws:// or wss://, "
                     u"got '"_s +
                     url.toDisplayString(QUrl::RemoveUserInfo) + u'\'';
        return {};
    }
    if (!url.isValid() || url.host().isEmpty()) {
        if (error)
            *error = u"the Home Assistant URL has no host: '"_s +
                     url.toDisplayString(QUrl::RemoveUserInfo) + u'\'';
        return {};
    }
    QString path = result.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    if (!path.endsWith(u"/api/websocket"))
        path += u"/api/websocket"_s;
    result.setPath(path);
    result.setQuery(QString());
    result.setFragment(QString());
    return result;
}

void HaConnection::setCredentials(const QUrl &url, const QString &token)
{
    m_options.url = url;
    m_options.token = token;
}

void HaConnection::open()
{
    QString error;
    m_wsUrl = websocketUrl(m_options.url, &error);
    m_stats->setUrl(m_wsUrl.toDisplayString(QUrl::RemoveUserInfo));
    if (!m_wsUrl.isValid()) {
        m_stats->setLastError(error);
        m_stats->setStatusOverride(u"stopped"_s);
        qCWarning(lcHa).noquote() << error;
        return;
    }
    m_wanted = true;
    m_stats->setStatusOverride(QString());
    m_backoff.reset();
    if (m_state == State::Disconnected)
        connectNow();
}

void HaConnection::close()
{
    m_wanted = false;
    m_reconnectTimer.stop();
    QWebSocket *socket = m_socket;
    if (socket && socket->state() == QAbstractSocket::ConnectedState) {
        socket->disconnect(this); // close() may report the disconnect synchronously
        socket->close(QWebSocketProtocol::CloseCodeNormal); // a polite goodbye, best effort
        socket->flush();
    }
    drop(u"closed by the client"_s, false);
    m_stats->setStatusOverride(u"stopped"_s);
}

void HaConnection::abort(const QString &reason)
{
    drop(reason, true);
}

void HaConnection::connectNow()
{
    if (!m_wanted || m_state != State::Disconnected)
        return;
    teardownSocket();
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    socket->setMaxAllowedIncomingFrameSize(quint64(m_options.maxMessageBytes));
    socket->setMaxAllowedIncomingMessageSize(quint64(m_options.maxMessageBytes));
    connect(socket, &QWebSocket::connected, this, &HaConnection::onSocketConnected);
    connect(socket, &QWebSocket::disconnected, this, [this, socket] {
        if (socket != m_socket)
            return;
        QString reason = u"Home Assistant closed the connection"_s;
        if (socket->closeCode() == QWebSocketProtocol::CloseCodeTooMuchData) {
            m_stats->countBadInput(HaBadInput::OversizedFrame,
                                   u"a frame exceeded "_s +
                                       QString::number(m_options.maxMessageBytes) + u" bytes"_s);
            reason = u"a frame exceeded the size limit"_s;
        } else if (!socket->closeReason().isEmpty()) {
            reason += u": "_s + socket->closeReason();
        } else if (socket->error() != QAbstractSocket::UnknownSocketError) {
            reason = socket->errorString();
        }
        drop(reason, true);
    });
    connect(socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this,
            [this, socket](QAbstractSocket::SocketError) {
                if (socket == m_socket)
                    drop(socket->errorString(), true);
            });
    connect(socket, &QWebSocket::textMessageReceived, this, &HaConnection::onTextMessage);
    connect(socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &data) {
        m_stats->countBadInput(HaBadInput::BinaryFrame, u"a binary frame of "_s +
                                                            QString::number(data.size()) +
                                                            u" bytes"_s);
    });

    auto protocol = std::make_shared<HaProtocol>(
        m_stats, HaProtocol::Handlers{[socket](const QByteArray &frame) {
                                          socket->sendTextMessage(QString::fromUtf8(frame));
                                      },
                                      [this](const QString &) {
                                          if (m_protocol)
                                              m_protocol->sendAuth(m_options.token);
                                      },
                                      [this](const QString &version) { onAuthOk(version); },
                                      [this](const QString &message) { onAuthInvalid(message); }});
    m_protocol = protocol;
    setState(State::Connecting);
    m_connectTimer.start(m_options.connectTimeoutMs);
    socket->open(QNetworkRequest(m_wsUrl));
}

void HaConnection::onSocketConnected()
{
    if (m_state != State::Connecting)
        return;
    setState(State::Authenticating);
    m_connectTimer.start(m_options.authTimeoutMs);
}

void HaConnection::onTextMessage(const QString &text)
{
    if (sender() != m_socket || !m_protocol)
        return;
    m_lastFrameMs = m_clock.elapsed();
    // A local reference: a callback may drop the connection and release m_protocol.
    const std::shared_ptr<HaProtocol> protocol = m_protocol;
    QElapsedTimer timer;
    timer.start();
    const qsizetype messages = protocol->handleFrame(text.toUtf8());
    m_stats->addTraffic(1, quint64(messages));
    if (text.size() > kLargeFrameChars)
        qCDebug(lcHa).noquote() << "a frame of" << text.size() << "characters took"
                                << timer.elapsed() << "ms to parse and dispatch";
    Q_EMIT frameProcessed();
}

void HaConnection::onAuthOk(const QString &haVersion)
{
    m_connectTimer.stop();
    m_haVersion = haVersion;
    // The first command of the connection, as the JS client and the docs do.
    const int id = m_protocol->sendCommand(
        QJsonObject{{u"type"_s, u"supported_features"_s},
                    {u"features"_s, QJsonObject{{u"coalesce_messages"_s, 1}}}},
        [](const HaResult &result) {
            if (!result.success)
                qCInfo(lcHa).noquote()
                    << "Home Assistant did not accept supported_features:" << result.describe();
        });
    Q_ASSERT(id == kFirstCommandId);
    Q_UNUSED(id);
    m_stats->setConnected(haVersion, HaTime::nowMicroseconds(), m_sessions > 0);
    m_stats->setLastError(QString());
    ++m_sessions;
    m_pingTimer.start(m_options.pingIntervalMs);
    m_stableTimer.start(m_options.stableAfterMs);
    setState(State::Connected);
    qCInfo(lcHa).noquote() << "connected to Home Assistant" << haVersion << "at"
                           << m_wsUrl.toDisplayString(QUrl::RemoveUserInfo);
    Q_EMIT authenticated(haVersion);
}

void HaConnection::onAuthInvalid(const QString &message)
{
    m_wanted = false;
    const QString error = u"Home Assistant rejected the access token: "_s + message;
    qCCritical(lcHa).noquote() << error << "- not retrying until the token is changed";
    drop(error, false);
    m_stats->setStatusOverride(u"auth_failed"_s);
    Q_EMIT authenticationFailed(message);
}

void HaConnection::sendPing()
{
    if (m_state != State::Connected || m_pongTimer.isActive())
        return;
    m_pingSentMs = m_clock.elapsed();
    m_protocol->sendCommand(QJsonObject{{u"type"_s, u"ping"_s}}, [this](const HaResult &result) {
        if (result.success)
            m_pongTimer.stop();
    });
    m_pongTimer.start(m_options.pongTimeoutMs);
}

void HaConnection::onPongTimeout()
{
    // A link that keeps delivering frames is alive even if the pong is queued behind a long
    // backlog; only silence counts as dead.
    const qint64 quietMs = m_clock.elapsed() - m_lastFrameMs;
    if (m_lastFrameMs > m_pingSentMs && quietMs < m_options.pongTimeoutMs) {
        m_pongTimer.start(int(m_options.pongTimeoutMs - quietMs));
        return;
    }
    drop(u"no pong from Home Assistant within "_s + seconds(m_options.pongTimeoutMs), true);
}

void HaConnection::drop(const QString &reason, bool retry)
{
    if (m_state == State::Disconnected && !m_socket && !m_protocol)
        return;
    const bool wasConnected = m_state == State::Connected;
    m_connectTimer.stop();
    m_pingTimer.stop();
    m_pongTimer.stop();
    m_stableTimer.stop();
    const std::shared_ptr<HaProtocol> protocol = std::move(m_protocol);
    teardownSocket();
    setState(State::Disconnected);
    m_stats->setLastError(reason);
    if (!wasConnected)
        m_stats->addConnectFailure();
    if (protocol)
        protocol->close(u"disconnected"_s, reason);
    if (retry)
        qCWarning(lcHa).noquote() << "Home Assistant connection lost:" << reason;
    else if (wasConnected)
        qCInfo(lcHa).noquote() << "disconnected from Home Assistant:" << reason;
    Q_EMIT disconnected(reason);
    if (retry && m_wanted && !m_reconnectTimer.isActive()) {
        const int delay = m_backoff.next();
        qCInfo(lcHa).noquote() << "reconnecting in" << seconds(delay);
        m_reconnectTimer.start(delay);
        Q_EMIT reconnectScheduled(delay);
    }
}

void HaConnection::teardownSocket()
{
    if (!m_socket)
        return;
    QWebSocket *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void HaConnection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

int HaConnection::lastMessageId() const
{
    return m_protocol ? m_protocol->lastId() : 0;
}

void HaConnection::failLater(HaResultCallback callback) const
{
    if (!callback)
        return;
    QMetaObject::invokeMethod(
        const_cast<HaConnection *>(this),
        [callback = std::move(callback)] {
            HaResult failure;
            failure.errorCode = u"disconnected"_s;
            failure.errorMessage = u"not connected to Home Assistant"_s;
            callback(failure);
        },
        Qt::QueuedConnection);
}

int HaConnection::request(const QJsonObject &command, HaResultCallback callback)
{
    if (m_state != State::Connected || !m_protocol) {
        failLater(std::move(callback));
        return 0;
    }
    return m_protocol->sendCommand(command, std::move(callback));
}

int HaConnection::subscribeEvents(const QString &eventType, HaEventCallback onEvent,
                                  HaResultCallback onResult, HaParsedEventCallback onParsedEvent)
{
    if (m_state != State::Connected || !m_protocol) {
        failLater(std::move(onResult));
        return 0;
    }
    return m_protocol->subscribeEvents(eventType, std::move(onEvent), std::move(onResult),
                                       std::move(onParsedEvent));
}

} // namespace hai
