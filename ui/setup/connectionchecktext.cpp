// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionchecktext.h"

#include <QLocale>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace hai {

namespace {
using Outcome = ConnectionCheckResult::Outcome;

QString milliseconds(qint64 ms)
{
    return QLocale().toString(ms);
}

QString seconds(qint64 ms)
{
    return QLocale().toString(qMax<qint64>(1, (ms + 500) / 1000));
}
} // namespace

QString ConnectionCheckText::hostPort(const QString &url)
{
    const QUrl parsed(url.trimmed());
    if (parsed.host().isEmpty())
        return url.trimmed();
    const QString scheme = parsed.scheme();
    const bool secure = scheme == u"https"_s || scheme == u"wss"_s;
    const QString host =
        parsed.host().contains(u':') ? u'[' + parsed.host() + u']' : parsed.host(); // IPv6
    return host + u':' + QString::number(parsed.port(secure ? 443 : 80));
}

QString ConnectionCheckText::connecting(const QString &url)
{
    return tr("Connecting to %1…").arg(hostPort(url));
}

QString ConnectionCheckText::badHaUrl()
{
    return tr("That is not a Home Assistant address. Use http://host:8123 or "
              "ws://host:8123/api/websocket.");
}

QString ConnectionCheckText::badInfluxUrl()
{
    return tr("That is not an InfluxDB address. Use http://host:8086 (or https://).");
}

QString ConnectionCheckText::influxdMissing()
{
    return tr("influxd is not installed: sudo apt-get install influxdb");
}

QString ConnectionCheckText::networkProblem(const ConnectionCheckResult &result, const QString &url)
{
    const QString where = hostPort(url);
    switch (result.outcome) {
    case Outcome::HostNotFound:
        return tr("The host name %1 was not found. Check the spelling, or use the IP address.")
            .arg(QUrl(url.trimmed()).host());
    case Outcome::TlsError:
        return tr("The TLS handshake with %1 failed: %2. Check that the address should use "
                  "https:// and that the certificate is valid for this host name.")
            .arg(where, result.detail);
    case Outcome::Timeout:
        return tr("No answer from %1 within %2 s. Is the address right, or is a firewall in the "
                  "way?")
            .arg(where, seconds(result.elapsedMs));
    default:
        return {};
    }
}

QString ConnectionCheckText::homeAssistant(const ConnectionCheckResult &result, const QString &url,
                                           bool hasToken)
{
    const QString where = hostPort(url);
    switch (result.outcome) {
    case Outcome::Ok:
        return result.detail.isEmpty()
                   ? tr("Connected to Home Assistant in %1 ms").arg(milliseconds(result.elapsedMs))
                   : tr("Connected to Home Assistant %1 in %2 ms")
                         .arg(result.detail, milliseconds(result.elapsedMs));
    case Outcome::BadUrl:
        return badHaUrl();
    case Outcome::HostNotFound:
    case Outcome::TlsError:
    case Outcome::Timeout:
        return networkProblem(result, url);
    case Outcome::Refused:
        return tr("Nothing answers at %1. Is Home Assistant running, and is the port right?")
            .arg(where);
    case Outcome::InvalidToken:
        if (!hasToken)
            return tr("Enter a token first: create a long-lived access token in your HA "
                      "profile.");
        return tr("Home Assistant refused the token. Create a long-lived access token in your "
                  "HA profile.");
    case Outcome::NotFound:
        return tr("%1 answers, but not with Home Assistant's WebSocket API. Check the port "
                  "(usually 8123) and the path.")
            .arg(where);
    case Outcome::Rejected:
    case Outcome::NotInstalled:
        break;
    }
    const QString detail =
        result.detail.isEmpty() ? tr("HTTP %1").arg(result.httpStatus) : result.detail;
    return tr("Home Assistant did not answer as expected: %1").arg(detail);
}

QString ConnectionCheckText::influx(const ConnectionCheckResult &result,
                                    const InfluxOptions &options)
{
    const QString url = options.url.toString();
    const QString where = hostPort(url);
    const bool v2 = options.api == 2;
    switch (result.outcome) {
    case Outcome::Ok:
        return result.detail.isEmpty() ? tr("Wrote a test point to InfluxDB in %1 ms")
                                             .arg(milliseconds(result.elapsedMs))
                                       : tr("Wrote a test point to InfluxDB %1 in %2 ms")
                                             .arg(result.detail, milliseconds(result.elapsedMs));
    case Outcome::BadUrl:
        return badInfluxUrl();
    case Outcome::HostNotFound:
    case Outcome::TlsError:
    case Outcome::Timeout:
        return networkProblem(result, url);
    case Outcome::Refused:
        return tr("Nothing answers at %1. Is InfluxDB running, and is the port right?").arg(where);
    case Outcome::InvalidToken:
        if (result.httpStatus == 403) {
            return v2 ? tr("The token may not write to the bucket “%1” (HTTP 403).")
                            .arg(options.bucket)
                      : tr("The user may not write to the database “%1” (HTTP 403).")
                            .arg(options.database);
        }
        if (v2)
            return tr("InfluxDB refused the token (HTTP 401). Use an API token with write "
                      "access to the bucket.");
        return options.username.isEmpty()
                   ? tr("InfluxDB wants a user name and password (HTTP 401).")
                   : tr("InfluxDB refused the user name or password (HTTP 401).");
    case Outcome::NotFound:
        return v2 ? tr("InfluxDB has no bucket “%1” in the organisation “%2” (HTTP 404), or it "
                       "is a 1.x server: then choose API version 1.")
                        .arg(options.bucket, options.org)
                  : tr("InfluxDB has no database “%1” (HTTP 404).").arg(options.database);
    case Outcome::NotInstalled:
        return influxdMissing();
    case Outcome::Rejected:
        break;
    }
    if (result.httpStatus > 0)
        return tr("InfluxDB refused the test point (HTTP %1): %2")
            .arg(QString::number(result.httpStatus), result.detail);
    return tr("InfluxDB did not answer as expected: %1").arg(result.detail);
}

} // namespace hai
