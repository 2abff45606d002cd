// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "homeentries.h"
#include "homestate.h"

namespace hai {

// Builds the attributes HA's entity platforms write for each kind of simulated entity, from
// the entity's static description and its current values (EntityEntry::value and aux).
class EntityAttributes
{
public:
    // The constant attributes of a simple entity (sensor, binary_sensor, switch, lock):
    // state_class, unit_of_measurement, device_class, friendly_name, ...
    static AttributesPtr base(const EntityEntry &entity);
    // The attributes that go with `state` for the entity's kind.
    static AttributesPtr forState(const EntityEntry &entity, QByteArrayView state);
    // What an unavailable entity keeps: its capability and description attributes only.
    static AttributesPtr unavailable(const EntityEntry &entity);
};

} // namespace hai
