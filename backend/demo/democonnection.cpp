// SPDX-License-Identifier: GPL-3.0-or-later
#include "democonnection.h"

#include "commandhandlers.h"
#include "commandschema.h"
#include "core/logging.h"
#include "demohomeoptions.h"
#include "historystream.h"
#include "jsonwriter.h"
#include "publishedevent.h"
#include "statejson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QVariant>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

constexpr qint64 kWriterLimit = 1024 * 1024;            // HA raises aiohttp's writer limit to 1 MiB
constexpr qint64 kMaxIncomingMessage = 4 * 1024 * 1024; // aiohttp's default max_msg_size
constexpr int kCloseTimeoutMs = 5000;

QByteArray authMessage(QByteArrayView type, QByteArrayView key, const QString &value)
{
    QByteArray message = "{\"type\":";
    JsonWriter::appendString(message, type);
    message.append(',');
    JsonWriter::appendKey(message, key);
    JsonWriter::appendString(message, value.toUtf8());
    message.append('}');
    return message;
}

QString forLog(const QByteArray &message)
{
    return QString::fromUtf8(message.left(200)) + (message.size() > 200 ? u"…"_s : QString());
}

// Any JSON value; QJsonDocument only takes objects and arrays, so a bare scalar (valid JSON
// for HA) is read as the element of a one-item array.
bool parseJson(const QByteArray &utf8, QJsonValue *value)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(utf8, &error);
    if (error.error == QJsonParseError::NoError) {
        *value = document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
        return true;
    }
    const QJsonDocument wrapped = QJsonDocument::fromJson('[' + utf8 + ']', &error);
    if (error.error != QJsonParseError::NoError || wrapped.array().size() != 1)
        return false;
    *value = wrapped.array().first();
    return true;
}

} // namespace

DemoConnection::DemoConnection(QWebSocket *socket, CommandHandlers *handlers,
                               const DemoHomeOptions *options, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_handlers(handlers)
    , m_options(options)
    , m_authTimer(this)
    , m_flushTimer(this)
    , m_peakTimer(this)
    , m_abortTimer(this)
{
    m_socket->setParent(this);
    m_socket->setMaxAllowedIncomingMessageSize(kMaxIncomingMessage);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &DemoConnection::onTextMessage);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &DemoConnection::onBinaryMessage);
    connect(m_socket, &QWebSocket::disconnected, this, &DemoConnection::onDisconnected);
    connect(m_socket, &QWebSocket::bytesWritten, this, [this] {
        if (!m_pending.empty())
            flush();
    });

    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0);
    connect(&m_flushTimer, &QTimer::timeout, this, &DemoConnection::flush);

    m_authTimer.setSingleShot(true);
    connect(&m_authTimer, &QTimer::timeout, this, [this] {
        qCWarning(lcDemo, "Did not receive auth message within %g seconds",
                  m_options->authTimeoutMs / 1000.0);
        cancel();
    });
    m_authTimer.start(m_options->authTimeoutMs);

    m_peakTimer.setSingleShot(true);
    connect(&m_peakTimer, &QTimer::timeout, this, [this] {
        qCCritical(lcDemo).noquote()
            << u"Client unable to keep up with pending messages. Stayed over %1 for %2 seconds. "
               u"The system's load is too high or an integration is misbehaving; Last message "
               u"was: %3"_s.arg(kPeakPendingMessages)
                   .arg(kPeakTimeMs / 1000)
                   .arg(m_pending.empty() ? QString() : forLog(m_pending.back()));
        cancel();
    });

    m_abortTimer.setSingleShot(true);
    connect(&m_abortTimer, &QTimer::timeout, this, [this] {
        if (!m_disconnected)
            m_socket->abort();
    });

    sendMessage(authMessage("auth_required", "ha_version", m_options->haVersion));
}

DemoConnection::~DemoConnection() = default;

void DemoConnection::sendMessage(const QByteArray &message)
{
    if (m_closing)
        return;
    m_pending.push_back(message);
    const int pending = int(m_pending.size());
    if (pending >= kMaxPendingMessages) {
        qCCritical(lcDemo).noquote()
            << u"Client unable to keep up with pending messages. Reached %1 pending messages. "
               u"The system's load is too high or an integration is misbehaving; Last message "
               u"was: %2"_s.arg(kMaxPendingMessages)
                   .arg(forLog(message));
        cancel();
        return;
    }
    if (pending > kPeakPendingMessages && !m_peakTimer.isActive())
        m_peakTimer.start(kPeakTimeMs);
    scheduleFlush();
}

void DemoConnection::sendResult(qint64 id, QByteArrayView resultJson)
{
    QByteArray message;
    message.reserve(resultJson.size() + 64);
    message.append("{\"id\":");
    JsonWriter::appendInt(message, id);
    message.append(",\"type\":\"result\",\"success\":true,\"result\":");
    message.append(resultJson.data(), resultJson.size());
    message.append('}');
    sendMessage(message);
}

void DemoConnection::sendError(QByteArrayView idJson, QByteArrayView code, const QString &text)
{
    QByteArray message = "{\"id\":";
    message.append(idJson.data(), idJson.size());
    message.append(",\"type\":\"result\",\"success\":false,\"error\":{\"code\":");
    JsonWriter::appendString(message, code);
    message.append(",\"message\":");
    JsonWriter::appendString(message, text.toUtf8());
    message.append("}}");
    sendMessage(message);
}

void DemoConnection::addSubscription(qint64 id, Subscription subscription)
{
    m_subscriptions.insert(id, std::move(subscription));
    Q_EMIT subscribed();
}

bool DemoConnection::removeSubscription(qint64 id)
{
    const auto it = m_subscriptions.find(id);
    if (it == m_subscriptions.end())
        return false;
    if (it->history)
        it->history->deleteLater();
    m_subscriptions.erase(it);
    return true;
}

void DemoConnection::deliver(PublishedEvent &event)
{
    if (m_closing || m_subscriptions.isEmpty())
        return;
    const QByteArray &type = event.event().eventType;
    for (auto it = m_subscriptions.cbegin(); it != m_subscriptions.cend() && !m_closing; ++it) {
        const Subscription &subscription = it.value();
        QByteArray message;
        if (subscription.kind == Subscription::Kind::Events) {
            if (subscription.eventType == "*") {
                // core.py EVENTS_EXCLUDED_FROM_MATCH_ALL.
                if (type == "homeassistant_close" || type == "state_reported")
                    continue;
            } else if (subscription.eventType != type) {
                continue;
            }
            const QByteArray &body = event.body();
            message.reserve(body.size() + 40);
            StateJson::appendEventMessage(message, body, it.key());
        } else if (subscription.kind == Subscription::Kind::History) {
            subscription.history->add(event.event());
            continue;
        } else {
            if (!event.event().isStateChanged() ||
                !subscription.filter.matches(event.event().entityId))
                continue;
            const QByteArray &payload = event.entitiesPayload();
            if (payload.isEmpty())
                continue;
            message.reserve(payload.size() + 48);
            StateJson::appendEntitiesMessage(message, it.key(), payload);
        }
        sendMessage(message);
    }
}

void DemoConnection::abortConnection()
{
    if (m_disconnected)
        return;
    m_closing = true;
    m_pending.clear();
    m_socket->abort();
}

void DemoConnection::closeGracefully(int closeCode)
{
    if (m_closing || m_disconnected)
        return;
    // Everything queued goes out first, whatever the writer limit.
    while (!m_pending.empty()) {
        const bool coalesce = (m_coalesce || m_options->alwaysCoalesce) && m_pending.size() > 1;
        if (coalesce) {
            QByteArray frame = "[";
            for (const QByteArray &message : m_pending) {
                if (frame.size() > 1)
                    frame.append(',');
                frame.append(message);
            }
            frame.append(']');
            m_pending.clear();
            writeFrame(frame);
        } else {
            writeFrame(m_pending.front());
            m_pending.pop_front();
        }
    }
    m_closing = true;
    m_authTimer.stop();
    m_peakTimer.stop();
    m_socket->close(QWebSocketProtocol::CloseCode(closeCode));
    m_abortTimer.start(kCloseTimeoutMs);
}

void DemoConnection::cancel()
{
    if (m_closing || m_disconnected)
        return;
    m_pending.clear();
    closeGracefully(QWebSocketProtocol::CloseCodeNormal);
}

void DemoConnection::closeAfterMessage(const QByteArray &message)
{
    sendMessage(message);
    closeGracefully(QWebSocketProtocol::CloseCodeNormal);
}

void DemoConnection::scheduleFlush()
{
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void DemoConnection::writeFrame(const QByteArray &frame)
{
    m_socket->sendTextMessage(QString::fromUtf8(frame));
}

void DemoConnection::flush()
{
    if (m_closing || m_disconnected)
        return;
    while (!m_pending.empty() && m_socket->bytesToWrite() < kWriterLimit) {
        if ((m_coalesce || m_options->alwaysCoalesce) && m_pending.size() > 1) {
            qsizetype size = qsizetype(m_pending.size()) + 1;
            for (const QByteArray &message : m_pending)
                size += message.size();
            QByteArray frame;
            frame.reserve(size);
            frame.append('[');
            for (const QByteArray &message : m_pending) {
                if (frame.size() > 1)
                    frame.append(',');
                frame.append(message);
            }
            frame.append(']');
            m_pending.clear();
            writeFrame(frame);
        } else {
            writeFrame(m_pending.front());
            m_pending.pop_front();
        }
    }
    if (int(m_pending.size()) <= kPeakPendingMessages)
        m_peakTimer.stop();
    if (int(m_pending.size()) < kRoomThreshold)
        Q_EMIT drained();
}

void DemoConnection::onDisconnected()
{
    if (m_disconnected)
        return;
    m_disconnected = true;
    m_closing = true;
    m_pending.clear();
    m_authTimer.stop();
    m_peakTimer.stop();
    m_flushTimer.stop();
    m_abortTimer.stop();
    Q_EMIT closed();
    deleteLater();
}

void DemoConnection::onTextMessage(const QString &text)
{
    if (m_closing)
        return;
    if (m_authenticated)
        handleCommands(text.toUtf8());
    else
        handleAuth(text.toUtf8());
}

void DemoConnection::onBinaryMessage(const QByteArray &data)
{
    if (m_closing)
        return;
    if (!m_authenticated || data.isEmpty()) {
        qCWarning(lcDemo, "Disconnected: Received non-Text message.");
        cancel();
        return;
    }
    qCWarning(lcDemo, "Received binary message for non-existing handler %d",
              int(quint8(data.at(0))));
}

void DemoConnection::handleAuth(const QByteArray &utf8)
{
    m_authTimer.stop();
    QJsonValue message;
    if (!parseJson(utf8, &message)) {
        qCWarning(lcDemo, "Disconnected: Received invalid JSON.");
        cancel();
        return;
    }
    const QString problem = CommandSchema::authProblem(message);
    if (!problem.isEmpty()) {
        const QString text = u"Auth message incorrectly formatted: "_s + problem;
        qCWarning(lcDemo).noquote() << text;
        closeAfterMessage(authMessage("auth_invalid", "message", text));
        return;
    }
    const QJsonValue token = message.toObject().value(u"access_token"_s);
    if (!token.isString() || token.toString().isEmpty() || token.toString() != m_options->token) {
        closeAfterMessage(
            authMessage("auth_invalid", "message", u"Invalid access token or password"_s));
        return;
    }
    m_authenticated = true;
    sendMessage(authMessage("auth_ok", "ha_version", m_options->haVersion));
    Q_EMIT authenticated();
}

void DemoConnection::handleCommands(const QByteArray &utf8)
{
    QJsonValue parsed;
    if (!parseJson(utf8, &parsed)) {
        qCWarning(lcDemo, "Disconnected: Received invalid JSON.");
        cancel();
        return;
    }
    QJsonArray commands;
    if (parsed.isArray())
        commands = parsed.toArray();
    else
        commands.append(parsed);
    const auto run = [this, commands] {
        for (const QJsonValue &command : commands) {
            if (m_closing)
                return;
            handleCommand(command);
        }
    };
    if (m_options->responseDelayMs > 0)
        QTimer::singleShot(m_options->responseDelayMs, this, run);
    else
        run();
}

void DemoConnection::handleCommand(const QJsonValue &value)
{
    // connection.py::async_handle.
    const QJsonObject message = value.toObject();
    const QJsonValue idValue = message.value(u"id"_s);
    const QJsonValue typeValue = message.value(u"type"_s);
    const bool idValid = idValue.isDouble() &&
                         idValue.toVariant().typeId() == QMetaType::LongLong &&
                         idValue.toVariant().toLongLong() > 0;
    const bool typeValid = typeValue.isString() && !typeValue.toString().isEmpty();
    if (!value.isObject() || !idValid || !typeValid) {
        qCWarning(lcDemo).noquote()
            << u"Received invalid command: "_s + CommandSchema::pythonRepr(value);
        QByteArray idJson = "0";
        if (value.isObject()) {
            idJson.clear();
            JsonWriter::appendValue(idJson, idValue);
        }
        sendError(idJson, "invalid_format", u"Message incorrectly formatted."_s);
        return;
    }
    const qint64 id = idValue.toVariant().toLongLong();
    const QByteArray idJson = QByteArray::number(id);
    if (id <= m_lastId) {
        sendError(idJson, "id_reuse", u"Identifier values have to increase."_s);
        return;
    }
    if (!m_handlers->handle(*this, id, typeValue.toString(), message)) {
        qCInfo(lcDemo).noquote() << u"Received unknown command: "_s + typeValue.toString();
        sendError(idJson, "unknown_command", u"Unknown command."_s);
        return;
    }
    m_lastId = id;
}

} // namespace hai
