// SPDX-License-Identifier: GPL-3.0-or-later
#include "historyconverter.h"

#include "haeventparser.h"
#include "hastats.h"
#include "hatime.h"

using namespace Qt::StringLiterals;

namespace hai {

namespace {

HaAttributes attributesFrom(const QJsonObject &object)
{
    HaAttributes attributes;
    attributes.reserve(object.size());
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        attributes.append({it.key(), HaAttributeValue::fromJson(it.value())});
    return attributes;
}

} // namespace

qsizetype HistoryConverter::convertEntity(const QString &entityId, const QJsonArray &rows,
                                          HaEventList *out, HaStats *stats)
{
    qsizetype added = 0;
    HaStateRecord previous;
    HaAttributes attributes;
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
            attributes = attributesFrom(attributeValue.toObject());

        const std::optional<qint64> updatedUs = HaTime::fromEpochSeconds(updated.toDouble());
        const std::optional<qint64> changedUs =
            changed.isDouble() ? HaTime::fromEpochSeconds(changed.toDouble()) : updatedUs;
        if (!updatedUs || !changedUs) {
            if (stats)
                stats->countBadInput(HaBadInput::BadHistory, u"a history row of "_s + entityId +
                                                                 u" has an impossible time"_s);
            continue;
        }
        HaEvent event;
        event.eventType = u"state_changed"_s;
        event.entityId = entityId;
        event.timeFiredUs = *updatedUs;
        event.lastUpdatedUs = *updatedUs;
        event.backfill = true;
        event.context = HaEventParser::readContext(row.value(u"c"));
        event.newState.valid = true;
        event.newState.state = state.toString();
        event.newState.attributes = attributes;
        event.newState.lastChangedUs = *changedUs;
        event.newState.lastUpdatedUs = *updatedUs;
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
