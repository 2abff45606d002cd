// SPDX-License-Identifier: GPL-3.0-or-later
#include "haeventparser.h"

#include "hatime.h"

using namespace Qt::StringLiterals;

namespace hai {

namespace {

// A state object or null; anything else is an error.
bool readState(const QJsonObject &data, QStringView key, HaStateRecord *out, QString *why)
{
    const QJsonValue value = data.value(key);
    *out = HaStateRecord();
    if (value.isNull() || value.isUndefined())
        return true;
    QString reason = u"is neither an object nor null"_s;
    if (value.isObject() && HaStateRecord::fromJson(value.toObject(), out, &reason)) {
        if (key == u"old_state")
            out->attributes.clear(); // nothing reads them (see HaEvent)
        return true;
    }
    *why = u"state_changed: "_s + key + u' ' + reason;
    return false;
}

QString optionalString(const QJsonObject &object, QStringView key)
{
    return object.value(key).toString();
}

} // namespace

HaContext HaEventParser::readContext(const QJsonValue &value)
{
    if (value.isString())
        return HaContext{value.toString(), {}, {}};
    const QJsonObject object = value.toObject();
    return HaContext{optionalString(object, u"id"), optionalString(object, u"parent_id"),
                     optionalString(object, u"user_id")};
}

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
    out->context = readContext(event.value(u"context"));

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
    if (out->newState.valid)
        out->lastUpdatedUs = out->newState.lastUpdatedUs;
    return true;
}

} // namespace hai
