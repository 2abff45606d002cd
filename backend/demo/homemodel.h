// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "democlock.h"
#include "demohomeoptions.h"
#include "demorandom.h"
#include "homeentries.h"
#include "homeevent.h"

#include <QHash>
#include <QList>

namespace hai {

// The simulated home: registries (floors, areas, labels, config entries, devices, entities)
// and the state machine. It knows nothing about sockets; every change returns the events HA
// would fire, for DemoHome to publish. Removed devices and entities stay as tombstones so
// indexes stay valid; lists and counts skip them.
class HomeModel
{
public:
    explicit HomeModel(const DemoHomeOptions &options);

    const DemoHomeOptions &options() const { return m_options; }
    // HA 2024.4 added last_reported to states.
    bool withLastReported() const { return m_versionCode == 0 || m_versionCode >= 202404; }
    int versionCode() const { return m_versionCode; }

    DemoClock &clock() { return m_clock; }
    DemoRandom &random() { return m_random; }
    // A fresh context (ULID id) for a write at time t.
    StateContext newContext(qint64 t, const QByteArray &userId = {},
                            const QByteArray &parentId = {});

    QList<FloorEntry> &floors() { return m_floors; }
    const QList<FloorEntry> &floors() const { return m_floors; }
    QList<AreaEntry> &areas() { return m_areas; }
    const QList<AreaEntry> &areas() const { return m_areas; }
    QList<LabelEntry> &labels() { return m_labels; }
    const QList<LabelEntry> &labels() const { return m_labels; }
    QList<ConfigEntryInfo> &configEntries() { return m_configEntries; }
    const QList<ConfigEntryInfo> &configEntries() const { return m_configEntries; }
    // Includes tombstones (removed == true).
    QList<DeviceEntry> &devices() { return m_devices; }
    const QList<DeviceEntry> &devices() const { return m_devices; }
    QList<EntityEntry> &entities() { return m_entities; }
    const QList<EntityEntry> &entities() const { return m_entities; }

    int findFloor(QByteArrayView floorId) const;
    int findArea(QByteArrayView areaId) const;
    int findLabel(QByteArrayView labelId) const;
    int findConfigEntry(QByteArrayView entryId) const;
    int findDevice(QByteArrayView deviceId) const; // -1 when unknown or removed
    int findEntity(QByteArrayView entityId) const; // -1 when unknown or removed
    bool entityIdTaken(QByteArrayView entityId) const { return findEntity(entityId) >= 0; }
    // object_id made unique within its domain: sensor.x, sensor.x_2, ...
    QByteArray uniqueEntityId(QByteArrayView domain, QByteArrayView objectId) const;

    void reserve(int devices, int entities);
    int addDevice(DeviceEntry device);
    int addEntity(EntityEntry entity);
    void removeDevice(int index);
    void removeEntity(int index); // registry only; see removeState
    void changeEntityId(int index, const QByteArray &newEntityId);

    int deviceCount() const { return m_deviceCount; }
    int entityCount() const { return m_entityCount; }
    int stateCount() const { return m_stateCount; }
    // Bumped whenever the set of entities with a state changes.
    quint64 generation() const { return m_generation; }

    // HA's StateMachine.async_set_internal at time t (clock().next() when 0): a changed state
    // or changed attributes fire state_changed (last_changed moves only when the state
    // does); an identical write only moves last_reported and fires state_reported.
    HomeEvent setState(int index, const QByteArray &state, const AttributesPtr &attributes,
                       const StateContext &context, qint64 t = 0);
    // Sets the initial state without firing anything (generation).
    void setInitialState(int index, EntityState state);
    // Removes the state: state_changed with new_state null (or an empty event if none).
    HomeEvent removeState(int index);

    // get_states: a JSON array of every state; padding adds a large attribute to each one.
    QByteArray statesJson(qsizetype paddingPerState = 0) const;

private:
    DemoHomeOptions m_options;
    int m_versionCode = 0;
    DemoClock m_clock;
    DemoRandom m_random;

    QList<FloorEntry> m_floors;
    QList<AreaEntry> m_areas;
    QList<LabelEntry> m_labels;
    QList<ConfigEntryInfo> m_configEntries;
    QList<DeviceEntry> m_devices;
    QList<EntityEntry> m_entities;
    QHash<QByteArray, int> m_deviceIndex;
    QHash<QByteArray, int> m_entityIndex;
    int m_deviceCount = 0;
    int m_entityCount = 0;
    int m_stateCount = 0;
    quint64 m_generation = 0;
};

} // namespace hai
