// SPDX-License-Identifier: GPL-3.0-or-later
#include "historyconverter.h"

#include "hastats.h"
#include "hatime.h"

using namespace Qt::StringLiterals;

namespace hai {

namespace {

// A compressed context: a bare id string, or an object with some of id/parent_id/user_id.
QJsonObject contextFrom(const QJsonValue &value)
{
    if (value.isString())
        return QJsonObject{{u"id"_s, value.toString()},
                           {u"parent_id"_s, QJsonValue::Null},
                           {u"user_id"_s, QJsonValue::Null}};
    return value.toObject();
}

} // namespace

qsizetype HistoryConverter::convertEntity(const QString &entityId, const QJsonArray &rows,
                                          HaEventList *out, HaStats *stats)
{
    qsizetype added = 0;
    QJsonObject previous;
    QJsonObject attributes;
    for (const QJsonValue &rowValue : rows) {
        const QJsonObject row = rowValue.toObject();
        const QJsonValue state = row.value(u"s");
        const QJsonValue updated = row.value(u"lu");
        const QJsonValue changed = row.value(u"lc");
        if (!rowValue.isObject() || !state.isString() || !updated.isDouble() ||
            !(changed.isUndefined() || changed.isDouble())) {
            if (stats)
                stats->countBadInput(HaBadInput::BadHistory,
                                     u"a history row of "_s + entityId +
                                         u" lacks a string s or a numeric lu"_s);
            continue;
        }
        // With minimal_response HA leaves out the attributes of later rows: keep the last ones.
        const QJsonValue attributeValue = row.value(u"a");
        if (attributeValue.isObject())
            attributes = attributeValue.toObject();

        const std::optional<qint64> updatedUs = HaTime::fromEpochSeconds(updated.toDouble());
        const std::optional<qint64> changedUs =
            changed.isDouble() ? HaTime::fromEpochSeconds(changed.toDouble()) : updatedUs;
        if (!updatedUs || !changedUs) {
            if (stats)
                stats->countBadInput(HaBadInput::BadHistory, u"a history row of "_s + entityId +
                                                                 u" has an impossible time"_s);
            continue;
        }
        const qint64 lastUpdated = *updatedUs;
        const qint64 lastChanged = *changedUs;
        const QString updatedIso = HaTime::toIso(lastUpdated);
        HaEvent event;
        event.eventType = u"state_changed"_s;
        event.entityId = entityId;
        event.timeFiredUs = lastUpdated;
        event.lastUpdatedUs = lastUpdated;
        event.backfill = true;
        event.context = contextFrom(row.value(u"c"));
        event.newState = QJsonObject{
            {u"entity_id"_s, entityId},
            {u"state"_s, state.toString()},
            {u"attributes"_s, attributes},
            {u"last_changed"_s,
             lastChanged == lastUpdated ? updatedIso : HaTime::toIso(lastChanged)},
            {u"last_updated"_s, updatedIso},
        };
        if (!event.context.isEmpty())
            event.newState.insert(u"context"_s, event.context);
        event.oldState = previous;
        previous = event.newState;
        out->append(std::move(event));
        ++added;
    }
    return added;
}

qsizetype HistoryConverter::convertResult(const QJsonObject &result, HaEventList *out,
                                          HaStats *stats)
{
    qsizetype added = 0;
    for (auto it = result.constBegin(); it != result.constEnd(); ++it) {
        if (!it.value().isArray()) {
            if (stats)
                stats->countBadInput(HaBadInput::BadHistory,
                                     u"the history of "_s + it.key() + u" is not an array"_s);
            continue;
        }
        added += convertEntity(it.key(), it.value().toArray(), out, stats);
    }
    return added;
}

} // namespace hai
