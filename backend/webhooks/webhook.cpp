// SPDX-License-Identifier: GPL-3.0-or-later
#include "webhook.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

// REST clients read times more easily as ISO 8601 UTC than as float epoch seconds.
QString isoTime(double epochSeconds)
{
    return QDateTime::fromMSecsSinceEpoch(qint64(std::llround(epochSeconds * 1000.0)), Qt::UTC)
        .toString(Qt::ISODateWithMs);
}

QJsonValue isoTimeOrNull(double epochSeconds)
{
    return epochSeconds > 0 ? QJsonValue(isoTime(epochSeconds)) : QJsonValue(QJsonValue::Null);
}

QJsonValue statusCodeOrNull(int statusCode)
{
    return statusCode > 0 ? QJsonValue(statusCode) : QJsonValue(QJsonValue::Null);
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

void insertList(QJsonObject *object, const QString &key, const QStringList &values)
{
    if (!values.isEmpty())
        object->insert(key, QJsonArray::fromStringList(values));
}

} // namespace

bool WebhookFilter::isEmpty() const
{
    return entityIds.isEmpty() && domains.isEmpty() && areaIds.isEmpty() && deviceIds.isEmpty() &&
           toState.isEmpty() && fromState.isEmpty() && !numericAbove && !numericBelow;
}

QJsonObject WebhookFilter::toJson() const
{
    QJsonObject object;
    insertList(&object, u"entity_ids"_s, entityIds);
    insertList(&object, u"domains"_s, domains);
    insertList(&object, u"area_ids"_s, areaIds);
    insertList(&object, u"device_ids"_s, deviceIds);
    insertList(&object, u"to_state"_s, toState);
    insertList(&object, u"from_state"_s, fromState);
    if (numericAbove)
        object.insert(u"numeric_above"_s, *numericAbove);
    if (numericBelow)
        object.insert(u"numeric_below"_s, *numericBelow);
    return object;
}

bool WebhookFilter::operator==(const WebhookFilter &other) const
{
    return entityIds == other.entityIds && domains == other.domains && areaIds == other.areaIds &&
           deviceIds == other.deviceIds && toState == other.toState &&
           fromState == other.fromState && numericAbove == other.numericAbove &&
           numericBelow == other.numericBelow;
}

QJsonObject Webhook::toJson(bool withSecret) const
{
    QJsonObject statsObject{
        {u"delivered"_s, stats.delivered},
        {u"failed"_s, stats.failed},
        {u"last_delivery_at"_s, isoTimeOrNull(stats.lastDeliveryAt)},
        {u"last_status_code"_s, statusCodeOrNull(stats.lastStatusCode)},
        {u"last_error"_s, textOrNull(stats.lastError)},
    };
    return QJsonObject{
        {u"webhook_id"_s, id},
        {u"name"_s, name},
        {u"url"_s, url.toString(QUrl::FullyEncoded)},
        {u"events"_s, QJsonArray::fromStringList(events)},
        {u"secret"_s, withSecret ? secret : u"***"_s},
        {u"filter"_s, filter.toJson()},
        {u"enabled"_s, enabled},
        {u"created_at"_s, isoTime(createdAt)},
        {u"updated_at"_s, isoTime(updatedAt)},
        {u"consecutive_failures"_s, consecutiveFailures},
        {u"disabled_reason"_s, textOrNull(disabledReason)},
        {u"stats"_s, statsObject},
    };
}

QString deliveryStatusName(DeliveryStatus status)
{
    switch (status) {
    case DeliveryStatus::Pending:
        return u"pending"_s;
    case DeliveryStatus::Delivered:
        return u"delivered"_s;
    case DeliveryStatus::Failed:
        return u"failed"_s;
    }
    return u"pending"_s;
}

std::optional<DeliveryStatus> deliveryStatusFromName(const QString &name)
{
    for (DeliveryStatus status :
         {DeliveryStatus::Pending, DeliveryStatus::Delivered, DeliveryStatus::Failed}) {
        if (name == deliveryStatusName(status))
            return status;
    }
    return std::nullopt;
}

QJsonObject WebhookDelivery::toJson(bool withPayload) const
{
    QJsonObject object{
        {u"delivery_id"_s, id},
        {u"webhook_id"_s, webhookId},
        {u"event_type"_s, eventType},
        {u"status"_s, deliveryStatusName(status)},
        {u"attempts"_s, attempts},
        {u"next_attempt_at"_s, status == DeliveryStatus::Pending ? isoTimeOrNull(nextAttemptAt)
                                                                 : QJsonValue(QJsonValue::Null)},
        {u"last_status_code"_s, statusCodeOrNull(lastStatusCode)},
        {u"last_error"_s, textOrNull(lastError)},
        {u"created_at"_s, isoTime(createdAt)},
        {u"delivered_at"_s, isoTimeOrNull(deliveredAt)},
    };
    if (withPayload) {
        // The payload is stored as the exact bytes sent; show it as JSON, not as a string.
        const QJsonDocument document = QJsonDocument::fromJson(payload);
        if (document.isObject())
            object.insert(u"payload"_s, document.object());
        else if (document.isArray())
            object.insert(u"payload"_s, document.array());
        else
            object.insert(u"payload"_s, QString::fromUtf8(payload));
    }
    return object;
}

} // namespace hai
