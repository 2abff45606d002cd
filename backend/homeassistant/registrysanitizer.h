// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "haregistry.h"

#include <QJsonArray>
#include <QSet>
#include <QString>

namespace hai {

// Makes a registry list storable when RegistryWriter rejected it: one bad item must not block
// a whole snapshot, and must not make a full snapshot prune good rows. Fields of the wrong
// type become null (the row is kept); items without a usable key are dropped (there is no row
// they could be). Entities that name a device the store does not have lose that reference
// (HA's lists are read one after the other, so a device can be created in between; the next
// device_registry_updated re-reads both).
class RegistrySanitizer
{
public:
    struct Report
    {
        qsizetype dropped = 0;        // items removed
        qsizetype repairedFields = 0; // fields set to null
        qsizetype clearedDevices = 0; // entity device_id references cleared
        QString firstProblem;

        bool changed() const { return dropped || repairedFields || clearedDevices; }
    };

    // `knownDevices` (may be null) is the set of device ids the store holds.
    static QJsonArray sanitize(HaRegistry registry, const QJsonArray &items,
                               const QSet<QString> *knownDevices, Report *report);
    // The device ids a device list names (its `id`s), for knownDevices.
    static QSet<QString> deviceIds(const QJsonArray &devices);
    // Entities of `entities` naming a device that is not in `knownDevices`.
    static qsizetype unknownDeviceReferences(const QJsonArray &entities,
                                             const QSet<QString> &knownDevices);
};

} // namespace hai
