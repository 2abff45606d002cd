// SPDX-License-Identifier: GPL-3.0-or-later
#include "router.h"

using namespace Qt::StringLiterals;

namespace hai {

void Router::add(Route route)
{
    m_segments.append(route.pattern.split(u'/', Qt::SkipEmptyParts));
    m_routes.append(std::move(route));
}

bool Router::matchPattern(const QStringList &pattern, const QStringList &path,
                          QHash<QString, QString> *params)
{
    if (pattern.size() != path.size())
        return false;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QString &segment = pattern.at(i);
        if (segment.startsWith(u'{') && segment.endsWith(u'}')) {
            if (path.at(i).isEmpty())
                return false;
            params->insert(segment.mid(1, segment.size() - 2), path.at(i));
        } else if (segment != path.at(i)) {
            return false;
        }
    }
    return true;
}

Router::Match Router::match(const QByteArray &method, const QString &path) const
{
    Match result;
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < m_routes.size(); ++i) {
        QHash<QString, QString> params;
        if (!matchPattern(m_segments.at(i), parts, &params))
            continue;
        const Route &route = m_routes.at(i);
        if (!result.allowedMethods.contains(QString::fromLatin1(route.method)))
            result.allowedMethods.append(QString::fromLatin1(route.method));
        if (route.method == method && result.kind != MatchKind::Found) {
            result.kind = MatchKind::Found;
            result.route = &route;
            result.params = std::move(params);
        }
    }
    if (result.kind != MatchKind::Found && !result.allowedMethods.isEmpty())
        result.kind = MatchKind::MethodNotAllowed;
    return result;
}

} // namespace hai
