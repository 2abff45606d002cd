// SPDX-License-Identifier: GPL-3.0-or-later
#include "hastaterecord.h"

#include "haevent.h"
#include "hatime.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace hai {

HaAttributeValue HaAttributeValue::fromJson(const QJsonValue &value)
{
    HaAttributeValue out;
    switch (value.type()) {
    case QJsonValue::Bool:
        out.kind = Kind::Bool;
        out.boolean = value.toBool();
        break;
    case QJsonValue::Double:
        out.kind = Kind::Number;
        out.number = value.toDouble();
        break;
    case QJsonValue::String:
        out.kind = Kind::String;
        out.text = value.toString();
        break;
    case QJsonValue::Array:
        out.kind = Kind::Composite;
        out.text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
        break;
    case QJsonValue::Object:
        out.kind = Kind::Composite;
        out.text =
            QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        break;
    default:
        break;
    }
    return out;
}

QJsonValue HaAttributeValue::toJson() const
{
    switch (kind) {
    case Kind::Null:
        return QJsonValue::Null;
    case Kind::Bool:
        return boolean;
    case Kind::Number:
        return number;
    case Kind::String:
        return text;
    case Kind::Composite: {
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
        return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    }
    }
    return QJsonValue::Null;
}

bool HaAttributeValue::operator==(const HaAttributeValue &other) const
{
    if (kind != other.kind)
        return false;
    switch (kind) {
    case Kind::Null:
        return true;
    case Kind::Bool:
        return boolean == other.boolean;
    case Kind::Number:
        return number == other.number;
    case Kind::String:
        return text == other.text;
    case Kind::Composite: // key order and spacing may differ between two JSON writers
        return toJson() == other.toJson();
    }
    return false;
}

const HaAttributeValue *HaStateRecord::attribute(QStringView key) const
{
    for (const HaAttribute &attribute : attributes) {
        if (attribute.key == key)
            return &attribute.value;
    }
    return nullptr;
}

QString HaStateRecord::attributeText(QStringView key) const
{
    const HaAttributeValue *value = attribute(key);
    return value && value->kind == HaAttributeValue::Kind::String ? value->text : QString();
}

QJsonObject attributesToJson(const HaAttributes &attributes)
{
    QJsonObject object;
    for (const HaAttribute &attribute : attributes)
        object.insert(attribute.key, attribute.value.toJson());
    return object;
}

QJsonObject HaStateRecord::attributesJson() const
{
    return attributesToJson(attributes);
}

bool HaStateRecord::fromJson(const QJsonObject &object, HaStateRecord *out, QString *why)
{
    const QJsonValue state = object.value(u"state");
    if (!state.isString()) {
        *why = u"state is not a string"_s;
        return false;
    }
    const QJsonValue updated = object.value(u"last_updated");
    if (!updated.isString() || !HaTime::parseIso(updated.toString(), &out->lastUpdatedUs)) {
        *why = u"last_updated is not an ISO time"_s;
        return false;
    }
    const QJsonValue changed = object.value(u"last_changed");
    if (changed.isUndefined())
        out->lastChangedUs = out->lastUpdatedUs;
    else if (!changed.isString() || !HaTime::parseIso(changed.toString(), &out->lastChangedUs)) {
        *why = u"last_changed is not an ISO time"_s;
        return false;
    }
    const QJsonValue attributes = object.value(u"attributes");
    if (!attributes.isObject() && !attributes.isUndefined() && !attributes.isNull()) {
        *why = u"attributes is not an object"_s;
        return false;
    }
    out->valid = true;
    out->state = state.toString();
    out->attributes.clear();
    const QJsonObject attributeObject = attributes.toObject();
    out->attributes.reserve(attributeObject.size());
    for (auto it = attributeObject.constBegin(); it != attributeObject.constEnd(); ++it)
        out->attributes.append({it.key(), HaAttributeValue::fromJson(it.value())});
    return true;
}

bool HaStateRecord::operator==(const HaStateRecord &other) const
{
    if (valid != other.valid || state != other.state || lastChangedUs != other.lastChangedUs ||
        lastUpdatedUs != other.lastUpdatedUs || attributes.size() != other.attributes.size())
        return false;
    // Attribute order is not part of a state's meaning (QJsonObject sorts keys).
    for (const HaAttribute &attribute : attributes) {
        const HaAttributeValue *mine = other.attribute(attribute.key);
        if (!mine || !(*mine == attribute.value))
            return false;
    }
    return true;
}

bool HaEvent::operator==(const HaEvent &other) const
{
    return eventType == other.eventType && entityId == other.entityId &&
           oldState == other.oldState && newState == other.newState && data == other.data &&
           context == other.context && timeFiredUs == other.timeFiredUs &&
           lastUpdatedUs == other.lastUpdatedUs && backfill == other.backfill;
}

} // namespace hai
