// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/databaselocation.h"
#include "registry/registrywriter.h"

#include <QJsonArray>
#include <QString>

namespace hai {
class Database;
}

namespace hai::test {

// The six Home Assistant registry lists, shaped as HA sends them.
struct RegistrySample
{
    QJsonArray integrations, floors, areas, labels, devices, entities;
};

// A small hand-made home whose contents the registry tests count on; the numbers are listed
// at the top of registrysamples.cpp. Shapes mix HA versions on purpose (primary_config_entry,
// 2026.8 config_entry_id, only config_entries).
RegistrySample smallHome();

// A generated home for benchmarks and bulk tests: `devices` devices with `entitiesPerDevice`
// entities each, 50 config entries, 100 areas on 5 floors, 20 labels. Deterministic.
RegistrySample generatedHome(int devices, int entitiesPerDevice);

// Writes the six lists in dependency order (integrations first, entities last).
bool writeSample(RegistryWriter &writer, const RegistrySample &sample, RegistryWriter::Mode mode,
                 QString *error);

// Opens `location` as the writer and migrates it to the newest schema.
bool openMigrated(Database &database, const DatabaseLocation &location, QString *error);

} // namespace hai::test
