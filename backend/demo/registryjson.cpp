// SPDX-License-Identifier: GPL-3.0-or-later
#include "registryjson.h"

#include "homemodel.h"
#include "isotime.h"
#include "jsonwriter.h"

namespace hai {

namespace {

using W = JsonWriter;

void key(QByteArray &out, QByteArrayView name, bool first = false)
{
    if (!first)
        out.append(',');
    W::appendKey(out, name);
}

void nullable(QByteArray &out, QByteArrayView name, const QByteArray &value, bool first = false)
{
    key(out, name, first);
    W::appendStringOrNull(out, value);
}

void pairs(QByteArray &out, const QList<StringPair> &items)
{
    out.append('[');
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i)
            out.append(',');
        out.append('[');
        W::appendString(out, items.at(i).first);
        out.append(',');
        W::appendString(out, items.at(i).second);
        out.append(']');
    }
    out.append(']');
}

void time(QByteArray &out, QByteArrayView name, qint64 microseconds)
{
    key(out, name);
    IsoTime::appendEpochSeconds(out, microseconds);
}

template <typename T, typename F>
QByteArray list(const QList<T> &items, F append)
{
    QByteArray out;
    out.reserve(items.size() * 400 + 2);
    out.append('[');
    bool first = true;
    for (const T &item : items) {
        if constexpr (std::is_same_v<T, DeviceEntry> || std::is_same_v<T, EntityEntry>) {
            if (item.removed)
                continue;
        }
        if (!first)
            out.append(',');
        first = false;
        append(out, item);
    }
    out.append(']');
    return out;
}

} // namespace

void RegistryJson::appendDevice(QByteArray &out, const DeviceEntry &device, int versionCode)
{
    // DeviceEntry.dict_repr, in its key order.
    const bool configEntryFields = versionCode == 0 || versionCode >= 202608;
    const bool timestamps = versionCode == 0 || versionCode >= 202410;
    const bool hasEntry = !device.configEntryId.isNull();
    out.append('{');
    nullable(out, "area_id", device.areaId, true);
    nullable(out, "configuration_url", device.configurationUrl);
    key(out, "config_entries");
    W::appendStringList(out,
                        hasEntry ? QList<QByteArray>{device.configEntryId} : QList<QByteArray>{});
    key(out, "config_entries_subentries");
    out.append('{');
    if (hasEntry) {
        W::appendKey(out, device.configEntryId);
        out.append("[null]");
    }
    out.append('}');
    if (configEntryFields) {
        nullable(out, "config_entry_id", device.configEntryId);
        nullable(out, "config_subentry_id", {});
    }
    key(out, "connections");
    pairs(out, device.connections);
    if (timestamps)
        time(out, "created_at", device.createdAt);
    nullable(out, "disabled_by", device.disabledBy);
    nullable(out, "entry_type", device.entryType);
    nullable(out, "hw_version", device.hwVersion);
    nullable(out, "id", device.id);
    key(out, "identifiers");
    pairs(out, device.identifiers);
    key(out, "labels");
    W::appendStringList(out, device.labels);
    nullable(out, "manufacturer", device.manufacturer);
    nullable(out, "model", device.model);
    nullable(out, "model_id", device.modelId);
    if (timestamps)
        time(out, "modified_at", device.modifiedAt);
    nullable(out, "name_by_user", device.nameByUser);
    nullable(out, "name", device.name);
    if (versionCode == 0 || versionCode >= 202609)
        nullable(out, "parent_device_id", {});
    nullable(out, "primary_config_entry", device.configEntryId);
    nullable(out, "serial_number", device.serialNumber);
    nullable(out, "sw_version", device.swVersion);
    nullable(out, "via_device_id", device.viaDeviceId);
    out.append('}');
}

void RegistryJson::appendEntity(QByteArray &out, const EntityEntry &entity, int versionCode)
{
    // RegistryEntry.as_partial_dict, in its key order.
    const bool timestamps = versionCode == 0 || versionCode >= 202410;
    out.append('{');
    nullable(out, "area_id", entity.areaId, true);
    key(out, "categories");
    out.append("{}");
    nullable(out, "config_entry_id", entity.configEntryId);
    if (versionCode == 0 || versionCode >= 202502)
        nullable(out, "config_subentry_id", {});
    if (timestamps)
        time(out, "created_at", entity.createdAt);
    nullable(out, "device_id", entity.deviceId);
    nullable(out, "disabled_by", entity.disabledBy);
    nullable(out, "entity_category", entity.entityCategory);
    nullable(out, "entity_id", entity.entityId);
    key(out, "has_entity_name");
    W::appendBool(out, entity.hasEntityName);
    nullable(out, "hidden_by", entity.hiddenBy);
    nullable(out, "icon", entity.icon);
    nullable(out, "id", entity.id);
    key(out, "labels");
    W::appendStringList(out, entity.labels);
    if (timestamps)
        time(out, "modified_at", entity.modifiedAt);
    nullable(out, "name", entity.name);
    key(out, "options");
    out.append(entity.optionsJson);
    nullable(out, "original_name", entity.originalName);
    nullable(out, "platform", entity.platform);
    nullable(out, "translation_key", entity.translationKey);
    nullable(out, "unique_id", entity.uniqueId);
    out.append('}');
}

void RegistryJson::appendEntityExtended(QByteArray &out, const EntityEntry &entity, int versionCode)
{
    appendEntity(out, entity, versionCode);
    out.chop(1); // reopen the object
    key(out, "aliases");
    out.append("[]");
    key(out, "capabilities");
    if (entity.stateClass.isEmpty()) {
        out.append("null");
    } else {
        out.append("{\"state_class\":");
        W::appendString(out, entity.stateClass);
        out.append('}');
    }
    nullable(out, "device_class", {}); // set only when the user overrides it
    nullable(out, "original_device_class",
             entity.deviceClass.isEmpty() ? QByteArray() : entity.deviceClass);
    nullable(out, "original_icon", {});
    out.append('}');
}

void RegistryJson::appendArea(QByteArray &out, const AreaEntry &area)
{
    out.append('{');
    key(out, "aliases", true);
    W::appendStringList(out, area.aliases);
    nullable(out, "area_id", area.areaId);
    nullable(out, "floor_id", area.floorId);
    nullable(out, "humidity_entity_id", area.humidityEntityId);
    nullable(out, "icon", area.icon);
    key(out, "labels");
    W::appendStringList(out, area.labels);
    nullable(out, "name", area.name);
    nullable(out, "picture", area.picture);
    nullable(out, "temperature_entity_id", area.temperatureEntityId);
    time(out, "created_at", area.createdAt);
    time(out, "modified_at", area.modifiedAt);
    out.append('}');
}

void RegistryJson::appendFloor(QByteArray &out, const FloorEntry &floor)
{
    out.append('{');
    key(out, "aliases", true);
    W::appendStringList(out, floor.aliases);
    time(out, "created_at", floor.createdAt);
    nullable(out, "floor_id", floor.floorId);
    nullable(out, "icon", floor.icon);
    key(out, "level");
    if (floor.hasLevel)
        W::appendInt(out, floor.level);
    else
        out.append("null");
    nullable(out, "name", floor.name);
    time(out, "modified_at", floor.modifiedAt);
    out.append('}');
}

void RegistryJson::appendLabel(QByteArray &out, const LabelEntry &label)
{
    out.append('{');
    nullable(out, "color", label.color, true);
    time(out, "created_at", label.createdAt);
    nullable(out, "description", label.description);
    nullable(out, "icon", label.icon);
    nullable(out, "label_id", label.labelId);
    nullable(out, "name", label.name);
    time(out, "modified_at", label.modifiedAt);
    out.append('}');
}

void RegistryJson::appendConfigEntry(QByteArray &out, const ConfigEntryInfo &entry)
{
    // ConfigEntry.as_json_fragment.
    out.append('{');
    key(out, "created_at", true);
    IsoTime::appendEpochSeconds(out, entry.createdAt);
    nullable(out, "entry_id", entry.entryId);
    nullable(out, "domain", entry.domain);
    time(out, "modified_at", entry.modifiedAt);
    nullable(out, "title", entry.title);
    nullable(out, "source", entry.source);
    nullable(out, "state", entry.state);
    key(out, "supports_options");
    W::appendBool(out, entry.supportsOptions);
    key(out, "supports_remove_device");
    W::appendBool(out, entry.supportsRemoveDevice);
    key(out, "supports_unload");
    W::appendBool(out, entry.supportsUnload);
    key(out, "supports_reconfigure");
    W::appendBool(out, entry.supportsReconfigure);
    key(out, "supported_subentry_types");
    out.append("{}");
    key(out, "pref_disable_new_entities");
    W::appendBool(out, false);
    key(out, "pref_disable_polling");
    W::appendBool(out, false);
    nullable(out, "disabled_by", entry.disabledBy);
    nullable(out, "reason", entry.reason);
    nullable(out, "error_reason_translation_key", {});
    nullable(out, "error_reason_translation_placeholders", {});
    key(out, "num_subentries");
    W::appendInt(out, 0);
    out.append('}');
}

QByteArray RegistryJson::deviceList(const HomeModel &model)
{
    const int version = model.versionCode();
    return list(model.devices(), [version](QByteArray &out, const DeviceEntry &device) {
        appendDevice(out, device, version);
    });
}

QByteArray RegistryJson::entityList(const HomeModel &model)
{
    const int version = model.versionCode();
    return list(model.entities(), [version](QByteArray &out, const EntityEntry &entity) {
        appendEntity(out, entity, version);
    });
}

QByteArray RegistryJson::entityListForDisplay(const HomeModel &model)
{
    // config/entity_registry/list_for_display (2026 docs): compact keys, enabled entries only.
    QByteArray out =
        "{\"entity_categories\":{\"0\":\"config\",\"1\":\"diagnostic\"},\"entities\":[";
    bool first = true;
    for (const EntityEntry &entity : model.entities()) {
        if (entity.removed || !entity.disabledBy.isNull())
            continue;
        if (!first)
            out.append(',');
        first = false;
        out.append("{\"ei\":");
        W::appendString(out, entity.entityId);
        out.append(",\"pl\":");
        W::appendString(out, entity.platform);
        if (!entity.areaId.isNull()) {
            out.append(",\"ai\":");
            W::appendString(out, entity.areaId);
        }
        if (!entity.deviceId.isNull()) {
            out.append(",\"di\":");
            W::appendString(out, entity.deviceId);
        }
        if (!entity.icon.isNull()) {
            out.append(",\"ic\":");
            W::appendString(out, entity.icon);
        }
        if (!entity.translationKey.isNull()) {
            out.append(",\"tk\":");
            W::appendString(out, entity.translationKey);
        }
        if (!entity.entityCategory.isNull())
            out.append(entity.entityCategory == "config" ? ",\"ec\":0" : ",\"ec\":1");
        if (!entity.labels.isEmpty()) {
            out.append(",\"lb\":");
            W::appendStringList(out, entity.labels);
        }
        if (!entity.hiddenBy.isNull())
            out.append(",\"hb\":true");
        if (entity.hasEntityName)
            out.append(",\"hn\":true");
        const QByteArray &name = entity.name.isNull() ? entity.originalName : entity.name;
        if (!name.isNull()) {
            out.append(",\"en\":");
            W::appendString(out, name);
        }
        if (entity.kind == StateKind::Numeric || entity.kind == StateKind::Counter) {
            out.append(",\"dp\":");
            W::appendInt(out, entity.precision);
        }
        out.append('}');
    }
    out.append("]}");
    return out;
}

QByteArray RegistryJson::areaList(const HomeModel &model)
{
    return list(model.areas(),
                [](QByteArray &out, const AreaEntry &area) { appendArea(out, area); });
}

QByteArray RegistryJson::floorList(const HomeModel &model)
{
    return list(model.floors(),
                [](QByteArray &out, const FloorEntry &floor) { appendFloor(out, floor); });
}

QByteArray RegistryJson::labelList(const HomeModel &model)
{
    return list(model.labels(),
                [](QByteArray &out, const LabelEntry &label) { appendLabel(out, label); });
}

QByteArray RegistryJson::configEntryList(const HomeModel &model,
                                         const QList<QByteArray> &typeFilter,
                                         const QByteArray &domain)
{
    QList<ConfigEntryInfo> selected;
    for (const ConfigEntryInfo &entry : model.configEntries()) {
        if (!typeFilter.isEmpty() && !typeFilter.contains(entry.integrationType))
            continue;
        if (!domain.isNull() && entry.domain != domain)
            continue;
        selected.append(entry);
    }
    return list(selected, [](QByteArray &out, const ConfigEntryInfo &entry) {
        appendConfigEntry(out, entry);
    });
}

} // namespace hai
