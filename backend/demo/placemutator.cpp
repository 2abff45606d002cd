// SPDX-License-Identifier: GPL-3.0-or-later
#include "placemutator.h"

#include "homemodel.h"
#include "registryevents.h"
#include "registrymutator.h"

namespace hai {

namespace {
using E = RegistryEvents;
} // namespace

PlaceMutator::PlaceMutator(HomeModel &model, RegistryMutator &devices)
    : m_model(model)
    , m_devices(devices)
{}

QList<HomeEvent> PlaceMutator::addArea(const QByteArray &name, const QByteArray &floorId,
                                       QByteArray *areaId)
{
    if (name.isEmpty() || (!floorId.isNull() && m_model.findFloor(floorId) < 0))
        return {};
    QList<QByteArray> taken;
    for (const AreaEntry &area : m_model.areas())
        taken.append(area.areaId);
    AreaEntry area;
    area.areaId = E::uniqueSlug(name, taken);
    area.name = name;
    area.floorId = floorId;
    area.createdAt = area.modifiedAt = m_model.clock().next();
    if (areaId)
        *areaId = area.areaId;
    m_model.areas().append(area);
    return {E::event(m_model, "area_registry_updated",
                     E::actionData("create", "area_id", area.areaId))};
}

QList<HomeEvent> PlaceMutator::renameArea(const QByteArray &areaId, const QByteArray &name)
{
    const int index = m_model.findArea(areaId);
    if (index < 0 || name.isEmpty())
        return {};
    AreaEntry &area = m_model.areas()[index];
    area.name = name;
    area.modifiedAt = m_model.clock().next();
    return {E::event(m_model, "area_registry_updated", E::actionData("update", "area_id", areaId))};
}

QList<HomeEvent> PlaceMutator::removeArea(const QByteArray &areaId)
{
    const int index = m_model.findArea(areaId);
    if (index < 0)
        return {};
    // HA clears the area from devices, then from entities, then deletes it and fires.
    QList<HomeEvent> events;
    for (const DeviceEntry &device : m_model.devices()) {
        if (!device.removed && device.areaId == areaId)
            events.append(m_devices.moveDevice(device.id, {}));
    }
    for (const EntityEntry &entity : m_model.entities()) {
        if (!entity.removed && entity.areaId == areaId)
            events.append(m_devices.setEntityArea(entity.entityId, {}));
    }
    m_model.areas().removeAt(index);
    events.append(
        E::event(m_model, "area_registry_updated", E::actionData("remove", "area_id", areaId)));
    return events;
}

QList<HomeEvent> PlaceMutator::addFloor(const QByteArray &name, int level, QByteArray *floorId)
{
    if (name.isEmpty())
        return {};
    QList<QByteArray> taken;
    for (const FloorEntry &floor : m_model.floors())
        taken.append(floor.floorId);
    FloorEntry floor;
    floor.floorId = E::uniqueSlug(name, taken);
    floor.name = name;
    floor.level = level;
    floor.createdAt = floor.modifiedAt = m_model.clock().next();
    if (floorId)
        *floorId = floor.floorId;
    m_model.floors().append(floor);
    return {E::event(m_model, "floor_registry_updated",
                     E::actionData("create", "floor_id", floor.floorId))};
}

QList<HomeEvent> PlaceMutator::renameFloor(const QByteArray &floorId, const QByteArray &name)
{
    const int index = m_model.findFloor(floorId);
    if (index < 0 || name.isEmpty())
        return {};
    FloorEntry &floor = m_model.floors()[index];
    floor.name = name;
    floor.modifiedAt = m_model.clock().next();
    return {
        E::event(m_model, "floor_registry_updated", E::actionData("update", "floor_id", floorId))};
}

QList<HomeEvent> PlaceMutator::removeFloor(const QByteArray &floorId)
{
    const int index = m_model.findFloor(floorId);
    if (index < 0)
        return {};
    m_model.floors().removeAt(index);
    // The floor event first; the area registry reacts to it and clears the floor.
    QList<HomeEvent> events{
        E::event(m_model, "floor_registry_updated", E::actionData("remove", "floor_id", floorId))};
    for (AreaEntry &area : m_model.areas()) {
        if (area.floorId != floorId)
            continue;
        area.floorId.clear();
        area.floorId = QByteArray();
        area.modifiedAt = m_model.clock().next();
        events.append(E::event(m_model, "area_registry_updated",
                               E::actionData("update", "area_id", area.areaId)));
    }
    return events;
}

QList<HomeEvent> PlaceMutator::addLabel(const QByteArray &name, const QByteArray &color,
                                        QByteArray *labelId)
{
    if (name.isEmpty())
        return {};
    QList<QByteArray> taken;
    for (const LabelEntry &label : m_model.labels())
        taken.append(label.labelId);
    LabelEntry label;
    label.labelId = E::uniqueSlug(name, taken);
    label.name = name;
    label.color = color;
    label.createdAt = label.modifiedAt = m_model.clock().next();
    if (labelId)
        *labelId = label.labelId;
    m_model.labels().append(label);
    return {E::event(m_model, "label_registry_updated",
                     E::actionData("create", "label_id", label.labelId))};
}

QList<HomeEvent> PlaceMutator::renameLabel(const QByteArray &labelId, const QByteArray &name)
{
    const int index = m_model.findLabel(labelId);
    if (index < 0 || name.isEmpty())
        return {};
    LabelEntry &label = m_model.labels()[index];
    label.name = name;
    label.modifiedAt = m_model.clock().next();
    return {
        E::event(m_model, "label_registry_updated", E::actionData("update", "label_id", labelId))};
}

QList<HomeEvent> PlaceMutator::removeLabel(const QByteArray &labelId)
{
    const int index = m_model.findLabel(labelId);
    if (index < 0)
        return {};
    m_model.labels().removeAt(index);
    // The label event first; areas, devices and entities drop the label when they hear it.
    QList<HomeEvent> events{
        E::event(m_model, "label_registry_updated", E::actionData("remove", "label_id", labelId))};
    for (AreaEntry &area : m_model.areas()) {
        if (!area.labels.contains(labelId))
            continue;
        area.labels.removeAll(labelId);
        area.modifiedAt = m_model.clock().next();
        events.append(E::event(m_model, "area_registry_updated",
                               E::actionData("update", "area_id", area.areaId)));
    }
    for (DeviceEntry &device : m_model.devices()) {
        if (device.removed || !device.labels.contains(labelId))
            continue;
        const QByteArray old = E::listJson(device.labels);
        device.labels.removeAll(labelId);
        device.modifiedAt = m_model.clock().next();
        events.append(
            E::event(m_model, "device_registry_updated",
                     E::actionData("update", "device_id", device.id, E::changes("labels", old))));
    }
    for (EntityEntry &entity : m_model.entities()) {
        if (entity.removed || !entity.labels.contains(labelId))
            continue;
        const QByteArray old = E::listJson(entity.labels);
        entity.labels.removeAll(labelId);
        entity.modifiedAt = m_model.clock().next();
        events.append(E::event(
            m_model, "entity_registry_updated",
            E::actionData("update", "entity_id", entity.entityId, E::changes("labels", old))));
    }
    return events;
}

} // namespace hai
