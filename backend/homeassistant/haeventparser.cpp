// SPDX-License-Identifier: GPL-3.0-or-later
#include "haeventparser.h"

#include "hatime.h"

using namespace Qt::StringLiterals;

namespace hai {

namespace {

// A state object or null; anything else is an error.
bool readState(const QJsonObject &data, QStringView key, QJsonObject *out, QString *why)
{
    const QJsonValue value = data.value(key);
    if (value.isNull() || value.isUndefined()) {
        *out = QJsonObject();
        return true;
    }
    if (!value.isObject()) {
        *why = u"state_changed: "_s + key + u" is neither an object nor null"_s;
        return false;
    }
    *out = value.toObject();
    if (!out->value(u"state").isString()) {
        *why = u"state_changed: "_s + key + u".state is not a string"_s;
        return false;
    }
    return true;
}

} // namespace

bool HaEventParser::parse(const QJsonObject &event, HaEvent *out, QString *why)
{
    const QJsonValue type = event.value(u"event_type");
    if (!type.isString()) {
        *why = u"an event without a string event_type"_s;
        return false;
    }
    out->eventType = type.toString();
    const QJsonValue data = event.value(u"data");
    if (!data.isObject() && !(data.isUndefined() || data.isNull())) {
        *why = out->eventType + u": data is not an object"_s;
        return false;
    }
    const QJsonObject dataObject = data.toObject();
    out->context = event.value(u"context").toObject();

    const QJsonValue fired = event.value(u"time_fired");
    if (!fired.isString() || !HaTime::parseIso(fired.toString(), &out->timeFiredUs)) {
        *why = out->eventType + u": time_fired is not an ISO time"_s;
        return false;
    }
    out->lastUpdatedUs = out->timeFiredUs;

    if (out->eventType != u"state_changed") {
        out->data = dataObject;
        return true;
    }
    const QJsonValue entityId = dataObject.value(u"entity_id");
    if (!entityId.isString() || entityId.toString().isEmpty()) {
        *why = u"state_changed without a string entity_id"_s;
        return false;
    }
    out->entityId = entityId.toString();
    if (!readState(dataObject, u"new_state", &out->newState, why) ||
        !readState(dataObject, u"old_state", &out->oldState, why))
        return false;
    if (!out->newState.isEmpty()) {
        const QJsonValue updated = out->newState.value(u"last_updated");
        if (!updated.isString() || !HaTime::parseIso(updated.toString(), &out->lastUpdatedUs)) {
            *why = u"state_changed: new_state.last_updated is not an ISO time"_s;
            return false;
        }
    }
    return true;
}

} // namespace hai
