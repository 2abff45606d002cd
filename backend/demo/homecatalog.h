// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "homeentries.h"

#include <QByteArray>
#include <QList>

namespace hai {

class DemoRandom;

// What a generated home is made of: the integrations (config entries), the kinds of devices
// with their entities (model, units, device classes, value ranges), the entities without a
// device, and the names of areas, floors and labels.
class HomeCatalog
{
public:
    struct Integration
    {
        const char *domain;
        const char *title;
        const char *type;
        const char *source;
        const char *state;
        const char *reason;
    };

    struct EntitySpec
    {
        const char *domain;
        const char *key;  // object_id suffix
        const char *name; // original_name; nullptr for a device's main entity
        StateKind kind;
        const char *deviceClass;
        const char *unit;
        const char *stateClass;
        double minimum, maximum, step;
        int precision;
        bool diagnostic;
        bool disabled;
    };

    struct DeviceKind
    {
        const char *label;
        const char *platform;
        const char *manufacturer;
        const char *model;
        const char *modelId;
        const char *connection; // zigbee, mac or nullptr
        int weight;
        QList<EntitySpec> entities;
    };

    struct Standalone
    {
        const char *entityId;
        const char *platform;
        const char *name;
        StateKind kind;
        const char *unit;
        const char *deviceClass;
    };

    static const QList<Integration> &integrations();
    static const QList<DeviceKind> &deviceKinds();
    // The entities of the met.no forecast device.
    static QList<EntitySpec> forecastEntities();
    // Extra entities for devices that need more than their kind has; cycles.
    static const EntitySpec &extra(int index);
    static int extraCount();
    static const Standalone &standalone(int index); // cycles
    static int standaloneCount();

    static QByteArray areaName(int index); // numbered ("Room 17") past the list
    static QByteArray areaIcon(int index); // null for some
    static QByteArray floorName(int index);
    static QByteArray labelName(int index);
    static QByteArray labelColor(int index);
    static const char *weatherCondition(int index);
    static int weatherConditionCount();

    // A static string as a QByteArray without a copy.
    static QByteArray literal(const char *text);
    // count random bytes as hex, joined by separator (0 for none).
    static QByteArray hexBytes(DemoRandom &random, int count, char separator);
};

} // namespace hai
