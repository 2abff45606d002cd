// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "webhooks/webhook.h"
#include "webhooks/webhookadmin.h"

#include <QCoreApplication>
#include <QString>

namespace hai {

// The words the webhook views show for backend values, in one place so that the list, the
// editor and the delivery log say the same thing.
class WebhookText
{
    Q_DECLARE_TR_FUNCTIONS(WebhookText)
public:
    // The URL to show: no user info, query or fragment, which may hold a token.
    static QString displayUrl(const QUrl &url);
    // A local short date and time for epoch seconds; empty for 0 (never).
    static QString time(double epochSeconds);
    static QString deliveryStatus(DeliveryStatus status);
    // "HTTP 200", else the error, else empty.
    static QString lastStatus(int statusCode, const QString &error);
    // "HTTP 200 in 12 ms", "HTTP 500 in 30 ms: <error>" or "Failed after 3 ms: connection
    // refused".
    static QString testOutcome(const DeliveryAttempt &attempt);
    // A failed WebhookAdmin call in words: the backend's message, or what the status means.
    static QString failure(const WebhookAdmin::Outcome &outcome);
    // 32 random bytes from the system's generator, base64url without padding (43 characters).
    static QString generateSecret();
};

} // namespace hai
