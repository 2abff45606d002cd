// SPDX-License-Identifier: GPL-3.0-or-later
#include "homemodel.h"

#include "isotime.h"
#include "jsonwriter.h"
#include "statejson.h"
#include "ulid.h"

namespace hai {

HomeModel::HomeModel(const DemoHomeOptions &options)
    : m_options(options)
    , m_versionCode(options.versionCode())
    , m_random(options.seed ^ 0x5DEECE66DULL)
{}

StateContext HomeModel::newContext(qint64 t, const QByteArray &userId, const QByteArray &parentId)
{
    StateContext context;
    context.id = Ulid::make(t / 1000, m_random);
    context.userId = userId;
    context.parentId = parentId;
    return context;
}

int HomeModel::findFloor(QByteArrayView floorId) const
{
    for (int i = 0; i < m_floors.size(); ++i) {
        if (m_floors.at(i).floorId == floorId)
            return i;
    }
    return -1;
}

int HomeModel::findArea(QByteArrayView areaId) const
{
    for (int i = 0; i < m_areas.size(); ++i) {
        if (m_areas.at(i).areaId == areaId)
            return i;
    }
    return -1;
}

int HomeModel::findLabel(QByteArrayView labelId) const
{
    for (int i = 0; i < m_labels.size(); ++i) {
        if (m_labels.at(i).labelId == labelId)
            return i;
    }
    return -1;
}

int HomeModel::findConfigEntry(QByteArrayView entryId) const
{
    for (int i = 0; i < m_configEntries.size(); ++i) {
        if (m_configEntries.at(i).entryId == entryId)
            return i;
    }
    return -1;
}

int HomeModel::findDevice(QByteArrayView deviceId) const
{
    return m_deviceIndex.value(deviceId.toByteArray(), -1);
}

int HomeModel::findEntity(QByteArrayView entityId) const
{
    return m_entityIndex.value(entityId.toByteArray(), -1);
}

QByteArray HomeModel::uniqueEntityId(QByteArrayView domain, QByteArrayView objectId) const
{
    QByteArray base;
    base.reserve(domain.size() + objectId.size() + 4);
    base.append(domain.data(), domain.size());
    base.append('.');
    base.append(objectId.data(), objectId.size());
    if (!m_entityIndex.contains(base))
        return base;
    for (int suffix = 2;; ++suffix) {
        const QByteArray candidate = base + '_' + QByteArray::number(suffix);
        if (!m_entityIndex.contains(candidate))
            return candidate;
    }
}

void HomeModel::reserve(int devices, int entities)
{
    m_devices.reserve(devices);
    m_deviceIndex.reserve(devices);
    m_entities.reserve(entities);
    m_entityIndex.reserve(entities);
}

int HomeModel::addDevice(DeviceEntry device)
{
    const int index = int(m_devices.size());
    m_deviceIndex.insert(device.id, index);
    m_devices.append(std::move(device));
    ++m_deviceCount;
    return index;
}

int HomeModel::addEntity(EntityEntry entity)
{
    const int index = int(m_entities.size());
    m_entityIndex.insert(entity.entityId, index);
    if (entity.state)
        ++m_stateCount;
    m_entities.append(std::move(entity));
    ++m_entityCount;
    ++m_generation;
    return index;
}

void HomeModel::removeDevice(int index)
{
    DeviceEntry &device = m_devices[index];
    if (device.removed)
        return;
    device.removed = true;
    m_deviceIndex.remove(device.id);
    --m_deviceCount;
}

void HomeModel::removeEntity(int index)
{
    EntityEntry &entity = m_entities[index];
    if (entity.removed)
        return;
    entity.removed = true;
    m_entityIndex.remove(entity.entityId);
    --m_entityCount;
    ++m_generation;
}

void HomeModel::changeEntityId(int index, const QByteArray &newEntityId)
{
    EntityEntry &entity = m_entities[index];
    m_entityIndex.remove(entity.entityId);
    entity.entityId = newEntityId;
    m_entityIndex.insert(newEntityId, index);
    ++m_generation;
}

HomeEvent HomeModel::setState(int index, const QByteArray &state, const AttributesPtr &attributes,
                              const StateContext &context, qint64 t)
{
    EntityEntry &entity = m_entities[index];
    const qint64 now = t ? t : m_clock.next();
    HomeEvent event;
    event.timeFired = now;
    event.context = context;
    event.entityId = entity.entityId;

    auto next = std::make_shared<EntityState>();
    next->entityId = entity.entityId;
    next->state = state;
    next->attributes = attributes;
    next->context = context;
    next->lastChanged = next->lastUpdated = next->lastReported = now;

    const StatePtr old = entity.state;
    if (old) {
        const bool sameState = old->state == state;
        const bool sameAttributes =
            old->attributes == attributes || old->attributes->json() == attributes->json();
        if (sameState && sameAttributes) {
            // Nothing changed: only last_reported moves (HA 2024.4+ state_reported).
            auto reported = std::make_shared<EntityState>(*old);
            reported->lastReported = now;
            event.eventType = QByteArrayLiteral("state_reported");
            QByteArray data = "{\"entity_id\":";
            JsonWriter::appendString(data, entity.entityId);
            data += ",\"old_last_reported\":\"";
            data += IsoTime::toIso(old->lastReported);
            data += "\",\"new_state\":";
            entity.state = reported;
            entity.stateJson = StateJson::stateJson(*reported, withLastReported());
            data += entity.stateJson;
            data += '}';
            event.dataJson = data;
            event.newState = entity.state;
            event.newStateJson = entity.stateJson;
            event.context = old->context;
            return event;
        }
        if (sameState)
            next->lastChanged = old->lastChanged;
        if (sameAttributes)
            next->attributes = old->attributes;
    } else {
        ++m_stateCount;
        ++m_generation;
    }
    event.eventType = QByteArrayLiteral("state_changed");
    event.oldState = old;
    event.oldStateJson = entity.stateJson;
    entity.state = next;
    entity.stateJson = StateJson::stateJson(*next, withLastReported());
    event.newState = entity.state;
    event.newStateJson = entity.stateJson;
    return event;
}

void HomeModel::setInitialState(int index, EntityState state)
{
    EntityEntry &entity = m_entities[index];
    if (!entity.state && !entity.removed)
        ++m_stateCount;
    auto shared = std::make_shared<const EntityState>(std::move(state));
    entity.stateJson = StateJson::stateJson(*shared, withLastReported());
    entity.state = std::move(shared);
}

HomeEvent HomeModel::removeState(int index)
{
    EntityEntry &entity = m_entities[index];
    HomeEvent event;
    if (!entity.state)
        return event;
    event.eventType = QByteArrayLiteral("state_changed");
    event.timeFired = m_clock.next();
    event.context = newContext(event.timeFired);
    event.entityId = entity.entityId;
    event.oldState = entity.state;
    event.oldStateJson = entity.stateJson;
    entity.state.reset();
    entity.stateJson.clear();
    --m_stateCount;
    ++m_generation;
    return event;
}

QByteArray HomeModel::statesJson(qsizetype paddingPerState) const
{
    qsizetype size = 2;
    for (const EntityEntry &entity : m_entities)
        size += entity.stateJson.size() + 1 + (entity.state ? paddingPerState + 20 : 0);
    QByteArray out;
    out.reserve(size);
    out.append('[');
    bool first = true;
    for (const EntityEntry &entity : m_entities) {
        if (entity.removed || !entity.state)
            continue;
        if (!first)
            out.append(',');
        first = false;
        if (paddingPerState > 0)
            StateJson::appendState(out, *entity.state, withLastReported(), paddingPerState);
        else
            out.append(entity.stateJson);
    }
    out.append(']');
    return out;
}

} // namespace hai
