// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "subscriptionfilter.h"

#include <QByteArray>
#include <QMap>
#include <QObject>
#include <QTimer>

#include <deque>

class QWebSocket;

namespace hai {

class CommandHandlers;
class HistoryStream;
class PublishedEvent;
struct DemoHomeOptions;

// One client of the simulated HA, as websocket_api/http.py and connection.py treat it: the
// auth phase (auth_required, 10 s timeout, auth_ok/auth_invalid), then commands with strictly
// increasing ids, batched input arrays, and an outgoing queue that is handed to the socket as
// it drains, coalesced into JSON arrays once the client asked for coalesce_messages. A queue
// that reaches 4096 messages, or stays over 1024 for 10 s, cancels the connection like HA.
class DemoConnection : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxPendingMessages = 4096;  // const.MAX_PENDING_MSG
    static constexpr int kPeakPendingMessages = 1024; // const.PENDING_MSG_PEAK
    static constexpr int kPeakTimeMs = 10000;         // const.PENDING_MSG_PEAK_TIME
    static constexpr int kRoomThreshold = 256;        // below this, a burst may add more

    struct Subscription
    {
        enum class Kind { Events, Entities, History };
        Kind kind = Kind::Events;
        QByteArray eventType;             // Events: "*" or one event type
        SubscriptionFilter filter;        // Entities
        HistoryStream *history = nullptr; // History: owned by the connection
    };

    DemoConnection(QWebSocket *socket, CommandHandlers *handlers, const DemoHomeOptions *options,
                   QObject *parent = nullptr);
    ~DemoConnection() override;

    bool isAuthenticated() const { return m_authenticated; }
    bool isClosing() const { return m_closing; }
    // Messages queued but not yet handed to the socket.
    int pendingCount() const { return int(m_pending.size()); }
    bool hasSubscriptions() const { return !m_subscriptions.isEmpty(); }

    // Queues one complete message (a JSON object).
    void sendMessage(const QByteArray &message);
    void sendResult(qint64 id, QByteArrayView resultJson);
    // idJson: the id as the client sent it (a number, null, ...).
    void sendError(QByteArrayView idJson, QByteArrayView code, const QString &message);
    void setCoalescing(bool enabled) { m_coalesce = enabled; }

    void addSubscription(qint64 id, Subscription subscription);
    bool removeSubscription(qint64 id);
    // Queues the event for every subscription that wants it.
    void deliver(PublishedEvent &event);

    // Drops the TCP connection without a close frame.
    void abortConnection();
    // Sends what is queued, then a close frame.
    void closeGracefully(int closeCode = 1000);

Q_SIGNALS:
    void authenticated();
    void subscribed();
    // The queue went below kRoomThreshold: a paused burst may continue.
    void drained();
    // The socket is gone; the object deletes itself next.
    void closed();

private:
    void onTextMessage(const QString &text);
    void onBinaryMessage(const QByteArray &data);
    void onDisconnected();
    void handleAuth(const QByteArray &utf8);
    void handleCommands(const QByteArray &utf8);
    void handleCommand(const QJsonValue &message);
    void flush();
    void scheduleFlush();
    void writeFrame(const QByteArray &frame);
    // HA's _cancel: drop the queue and close, no error message.
    void cancel();
    void closeAfterMessage(const QByteArray &message);

    QWebSocket *m_socket;
    CommandHandlers *m_handlers;
    const DemoHomeOptions *m_options;
    std::deque<QByteArray> m_pending;
    QMap<qint64, Subscription> m_subscriptions;
    qint64 m_lastId = 0;
    bool m_authenticated = false;
    bool m_coalesce = false;
    bool m_closing = false;
    bool m_disconnected = false;
    QTimer m_authTimer;
    QTimer m_flushTimer;
    QTimer m_peakTimer;
    QTimer m_abortTimer;
};

} // namespace hai
