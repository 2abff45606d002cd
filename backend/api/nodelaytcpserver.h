// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTcpServer>

namespace hai {

// A QTcpServer whose accepted sockets have Nagle's algorithm off. QHttpServer writes the
// headers and the body of a response separately; with Nagle on, the body waits for the
// client's delayed ACK, which adds ~40 ms to every response larger than one segment.
class NoDelayTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr socketDescriptor) override;
};

} // namespace hai
