// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/timeseriessettings.h"
#include "influxresponse.h"

#include <QNetworkRequest>
#include <QUrl>

namespace hai {

// The InfluxDB write target: builds the v1 (/write, Basic auth) and v2 (/api/v2/write,
// Authorization: Token) requests, the v1 CREATE DATABASE query, and the words a person reads
// when something goes wrong. Credentials only ever go into request headers.
class InfluxEndpoint
{
public:
    explicit InfluxEndpoint(const InfluxOptions &options);

    void setUrl(const QUrl &url) { m_url = url; }
    bool hasUrl() const { return m_url.isValid() && !m_url.isEmpty(); }
    // 127.0.0.0/8, ::1 or "localhost": bodies are not worth compressing.
    bool isLoopback() const;
    int api() const { return m_options.api; }
    bool createDatabase() const { return m_options.createDatabase; }

    QNetworkRequest writeRequest(bool gzip) const;
    QNetworkRequest createDatabaseRequest() const;
    QByteArray createDatabaseBody() const; // form body: q=CREATE DATABASE "x"

    // The URL without user info, query or fragment: safe for logs and JSON.
    QString displayUrl() const;
    // "database 'home_assistant'" or "bucket 'b' in org 'o'".
    QString target() const;
    // "http://host:8086 (v1, database 'home_assistant')", for the log.
    QString description() const;
    // A clear sentence for a failed write, e.g. "InfluxDB refused the token (401): …".
    QString describe(const InfluxResponse &response) const;

private:
    QUrl endpoint(const QString &path) const;
    void authorize(QNetworkRequest &request) const;

    InfluxOptions m_options;
    QUrl m_url;
};

} // namespace hai
