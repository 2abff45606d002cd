// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timeseries/registrytagcache.h"

#include <QHash>
#include <QString>

#include <optional>

namespace hai {

class Database;

// The registry facts webhooks need: an entity's device and area (for area_ids/device_ids
// filters) and the names that go into a state_changed payload. Reloaded after every registry
// sync, so a device that moved to another area matches by its new area from then on.
struct WebhookRegistryView
{
    EntityTagMap entities; // entity_id → device_id, area_id (entity's, else device's)
    QHash<QString, QString> deviceNames; // device_id → name_by_user, else name
    QHash<QString, QString> deviceAreas; // device_id → area_id
    QHash<QString, QString> areaNames;   // area_id → name

    // Reads the view on `database` (a connection opened in the calling thread).
    static std::optional<WebhookRegistryView> load(Database &database, QString *error);
};

} // namespace hai
