// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace hai {

struct HaEvent;
struct WebhookRegistryView;

// The JSON body of a delivery:
//   {"webhook_id","delivery_id","event_type","timestamp","data":{...}}
// `timestamp` is the event's time in ISO 8601 UTC with microseconds, written as HA writes its
// times ("2026-01-05T10:00:00.123456+00:00"; the fraction is left out when it is zero). Inside
// `data` keys are in alphabetical order (QJsonObject). The bytes built here are stored with
// the delivery and are exactly what is signed and sent on every attempt.
namespace WebhookPayload {
inline constexpr qsizetype kMaxBodyBytes = 1024 * 1024;

// A body of at most kMaxBodyBytes. When `data` would make it larger, the state attributes
// are dropped first, then data is cut to the identifying fields; either way the body gets
// "truncated":true and stays valid JSON.
QByteArray build(const QString &webhookId, const QString &deliveryId, const QString &eventType,
                 qint64 timestampUs, const QJsonObject &data);

// data of state_changed and entity_unavailable: entity_id, old_state (entity_id, state,
// last_changed, last_updated, and no "attributes" key: the client does not keep HA's old
// attributes) or null for a new entity, new_state (entity_id, state, attributes,
// last_changed, last_updated) or null when removed, device_id, device_name, area_id,
// area_name (null when unknown). The area is the entity's, else its device's.
QJsonObject stateChangedData(const HaEvent &event, const WebhookRegistryView &registry);
// data of device_added/device_removed: device_id, device_name, area_id, area_name.
QJsonObject deviceData(const QString &deviceId, const WebhookRegistryView &registry);
// data of any other HA event: its data object as HA sent it.
QJsonObject eventData(const HaEvent &event);
// data of a ping: {"message":"test delivery from ha-ingestor"}.
QJsonObject pingData();
} // namespace WebhookPayload

// X-Webhook-Signature: "sha256=" + hex HMAC-SHA256 of `body` keyed by `secret` (its UTF-8).
namespace WebhookSigner {
QByteArray signature(const QString &secret, const QByteArray &body);
}

} // namespace hai
