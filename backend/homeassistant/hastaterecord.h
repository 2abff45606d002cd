// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace hai {

// One attribute value as HA sent it. Lists and dicts keep their compact JSON text: only the
// ha schema looks inside them (as Python's str() would print them), so they are not rebuilt
// as objects for every event.
struct HaAttributeValue
{
    enum class Kind : quint8 { Null, Bool, Number, String, Composite };

    Kind kind = Kind::Null;
    bool boolean = false;
    double number = 0;
    QString text; // String: the value; Composite: compact JSON

    static HaAttributeValue fromJson(const QJsonValue &value);
    QJsonValue toJson() const;
    bool operator==(const HaAttributeValue &other) const;
};

struct HaAttribute
{
    QString key;
    HaAttributeValue value;

    bool operator==(const HaAttribute &other) const
    {
        return key == other.key && value == other.value;
    }
};

using HaAttributes = QList<HaAttribute>; // in the order HA sent them

QJsonObject attributesToJson(const HaAttributes &attributes);

// A state object (new_state, old_state, a get_states item or a history row) in the compact
// form the ingest path reads. `valid` is false for HA's null (a new or removed entity).
struct HaStateRecord
{
    bool valid = false;
    QString state;
    HaAttributes attributes;
    qint64 lastChangedUs = 0;
    qint64 lastUpdatedUs = 0;

    const HaAttributeValue *attribute(QStringView key) const;
    QString attributeText(QStringView key) const; // a string attribute, else empty
    QJsonObject attributesJson() const;

    // Reads a state object; false with `why` set when `state` or the times are unusable.
    static bool fromJson(const QJsonObject &object, HaStateRecord *out, QString *why);
    bool operator==(const HaStateRecord &other) const;
};

// An event's context. Backfilled states have none.
struct HaContext
{
    QString id;
    QString parentId;
    QString userId;

    bool operator==(const HaContext &other) const
    {
        return id == other.id && parentId == other.parentId && userId == other.userId;
    }
};

} // namespace hai
