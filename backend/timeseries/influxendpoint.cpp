// SPDX-License-Identifier: GPL-3.0-or-later
#include "influxendpoint.h"

#include <QHostAddress>

#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace hai {

InfluxEndpoint::InfluxEndpoint(const InfluxOptions &options)
    : m_options(options)
    , m_url(options.url)
{}

QUrl InfluxEndpoint::endpoint(const QString &path) const
{
    QUrl url = m_url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + path); // keeps a reverse-proxy prefix such as /influx
    return url;
}

void InfluxEndpoint::authorize(QNetworkRequest &request) const
{
    if (m_options.api == 2) {
        // 1.8+ also takes "Token user:password" on its v2 compatibility endpoint.
        const QString token = !m_options.token.isEmpty() || m_options.username.isEmpty()
                                  ? m_options.token
                                  : m_options.username + u':' + m_options.password;
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Token " + token.toUtf8());
    } else if (!m_options.username.isEmpty()) {
        request.setRawHeader(
            "Authorization",
            "Basic " + (m_options.username + u':' + m_options.password).toUtf8().toBase64());
    }
}

bool InfluxEndpoint::isLoopback() const
{
    const QString host = m_url.host();
    return host == u"localhost"_s || QHostAddress(host).isLoopback();
}

QNetworkRequest InfluxEndpoint::writeRequest(bool gzip) const
{
    QUrl url;
    QUrlQuery query;
    if (m_options.api == 2) {
        url = endpoint(u"/api/v2/write"_s);
        query.addQueryItem(u"org"_s, m_options.org);
        query.addQueryItem(u"bucket"_s, m_options.bucket);
        query.addQueryItem(u"precision"_s, u"us"_s);
    } else {
        url = endpoint(u"/write"_s);
        query.addQueryItem(u"db"_s, m_options.database);
        query.addQueryItem(u"precision"_s, u"u"_s);
    }
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"text/plain; charset=utf-8"_s);
    request.setRawHeader("Accept", "application/json");
    if (gzip)
        request.setRawHeader("Content-Encoding", "gzip");
    authorize(request);
    return request;
}

QNetworkRequest InfluxEndpoint::createDatabaseRequest() const
{
    QNetworkRequest request(endpoint(u"/query"_s));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/x-www-form-urlencoded"_s);
    authorize(request);
    return request;
}

QByteArray InfluxEndpoint::createDatabaseBody() const
{
    QString name = m_options.database;
    name.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
    QUrlQuery form;
    form.addQueryItem(u"q"_s, u"CREATE DATABASE \"%1\""_s.arg(name));
    return form.toString(QUrl::FullyEncoded).toUtf8();
}

QString InfluxEndpoint::displayUrl() const
{
    return m_url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment)
        .toString();
}

QString InfluxEndpoint::target() const
{
    if (m_options.api == 2)
        return u"bucket '%1' in org '%2'"_s.arg(m_options.bucket, m_options.org);
    return u"database '%1'"_s.arg(m_options.database);
}

QString InfluxEndpoint::description() const
{
    return u"%1 (v%2, %3)"_s.arg(displayUrl()).arg(m_options.api).arg(target());
}

QString InfluxEndpoint::describe(const InfluxResponse &response) const
{
    const QString status = QString::number(response.status);
    const QString detail = response.message.isEmpty() ? QString() : u": "_s + response.message;
    switch (response.kind) {
    case InfluxErrorKind::None:
        return {};
    case InfluxErrorKind::Network:
        return u"cannot reach InfluxDB at %1: %2"_s.arg(displayUrl(), response.message);
    case InfluxErrorKind::Timeout:
        return u"InfluxDB at %1 did not answer within %2 ms"_s.arg(displayUrl())
            .arg(m_options.requestTimeoutMs);
    case InfluxErrorKind::ServerError:
        return u"InfluxDB server error (%1)%2"_s.arg(status, detail);
    case InfluxErrorKind::RateLimited:
        return u"InfluxDB asks to slow down (%1), retry after %2 s%3"_s.arg(status)
            .arg(qMax(response.retryAfterSeconds, 0))
            .arg(detail);
    case InfluxErrorKind::BadData:
        return u"InfluxDB refused points (%1)%2"_s.arg(status, detail);
    case InfluxErrorKind::Auth:
        if (response.status == 403)
            return u"InfluxDB denies writing to %1 (403)%2"_s.arg(target(), detail);
        if (m_options.api == 2)
            return u"InfluxDB refused the token (401)%1; check --influx-token"_s.arg(detail);
        return u"InfluxDB refused the username or password (401)%1; check --influx-username "
               u"and --influx-password"_s.arg(detail);
    case InfluxErrorKind::NotFound:
        if (response.databaseMissing) {
            return m_options.createDatabase
                       ? u"database '%1' does not exist and could not be created (404)"_s.arg(
                             m_options.database)
                       : u"database '%1' does not exist (404); create it, or allow "
                         u"--influx-create-db"_s.arg(m_options.database);
        }
        if (m_options.api == 2 && response.status == 404)
            return u"InfluxDB has no %1 (404)%2"_s.arg(target(), detail);
        return u"%1 does not answer like InfluxDB (HTTP %2)%3"_s.arg(displayUrl(), status, detail);
    }
    return {};
}

} // namespace hai
