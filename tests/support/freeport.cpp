// SPDX-License-Identifier: GPL-3.0-or-later
#include "freeport.h"

#include <QTcpServer>

namespace hai::test {

quint16 freeLoopbackPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

} // namespace hai::test
