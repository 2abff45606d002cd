// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QObject>
#include <QTimer>

class QTcpServer;
class QTcpSocket;
class QWebSocket;
class QWebSocketServer;

namespace hai {

// The listening side of the simulated HA: a TCP server that looks at each request line and
// answers 404 to anything but GET /api/websocket (as aiohttp does), hands the rest to a
// non-secure QWebSocketServer for the upgrade, and can refuse connections for a while by
// closing its port (clients see "connection refused", as while HA restarts).
class DemoListener : public QObject
{
    Q_OBJECT
public:
    static constexpr const char *kPath = "/api/websocket";

    explicit DemoListener(QObject *parent = nullptr);
    ~DemoListener() override;

    bool listen(const QHostAddress &address, quint16 port);
    void close();
    bool isListening() const;
    bool isRefusing() const { return m_refuseTimer.isActive(); }
    quint16 port() const { return m_port; }
    QHostAddress address() const { return m_address; }
    QString errorString() const { return m_error; }

    // Closes the port for ms milliseconds, then listens again on the same port.
    void refuseFor(int ms);

    QWebSocket *nextPendingConnection();

Q_SIGNALS:
    void newConnection();

private:
    void acceptTcp();
    void inspectRequest(QTcpSocket *socket);
    void resumeListening();

    QTcpServer *m_tcp;
    QWebSocketServer *m_webSockets;
    QTimer m_refuseTimer;
    QTimer m_retryTimer;
    QHostAddress m_address;
    quint16 m_port = 0;
    bool m_wanted = false; // listen() succeeded and close() was not called
    QString m_error;
};

} // namespace hai
