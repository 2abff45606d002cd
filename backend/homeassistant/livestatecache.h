// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "haevent.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QReadWriteLock>
#include <QStringList>

#include <optional>

namespace hai {

// The current state of every entity, in memory only (never SQLite): filled from get_states on
// each connection and kept current by state_changed events. Written by the "ha" thread, read
// by the REST API and the GUI from theirs, hence the read-write lock. Removed entities
// (new_state null) are dropped.
class LiveStateCache
{
public:
    struct Entry
    {
        QString entityId;
        QString state;
        HaAttributes attributes;
        qint64 lastChangedUs = 0;
        qint64 lastUpdatedUs = 0;

        QJsonObject toJson() const; // HA's shape: entity_id, state, attributes, last_* (ISO)
    };

    // Replaces everything with a get_states result; items that are not valid states are
    // skipped and counted in the return value's second member.
    struct ReplaceResult
    {
        qsizetype stored = 0;
        qsizetype skipped = 0;
    };
    ReplaceResult replaceAll(const QJsonArray &states);
    // Applies the live state_changed events of a batch (backfilled ones are older than what
    // get_states gave, and are ignored). One lock per batch.
    void apply(const HaEventList &events);
    void clear();

    std::optional<Entry> state(const QString &entityId) const;
    QList<Entry> states(const QStringList &entityIds = {}) const; // all when empty
    QStringList entityIds() const;
    qsizetype size() const;

private:
    mutable QReadWriteLock m_lock;
    QHash<QString, Entry> m_entries;
};

} // namespace hai
