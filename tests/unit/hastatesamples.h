// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "homeassistant/hastaterecord.h"

#include <QString>

// Hand-made attributes and state records for mapping tests: no JSON parser involved.
namespace hai::test {

inline HaAttribute num(const QString &key, double value)
{
    HaAttribute a{key, {}};
    a.value.kind = HaAttributeValue::Kind::Number;
    a.value.number = value;
    return a;
}

inline HaAttribute str(const QString &key, const QString &value)
{
    HaAttribute a{key, {}};
    a.value.kind = HaAttributeValue::Kind::String;
    a.value.text = value;
    return a;
}

inline HaAttribute boolean(const QString &key, bool value)
{
    HaAttribute a{key, {}};
    a.value.kind = HaAttributeValue::Kind::Bool;
    a.value.boolean = value;
    return a;
}

inline HaAttribute null(const QString &key)
{
    return HaAttribute{key, {}};
}

// A list or dict attribute, as compact JSON text.
inline HaAttribute json(const QString &key, const QString &compact)
{
    HaAttribute a{key, {}};
    a.value.kind = HaAttributeValue::Kind::Composite;
    a.value.text = compact;
    return a;
}

inline HaStateRecord stateRecord(const QString &state, const HaAttributes &attributes,
                                 qint64 lastChangedUs, qint64 lastUpdatedUs)
{
    HaStateRecord r;
    r.valid = true;
    r.state = state;
    r.attributes = attributes;
    r.lastChangedUs = lastChangedUs;
    r.lastUpdatedUs = lastUpdatedUs;
    return r;
}

} // namespace hai::test
