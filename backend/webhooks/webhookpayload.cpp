// SPDX-License-Identifier: GPL-3.0-or-later
#include "webhookpayload.h"

#include "homeassistant/haevent.h"
#include "homeassistant/hatime.h"
#include "webhookregistryview.h"

#include <QJsonDocument>
#include <QMessageAuthenticationCode>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

// The fields kept when even a body without attributes is too large: what says which entity,
// device, area or service the event was about. Only strings (and nulls) are kept.
const QStringList &identifyingKeys()
{
    static const QStringList keys = {u"entity_id"_s, u"device_id"_s, u"device_name"_s,
                                     u"area_id"_s,   u"area_name"_s, u"action"_s,
                                     u"name"_s,      u"domain"_s,    u"service"_s};
    return keys;
}

// A JSON string literal of `text` in UTF-8; the few characters JSON requires are escaped.
void appendJsonString(QByteArray *out, const QString &text)
{
    out->append('"');
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out->append('\\');
            out->append(c);
        } else if (u < 0x20) {
            static const char hex[] = "0123456789abcdef";
            out->append("\\u00");
            out->append(hex[u >> 4]);
            out->append(hex[u & 0xf]);
        } else {
            out->append(c);
        }
    }
    out->append('"');
}

QByteArray envelope(const QString &webhookId, const QString &deliveryId, const QString &eventType,
                    qint64 timestampUs, const QByteArray &data, bool truncated)
{
    QByteArray out;
    out.reserve(data.size() + 192);
    out.append("{\"webhook_id\":");
    appendJsonString(&out, webhookId);
    out.append(",\"delivery_id\":");
    appendJsonString(&out, deliveryId);
    out.append(",\"event_type\":");
    appendJsonString(&out, eventType);
    out.append(",\"timestamp\":");
    appendJsonString(&out, HaTime::toIso(timestampUs));
    out.append(",\"data\":");
    out.append(data);
    if (truncated)
        out.append(",\"truncated\":true");
    out.append('}');
    return out;
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject withoutAttributes(QJsonObject data)
{
    for (const QString &key : {u"new_state"_s, u"old_state"_s}) {
        QJsonValue state = data.value(key);
        if (!state.isObject())
            continue;
        QJsonObject object = state.toObject();
        object.remove(u"attributes"_s);
        data.insert(key, object);
    }
    return data;
}

QJsonObject identifyingOnly(const QJsonObject &data)
{
    QJsonObject kept;
    for (const QString &key : identifyingKeys()) {
        const QJsonValue value = data.value(key);
        if (value.isString() || value.isNull())
            kept.insert(key, value);
    }
    return kept;
}

QJsonValue nameOrNull(const QHash<QString, QString> &names, const QString &id)
{
    const auto found = names.constFind(id);
    return found == names.constEnd() ? QJsonValue(QJsonValue::Null) : QJsonValue(*found);
}

QJsonValue idOrNull(const QString &id)
{
    return id.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(id);
}

// HA's State._as_dict without context and last_reported. The client does not keep old
// attributes (HaEvent), so the old state carries none rather than a misleading {}.
QJsonValue stateJson(const QString &entityId, const HaStateRecord &state, bool withAttributes)
{
    if (!state.valid)
        return QJsonValue::Null;
    QJsonObject object{{u"entity_id"_s, entityId},
                       {u"state"_s, state.state},
                       {u"last_changed"_s, HaTime::toIso(state.lastChangedUs)},
                       {u"last_updated"_s, HaTime::toIso(state.lastUpdatedUs)}};
    if (withAttributes)
        object.insert(u"attributes"_s, state.attributesJson());
    return object;
}

// The area shown for a device; `areaId` falls back to it when the entity has none.
void addPlace(QJsonObject *data, const QString &deviceId, QString areaId,
              const WebhookRegistryView &registry)
{
    if (areaId.isEmpty() && !deviceId.isEmpty())
        areaId = registry.deviceAreas.value(deviceId);
    data->insert(u"device_id"_s, idOrNull(deviceId));
    data->insert(u"device_name"_s, deviceId.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                      : nameOrNull(registry.deviceNames, deviceId));
    data->insert(u"area_id"_s, idOrNull(areaId));
    data->insert(u"area_name"_s, areaId.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                  : nameOrNull(registry.areaNames, areaId));
}

} // namespace

QByteArray WebhookPayload::build(const QString &webhookId, const QString &deliveryId,
                                 const QString &eventType, qint64 timestampUs,
                                 const QJsonObject &data)
{
    QByteArray body = envelope(webhookId, deliveryId, eventType, timestampUs, compact(data), false);
    if (body.size() <= kMaxBodyBytes)
        return body;
    // Each step keeps less; the last one, an empty data object, always fits unless the ids
    // themselves are megabytes long, which the store never makes.
    const QJsonObject slimmer = withoutAttributes(data);
    for (const QJsonObject &step : {slimmer, identifyingOnly(slimmer), QJsonObject()}) {
        body = envelope(webhookId, deliveryId, eventType, timestampUs, compact(step), true);
        if (body.size() <= kMaxBodyBytes)
            break;
    }
    return body;
}

QJsonObject WebhookPayload::stateChangedData(const HaEvent &event,
                                             const WebhookRegistryView &registry)
{
    QJsonObject data{{u"entity_id"_s, event.entityId},
                     {u"old_state"_s, stateJson(event.entityId, event.oldState, false)},
                     {u"new_state"_s, stateJson(event.entityId, event.newState, true)}};
    const EntityTags tags = registry.entities.value(event.entityId);
    addPlace(&data, tags.deviceId, tags.areaId, registry);
    return data;
}

QJsonObject WebhookPayload::deviceData(const QString &deviceId, const WebhookRegistryView &registry)
{
    QJsonObject data;
    addPlace(&data, deviceId, QString(), registry);
    return data;
}

QJsonObject WebhookPayload::eventData(const HaEvent &event)
{
    return event.data;
}

QJsonObject WebhookPayload::pingData()
{
    return QJsonObject{{u"message"_s, u"test delivery from ha-ingestor"_s}};
}

QByteArray WebhookSigner::signature(const QString &secret, const QByteArray &body)
{
    return "sha256=" +
           QMessageAuthenticationCode::hash(body, secret.toUtf8(), QCryptographicHash::Sha256)
               .toHex();
}

} // namespace hai
