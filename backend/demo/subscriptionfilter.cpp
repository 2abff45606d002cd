// SPDX-License-Identifier: GPL-3.0-or-later
#include "subscriptionfilter.h"

#include "commandschema.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

QSet<QByteArray> stringSet(const QJsonValue &value)
{
    QSet<QByteArray> set;
    if (value.isString())
        set.insert(value.toString().toUtf8());
    for (const QJsonValue &item : value.toArray())
        set.insert(item.toString().toUtf8());
    return set;
}

// fnmatch-style glob (* and ?) to an anchored regular expression.
QString globToRegex(const QString &glob)
{
    QString out;
    for (const QChar c : glob) {
        if (c == u'*')
            out += u".*"_s;
        else if (c == u'?')
            out += u'.';
        else
            out += QRegularExpression::escape(QString(c));
    }
    return out;
}

} // namespace

bool SubscriptionFilter::Set::globMatch(QByteArrayView entityId) const
{
    return hasGlobs && globs.match(QString::fromUtf8(entityId)).hasMatch();
}

SubscriptionFilter::Set SubscriptionFilter::parseSet(const QJsonObject &object)
{
    Set set;
    set.domains = stringSet(object.value(u"domains"_s));
    set.entities = stringSet(object.value(u"entities"_s));
    QStringList patterns;
    for (const QByteArray &glob : stringSet(object.value(u"entity_globs"_s)))
        patterns.append(globToRegex(QString::fromUtf8(glob)));
    if (!patterns.isEmpty()) {
        patterns.sort();
        set.hasGlobs = true;
        set.globs = QRegularExpression(u"^(?:"_s + patterns.join(u'|') + u")$"_s);
    }
    return set;
}

SubscriptionFilter SubscriptionFilter::fromCommand(const QJsonObject &message)
{
    SubscriptionFilter filter;
    if (message.contains(u"entity_ids"_s)) {
        filter.m_hasIds = true;
        for (const QString &id : CommandSchema::entityIds(message.value(u"entity_ids"_s)))
            filter.m_ids.insert(id.toUtf8());
    }
    if (message.contains(u"include"_s) || message.contains(u"exclude"_s)) {
        filter.m_hasFilter = true;
        filter.m_include = parseSet(message.value(u"include"_s).toObject());
        filter.m_exclude = parseSet(message.value(u"exclude"_s).toObject());
    }
    return filter;
}

bool SubscriptionFilter::matches(QByteArrayView entityId) const
{
    if (m_hasIds && !m_ids.contains(entityId.toByteArray()))
        return false;
    return !m_hasFilter || filterMatches(entityId);
}

bool SubscriptionFilter::filterMatches(QByteArrayView entityId) const
{
    // helpers/entityfilter.py::_generate_filter_from_sets_and_pattern_lists.
    const QByteArray id = entityId.toByteArray();
    const QByteArray domain = id.left(id.indexOf('.'));
    const Set &in = m_include;
    const Set &ex = m_exclude;
    const bool haveInclude = !in.domains.isEmpty() || !in.entities.isEmpty() || in.hasGlobs;
    const bool haveExclude = !ex.domains.isEmpty() || !ex.entities.isEmpty() || ex.hasGlobs;
    if (!haveInclude && !haveExclude)
        return true;
    if (haveInclude && !haveExclude)
        return in.entities.contains(id) || in.domains.contains(domain) || in.globMatch(id);
    if (!haveInclude && haveExclude)
        return !(ex.entities.contains(id) || ex.domains.contains(domain) || ex.globMatch(id));
    if (!in.domains.isEmpty() || in.hasGlobs) {
        return in.entities.contains(id) ||
               (!ex.entities.contains(id) &&
                (in.globMatch(id) || (in.domains.contains(domain) && !ex.globMatch(id))));
    }
    if (!ex.domains.isEmpty() || ex.hasGlobs) {
        if (ex.domains.contains(domain) || ex.globMatch(id))
            return in.entities.contains(id);
        return !ex.entities.contains(id);
    }
    return in.entities.contains(id);
}

} // namespace hai
