// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpclient.h"

#include <QBuffer>
#include <QEventLoop>
#include <QJsonObject>
#include <QNetworkReply>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace hai::test {

QString HttpClient::Reply::errorCode() const
{
    return json().object().value(u"error"_s).toObject().value(u"code"_s).toString();
}

HttpClient::HttpClient(const QUrl &base)
    : m_base(base)
{}

HttpClient::Reply HttpClient::send(const QByteArray &method, const QString &pathAndQuery,
                                   const QByteArray &body,
                                   const QHash<QByteArray, QByteArray> &headers, int timeoutMs)
{
    QNetworkRequest request(m_base.resolved(QUrl(pathAndQuery)));
    for (auto it = headers.cbegin(); it != headers.cend(); ++it)
        request.setRawHeader(it.key(), it.value());
    QBuffer buffer;
    buffer.setData(body);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, &buffer);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    Reply result;
    if (reply->isFinished()) {
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        const auto pairs = reply->rawHeaderPairs();
        for (const auto &pair : pairs)
            result.headers.insert(pair.first.toLower(), pair.second);
    }
    reply->abort();
    delete reply;
    return result;
}

} // namespace hai::test
