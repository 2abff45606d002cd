// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

#include <atomic>
#include <optional>

namespace hai {

class Database;

// The registry facts a homeiq point carries as tags. Empty when unknown.
struct EntityTags
{
    QString deviceId;
    QString areaId;      // the entity's area, else its device's (HA's rule)
    QString integration; // the config entry's domain, else the entity's platform

    bool operator==(const EntityTags &other) const
    {
        return deviceId == other.deviceId && areaId == other.areaId &&
               integration == other.integration;
    }
};

using EntityTagMap = QHash<QString, EntityTags>; // by entity_id

// entity_id → registry tags, read on every event by the ingest thread and replaced wholesale
// after each registry sync (from any thread). Readers take a snapshot, an implicitly shared
// copy, and take a new one when generation() moves, so the hot path never locks.
class RegistryTagCache
{
public:
    void replace(EntityTagMap tags);
    EntityTagMap snapshot() const;
    // Bumped by every replace(); starts at 0 (empty cache).
    quint64 generation() const { return m_generation.load(std::memory_order_acquire); }

    // Reads every entity's tags in one query on `database` (a Reader connection opened in the
    // calling thread; SQLite or PostgreSQL). nullopt with `error` set when the query fails.
    // Equal strings (areas, integrations, devices) share one copy.
    static std::optional<EntityTagMap> load(Database &database, QString *error);

private:
    mutable QMutex m_mutex;
    EntityTagMap m_tags;
    std::atomic<quint64> m_generation{0};
};

} // namespace hai
