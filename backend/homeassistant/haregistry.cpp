// SPDX-License-Identifier: GPL-3.0-or-later
#include "haregistry.h"

#include "registry/tablespec.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace hai {

const QList<HaRegistry> &HaRegistryInfo::storeOrder()
{
    static const QList<HaRegistry> order{HaRegistry::Floors,  HaRegistry::Areas,
                                         HaRegistry::Labels,  HaRegistry::Integrations,
                                         HaRegistry::Devices, HaRegistry::Entities};
    return order;
}

QString HaRegistryInfo::name(HaRegistry registry)
{
    switch (registry) {
    case HaRegistry::Floors:
        return u"floors"_s;
    case HaRegistry::Areas:
        return u"areas"_s;
    case HaRegistry::Labels:
        return u"labels"_s;
    case HaRegistry::Integrations:
        return u"integrations"_s;
    case HaRegistry::Devices:
        return u"devices"_s;
    case HaRegistry::Entities:
        return u"entities"_s;
    }
    return {};
}

QString HaRegistryInfo::listCommand(HaRegistry registry)
{
    switch (registry) {
    case HaRegistry::Floors:
        return u"config/floor_registry/list"_s;
    case HaRegistry::Areas:
        return u"config/area_registry/list"_s;
    case HaRegistry::Labels:
        return u"config/label_registry/list"_s;
    case HaRegistry::Integrations:
        return u"config_entries/get"_s;
    case HaRegistry::Devices:
        return u"config/device_registry/list"_s;
    case HaRegistry::Entities:
        return u"config/entity_registry/list"_s;
    }
    return {};
}

QString HaRegistryInfo::updatedEvent(HaRegistry registry)
{
    switch (registry) {
    case HaRegistry::Floors:
        return u"floor_registry_updated"_s;
    case HaRegistry::Areas:
        return u"area_registry_updated"_s;
    case HaRegistry::Labels:
        return u"label_registry_updated"_s;
    case HaRegistry::Integrations:
        return {};
    case HaRegistry::Devices:
        return u"device_registry_updated"_s;
    case HaRegistry::Entities:
        return u"entity_registry_updated"_s;
    }
    return {};
}

std::optional<HaRegistry> HaRegistryInfo::fromUpdatedEvent(const QString &eventType)
{
    for (HaRegistry registry : storeOrder())
        if (!eventType.isEmpty() && updatedEvent(registry) == eventType)
            return registry;
    return std::nullopt;
}

QStringList HaRegistryInfo::updatedEvents()
{
    QStringList events;
    for (HaRegistry registry : storeOrder())
        if (!updatedEvent(registry).isEmpty())
            events << updatedEvent(registry);
    return events;
}

const TableSpec &HaRegistryInfo::table(HaRegistry registry)
{
    switch (registry) {
    case HaRegistry::Floors:
        return TableSpec::floors();
    case HaRegistry::Areas:
        return TableSpec::areas();
    case HaRegistry::Labels:
        return TableSpec::labels();
    case HaRegistry::Integrations:
        return TableSpec::integrations();
    case HaRegistry::Devices:
        return TableSpec::devices();
    case HaRegistry::Entities:
        break;
    }
    return TableSpec::entities();
}

RegistryWriter::Outcome HaRegistryInfo::write(RegistryWriter &writer, HaRegistry registry,
                                              const QJsonArray &items, RegistryWriter::Mode mode)
{
    switch (registry) {
    case HaRegistry::Floors:
        return writer.upsertFloors(items, mode);
    case HaRegistry::Areas:
        return writer.upsertAreas(items, mode);
    case HaRegistry::Labels:
        return writer.upsertLabels(items, mode);
    case HaRegistry::Integrations:
        return writer.upsertIntegrations(items, mode);
    case HaRegistry::Devices:
        return writer.upsertDevices(items, mode);
    case HaRegistry::Entities:
        break;
    }
    return writer.upsertEntities(items, mode);
}

RegistryWriter::Outcome HaRegistryInfo::remove(RegistryWriter &writer, HaRegistry registry,
                                               const QString &key)
{
    switch (registry) {
    case HaRegistry::Floors:
        return writer.deleteFloor(key);
    case HaRegistry::Areas:
        return writer.deleteArea(key);
    case HaRegistry::Labels:
        return writer.deleteLabel(key);
    case HaRegistry::Integrations:
        return writer.deleteIntegration(key);
    case HaRegistry::Devices:
        return writer.deleteDevice(key);
    case HaRegistry::Entities:
        break;
    }
    return writer.deleteEntity(key);
}

QString HaRegistryInfo::itemKey(HaRegistry registry, const QJsonObject &item)
{
    const ColumnSpec &key = table(registry).key();
    QJsonValue value = item.value(key.jsonKey);
    if (!value.isString() && !key.altKey.isEmpty())
        value = item.value(key.altKey);
    return value.toString();
}

} // namespace hai
