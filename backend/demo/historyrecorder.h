// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "homestate.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <deque>
#include <limits>

namespace hai {

// The recorder of the simulated HA: every state the demo wrote, per entity, in memory, to
// answer history/history_during_period in HA's compressed form. Like HA's recorder it only
// returns rows it has "committed" (setCommittedUntil), and it forgets the oldest rows beyond
// a row limit (HA purges); the last forgotten row of an entity still answers as the state at
// a start time after it.
class HistoryRecorder
{
public:
    explicit HistoryRecorder(int rowLimit = 1000000);

    void reserve(int entities) { m_entities.reserve(entities); }
    void record(const EntityState &state);
    // Recorder migrates history on an entity_id rename.
    void renameEntity(const QByteArray &oldEntityId, const QByteArray &newEntityId);
    // Rows newer than t are not visible yet (HA's commit_interval).
    void setCommittedUntil(qint64 t) { m_committedUntil = t; }
    qint64 committedUntil() const { return m_committedUntil; }
    qint64 rowCount() const { return m_rowCount; }

    struct Query
    {
        QList<QByteArray> entityIds;
        qint64 start = 0;
        qint64 end = std::numeric_limits<qint64>::max();
        bool includeStartTimeState = true;
        bool significantChangesOnly = true;
        bool minimalResponse = false;
        bool noAttributes = false;
        // history/stream runs a catch-up query for rows committed while it set up; reading
        // the uncommitted rows too gives the same result at once.
        bool includeUncommitted = false;
    };
    // {"sensor.a":[{"s":..,"a":{..},"lu":..[,"lc":..]},...],...}: entities without rows are
    // left out, the order follows entityIds.
    QByteArray query(const Query &query) const;

private:
    struct Row
    {
        qint64 lastUpdated;
        qint64 lastChanged;
        QByteArray state;
        AttributesPtr attributes;
    };
    struct EntityHistory
    {
        QList<Row> rows; // rows before `head` are forgotten
        qsizetype head = 0;
        bool hasForgotten = false;
        Row forgotten{0, 0, {}, {}}; // the newest row that was dropped
    };

    void appendRows(QByteArray &out, const QByteArray &entityId, const EntityHistory &history,
                    const Query &query) const;

    int m_rowLimit;
    qint64 m_rowCount = 0;
    qint64 m_committedUntil = std::numeric_limits<qint64>::max();
    QHash<QByteArray, EntityHistory> m_entities;
    std::deque<QByteArray> m_order; // entity of each row, oldest first, for forgetting
};

} // namespace hai
