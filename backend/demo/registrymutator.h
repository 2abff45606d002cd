// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "homeevent.h"

#include <QByteArray>
#include <QList>

namespace hai {

class HistoryRecorder;
class HomeModel;

// Device, entity and config entry changes as HA makes them, for tests (PlaceMutator does
// areas, floors and labels): each applies the change to the model and
// returns, in firing order, the events HA would fire: the *_registry_updated event (changes
// hold the OLD values; an entity_id rename carries old_entity_id; a device removal carries
// the removed device), the follow-up updates of other registries (an area removal clears
// the area of its devices first), and the state_changed events of entities that appear,
// disappear or get a new friendly_name. An empty list means the change was refused.
class RegistryMutator
{
public:
    RegistryMutator(HomeModel &model, HistoryRecorder &history);

    QList<HomeEvent> addDevice(const QByteArray &name, const QByteArray &areaId,
                               QByteArray *deviceId);
    QList<HomeEvent> renameDevice(const QByteArray &deviceId, const QByteArray &nameByUser);
    QList<HomeEvent> moveDevice(const QByteArray &deviceId, const QByteArray &areaId);
    QList<HomeEvent> removeDevice(const QByteArray &deviceId);

    // domain: sensor, binary_sensor, switch, light, lock or climate.
    QList<HomeEvent> addEntity(const QByteArray &domain, const QByteArray &name,
                               const QByteArray &deviceId, QByteArray *entityId);
    QList<HomeEvent> renameEntity(const QByteArray &entityId, const QByteArray &newEntityId);
    QList<HomeEvent> setEntityName(const QByteArray &entityId, const QByteArray &name);
    QList<HomeEvent> setEntityArea(const QByteArray &entityId, const QByteArray &areaId);
    QList<HomeEvent> removeEntity(const QByteArray &entityId);

    // A config entry has no registry event; removing one removes its devices and entities.
    QByteArray addConfigEntry(const QByteArray &domain, const QByteArray &title);
    QList<HomeEvent> removeConfigEntry(const QByteArray &entryId);

private:
    QByteArray friendlyName(int entityIndex) const;
    // Writes the entity's state again when its friendly_name changed.
    void refreshFriendlyName(int entityIndex, QList<HomeEvent> &events);
    void removeEntityAt(int entityIndex, QList<HomeEvent> &events);
    void removeDeviceAt(int deviceIndex, QList<HomeEvent> &events);

    HomeModel &m_model;
    HistoryRecorder &m_history;
};

} // namespace hai
