// SPDX-License-Identifier: GPL-3.0-or-later
#include "registrytagcache.h"

#include "registry/database.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hai {

void RegistryTagCache::replace(EntityTagMap tags)
{
    {
        QMutexLocker lock(&m_mutex);
        m_tags.swap(tags);
    }
    m_generation.fetch_add(1, std::memory_order_acq_rel);
    // The old map is released here, outside the lock.
}

EntityTagMap RegistryTagCache::snapshot() const
{
    QMutexLocker lock(&m_mutex);
    return m_tags;
}

std::optional<EntityTagMap> RegistryTagCache::load(Database &database, QString *error)
{
    // RegistryReader pages through at most 1000 JSON rows per call; this needs every entity
    // as plain strings, in one statement (one snapshot). effective_area_id is kept current
    // by RegistryWriter (the entity's area, else its device's).
    if (!database.isOpen()) {
        if (error)
            *error = u"the registry database is not open"_s;
        return std::nullopt;
    }
    QSqlQuery query(database.connection());
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT e.entity_id, e.device_id, e.effective_area_id, "
                    u"COALESCE(i.domain, e.platform) FROM entities e "
                    u"LEFT JOIN integrations i ON i.entry_id = e.config_entry_id"_s)) {
        if (error)
            *error = query.lastError().text();
        return std::nullopt;
    }
    EntityTagMap tags;
    QSet<QString> shared; // one copy of each repeated id
    const auto intern = [&shared](const QString &text) {
        if (text.isEmpty())
            return QString();
        const auto found = shared.constFind(text);
        if (found != shared.constEnd())
            return *found;
        shared.insert(text);
        return text;
    };
    while (query.next()) {
        EntityTags entry{intern(query.value(1).toString()), intern(query.value(2).toString()),
                         intern(query.value(3).toString())};
        tags.insert(query.value(0).toString(), std::move(entry));
    }
    if (query.lastError().isValid()) {
        if (error)
            *error = query.lastError().text();
        return std::nullopt;
    }
    return tags;
}

} // namespace hai
