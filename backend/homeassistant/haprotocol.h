// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "haevent.h"
#include "harequester.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <memory>
#include <utility>

namespace hai {

class HaFastEventParser;
class HaStats;

// The message layer of one WebSocket connection, without the socket: the auth phase, message
// ids (strictly increasing from 1, as HA requires), pending results and event subscriptions.
// A new HaProtocol is made for every connection, so subscriptions and ids never leak from one
// connection into the next. Every malformed or unexpected message is counted and skipped;
// nothing from the wire can throw, assert or stall it. The fuzz test drives it directly.
class HaProtocol
{
public:
    enum class Phase { Auth, Command, Closed };

    struct Handlers
    {
        std::function<void(const QByteArray &frame)> send;
        std::function<void(const QString &haVersion)> authRequired; // answer with sendAuth()
        std::function<void(const QString &haVersion)> authOk;
        std::function<void(const QString &message)> authInvalid;
    };

    HaProtocol(HaStats *stats, Handlers handlers);
    ~HaProtocol();
    HaProtocol(const HaProtocol &) = delete;
    HaProtocol &operator=(const HaProtocol &) = delete;

    // Parses one text frame (an object or an array of objects) and dispatches each message.
    // Returns the number of messages in it.
    qsizetype handleFrame(const QByteArray &utf8);
    void handleMessage(const QJsonObject &message);

    void sendAuth(const QString &accessToken);
    // Adds the next id to `command`, sends it and remembers `callback` for its result (or
    // pong). Returns the id, or 0 (without calling back) outside the command phase.
    int sendCommand(QJsonObject command, HaResultCallback callback);
    // subscribe_events for one event type; `onEvent` gets each event's `event` object. A
    // second subscription to the same type on this connection is refused (returns 0): one
    // set of subscriptions per connection, whatever the caller does.
    // With `onParsedEvent`, frames holding only such events skip QJsonDocument: they are read
    // by HaFastEventParser and handed over as HaEvents (the hot path of ingestion).
    int subscribeEvents(const QString &eventType, HaEventCallback onEvent,
                        HaResultCallback onResult, HaParsedEventCallback onParsedEvent = {});

    // Fails every pending callback with `code`/`message` and stops dispatching. Idempotent.
    void close(const QString &code, const QString &message);

    Phase phase() const { return m_phase; }
    int lastId() const { return m_nextId - 1; }
    qsizetype pendingCount() const { return m_pending.size(); }
    qsizetype subscriptionCount() const { return m_subscriptions.size(); }
    bool isSubscribed(const QString &eventType) const;

private:
    struct Pending
    {
        QString type;
        HaResultCallback callback;
    };
    struct Subscription
    {
        QString eventType;
        HaEventCallback onEvent;
        HaParsedEventCallback onParsedEvent;
    };

    bool handleParsedFrame(const QByteArray &utf8, qsizetype *count);
    void handleAuthMessage(const QString &type, const QJsonObject &message);
    void handleResult(int id, const QJsonObject &message);
    void handleEvent(int id, const QJsonObject &message);
    void handlePong(int id);
    bool readId(const QJsonObject &message, const QString &type, int *id);
    void send(const QJsonObject &message);

    HaStats *m_stats;
    Handlers m_handlers;
    Phase m_phase = Phase::Auth;
    int m_nextId = 1;
    QHash<int, Pending> m_pending;
    QHash<int, Subscription> m_subscriptions;
    std::unique_ptr<HaFastEventParser> m_fastParser; // made with the first parsed subscription
    QList<std::pair<int, HaEvent>> m_parsedEvents;   // reused between frames
};

} // namespace hai
