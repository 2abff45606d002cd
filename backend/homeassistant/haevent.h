// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace hai {

// One Home Assistant event as handed to the ingest path. Live events keep the JSON objects of
// the frame they came in (no re-serialisation); backfilled states are rebuilt from history in
// the same shape, with the same microsecond timestamps the live event carried.
struct HaEvent
{
    QString eventType;        // "state_changed", "device_registry_updated", ...
    QString entityId;         // state_changed only
    QJsonObject oldState;     // state_changed: empty when HA sent null (new entity) or unknown
    QJsonObject newState;     // state_changed: empty when the entity was removed
    QJsonObject data;         // every other event type: the event data
    QJsonObject context;      // {id, parent_id, user_id}; empty for backfilled states
    qint64 timeFiredUs = 0;   // µs since the epoch (HA time)
    qint64 lastUpdatedUs = 0; // new_state.last_updated, else time_fired: a point's key
    bool backfill = false;    // recovered from HA's history after a gap

    bool isStateChanged() const { return eventType == u"state_changed"; }
    bool isRemoval() const { return isStateChanged() && newState.isEmpty(); }
};

using HaEventList = QList<HaEvent>;

} // namespace hai

Q_DECLARE_METATYPE(hai::HaEvent)
Q_DECLARE_METATYPE(hai::HaEventList)
