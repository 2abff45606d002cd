// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QNetworkReply>
#include <QString>

namespace hai {

// Why a write did not succeed; names match the stats and metrics labels.
enum class InfluxErrorKind {
    None,
    Network,     // no HTTP answer: refused, reset, DNS, TLS
    Timeout,     // no answer within requestTimeoutMs
    ServerError, // 5xx (and 503 without Retry-After)
    RateLimited, // 429, or 503 with Retry-After
    BadData,     // 400, 413, 422: some lines are refused
    Auth,        // 401, 403
    NotFound,    // 404 (database, bucket, org) and other 4xx: the URL or names are wrong
};
constexpr int kInfluxErrorKinds = int(InfluxErrorKind::NotFound) + 1;

// One InfluxDB answer, classified. Never holds a credential: the message is the server's
// error text or Qt's description of the network error, and URLs in it are not included.
struct InfluxResponse
{
    InfluxErrorKind kind = InfluxErrorKind::None;
    int status = 0;               // HTTP status, 0 without an answer
    QString message;              // the server's "error"/"message", else the start of the body
    int retryAfterSeconds = -1;   // from Retry-After, -1 when absent
    bool databaseMissing = false; // v1 404 "database not found"

    bool ok() const { return kind == InfluxErrorKind::None; }

    static InfluxResponse classify(int status, QNetworkReply::NetworkError error, bool timedOut,
                                   const QByteArray &body, const QByteArray &retryAfter);
    // The server's message from a JSON error body ({"error"} v1, {"message"} v2) or plain text.
    static QString serverMessage(const QByteArray &body);
    // Seconds from a Retry-After value (delta-seconds or an HTTP date); -1 when unusable.
    static int parseRetryAfter(const QByteArray &value);
    // The statement errors in a 200 answer of v1 /query ({"results":[{"error":…}]}), or empty.
    static QString queryError(const QByteArray &body);
    static QString kindName(InfluxErrorKind kind); // "network", "bad_data", ...
};

} // namespace hai
