// SPDX-License-Identifier: GPL-3.0-or-later
#include "haprotocol.h"

#include "hafasteventparser.h"
#include "haframeparser.h"
#include "hastats.h"

#include <QJsonDocument>
#include <QList>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

QString textOf(const QJsonObject &object, QStringView key)
{
    return object.value(key).toString();
}

} // namespace

HaProtocol::HaProtocol(HaStats *stats, Handlers handlers)
    : m_stats(stats)
    , m_handlers(std::move(handlers))
{}

HaProtocol::~HaProtocol() = default;

qsizetype HaProtocol::handleFrame(const QByteArray &utf8)
{
    if (m_phase == Phase::Closed)
        return 0;
    qsizetype parsed = 0;
    if (handleParsedFrame(utf8, &parsed))
        return parsed;
    QList<QJsonObject> messages;
    const qsizetype count = HaFrameParser::parse(utf8, &messages, m_stats);
    for (const QJsonObject &message : std::as_const(messages)) {
        if (m_phase == Phase::Closed) // a callback closed the connection: drop the rest
            break;
        handleMessage(message);
    }
    return count;
}

bool HaProtocol::handleParsedFrame(const QByteArray &utf8, qsizetype *count)
{
    if (!m_fastParser || m_phase != Phase::Command)
        return false;
    m_parsedEvents.clear();
    if (!m_fastParser->parseFrame(utf8, &m_parsedEvents))
        return false;
    for (const auto &[id, event] : std::as_const(m_parsedEvents)) {
        const auto it = m_subscriptions.constFind(id);
        if (it == m_subscriptions.constEnd() || !it->onParsedEvent)
            return false; // the general path counts or routes it
    }
    for (auto &[id, event] : m_parsedEvents) {
        if (m_phase == Phase::Closed) // a callback closed the connection: drop the rest
            break;
        // A copy: the handler may close this connection, which clears the table it lives in.
        const HaParsedEventCallback onParsedEvent = m_subscriptions.value(id).onParsedEvent;
        if (onParsedEvent)
            onParsedEvent(std::move(event));
    }
    *count = m_parsedEvents.size();
    m_parsedEvents.clear();
    return true;
}

void HaProtocol::handleMessage(const QJsonObject &message)
{
    if (m_phase == Phase::Closed)
        return;
    const auto typeIt = message.constFind(u"type");
    if (typeIt == message.constEnd()) {
        m_stats->countBadInput(HaBadInput::MissingField, u"a message without a type"_s);
        return;
    }
    if (!typeIt->isString()) {
        m_stats->countBadInput(HaBadInput::WrongType, u"a message whose type is not a string"_s);
        return;
    }
    const QString type = typeIt->toString();
    if (type.startsWith(u"auth")) {
        handleAuthMessage(type, message);
        return;
    }
    int id = 0;
    if (type == u"event") {
        if (readId(message, type, &id))
            handleEvent(id, message);
    } else if (type == u"result") {
        if (readId(message, type, &id))
            handleResult(id, message);
    } else if (type == u"pong") {
        if (readId(message, type, &id))
            handlePong(id);
    } else {
        m_stats->countBadInput(HaBadInput::UnknownType,
                               u"message type '"_s + type.left(64) + u'\'');
    }
}

void HaProtocol::handleAuthMessage(const QString &type, const QJsonObject &message)
{
    const bool known = type == u"auth_required" || type == u"auth_ok" || type == u"auth_invalid";
    if (!known) {
        m_stats->countBadInput(HaBadInput::UnknownType,
                               u"message type '"_s + type.left(64) + u'\'');
        return;
    }
    if (m_phase != Phase::Auth) {
        m_stats->countBadInput(HaBadInput::UnexpectedMessage, type + u" after authentication"_s);
        return;
    }
    if (type == u"auth_required") {
        if (m_handlers.authRequired)
            m_handlers.authRequired(textOf(message, u"ha_version"));
    } else if (type == u"auth_ok") {
        m_phase = Phase::Command;
        if (m_handlers.authOk)
            m_handlers.authOk(textOf(message, u"ha_version"));
    } else {
        const QString reason = textOf(message, u"message");
        close(u"auth_invalid"_s, reason);
        if (m_handlers.authInvalid)
            m_handlers.authInvalid(reason.isEmpty() ? u"authentication failed"_s : reason);
    }
}

bool HaProtocol::readId(const QJsonObject &message, const QString &type, int *id)
{
    if (m_phase != Phase::Command) {
        m_stats->countBadInput(HaBadInput::UnexpectedMessage, type + u" before authentication"_s);
        return false;
    }
    const auto it = message.constFind(u"id");
    if (it == message.constEnd() || it->isNull()) {
        m_stats->countBadInput(HaBadInput::MissingField, type + u" without an id"_s);
        return false;
    }
    const double value = it->toDouble(-1);
    if (!it->isDouble() || value < 1 || value > 2147483647.0 || value != double(int(value))) {
        m_stats->countBadInput(HaBadInput::WrongType, type + u" with an id that is not a "
                                                             u"positive integer"_s);
        return false;
    }
    *id = int(value);
    return true;
}

void HaProtocol::handleResult(int id, const QJsonObject &message)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end()) {
        m_stats->countBadInput(HaBadInput::UnmatchedId, u"a result for id "_s +
                                                            QString::number(id) +
                                                            u", which no request is waiting for"_s);
        return;
    }
    Pending pending = std::move(it.value());
    m_pending.erase(it);

    HaResult result;
    const QJsonValue success = message.value(u"success");
    if (!success.isBool()) {
        m_stats->countBadInput(HaBadInput::WrongType, u"a result whose success is not a boolean"_s);
        result.errorCode = u"invalid_response"_s;
        result.errorMessage = u"the result has no boolean 'success'"_s;
    } else if (success.toBool()) {
        result.success = true;
        result.result = message.value(u"result");
    } else {
        const QJsonObject error = message.value(u"error").toObject();
        result.errorCode = error.value(u"code").toString(u"unknown_error"_s);
        result.errorMessage = error.value(u"message").toString();
    }
    if (!result.success) {
        m_stats->addCommandError();
        if (pending.type == u"subscribe_events")
            m_subscriptions.remove(id);
    }
    if (pending.callback)
        pending.callback(result);
}

void HaProtocol::handleEvent(int id, const QJsonObject &message)
{
    const auto it = m_subscriptions.constFind(id);
    if (it == m_subscriptions.constEnd()) {
        m_stats->countBadInput(HaBadInput::UnmatchedId,
                               u"an event for id "_s + QString::number(id) +
                                   u", which is no subscription of this connection"_s);
        return;
    }
    const QJsonValue event = message.value(u"event");
    if (!event.isObject()) {
        m_stats->countBadInput(event.isUndefined() ? HaBadInput::MissingField
                                                   : HaBadInput::WrongType,
                               u"an event message whose 'event' is not an object"_s);
        return;
    }
    // A copy: the handler may close this connection, which clears the table it lives in.
    const HaEventCallback onEvent = it->onEvent;
    if (onEvent)
        onEvent(event.toObject());
}

void HaProtocol::handlePong(int id)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end() || it->type != u"ping") {
        m_stats->countBadInput(HaBadInput::UnmatchedId, u"a pong for id "_s + QString::number(id) +
                                                            u", which is no pending ping"_s);
        return;
    }
    Pending pending = std::move(it.value());
    m_pending.erase(it);
    HaResult result;
    result.success = true;
    if (pending.callback)
        pending.callback(result);
}

void HaProtocol::sendAuth(const QString &accessToken)
{
    if (m_phase != Phase::Auth)
        return;
    send(QJsonObject{{u"type"_s, u"auth"_s}, {u"access_token"_s, accessToken}});
}

int HaProtocol::sendCommand(QJsonObject command, HaResultCallback callback)
{
    if (m_phase != Phase::Command)
        return 0;
    const int id = m_nextId++;
    command.insert(u"id"_s, id);
    m_pending.insert(id, Pending{command.value(u"type").toString(), std::move(callback)});
    send(command);
    return id;
}

int HaProtocol::subscribeEvents(const QString &eventType, HaEventCallback onEvent,
                                HaResultCallback onResult, HaParsedEventCallback onParsedEvent)
{
    if (m_phase != Phase::Command || isSubscribed(eventType))
        return 0;
    QJsonObject command{{u"type"_s, u"subscribe_events"_s}};
    if (!eventType.isEmpty())
        command.insert(u"event_type"_s, eventType);
    const int id = m_nextId; // registered before sending: an event may follow the result at once
    if (onParsedEvent && !m_fastParser)
        m_fastParser = std::make_unique<HaFastEventParser>();
    m_subscriptions.insert(id,
                           Subscription{eventType, std::move(onEvent), std::move(onParsedEvent)});
    return sendCommand(command, std::move(onResult));
}

bool HaProtocol::isSubscribed(const QString &eventType) const
{
    for (const Subscription &subscription : m_subscriptions)
        if (subscription.eventType == eventType)
            return true;
    return false;
}

void HaProtocol::close(const QString &code, const QString &message)
{
    if (m_phase == Phase::Closed)
        return;
    m_phase = Phase::Closed;
    m_subscriptions.clear();
    QHash<int, Pending> pending;
    pending.swap(m_pending);
    // Fail in id order, so callers see their requests fail in the order they were made.
    QList<int> ids = pending.keys();
    std::sort(ids.begin(), ids.end());
    HaResult failure;
    failure.errorCode = code;
    failure.errorMessage = message;
    for (int id : std::as_const(ids)) {
        const HaResultCallback callback = pending.value(id).callback;
        if (callback)
            callback(failure);
    }
}

void HaProtocol::send(const QJsonObject &message)
{
    if (m_handlers.send)
        m_handlers.send(QJsonDocument(message).toJson(QJsonDocument::Compact));
}

} // namespace hai
