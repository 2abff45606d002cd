// SPDX-License-Identifier: GPL-3.0-or-later
#include "influxresponse.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

constexpr int kMaxMessageChars = 1000;

QString networkText(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return u"connection refused"_s;
    case QNetworkReply::RemoteHostClosedError:
        return u"the server closed the connection"_s;
    case QNetworkReply::HostNotFoundError:
        return u"host not found"_s;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return u"the connection timed out"_s;
    case QNetworkReply::SslHandshakeFailedError:
        return u"the TLS handshake failed"_s;
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::TemporaryNetworkFailureError:
        return u"the network is down"_s;
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
        return u"the proxy cannot be reached"_s;
    default:
        return u"network error %1"_s.arg(int(error));
    }
}

} // namespace

QString InfluxResponse::kindName(InfluxErrorKind kind)
{
    switch (kind) {
    case InfluxErrorKind::None:
        return u"none"_s;
    case InfluxErrorKind::Network:
        return u"network"_s;
    case InfluxErrorKind::Timeout:
        return u"timeout"_s;
    case InfluxErrorKind::ServerError:
        return u"server_error"_s;
    case InfluxErrorKind::RateLimited:
        return u"rate_limited"_s;
    case InfluxErrorKind::BadData:
        return u"bad_data"_s;
    case InfluxErrorKind::Auth:
        return u"auth"_s;
    case InfluxErrorKind::NotFound:
        return u"not_found"_s;
    }
    return {};
}

QString InfluxResponse::serverMessage(const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    QString text = object.value(u"error"_s).toString();
    if (text.isEmpty())
        text = object.value(u"message"_s).toString();
    if (text.isEmpty())
        text = QString::fromUtf8(body).trimmed();
    text.replace(u'\n', u' ');
    if (text.size() > kMaxMessageChars)
        text = text.left(kMaxMessageChars) + u"…"_s;
    return text;
}

QString InfluxResponse::queryError(const QByteArray &body)
{
    QStringList errors;
    const QJsonObject answer = QJsonDocument::fromJson(body).object();
    if (answer.contains(u"error"_s))
        errors.append(answer.value(u"error"_s).toString());
    for (const QJsonValue &result : answer.value(u"results"_s).toArray()) {
        const QString error = result.toObject().value(u"error"_s).toString();
        if (!error.isEmpty())
            errors.append(error);
    }
    return errors.join(u"; "_s);
}

int InfluxResponse::parseRetryAfter(const QByteArray &value)
{
    QByteArray trimmed = value.trimmed();
    // HTTP dates (IMF-fixdate) end in "GMT", a zone name Qt 6.4's RFC 2822 parser refuses.
    if (trimmed.endsWith(" GMT"))
        trimmed.replace(trimmed.size() - 3, 3, "+0000");
    if (trimmed.isEmpty())
        return -1;
    bool ok = false;
    const int seconds = trimmed.toInt(&ok);
    if (ok)
        return seconds >= 0 ? seconds : -1;
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(trimmed), Qt::RFC2822Date);
    if (!when.isValid())
        return -1;
    return int(qMax<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(when)));
}

InfluxResponse InfluxResponse::classify(int status, QNetworkReply::NetworkError error,
                                        bool timedOut, const QByteArray &body,
                                        const QByteArray &retryAfter)
{
    InfluxResponse response;
    response.status = status;
    if (timedOut) {
        response.kind = InfluxErrorKind::Timeout;
        response.message = u"no answer in time"_s;
        return response;
    }
    if (status == 0) {
        response.kind = InfluxErrorKind::Network;
        response.message = networkText(error);
        return response;
    }
    if (status >= 200 && status < 300)
        return response;
    response.message = serverMessage(body);
    response.retryAfterSeconds = parseRetryAfter(retryAfter);
    if (status == 429 || (status == 503 && response.retryAfterSeconds >= 0))
        response.kind = InfluxErrorKind::RateLimited;
    else if (status >= 500)
        response.kind = InfluxErrorKind::ServerError;
    else if (status == 400 || status == 413 || status == 422)
        response.kind = InfluxErrorKind::BadData;
    else if (status == 401 || status == 403)
        response.kind = InfluxErrorKind::Auth;
    else
        response.kind = InfluxErrorKind::NotFound;
    response.databaseMissing =
        status == 404 && response.message.contains(u"database not found"_s, Qt::CaseInsensitive);
    return response;
}

} // namespace hai
