// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <limits>

namespace hai {

// Compact rows of the registry for the GUI's tables, read by RegistryFeed. Plain structs of
// implicitly shared strings, not QJsonObject: at 100,000 entities every byte per row counts,
// and the feed interns repeated values (domains, areas, device names) so rows share them.

struct DeviceRow
{
    static constexpr int kNoLevel = std::numeric_limits<int>::max();

    QString id;
    QString name; // name_by_user, else name
    QString originalName;
    QString manufacturer;
    QString model;
    QString modelId;
    QString areaId;
    QString areaName;
    QString floorId;
    QString floorName;
    int floorLevel = kNoLevel; // kNoLevel: no floor, or a floor without a level
    QString integration;       // the primary config entry's domain
    QString configEntryId;
    QString configEntryTitle;
    QString swVersion;
    QString hwVersion;
    QString serialNumber;
    QString viaDeviceId;
    QString entryType;
    QString disabledBy;
    QString configurationUrl;
    double createdAt = 0; // epoch seconds; 0 when unknown
    double modifiedAt = 0;
    double lastSeen = 0;
    int entityCount = 0;

    const QString &key() const { return id; }
};

struct EntityRow
{
    QString entityId;
    QString name; // name, else original_name
    QString domain;
    QString deviceId;
    QString deviceName;
    QString areaId; // the effective area: its own, else its device's
    QString areaName;
    QString platform;
    QString integration; // its config entry's domain, else its device's, else the platform
    bool disabled = false;
    bool hidden = false;
    // Filled on the GUI side from LiveStateCache; the feed leaves them empty.
    QString liveState;
    qint64 liveChangedUs = 0;

    const QString &key() const { return entityId; }
};

struct FloorRow
{
    QString id;
    QString name;
    int level = DeviceRow::kNoLevel;
};

struct AreaRow
{
    QString id;
    QString name;
    QString floorId;
};

// The small lists, sent whole after every reload that changed them.
struct RegistryPlaces
{
    QList<FloorRow> floors; // by level (none last), name
    QList<AreaRow> areas;   // by name
};

// One step of a table's feed. The first snapshot arrives as a run of `initial` deltas with
// only `added` rows; later reloads send what changed since the previous one. `last` marks the
// final chunk of a reload.
template <typename Row>
struct RegistryDelta
{
    QList<Row> added;
    QList<Row> changed;
    QStringList removed; // keys
    bool initial = false;
    bool last = true;

    bool isEmpty() const { return added.isEmpty() && changed.isEmpty() && removed.isEmpty(); }
};

using DeviceDelta = RegistryDelta<DeviceRow>;
using EntityDelta = RegistryDelta<EntityRow>;

} // namespace hai

Q_DECLARE_METATYPE(hai::RegistryPlaces)
Q_DECLARE_METATYPE(hai::DeviceDelta)
Q_DECLARE_METATYPE(hai::EntityDelta)
