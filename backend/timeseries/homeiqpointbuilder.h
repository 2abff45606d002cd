// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/timeseriessettings.h"
#include "lineprotocol.h"
#include "scratchstrings.h"

#include <QByteArray>

#include <vector>

namespace hai {

struct EntityTags;
struct HaAttributeValue;
struct HaEvent;

// The homeiq point of one state_changed event (HomeIQ's layout, with its defects fixed):
//   home_assistant_events,area_id=…,device_class=…,device_id=…,domain=sensor,
//     entity_id=sensor.t,integration=…,unit_of_measurement=°C
//     state_value="21.5",normalized_value=21.5,previous_state="21",
//     duration_in_state_seconds=60,context_id="01J…" 1767607200123456
// Tags: entity_id (full), domain, device_class and unit_of_measurement (from the attributes),
// area_id, device_id and integration (registry, when known), the attribute tags, then the
// static tags, which override any of them.
// Fields:
// - state_value: the state string, always (also "unknown", "unavailable" and "");
// - normalized_value: the state as a finite float, or 1/0 for on/off, open/closed,
//   home/not_home, locked/unlocked, above_horizon/below_horizon; none for anything else;
// - previous_state: the old state string, when there is an old state;
// - duration_in_state_seconds: new last_changed − old last_changed, only when the state string
//   changed (and the difference is not negative). An attribute-only update has none: the
//   field is the time spent in the state just left, so summing it per previous_state counts
//   every stretch once;
// - context_id, context_user_id, context_parent_id, when set;
// - attributes (--influx-attribute-fields, default none; device_class, unit_of_measurement and
//   the attribute tags are tags, not fields): numeric writes numbers and booleans (1/0) as
//   float `key`; all adds strings and lists/dicts (compact JSON) as string `key_str`; null is
//   skipped. Every point shares one measurement, so a key must keep one type: float keys never
//   end in "_str" (a numeric "x_str" becomes "x_str_num") and never take a fixed field's name
//   ("state_value" becomes "state_value_"). Of two attributes that land on the same key, the
//   first wins.
// Timestamp: new_state.last_updated in µs, so a replay of the same state writes the same
// point (see StateMapper).
class HomeIqPointBuilder
{
public:
    explicit HomeIqPointBuilder(const MappingOptions &options);

    // Appends the point of `event` (state_changed, valid new state); `registry` may be null.
    // False when no field could be written.
    bool append(const HaEvent &event, const EntityTags *registry, QByteArray *out);

    // normalized_value of a state; false when it has none.
    static bool normalizedValue(QStringView state, double *out);

private:
    void addAttributeField(QStringView key, const HaAttributeValue &value);
    QStringView tagText(const HaAttributeValue &value);
    bool hasField(QStringView key) const;

    QString m_measurement;
    QList<QPair<QString, QString>> m_staticTags;
    QStringList m_attributeTags;
    AttributeFields m_attributeFields;
    std::vector<LineTag> m_tags;
    std::vector<LineField> m_fields;
    ScratchStrings m_scratch;
};

} // namespace hai
