// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace hai::test {

// A blocking HTTP/1.1 keep-alive client on a plain socket, for benchmarks: it adds almost
// nothing to the time it measures, unlike an event-loop client.
class RawHttpClient
{
public:
    RawHttpClient(const QString &host, quint16 port);
    ~RawHttpClient();
    RawHttpClient(const RawHttpClient &) = delete;
    RawHttpClient &operator=(const RawHttpClient &) = delete;

    bool isConnected() const { return m_fd >= 0; }
    // Sends a GET and reads the whole response; returns the status (0 on failure).
    int get(const QByteArray &pathAndQuery, QByteArray *body = nullptr);

private:
    bool connectSocket();
    bool readResponse(int *status, QByteArray *body);

    QByteArray m_host;
    quint16 m_port;
    int m_fd = -1;
    QByteArray m_buffer;
};

} // namespace hai::test
