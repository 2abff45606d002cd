// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "haevent.h"

#include <QJsonArray>
#include <QJsonObject>

namespace hai {

class HaStats;

// Turns history/history_during_period results (compressed states: s, a, lu, lc?, c?) back
// into state_changed events shaped like live ones, marked backfill. Float seconds are rounded
// to the microsecond so that a state from history gets the same key as the same state seen
// live; the state objects carry the same ISO strings HA would have sent.
class HistoryConverter
{
public:
    // One entity's rows, oldest first. The first row's old_state is unknown (empty). Bad rows
    // are counted in `stats` and skipped. Returns the number of events appended.
    static qsizetype convertEntity(const QString &entityId, const QJsonArray &rows,
                                   HaEventList *out, HaStats *stats);
    // A whole result ({entity_id: [rows]}).
    static qsizetype convertResult(const QJsonObject &result, HaEventList *out, HaStats *stats);
};

} // namespace hai
