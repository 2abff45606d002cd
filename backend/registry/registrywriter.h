// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <memory>

namespace hai {

class Database;
class StatementCache;

// The one writer of the registry. Takes Home Assistant-shaped JSON (the items of
// config/device_registry/list, config/entity_registry/list, config/area_registry/list,
// config/floor_registry/list, config/label_registry/list and config_entries/get) and
// stores it. Every call is one transaction: it applies completely or not at all.
// Lives in the "registry" thread in the app; tests drive it directly.
// For a full sync, write integrations, floors, areas, labels, devices, then entities: an
// entity's device must be stored first, and a device's integration is looked up from the
// stored config entries (and corrected when config entries arrive later).
class RegistryWriter
{
public:
    enum class Mode {
        Partial, // upsert the given rows only
        Full     // the rows are a full snapshot: also delete rows that are absent (prune)
    };

    struct Outcome
    {
        bool ok = false;
        int upserted = 0; // distinct rows written (a key given twice counts once; last wins)
        int deleted = 0;
        QString error; // on failure: names the item and field, e.g. "devices[3].id: missing"
        bool badInput = false; // the failure is the input's fault (HTTP 400), not the database's
    };

    explicit RegistryWriter(Database &database);
    ~RegistryWriter();
    RegistryWriter(const RegistryWriter &) = delete;
    RegistryWriter &operator=(const RegistryWriter &) = delete;

    // Devices: `id` (or `device_id`) is required. The primary config entry is
    // primary_config_entry, else config_entry_id, else the first of config_entries; it is
    // stored as config_entry_id, and `integration` is that entry's domain when the entry is
    // known, else the item's own `integration` string, if any.
    Outcome upsertDevices(const QJsonArray &items, Mode mode);
    // Entities: `entity_id` is required; domain is derived from it. A device_id that names
    // no stored device is rejected with a clear error, and nothing is written.
    Outcome upsertEntities(const QJsonArray &items, Mode mode);
    Outcome upsertAreas(const QJsonArray &items, Mode mode);
    Outcome upsertFloors(const QJsonArray &items, Mode mode);
    Outcome upsertLabels(const QJsonArray &items, Mode mode);
    Outcome upsertIntegrations(const QJsonArray &items, Mode mode); // config entries

    // Deleting a missing row is not an error: ok with deleted == 0.
    Outcome deleteDevice(const QString &deviceId); // entities keep living, device_id -> NULL
    Outcome deleteEntity(const QString &entityId);
    Outcome deleteArea(const QString &areaId);
    Outcome deleteFloor(const QString &floorId);
    Outcome deleteLabel(const QString &labelId);
    Outcome deleteIntegration(const QString &entryId);

    // user_preferences is a key/value table; values are JSON (any JSON value).
    Outcome setPreferences(const QJsonObject &preferences); // replaces all keys

    // Stores the backfill checkpoint and similar small state (table app_state).
    Outcome setState(const QString &key, const QString &value);

private:
    Database &m_database;
    std::unique_ptr<StatementCache> m_statements;
};

} // namespace hai
