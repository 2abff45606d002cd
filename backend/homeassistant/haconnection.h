// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "haclientoptions.h"
#include "harequester.h"
#include "reconnectbackoff.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <memory>

class QWebSocket;

namespace hai {

class HaProtocol;
class HaStats;

// The WebSocket link to Home Assistant: connect, authenticate, announce coalescing, keep the
// link alive with HA-level pings, and reconnect forever with jittered exponential backoff.
// Everything above it (subscriptions, discovery) is redone on `authenticated`, which is
// emitted once per connection; HaProtocol is renewed per connection, so nothing from an old
// connection can answer on a new one. Lives in one thread ("ha" in the app); works in a
// test's thread as long as that thread runs an event loop.
class HaConnection : public QObject, public HaRequester
{
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Authenticating, Connected };
    Q_ENUM(State)

    HaConnection(const HaClientOptions &options, HaStats *stats, QObject *parent = nullptr);
    ~HaConnection() override;

    // ws(s)://host/api/websocket from ws://, wss://, http:// or https:// (a base URL gets
    // /api/websocket appended). Invalid with `error` set for anything else.
    static QUrl websocketUrl(const QUrl &url, QString *error);

    // Connects and keeps reconnecting until close() or an auth_invalid.
    void open();
    // Closes the link and stops reconnecting.
    void close();
    // Drops the current link as if it had died (the reconnect follows the backoff).
    void abort(const QString &reason);
    void setCredentials(const QUrl &url, const QString &token);

    int request(const QJsonObject &command, HaResultCallback callback) override;
    // Subscribes on the current connection only; see HaProtocol::subscribeEvents.
    int subscribeEvents(const QString &eventType, HaEventCallback onEvent,
                        HaResultCallback onResult, HaParsedEventCallback onParsedEvent = {});

    State state() const { return m_state; }
    QString haVersion() const { return m_haVersion; }
    QUrl url() const { return m_wsUrl; }
    int lastMessageId() const;
    int nextReconnectDelayForTest() const { return m_backoff.baseMs(); }

Q_SIGNALS:
    void stateChanged(hai::HaConnection::State state);
    // auth_ok arrived and supported_features was sent: subscribe and discover now.
    void authenticated(const QString &haVersion);
    // The link went away; every pending request has already been failed.
    void disconnected(const QString &reason);
    // HA rejected the token. No further attempts until open() is called again.
    void authenticationFailed(const QString &message);
    void reconnectScheduled(int delayMs);
    // After the messages of one text frame were dispatched.
    void frameProcessed();

private:
    void connectNow();
    void onSocketConnected();
    void onTextMessage(const QString &text);
    void onAuthOk(const QString &haVersion);
    void onAuthInvalid(const QString &message);
    void sendPing();
    void onPongTimeout();
    void drop(const QString &reason, bool retry);
    void teardownSocket();
    void setState(State state);
    void failLater(HaResultCallback callback) const;

    HaClientOptions m_options;
    HaStats *m_stats;
    QUrl m_wsUrl;
    State m_state = State::Disconnected;
    QString m_haVersion;
    bool m_wanted = false;  // open() was called and neither close() nor auth_invalid since
    quint64 m_sessions = 0; // connections that reached auth_ok
    QPointer<QWebSocket> m_socket;
    std::shared_ptr<HaProtocol> m_protocol;
    ReconnectBackoff m_backoff;

    QTimer m_reconnectTimer;
    QTimer m_connectTimer; // socket open, then auth_ok
    QTimer m_pingTimer;
    QTimer m_pongTimer;
    QTimer m_stableTimer;
    QElapsedTimer m_clock;
    qint64 m_pingSentMs = -1;
    qint64 m_lastFrameMs = 0;
};

} // namespace hai
