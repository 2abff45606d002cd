// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "hastaterecord.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace hai {

// One Home Assistant event as handed to the ingest path. state_changed events (the hot path)
// carry compact state records, read straight from the frame by HaFastEventParser; other event
// types keep their data object. Backfilled states are rebuilt from history in the same shape,
// with the same microsecond timestamps the live event carried.
struct HaEvent
{
    QString eventType;        // "state_changed", "automation_triggered", ...
    QString entityId;         // state_changed only
    HaStateRecord oldState;   // state_changed: invalid when HA sent null (new entity); its
                              // attributes are not kept, nothing downstream reads them
    HaStateRecord newState;   // state_changed: invalid when the entity was removed
    QJsonObject data;         // every other event type: the event data
    HaContext context;        // empty for backfilled states
    qint64 timeFiredUs = 0;   // µs since the epoch (HA time)
    qint64 lastUpdatedUs = 0; // new_state.last_updated, else time_fired: a point's key
    bool backfill = false;    // recovered from HA's history after a gap

    bool isStateChanged() const { return eventType == u"state_changed"; }
    bool isRemoval() const { return isStateChanged() && !newState.valid; }
    bool operator==(const HaEvent &other) const;
};

using HaEventList = QList<HaEvent>;

} // namespace hai

Q_DECLARE_METATYPE(hai::HaEvent)
Q_DECLARE_METATYPE(hai::HaEventList)
