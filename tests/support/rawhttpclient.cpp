// SPDX-License-Identifier: GPL-3.0-or-later
#include "rawhttpclient.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace hai::test {

RawHttpClient::RawHttpClient(const QString &host, quint16 port)
    : m_host(host.toLatin1())
    , m_port(port)
{
    connectSocket();
}

RawHttpClient::~RawHttpClient()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool RawHttpClient::connectSocket()
{
    m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (m_fd < 0)
        return false;
    const int one = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in address = {};
    address.sin_family = AF_INET;
    address.sin_port = htons(m_port);
    ::inet_pton(AF_INET, m_host.constData(), &address.sin_addr);
    if (::connect(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        ::close(m_fd);
        m_fd = -1;
        return false;
    }
    return true;
}

int RawHttpClient::get(const QByteArray &pathAndQuery, QByteArray *body)
{
    if (m_fd < 0 && !connectSocket())
        return 0;
    const QByteArray request = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + m_host +
                               "\r\nConnection: keep-alive\r\n\r\n";
    if (::send(m_fd, request.constData(), size_t(request.size()), MSG_NOSIGNAL) != request.size())
        return 0;
    int status = 0;
    QByteArray content;
    if (!readResponse(&status, &content))
        return 0;
    if (body)
        *body = std::move(content);
    return status;
}

bool RawHttpClient::readResponse(int *status, QByteArray *body)
{
    char chunk[65536];
    qsizetype headerEnd = -1;
    qsizetype contentLength = -1;
    for (;;) {
        if (headerEnd < 0) {
            headerEnd = m_buffer.indexOf("\r\n\r\n");
            if (headerEnd >= 0) {
                const QByteArray head = m_buffer.left(headerEnd).toLower();
                *status = head.mid(9, 3).toInt();
                const qsizetype at = head.indexOf("content-length:");
                contentLength = at < 0 ? 0
                                       : head.mid(at + 15, head.indexOf('\r', at) - at - 15)
                                             .trimmed()
                                             .toLongLong();
            }
        }
        if (headerEnd >= 0 && m_buffer.size() >= headerEnd + 4 + contentLength) {
            *body = m_buffer.mid(headerEnd + 4, contentLength);
            m_buffer.remove(0, headerEnd + 4 + contentLength);
            return true;
        }
        const ssize_t got = ::recv(m_fd, chunk, sizeof chunk, 0);
        if (got <= 0)
            return false;
        m_buffer.append(chunk, got);
    }
}

} // namespace hai::test
