// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

namespace hai {

// Decides which states from history are new, so that a backfill never hands on a state twice
// within this process. Per entity it remembers the newest state handed on before the current
// connection, the newest backfilled one, and the first one received live on this connection:
// a history state is new only if it is newer than the first two and older than the third
// (everything from the first live event on arrives live, because the subscription is made
// before history is read and HA keeps the order of one connection's messages).
// After a restart there is no memory: the checkpoint margin may then repeat a few states,
// which is harmless because points are keyed by entity and last_updated.
class BackfillFilter
{
public:
    // A new connection: what was handed on so far becomes "before".
    void beginConnection();
    // A state_changed handed on live (call in arrival order).
    void noteLive(const QString &entityId, qint64 lastUpdatedUs);
    // True (and remembered) when the history state should be handed on.
    bool acceptBackfill(const QString &entityId, qint64 lastUpdatedUs);
    void clear() { m_entities.clear(); }
    qsizetype size() const { return m_entities.size(); }

private:
    struct Entry
    {
        qint64 before = 0;     // newest handed on before this connection
        qint64 firstLive = 0;  // first live state on this connection (0: none yet)
        qint64 backfilled = 0; // newest backfilled on this connection
        qint64 newest = 0;     // newest handed on by any path
    };
    QHash<QString, Entry> m_entities;
};

} // namespace hai
