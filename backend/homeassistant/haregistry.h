// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "registry/registrywriter.h"

#include <QHashFunctions>
#include <QList>
#include <QString>

#include <optional>

namespace hai {

class TableSpec;

// The six registries this client mirrors.
enum class HaRegistry { Floors, Areas, Labels, Integrations, Devices, Entities };

inline size_t qHash(HaRegistry registry, size_t seed = 0) noexcept
{
    return ::qHash(int(registry), seed);
}

// What differs between the registries: the list command, the updated-event, the store call.
// Kept in one table so discovery, live sync and the sanitizer can never disagree.
class HaRegistryInfo
{
public:
    // Floors, areas, labels, integrations, devices, entities: referenced rows first, so an
    // entity's device and a device's config entry are stored before what points at them.
    static const QList<HaRegistry> &storeOrder();

    static QString name(HaRegistry registry);         // "devices": RegistryService's name
    static QString listCommand(HaRegistry registry);  // "config/device_registry/list"
    static QString updatedEvent(HaRegistry registry); // "device_registry_updated"; "" for
                                                      // integrations (not evented)
    static std::optional<HaRegistry> fromUpdatedEvent(const QString &eventType);
    static QStringList updatedEvents();
    static const TableSpec &table(HaRegistry registry);

    static RegistryWriter::Outcome write(RegistryWriter &writer, HaRegistry registry,
                                         const QJsonArray &items, RegistryWriter::Mode mode);
    static RegistryWriter::Outcome remove(RegistryWriter &writer, HaRegistry registry,
                                          const QString &key);
    // The primary key of an HA item (a device's `id`, an entity's `entity_id`, ...); empty
    // when it has none.
    static QString itemKey(HaRegistry registry, const QJsonObject &item);
};

} // namespace hai
