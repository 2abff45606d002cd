// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "homeentries.h"

#include <QByteArray>
#include <QList>

namespace hai {

class HomeModel;

// The registry shapes of HA's list commands (protocol reference §5), version-aware: fields
// that a release added are left out for older haVersion values.
class RegistryJson
{
public:
    static void appendDevice(QByteArray &out, const DeviceEntry &device, int versionCode);
    static void appendEntity(QByteArray &out, const EntityEntry &entity, int versionCode);
    // RegistryEntry.extended_dict (config/entity_registry/get): the partial dict plus aliases,
    // capabilities, device_class, original_device_class and original_icon.
    static void appendEntityExtended(QByteArray &out, const EntityEntry &entity, int versionCode);
    static void appendArea(QByteArray &out, const AreaEntry &area);
    static void appendFloor(QByteArray &out, const FloorEntry &floor);
    static void appendLabel(QByteArray &out, const LabelEntry &label);
    static void appendConfigEntry(QByteArray &out, const ConfigEntryInfo &entry);

    static QByteArray deviceList(const HomeModel &model);
    static QByteArray entityList(const HomeModel &model);
    static QByteArray entityListForDisplay(const HomeModel &model);
    static QByteArray areaList(const HomeModel &model);
    static QByteArray floorList(const HomeModel &model);
    static QByteArray labelList(const HomeModel &model);
    // config_entries/get: typeFilter (integration types) and domain are optional filters.
    static QByteArray configEntryList(const HomeModel &model, const QList<QByteArray> &typeFilter,
                                      const QByteArray &domain);
};

} // namespace hai
