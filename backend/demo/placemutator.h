// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "homeevent.h"

#include <QByteArray>
#include <QList>

namespace hai {

class HomeModel;
class RegistryMutator;

// Area, floor and label changes as HA makes them, returning the events HA fires in its order:
// removing an area first clears it from devices and entities (their update events), then
// fires the removal; removing a floor or a label fires first and the other registries follow.
// Ids are HA's slugs of the name, made unique. An empty list means the change was refused.
class PlaceMutator
{
public:
    PlaceMutator(HomeModel &model, RegistryMutator &devices);

    QList<HomeEvent> addArea(const QByteArray &name, const QByteArray &floorId, QByteArray *areaId);
    QList<HomeEvent> renameArea(const QByteArray &areaId, const QByteArray &name);
    QList<HomeEvent> removeArea(const QByteArray &areaId);
    QList<HomeEvent> addFloor(const QByteArray &name, int level, QByteArray *floorId);
    QList<HomeEvent> renameFloor(const QByteArray &floorId, const QByteArray &name);
    QList<HomeEvent> removeFloor(const QByteArray &floorId);
    QList<HomeEvent> addLabel(const QByteArray &name, const QByteArray &color, QByteArray *labelId);
    QList<HomeEvent> renameLabel(const QByteArray &labelId, const QByteArray &name);
    QList<HomeEvent> removeLabel(const QByteArray &labelId);

private:
    HomeModel &m_model;
    RegistryMutator &m_devices;
};

} // namespace hai
