// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/timeseriessettings.h"
#include "lineprotocol.h"
#include "scratchstrings.h"

#include <QByteArray>

#include <vector>

namespace hai {

struct HaAttributeValue;
struct HaEvent;

// The point Home Assistant's own InfluxDB integration writes for a state
// (_generate_event_to_json, docs/home-assistant-protocol.md §7), so its dashboards keep working:
//   °C,domain=sensor,entity_id=t value=21.5,friendly_name_str="T" 1767607200123456
// - no point for the states unknown, unavailable and "";
// - `value` (float) when float(state) works; else `state` and `value` when state_as_number
//   knows the state (on, off, open, ...); else `state` only;
// - measurement: --influx-measurement (HA's override_measurement), else the
//   unit_of_measurement attribute (then not written as a field), else the full entity_id.
//   With the override the unit is written, as unit_of_measurement_str;
// - tags: domain, entity_id = the object id only, the attribute tags (their str() value), then
//   the static tags, which override;
// - attribute fields as HA builds its dict: a key already taken gets "_"; a value float()
//   accepts (numbers, booleans, "1e3") is a float `key`; any other is `key_str` holding str()
//   (Python repr for lists and dicts, None for null), plus float `key` when the text matches
//   RE_DIGIT_TAIL ("12 km" → 12.0); a non-finite float field is dropped. That is
//   --influx-attribute-fields all, the default here; numeric keeps HA's float fields (same
//   names) without the `_str` ones; none writes no attribute fields.
// Timestamp: HA uses time_fired, which equals new_state.last_updated for state_changed; we use
// last_updated, so a backfilled state (which has no time_fired) lands on the same point.
// HA options the ingestor does not have (measurement_attr, default_measurement,
// ignore_attributes, component_config) keep their defaults. Where HA would send a line InfluxDB
// rejects, we differ: a non-finite `value` (state "inf", "nan") is left out, and with it the
// point when it has no other field; LineProtocol writes a key named "time" as "time_".
class HaPointBuilder
{
public:
    enum class Result { Written, StateNotStored, NoFields };

    explicit HaPointBuilder(const MappingOptions &options);

    // The point of `event` (state_changed, valid new state).
    Result append(const HaEvent &event, QByteArray *out);

    // helpers/state.py state_as_number, for a state float() refused.
    static bool stateAsNumber(QStringView state, double *out);

private:
    qsizetype findField(QStringView key) const;
    void setField(const LineField &field); // a dict assignment: replaces in place
    QStringView strOf(const HaAttributeValue &value);

    QString m_measurement;
    QList<QPair<QString, QString>> m_staticTags;
    QStringList m_attributeTags;
    AttributeFields m_attributeFields;
    std::vector<LineTag> m_tags;
    std::vector<LineField> m_fields;
    ScratchStrings m_scratch;
};

} // namespace hai
