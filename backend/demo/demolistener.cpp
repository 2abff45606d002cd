// SPDX-License-Identifier: GPL-3.0-or-later
#include "demolistener.h"

#include "core/logging.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace Qt::StringLiterals;

namespace hai {

namespace {
constexpr qint64 kMaxRequestLine = 8192;
constexpr int kRequestTimeoutMs = 10000;
} // namespace

DemoListener::DemoListener(QObject *parent)
    : QObject(parent)
    , m_tcp(new QTcpServer(this))
    , m_webSockets(
          new QWebSocketServer(u"HA Ingestor DemoHome"_s, QWebSocketServer::NonSecureMode, this))
    , m_refuseTimer(this)
    , m_retryTimer(this)
{
    connect(m_tcp, &QTcpServer::newConnection, this, &DemoListener::acceptTcp);
    connect(m_webSockets, &QWebSocketServer::newConnection, this, &DemoListener::newConnection);
    m_refuseTimer.setSingleShot(true);
    connect(&m_refuseTimer, &QTimer::timeout, this, &DemoListener::resumeListening);
    m_retryTimer.setSingleShot(true);
    m_retryTimer.setInterval(100);
    connect(&m_retryTimer, &QTimer::timeout, this, &DemoListener::resumeListening);
}

DemoListener::~DemoListener() = default;

bool DemoListener::listen(const QHostAddress &address, quint16 port)
{
    if (!m_tcp->listen(address, port)) {
        m_error = m_tcp->errorString();
        return false;
    }
    m_address = address;
    m_port = m_tcp->serverPort();
    m_wanted = true;
    return true;
}

void DemoListener::close()
{
    m_wanted = false;
    m_refuseTimer.stop();
    m_retryTimer.stop();
    m_tcp->close();
}

bool DemoListener::isListening() const
{
    return m_tcp->isListening();
}

void DemoListener::refuseFor(int ms)
{
    if (!m_wanted || ms <= 0)
        return;
    qCInfo(lcDemo, "Refusing connections for %d ms", ms);
    m_tcp->close();
    m_retryTimer.stop();
    m_refuseTimer.start(ms);
}

void DemoListener::resumeListening()
{
    if (!m_wanted || m_tcp->isListening())
        return;
    if (m_tcp->listen(m_address, m_port)) {
        qCInfo(lcDemo, "Accepting connections again on port %u", unsigned(m_port));
        return;
    }
    // The port may linger for a moment; try again shortly.
    m_retryTimer.start();
}

QWebSocket *DemoListener::nextPendingConnection()
{
    return m_webSockets->nextPendingConnection();
}

void DemoListener::acceptTcp()
{
    while (m_tcp->hasPendingConnections()) {
        QTcpSocket *socket = m_tcp->nextPendingConnection();
        if (isRefusing()) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        // Sockets that never become WebSockets clean up after themselves.
        auto *timeout = new QTimer(socket);
        timeout->setSingleShot(true);
        connect(timeout, &QTimer::timeout, socket, &QTcpSocket::abort);
        timeout->start(kRequestTimeoutMs);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { inspectRequest(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        if (socket->bytesAvailable() > 0)
            inspectRequest(socket);
    }
}

void DemoListener::inspectRequest(QTcpSocket *socket)
{
    const QByteArray head = socket->peek(kMaxRequestLine);
    const qsizetype lineEnd = head.indexOf("\r\n");
    if (lineEnd < 0) {
        if (head.size() >= kMaxRequestLine)
            socket->abort();
        return;
    }
    // "GET /api/websocket HTTP/1.1"; the query string does not count.
    const QList<QByteArray> parts = head.left(lineEnd).split(' ');
    QByteArray path = parts.size() == 3 ? parts.at(1) : QByteArray();
    path = path.left(path.indexOf('?') >= 0 ? path.indexOf('?') : path.size());
    disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
    delete socket->findChild<QTimer *>();
    if (parts.size() != 3 || parts.at(0) != "GET" || path != kPath) {
        const QByteArray body = "404: Not Found";
        socket->write("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain; charset=utf-8\r\n"
                      "Content-Length: " +
                      QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        socket->disconnectFromHost();
        return;
    }
    // The WebSocket server deletes the TCP socket when it disconnects.
    disconnect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    m_webSockets->handleConnection(socket);
}

} // namespace hai
