// SPDX-License-Identifier: GPL-3.0-or-later
#include "livestatecache.h"

#include "hatime.h"

using namespace Qt::StringLiterals;

namespace hai {

namespace {

LiveStateCache::Entry entryFrom(const QString &entityId, const HaStateRecord &record)
{
    return LiveStateCache::Entry{entityId, record.state, record.attributes, record.lastChangedUs,
                                 record.lastUpdatedUs};
}

bool entryFrom(const QJsonObject &state, LiveStateCache::Entry *entry)
{
    const QJsonValue entityId = state.value(u"entity_id");
    HaStateRecord record;
    QString why;
    if (!entityId.isString() || entityId.toString().isEmpty() ||
        !HaStateRecord::fromJson(state, &record, &why))
        return false;
    *entry = entryFrom(entityId.toString(), record);
    return true;
}

} // namespace

QJsonObject LiveStateCache::Entry::toJson() const
{
    return QJsonObject{{u"entity_id"_s, entityId},
                       {u"state"_s, state},
                       {u"attributes"_s, attributesToJson(attributes)},
                       {u"last_changed"_s, HaTime::toIso(lastChangedUs)},
                       {u"last_updated"_s, HaTime::toIso(lastUpdatedUs)}};
}

LiveStateCache::ReplaceResult LiveStateCache::replaceAll(const QJsonArray &states)
{
    // Built outside the lock so readers are blocked only for the swap.
    QHash<QString, Entry> entries;
    entries.reserve(states.size());
    ReplaceResult result;
    for (const QJsonValue &value : states) {
        Entry entry;
        if (!value.isObject() || !entryFrom(value.toObject(), &entry)) {
            ++result.skipped;
            continue;
        }
        const QString key = entry.entityId;
        entries.insert(key, std::move(entry));
    }
    result.stored = entries.size();
    QWriteLocker lock(&m_lock);
    m_entries.swap(entries);
    return result;
}

void LiveStateCache::apply(const HaEventList &events)
{
    QWriteLocker lock(&m_lock);
    for (const HaEvent &event : events) {
        if (event.backfill || !event.isStateChanged())
            continue;
        if (!event.newState.valid) {
            m_entries.remove(event.entityId);
            continue;
        }
        Entry entry = entryFrom(event.entityId, event.newState);
        auto it = m_entries.find(event.entityId);
        if (it == m_entries.end())
            m_entries.insert(event.entityId, std::move(entry));
        else if (it->lastUpdatedUs <= entry.lastUpdatedUs)
            *it = std::move(entry);
    }
}

void LiveStateCache::clear()
{
    QWriteLocker lock(&m_lock);
    m_entries.clear();
}

std::optional<LiveStateCache::Entry> LiveStateCache::state(const QString &entityId) const
{
    QReadLocker lock(&m_lock);
    const auto it = m_entries.constFind(entityId);
    if (it == m_entries.constEnd())
        return std::nullopt;
    return *it;
}

QList<LiveStateCache::Entry> LiveStateCache::states(const QStringList &entityIds) const
{
    QReadLocker lock(&m_lock);
    QList<Entry> result;
    if (entityIds.isEmpty()) {
        result.reserve(m_entries.size());
        for (const Entry &entry : m_entries)
            result.append(entry);
        return result;
    }
    for (const QString &id : entityIds) {
        const auto it = m_entries.constFind(id);
        if (it != m_entries.constEnd())
            result.append(*it);
    }
    return result;
}

QStringList LiveStateCache::entityIds() const
{
    QReadLocker lock(&m_lock);
    return m_entries.keys();
}

qsizetype LiveStateCache::size() const
{
    QReadLocker lock(&m_lock);
    return m_entries.size();
}

} // namespace hai
