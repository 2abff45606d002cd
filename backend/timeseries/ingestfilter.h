// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace hai {

// Which entities are stored: Home Assistant's include/exclude filter
// (helpers/entityfilter.py, convert_include_exclude_filter) over --influx-include and
// --influx-exclude. A pattern is a glob when it has * or ? (fnmatch: *, ?, [set], [!set];
// case-sensitive, whole id), an entity id when it has a dot, else a domain. As in HA:
// - no rules: everything is in;
// - only includes: what they match is in, the rest is out;
// - only excludes: what they match is out, the rest is in;
// - both, with include domains or globs: an included entity id is in; else an excluded entity
//   id is out; else an include glob match is in; else an include domain match is in unless an
//   exclude glob matches (exclude domains are not consulted in this case, as in HA);
// - both, with only exclude domains or globs: a match is out unless the entity id is
//   included; else an excluded entity id is out; else in;
// - both, with entity ids only: only the included entity ids are in.
// Decisions are cached per entity id: ids repeat with every event.
class IngestFilter
{
public:
    IngestFilter(const QStringList &include, const QStringList &exclude);

    bool accepts(const QString &entityId);
    bool acceptsEverything() const { return m_mode == Mode::All; }

private:
    struct Rules
    {
        QSet<QString> entities;
        QSet<QString> domains;
        QStringList globs;
        bool isEmpty() const { return entities.isEmpty() && domains.isEmpty() && globs.isEmpty(); }
        bool matchesGlob(QStringView entityId) const;
    };
    enum class Mode {
        All,
        IncludeOnly,
        ExcludeOnly,
        IncludeDomainsOrGlobs,
        ExcludeDomainsOrGlobs,
        EntitiesOnly
    };

    bool decide(const QString &entityId) const;

    Rules m_include;
    Rules m_exclude;
    Mode m_mode = Mode::All;
    QHash<QString, bool> m_cache;
};

} // namespace hai
