// SPDX-License-Identifier: GPL-3.0-or-later
#include "ingestfilter.h"

namespace hai {

namespace {

// Enough for every entity of a very large home; past it the cache starts over.
constexpr qsizetype kMaxCachedDecisions = 1 << 18;

void addPattern(const QString &pattern, QSet<QString> *entities, QSet<QString> *domains,
                QStringList *globs)
{
    const QString trimmed = pattern.trimmed();
    if (trimmed.isEmpty())
        return;
    if (trimmed.contains(u'*') || trimmed.contains(u'?'))
        globs->append(trimmed);
    else if (trimmed.contains(u'.'))
        entities->insert(trimmed);
    else
        domains->insert(trimmed);
}

// One fnmatch set at glob[*i] == '['; advances *i past it. False (and *i unchanged) when the
// set is not closed: the '[' is then a literal, as in fnmatch.translate.
bool matchSet(QStringView glob, qsizetype *i, QChar c, bool *matched)
{
    qsizetype j = *i + 1;
    const bool negated = j < glob.size() && glob[j] == u'!';
    if (negated)
        ++j;
    const qsizetype first = j;
    bool found = false;
    while (j < glob.size() && (glob[j] != u']' || j == first)) {
        if (j + 2 < glob.size() && glob[j + 1] == u'-' && glob[j + 2] != u']') {
            found = found || (c >= glob[j] && c <= glob[j + 2]);
            j += 3;
        } else {
            found = found || c == glob[j];
            ++j;
        }
    }
    if (j >= glob.size())
        return false;
    *i = j + 1;
    *matched = found != negated;
    return true;
}

// fnmatch.fnmatchcase: the whole text, '*' across dots too.
bool globMatch(QStringView glob, QStringView text)
{
    qsizetype g = 0, t = 0;
    qsizetype starGlob = -1, starText = 0;
    while (t < text.size()) {
        if (g < glob.size()) {
            const QChar c = glob[g];
            if (c == u'*') {
                starGlob = ++g;
                starText = t;
                continue;
            }
            qsizetype next = g;
            bool matched = false;
            if (c == u'[' && matchSet(glob, &next, text[t], &matched)) {
                if (matched) {
                    g = next;
                    ++t;
                    continue;
                }
            } else if (c == u'?' || c == text[t]) {
                ++g;
                ++t;
                continue;
            }
        }
        if (starGlob < 0)
            return false;
        g = starGlob;
        t = ++starText;
    }
    while (g < glob.size() && glob[g] == u'*')
        ++g;
    return g == glob.size();
}

QStringView domainOf(const QString &entityId)
{
    const qsizetype dot = entityId.indexOf(u'.');
    return QStringView(entityId).left(dot < 0 ? entityId.size() : dot);
}

} // namespace

bool IngestFilter::Rules::matchesGlob(QStringView entityId) const
{
    for (const QString &glob : globs) {
        if (globMatch(glob, entityId))
            return true;
    }
    return false;
}

IngestFilter::IngestFilter(const QStringList &include, const QStringList &exclude)
{
    for (const QString &pattern : include)
        addPattern(pattern, &m_include.entities, &m_include.domains, &m_include.globs);
    for (const QString &pattern : exclude)
        addPattern(pattern, &m_exclude.entities, &m_exclude.domains, &m_exclude.globs);

    const bool haveInclude = !m_include.isEmpty();
    const bool haveExclude = !m_exclude.isEmpty();
    if (!haveInclude && !haveExclude)
        m_mode = Mode::All;
    else if (!haveExclude)
        m_mode = Mode::IncludeOnly;
    else if (!haveInclude)
        m_mode = Mode::ExcludeOnly;
    else if (!m_include.domains.isEmpty() || !m_include.globs.isEmpty())
        m_mode = Mode::IncludeDomainsOrGlobs;
    else if (!m_exclude.domains.isEmpty() || !m_exclude.globs.isEmpty())
        m_mode = Mode::ExcludeDomainsOrGlobs;
    else
        m_mode = Mode::EntitiesOnly;
}

bool IngestFilter::accepts(const QString &entityId)
{
    if (m_mode == Mode::All)
        return true;
    const auto found = m_cache.constFind(entityId);
    if (found != m_cache.constEnd())
        return *found;
    if (m_cache.size() >= kMaxCachedDecisions)
        m_cache.clear();
    const bool decision = decide(entityId);
    m_cache.insert(entityId, decision);
    return decision;
}

bool IngestFilter::decide(const QString &entityId) const
{
    const QString domain = domainOf(entityId).toString();
    const auto included = [&](const Rules &rules) {
        return rules.entities.contains(entityId) || rules.domains.contains(domain) ||
               rules.matchesGlob(entityId);
    };
    switch (m_mode) {
    case Mode::All:
        return true;
    case Mode::IncludeOnly:
        return included(m_include);
    case Mode::ExcludeOnly:
        return !included(m_exclude);
    case Mode::IncludeDomainsOrGlobs:
        return m_include.entities.contains(entityId) ||
               (!m_exclude.entities.contains(entityId) &&
                (m_include.matchesGlob(entityId) ||
                 (m_include.domains.contains(domain) && !m_exclude.matchesGlob(entityId))));
    case Mode::ExcludeDomainsOrGlobs:
        if (m_exclude.domains.contains(domain) || m_exclude.matchesGlob(entityId))
            return m_include.entities.contains(entityId);
        return !m_exclude.entities.contains(entityId);
    case Mode::EntitiesOnly:
        return m_include.entities.contains(entityId);
    }
    return true;
}

} // namespace hai
