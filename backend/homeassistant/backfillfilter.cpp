// SPDX-License-Identifier: GPL-3.0-or-later
#include "backfillfilter.h"

#include <algorithm>

namespace hai {

void BackfillFilter::beginConnection()
{
    for (Entry &entry : m_entities) {
        entry.before = entry.newest;
        entry.firstLive = 0;
        entry.backfilled = 0;
    }
}

void BackfillFilter::noteLive(const QString &entityId, qint64 lastUpdatedUs)
{
    Entry &entry = m_entities[entityId];
    if (entry.firstLive == 0)
        entry.firstLive = lastUpdatedUs;
    entry.newest = std::max(entry.newest, lastUpdatedUs);
}

bool BackfillFilter::acceptBackfill(const QString &entityId, qint64 lastUpdatedUs)
{
    Entry &entry = m_entities[entityId];
    if (lastUpdatedUs <= entry.before)
        return false;
    if (entry.firstLive != 0 && lastUpdatedUs >= entry.firstLive)
        return false;
    if (lastUpdatedUs <= entry.backfilled)
        return false;
    entry.backfilled = lastUpdatedUs;
    entry.newest = std::max(entry.newest, lastUpdatedUs);
    return true;
}

} // namespace hai
