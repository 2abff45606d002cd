// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QRegularExpression>
#include <QSet>

namespace hai {

// Which entities a subscribe_entities subscription wants: an optional entity_ids list and
// optional include/exclude filters ({domains, entities, entity_globs}) with the rules of
// HA's convert_include_exclude_filter.
class SubscriptionFilter
{
public:
    SubscriptionFilter() = default;
    // message: the subscribe_entities command (already validated).
    static SubscriptionFilter fromCommand(const QJsonObject &message);

    bool matches(QByteArrayView entityId) const;
    bool isEmpty() const { return !m_hasIds && !m_hasFilter; }

private:
    struct Set
    {
        QSet<QByteArray> domains;
        QSet<QByteArray> entities;
        QRegularExpression globs; // empty pattern: no globs
        bool hasGlobs = false;
        bool globMatch(QByteArrayView entityId) const;
    };
    static Set parseSet(const QJsonObject &object);
    bool filterMatches(QByteArrayView entityId) const;

    bool m_hasIds = false;
    QSet<QByteArray> m_ids;
    bool m_hasFilter = false;
    Set m_include;
    Set m_exclude;
};

} // namespace hai
