// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "homestate.h"

#include <QByteArray>
#include <QList>
#include <QPair>

namespace hai {

// Registry entries of the simulated home, with HA's fields (see the protocol reference §5).
// Strings are UTF-8; a null QByteArray is JSON null. Times are microseconds since the epoch.

struct FloorEntry
{
    QByteArray floorId;
    QByteArray name;
    QByteArray icon;
    int level = 0;
    bool hasLevel = true;
    QList<QByteArray> aliases;
    qint64 createdAt = 0;
    qint64 modifiedAt = 0;
};

struct AreaEntry
{
    QByteArray areaId;
    QByteArray name;
    QByteArray floorId;
    QByteArray icon;
    QByteArray picture;
    QByteArray humidityEntityId;
    QByteArray temperatureEntityId;
    QList<QByteArray> aliases;
    QList<QByteArray> labels;
    qint64 createdAt = 0;
    qint64 modifiedAt = 0;
};

struct LabelEntry
{
    QByteArray labelId;
    QByteArray name;
    QByteArray color;
    QByteArray icon;
    QByteArray description;
    qint64 createdAt = 0;
    qint64 modifiedAt = 0;
};

struct ConfigEntryInfo
{
    QByteArray entryId;
    QByteArray domain;
    QByteArray title;
    QByteArray source = "user";
    QByteArray state = "loaded";
    QByteArray integrationType = "hub"; // for config_entries/get type_filter
    QByteArray reason;
    QByteArray disabledBy;
    bool supportsOptions = false;
    bool supportsRemoveDevice = false;
    bool supportsUnload = true;
    bool supportsReconfigure = false;
    qint64 createdAt = 0;
    qint64 modifiedAt = 0;
};

using StringPair = QPair<QByteArray, QByteArray>;

struct DeviceEntry
{
    QByteArray id;
    QByteArray name;
    QByteArray nameByUser;
    QByteArray manufacturer;
    QByteArray model;
    QByteArray modelId;
    QByteArray swVersion;
    QByteArray hwVersion;
    QByteArray serialNumber;
    QByteArray configurationUrl;
    QByteArray areaId;
    QByteArray configEntryId;
    QByteArray viaDeviceId;
    QByteArray entryType;
    QByteArray disabledBy;
    QList<StringPair> connections;
    QList<StringPair> identifiers;
    QList<QByteArray> labels;
    qint64 createdAt = 0;
    qint64 modifiedAt = 0;
    bool removed = false;
};

// How the traffic generator moves an entity's state.
enum class StateKind : quint8 {
    Numeric, // drifting measurement
    Counter, // total_increasing (energy)
    Binary,  // on/off
    Light,   // on/off plus brightness/colour attributes
    Climate, // hvac mode plus current temperature attribute
    Switch,  // on/off
    Lock,    // locked/unlocked
    Weather, // condition plus temperature attribute
    Static   // attribute-only changes (sun elevation)
};

struct EntityEntry
{
    // Registry fields.
    QByteArray id;
    QByteArray entityId;
    QByteArray uniqueId;
    QByteArray platform;
    QByteArray configEntryId;
    QByteArray deviceId;
    QByteArray areaId;
    QByteArray name;
    QByteArray originalName;
    QByteArray icon;
    QByteArray translationKey;
    QByteArray entityCategory;
    QByteArray disabledBy;
    QByteArray hiddenBy;
    QByteArray optionsJson = "{}";
    QList<QByteArray> labels;
    bool hasEntityName = true;
    qint64 createdAt = 0;
    qint64 modifiedAt = 0;
    bool removed = false;

    // Simulation.
    StateKind kind = StateKind::Numeric;
    qint8 precision = 1;
    double minimum = 0;
    double maximum = 100;
    double step = 0.5;
    double value = 0; // the number behind the state; brightness; current temperature
    double aux = 0;   // light hue; climate target temperature
    QByteArray friendlyName;
    QByteArray deviceClass;
    QByteArray unit;
    QByteArray stateClass;
    AttributesPtr baseAttributes; // the constant attributes of simple kinds

    // Current state and its cached JSON (null when disabled or removed).
    StatePtr state;
    QByteArray stateJson;

    QByteArray domain() const { return entityId.left(entityId.indexOf('.')); }
};

} // namespace hai
