// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/timeseriessettings.h"
#include "ingestfilter.h"
#include "registrytagcache.h"

#include <QByteArray>
#include <QSet>

#include <array>
#include <memory>

namespace hai {

class HaPointBuilder;
class HomeIqPointBuilder;
struct HaEvent;

// Why an event gave no point. Every event is either written or counted under one of these.
enum class SkipReason : quint8 {
    EventTypeNotStored, // its type is not in --influx-event-types
    Filtered,           // --influx-include/--influx-exclude rejected the entity
    EntityRemoved,      // state_changed with new_state null
    StateNotStored,     // ha schema: unknown, unavailable or "" (HA writes no point for them)
    NoFields,           // nothing writable was left (e.g. the only value was NaN or inf)
    Invalid,            // state_changed without a usable entity id (no "domain.object_id")
};
constexpr int kSkipReasonCount = int(SkipReason::Invalid) + 1;

struct MappingCounters
{
    quint64 written = 0;
    std::array<quint64, kSkipReasonCount> skipped{};

    quint64 skippedFor(SkipReason reason) const { return skipped[size_t(reason)]; }
    quint64 skippedTotal() const;
};

// Turns Home Assistant events into InfluxDB line protocol, one line per stored event, in the
// schema the options pick (HomeIqPointBuilder, HaPointBuilder). Event types other than
// state_changed that --influx-event-types lists go to the event log, the same in both schemas:
//   home_assistant_event_log,domain=light,event_type=call_service,service=turn_on
//     data="{…}",context_id="01J…" <time_fired µs>
// Event-log tags: event_type; entity_id when the data has a string entity_id (and its
// device_id, area_id, integration from the registry); domain = the data's string `domain`,
// else the entity's domain; service = the data's string `service`. Fields: data (the compact
// JSON of the event data) and the context ids. An event with an entity_id goes through the
// include/exclude filter too.
// Replays are idempotent: a line depends only on the event, the options and the registry
// tags, and its timestamp is new_state.last_updated (time_fired for the event log), so the same
// state replayed or backfilled writes the same line. A backfilled state carries no context;
// InfluxDB merges the fields of points with the same series and time, so the point written
// live keeps its context ids. A registry change (an entity moved to another area) between the
// live write and a replay gives the replay a different series.
// Not thread-safe: one mapper per ingest thread. The registry cache may be replaced from
// another thread at any time; the mapper picks up the new map on its next event.
class StateMapper
{
public:
    explicit StateMapper(const MappingOptions &options, const RegistryTagCache *registry = nullptr);
    ~StateMapper();
    StateMapper(const StateMapper &) = delete;
    StateMapper &operator=(const StateMapper &) = delete;

    // Appends zero or one line to `out`. Returns whether a point was written; when not,
    // `reason` (if given) says why. Either way the counters move.
    bool map(const HaEvent &event, QByteArray *out, SkipReason *reason = nullptr);

    const MappingCounters &counters() const { return m_counters; }
    // Stable names for metrics and logs: "event_type_not_stored", "filtered", ...
    static QString skipReasonName(SkipReason reason);

private:
    bool skip(SkipReason reason, SkipReason *out);
    bool mapEventLog(const HaEvent &event, QByteArray *out, SkipReason *reason);
    const EntityTags *registryTags(const QString &entityId);

    IngestFilter m_filter;
    const RegistryTagCache *m_registry;
    EntityTagMap m_registryTags;
    quint64 m_registryGeneration = 0;
    bool m_storeStates = false;
    QSet<QString> m_eventTypes; // other than state_changed
    QList<QPair<QString, QString>> m_staticTags;
    std::unique_ptr<HomeIqPointBuilder> m_homeIq;
    std::unique_ptr<HaPointBuilder> m_ha;
    MappingCounters m_counters;
};

} // namespace hai
