// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QUrl>

namespace hai::test {

// A blocking HTTP client for tests: runs the event loop until the reply arrives (bounded).
class HttpClient
{
public:
    struct Reply
    {
        int status = 0;
        QByteArray body;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QJsonDocument json() const { return QJsonDocument::fromJson(body); }
        QString errorCode() const;
    };

    explicit HttpClient(const QUrl &base);
    Reply send(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
               const QHash<QByteArray, QByteArray> &headers = {}, int timeoutMs = 10000);
    Reply get(const QString &pathAndQuery) { return send("GET", pathAndQuery); }

private:
    QUrl m_base;
    QNetworkAccessManager m_network;
};

} // namespace hai::test
