// SPDX-License-Identifier: GPL-3.0-or-later
#include "registrymutator.h"

#include "entityattributes.h"
#include "historyrecorder.h"
#include "homegenerator.h"
#include "homemodel.h"
#include "jsonwriter.h"
#include "registryevents.h"
#include "registryjson.h"
#include "ulid.h"

#include <QRegularExpression>

namespace hai {

namespace {
using E = RegistryEvents;
} // namespace

RegistryMutator::RegistryMutator(HomeModel &model, HistoryRecorder &history)
    : m_model(model)
    , m_history(history)
{}

QByteArray RegistryMutator::friendlyName(int entityIndex) const
{
    const EntityEntry &entity = m_model.entities().at(entityIndex);
    if (!entity.name.isNull())
        return entity.name;
    const int deviceIndex = entity.deviceId.isNull() ? -1 : m_model.findDevice(entity.deviceId);
    if (entity.hasEntityName && deviceIndex >= 0) {
        const DeviceEntry &device = m_model.devices().at(deviceIndex);
        const QByteArray deviceName = device.nameByUser.isNull() ? device.name : device.nameByUser;
        return entity.originalName.isNull() ? deviceName : deviceName + ' ' + entity.originalName;
    }
    return entity.originalName.isNull() ? entity.entityId : entity.originalName;
}

void RegistryMutator::refreshFriendlyName(int entityIndex, QList<HomeEvent> &events)
{
    EntityEntry &entity = m_model.entities()[entityIndex];
    const QByteArray name = friendlyName(entityIndex);
    if (name == entity.friendlyName)
        return;
    HomeGenerator::describeEntity(entity, name);
    if (!entity.state)
        return;
    const qint64 t = m_model.clock().next();
    events.append(m_model.setState(entityIndex, entity.state->state,
                                   EntityAttributes::forState(entity, entity.state->state),
                                   m_model.newContext(t), t));
}

QList<HomeEvent> RegistryMutator::addDevice(const QByteArray &name, const QByteArray &areaId,
                                            QByteArray *deviceId)
{
    if (!areaId.isNull() && m_model.findArea(areaId) < 0)
        return {};
    DeviceEntry device;
    device.id = Ulid::uuidHex(m_model.random());
    device.name = name;
    device.areaId = areaId;
    device.manufacturer = "Demo Manufacturer";
    device.model = "Demo Device";
    device.swVersion = "1.0.0";
    device.identifiers.append({"demo", device.id});
    device.createdAt = device.modifiedAt = m_model.clock().next();
    for (const ConfigEntryInfo &entry : m_model.configEntries()) {
        if (entry.domain == "mqtt")
            device.configEntryId = entry.entryId;
    }
    if (deviceId)
        *deviceId = device.id;
    m_model.addDevice(device);
    return {E::event(m_model, "device_registry_updated",
                     E::actionData("create", "device_id", device.id))};
}

QList<HomeEvent> RegistryMutator::renameDevice(const QByteArray &deviceId,
                                               const QByteArray &nameByUser)
{
    const int index = m_model.findDevice(deviceId);
    if (index < 0)
        return {};
    DeviceEntry &device = m_model.devices()[index];
    if (device.nameByUser == nameByUser && device.nameByUser.isNull() == nameByUser.isNull())
        return {};
    const QByteArray old = E::stringJson(device.nameByUser);
    device.nameByUser = nameByUser;
    device.modifiedAt = m_model.clock().next();
    QList<HomeEvent> events{
        E::event(m_model, "device_registry_updated",
                 E::actionData("update", "device_id", deviceId, E::changes("name_by_user", old)))};
    for (int i = 0; i < m_model.entities().size(); ++i) {
        if (!m_model.entities().at(i).removed && m_model.entities().at(i).deviceId == deviceId)
            refreshFriendlyName(i, events);
    }
    return events;
}

QList<HomeEvent> RegistryMutator::moveDevice(const QByteArray &deviceId, const QByteArray &areaId)
{
    const int index = m_model.findDevice(deviceId);
    if (index < 0 || (!areaId.isNull() && m_model.findArea(areaId) < 0))
        return {};
    DeviceEntry &device = m_model.devices()[index];
    if (device.areaId == areaId && device.areaId.isNull() == areaId.isNull())
        return {};
    const QByteArray old = E::stringJson(device.areaId);
    device.areaId = areaId;
    device.modifiedAt = m_model.clock().next();
    return {E::event(m_model, "device_registry_updated",
                     E::actionData("update", "device_id", deviceId, E::changes("area_id", old)))};
}

void RegistryMutator::removeDeviceAt(int deviceIndex, QList<HomeEvent> &events)
{
    DeviceEntry &device = m_model.devices()[deviceIndex];
    QByteArray removed = "\"device\":";
    RegistryJson::appendDevice(removed, device, m_model.versionCode());
    const QByteArray id = device.id;
    m_model.removeDevice(deviceIndex);
    events.append(E::event(m_model, "device_registry_updated",
                           E::actionData("remove", "device_id", id, removed)));
    // The entity registry follows: the device's entities go too.
    for (int i = 0; i < m_model.entities().size(); ++i) {
        if (!m_model.entities().at(i).removed && m_model.entities().at(i).deviceId == id)
            removeEntityAt(i, events);
    }
}

QList<HomeEvent> RegistryMutator::removeDevice(const QByteArray &deviceId)
{
    const int index = m_model.findDevice(deviceId);
    if (index < 0)
        return {};
    QList<HomeEvent> events;
    removeDeviceAt(index, events);
    return events;
}

QList<HomeEvent> RegistryMutator::addEntity(const QByteArray &domain, const QByteArray &name,
                                            const QByteArray &deviceId, QByteArray *entityId)
{
    static const QList<QByteArray> domains = {"sensor", "binary_sensor", "switch",
                                              "light",  "lock",          "climate"};
    const int deviceIndex = deviceId.isNull() ? -1 : m_model.findDevice(deviceId);
    if (!domains.contains(domain) || (!deviceId.isNull() && deviceIndex < 0) || name.isEmpty())
        return {};
    EntityEntry entity;
    entity.id = Ulid::uuidHex(m_model.random());
    entity.platform = "demo";
    entity.uniqueId = Ulid::uuidHex(m_model.random());
    entity.deviceId = deviceId;
    entity.hasEntityName = deviceIndex >= 0;
    entity.originalName = name;
    if (deviceIndex >= 0)
        entity.configEntryId = m_model.devices().at(deviceIndex).configEntryId;
    QByteArray objectId;
    if (deviceIndex >= 0)
        objectId = HomeGenerator::slugify(m_model.devices().at(deviceIndex).name) + '_';
    objectId += HomeGenerator::slugify(name);
    entity.entityId = m_model.uniqueEntityId(domain, objectId);
    entity.createdAt = entity.modifiedAt = m_model.clock().next();
    entity.kind = domain == "sensor"          ? StateKind::Numeric
                  : domain == "binary_sensor" ? StateKind::Binary
                  : domain == "light"         ? StateKind::Light
                  : domain == "lock"          ? StateKind::Lock
                  : domain == "climate"       ? StateKind::Climate
                                              : StateKind::Switch;
    if (entity.kind == StateKind::Numeric) {
        entity.deviceClass = "temperature";
        entity.unit = "°C";
        entity.stateClass = "measurement";
        entity.minimum = 15;
        entity.maximum = 28;
        entity.step = 0.3;
        entity.value = 21.5;
    } else if (entity.kind == StateKind::Light) {
        entity.value = 128;
        entity.aux = 40;
    } else if (entity.kind == StateKind::Climate) {
        entity.value = 20.5;
        entity.aux = 21;
    }
    const int index = m_model.addEntity(entity);
    HomeGenerator::describeEntity(m_model.entities()[index], friendlyName(index));
    if (entityId)
        *entityId = entity.entityId;

    QList<HomeEvent> events{E::event(m_model, "entity_registry_updated",
                                     E::actionData("create", "entity_id", entity.entityId))};
    EntityEntry &stored = m_model.entities()[index];
    const QByteArray state = stored.kind == StateKind::Numeric
                                 ? HomeGenerator::formatValue(stored.value, stored.precision)
                             : stored.kind == StateKind::Lock    ? QByteArray("locked")
                             : stored.kind == StateKind::Climate ? QByteArray("heat")
                                                                 : QByteArray("off");
    const qint64 t = m_model.clock().next();
    events.append(m_model.setState(index, state, EntityAttributes::forState(stored, state),
                                   m_model.newContext(t), t));
    return events;
}

QList<HomeEvent> RegistryMutator::renameEntity(const QByteArray &entityId,
                                               const QByteArray &newEntityId)
{
    static const QRegularExpression valid(
        QStringLiteral("^(?!.+__)(?!_)[\\da-z_]+(?<!_)\\.(?!_)[\\da-z_]+(?<!_)$"));
    const int index = m_model.findEntity(entityId);
    if (index < 0 || m_model.entityIdTaken(newEntityId) ||
        !valid.match(QString::fromUtf8(newEntityId)).hasMatch() ||
        newEntityId.left(newEntityId.indexOf('.')) != entityId.left(entityId.indexOf('.')))
        return {};
    EntityEntry &entity = m_model.entities()[index];
    QList<HomeEvent> events;
    // HA fires the registry update first; the entity then leaves the state machine under its
    // old id and comes back under the new one. The recorder moves the history along.
    const QByteArray extra = E::changes("entity_id", E::stringJson(entityId)) +
                             ",\"old_entity_id\":" + E::stringJson(entityId);
    const StatePtr previous = entity.state;
    entity.modifiedAt = m_model.clock().next();
    events.append(E::event(m_model, "entity_registry_updated",
                           E::actionData("update", "entity_id", newEntityId, extra)));
    m_history.renameEntity(entityId, newEntityId);
    if (previous)
        events.append(m_model.removeState(index));
    m_model.changeEntityId(index, newEntityId);
    if (previous) {
        const qint64 t = m_model.clock().next();
        events.append(m_model.setState(index, previous->state, previous->attributes,
                                       m_model.newContext(t), t));
    }
    return events;
}

QList<HomeEvent> RegistryMutator::setEntityName(const QByteArray &entityId, const QByteArray &name)
{
    const int index = m_model.findEntity(entityId);
    if (index < 0)
        return {};
    EntityEntry &entity = m_model.entities()[index];
    const QByteArray old = E::stringJson(entity.name);
    entity.name = name;
    entity.modifiedAt = m_model.clock().next();
    QList<HomeEvent> events{
        E::event(m_model, "entity_registry_updated",
                 E::actionData("update", "entity_id", entityId, E::changes("name", old)))};
    refreshFriendlyName(index, events);
    return events;
}

QList<HomeEvent> RegistryMutator::setEntityArea(const QByteArray &entityId,
                                                const QByteArray &areaId)
{
    const int index = m_model.findEntity(entityId);
    if (index < 0 || (!areaId.isNull() && m_model.findArea(areaId) < 0))
        return {};
    EntityEntry &entity = m_model.entities()[index];
    const QByteArray old = E::stringJson(entity.areaId);
    entity.areaId = areaId;
    entity.modifiedAt = m_model.clock().next();
    return {E::event(m_model, "entity_registry_updated",
                     E::actionData("update", "entity_id", entityId, E::changes("area_id", old)))};
}

void RegistryMutator::removeEntityAt(int entityIndex, QList<HomeEvent> &events)
{
    const QByteArray entityId = m_model.entities().at(entityIndex).entityId;
    events.append(E::event(m_model, "entity_registry_updated",
                           E::actionData("remove", "entity_id", entityId)));
    HomeEvent removed = m_model.removeState(entityIndex);
    if (!removed.eventType.isEmpty())
        events.append(removed);
    m_model.removeEntity(entityIndex);
}

QList<HomeEvent> RegistryMutator::removeEntity(const QByteArray &entityId)
{
    const int index = m_model.findEntity(entityId);
    if (index < 0)
        return {};
    QList<HomeEvent> events;
    removeEntityAt(index, events);
    return events;
}

QByteArray RegistryMutator::addConfigEntry(const QByteArray &domain, const QByteArray &title)
{
    if (domain.isEmpty())
        return {};
    ConfigEntryInfo entry;
    entry.createdAt = entry.modifiedAt = m_model.clock().next();
    entry.entryId = Ulid::make(entry.createdAt / 1000, m_model.random());
    entry.domain = domain;
    entry.title = title.isEmpty() ? domain : title;
    m_model.configEntries().append(entry);
    return entry.entryId;
}

QList<HomeEvent> RegistryMutator::removeConfigEntry(const QByteArray &entryId)
{
    const int index = m_model.findConfigEntry(entryId);
    if (index < 0)
        return {};
    m_model.configEntries().removeAt(index);
    // Since 2026.8 a device that loses its config entry is removed.
    QList<HomeEvent> events;
    for (int i = 0; i < m_model.devices().size(); ++i) {
        if (!m_model.devices().at(i).removed && m_model.devices().at(i).configEntryId == entryId)
            removeDeviceAt(i, events);
    }
    for (int i = 0; i < m_model.entities().size(); ++i) {
        if (!m_model.entities().at(i).removed && m_model.entities().at(i).configEntryId == entryId)
            removeEntityAt(i, events);
    }
    return events;
}

} // namespace hai
