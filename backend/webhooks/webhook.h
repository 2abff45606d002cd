// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace hai {

// Which events of a subscribed type a webhook wants. Every condition that is set must hold;
// an empty filter matches every event of the subscribed types. Areas and devices are read
// from the registry at match time, so a device that moves to another area starts or stops
// matching at once.
struct WebhookFilter
{
    QStringList entityIds; // entity ids or globs with * and ?, e.g. "sensor.*_temperature"
    QStringList domains;   // e.g. "light", "sensor"
    QStringList areaIds;   // the entity's area, else its device's
    QStringList deviceIds;
    QStringList toState;                // new_state.state is one of these
    QStringList fromState;              // old_state.state is one of these
    std::optional<double> numericAbove; // new_state.state parses as a number > this
    std::optional<double> numericBelow; // ... < this

    bool isEmpty() const;
    // Only the conditions that are set: {"entity_ids":[...],"numeric_above":20,...}
    QJsonObject toJson() const;
    bool operator==(const WebhookFilter &other) const;
};

// Delivery figures of one webhook, kept in the webhooks row so that pruning old delivery rows
// does not change them.
struct WebhookDeliveryStats
{
    qint64 delivered = 0;
    qint64 failed = 0;         // deliveries that used up their attempts
    double lastDeliveryAt = 0; // epoch seconds of the last attempt's outcome; 0 = never
    int lastStatusCode = 0;    // HTTP status of that attempt; 0 = no HTTP answer
    QString lastError;         // empty after a success
};

// One subscription (a row of the `webhooks` table).
struct Webhook
{
    QString id; // a random UUID without braces
    QString name;
    QUrl url;
    QStringList events; // event types, see WebhookEventTypes
    QString secret;     // the HMAC key; never logged, masked in every list or read answer
    WebhookFilter filter;
    bool enabled = true;
    double createdAt = 0; // epoch seconds
    double updatedAt = 0;
    int consecutiveFailures = 0;
    QString disabledReason; // set when the app disabled it after too many failures
    WebhookDeliveryStats stats;

    // The REST shape. The secret is "***" unless `withSecret`.
    QJsonObject toJson(bool withSecret = false) const;
};

using WebhookList = QList<Webhook>;

enum class DeliveryStatus { Pending, Delivered, Failed };
QString deliveryStatusName(DeliveryStatus status); // "pending", "delivered", "failed"
std::optional<DeliveryStatus> deliveryStatusFromName(const QString &name);

// One delivery (a row of `webhook_deliveries`). `payload` is the exact body that is signed
// and sent, on every attempt.
struct WebhookDelivery
{
    QString id; // a random UUID without braces; also the X-Webhook-ID header
    QString webhookId;
    QString eventType;
    QByteArray payload;
    DeliveryStatus status = DeliveryStatus::Pending;
    int attempts = 0;
    double nextAttemptAt = 0; // epoch seconds
    int lastStatusCode = 0;
    QString lastError;
    double createdAt = 0;
    double deliveredAt = 0; // 0 until delivered
    qint64 seq = 0;         // event order across the whole queue; deliveries go out in seq order

    QJsonObject toJson(bool withPayload = true) const;
};

using WebhookDeliveryList = QList<WebhookDelivery>;

// The outcome of one attempt, as the dispatcher reports it and the store records it.
struct DeliveryAttempt
{
    QString deliveryId;
    QString webhookId;
    bool delivered = false;    // a 2xx answer
    bool finalFailure = false; // no attempts left: the delivery is now failed
    int statusCode = 0;        // 0 when there was no HTTP answer
    QString error;             // empty on success, e.g. "HTTP 500", "timed out after 5 s"
    double attemptedAt = 0;    // epoch seconds
    double nextAttemptAt = 0;  // when it stays pending
    double elapsedMs = 0;
};

} // namespace hai

Q_DECLARE_METATYPE(hai::WebhookList)
Q_DECLARE_METATYPE(hai::WebhookDeliveryList)
Q_DECLARE_METATYPE(hai::DeliveryAttempt)
