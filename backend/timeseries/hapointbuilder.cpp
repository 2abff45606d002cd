// SPDX-License-Identifier: GPL-3.0-or-later
#include "hapointbuilder.h"

#include "homeassistant/haevent.h"
#include "pythontext.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

constexpr QStringView kUnit = u"unit_of_measurement";

// float(value) for an attribute: numbers and booleans, and strings Python accepts.
bool pythonFloat(const HaAttributeValue &value, double *out)
{
    switch (value.kind) {
    case HaAttributeValue::Kind::Number:
        *out = value.number;
        return true;
    case HaAttributeValue::Kind::Bool:
        *out = value.boolean ? 1.0 : 0.0;
        return true;
    case HaAttributeValue::Kind::String:
        return PythonText::toFloat(value.text, out);
    case HaAttributeValue::Kind::Null:
    case HaAttributeValue::Kind::Composite:
        break;
    }
    return false;
}

} // namespace

HaPointBuilder::HaPointBuilder(const MappingOptions &options)
    : m_measurement(options.measurement)
    , m_staticTags(options.staticTags)
    , m_attributeTags(options.attributeTags)
    , m_attributeFields(options.effectiveAttributeFields())
{
    m_tags.reserve(16);
    m_fields.reserve(32);
}

bool HaPointBuilder::stateAsNumber(QStringView state, double *out)
{
    if (state == u"on" || state == u"locked" || state == u"above_horizon" || state == u"open" ||
        state == u"home") {
        *out = 1;
        return true;
    }
    if (state == u"off" || state == u"unlocked" || state == u"unknown" ||
        state == u"below_horizon" || state == u"closed" || state == u"not_home") {
        *out = 0;
        return true;
    }
    return false;
}

qsizetype HaPointBuilder::findField(QStringView key) const
{
    for (size_t i = 0; i < m_fields.size(); ++i) {
        if (m_fields[i].key == key)
            return qsizetype(i);
    }
    return -1;
}

void HaPointBuilder::setField(const LineField &field)
{
    const qsizetype at = findField(field.key);
    if (at >= 0)
        m_fields[size_t(at)] = field;
    else
        m_fields.push_back(field);
}

QStringView HaPointBuilder::strOf(const HaAttributeValue &value)
{
    switch (value.kind) {
    case HaAttributeValue::Kind::String:
        return value.text;
    case HaAttributeValue::Kind::Null:
        return u"None";
    case HaAttributeValue::Kind::Bool:
        return value.boolean ? u"True" : u"False";
    case HaAttributeValue::Kind::Number:
    case HaAttributeValue::Kind::Composite:
        break;
    }
    QString &text = m_scratch.next();
    PythonText::appendStr(&text, value);
    return text;
}

HaPointBuilder::Result HaPointBuilder::append(const HaEvent &event, QByteArray *out)
{
    const HaStateRecord &state = event.newState;
    if (state.state.isEmpty() || state.state == u"unknown" || state.state == u"unavailable")
        return Result::StateNotStored;
    m_tags.clear();
    m_fields.clear();
    m_scratch.reset();

    double value = 0;
    bool includeState = false;
    bool includeValue = false;
    if (PythonText::toFloat(state.state, &value))
        includeValue = true;
    else if (stateAsNumber(state.state, &value))
        includeState = includeValue = true;
    else
        includeState = true;
    if (includeState)
        m_fields.push_back(LineField::string(u"state", state.state));
    if (includeValue)
        m_fields.push_back(LineField::real(u"value", value));

    QStringView measurement = m_measurement;
    bool includeUnit = true;
    if (measurement.isEmpty()) {
        for (const HaAttribute &attribute : state.attributes) {
            if (attribute.key != kUnit || attribute.value.kind == HaAttributeValue::Kind::Null)
                continue;
            measurement = strOf(attribute.value);
            includeUnit = measurement.isEmpty();
            break;
        }
        if (measurement.isEmpty())
            measurement = event.entityId;
    }

    const QStringView entityId = event.entityId;
    const qsizetype dot = entityId.indexOf(u'.');
    m_tags.push_back({u"domain", entityId.left(dot)});
    m_tags.push_back({u"entity_id", entityId.mid(dot + 1)});

    const size_t attributesStart = m_fields.size(); // state and value are never replaced
    for (const HaAttribute &attribute : state.attributes) {
        QStringView key = attribute.key;
        if (!m_attributeTags.isEmpty() && m_attributeTags.contains(key)) {
            if (attribute.value.kind != HaAttributeValue::Kind::Null)
                m_tags.push_back({key, strOf(attribute.value)});
            continue;
        }
        if ((!includeUnit && key == kUnit) || m_attributeFields == AttributeFields::None)
            continue;
        if (findField(key) >= 0)
            key = m_scratch.join(key, u"_");
        double number = 0;
        if (pythonFloat(attribute.value, &number)) {
            setField(LineField::real(key, number));
        } else {
            const QStringView text = strOf(attribute.value);
            setField(LineField::string(m_scratch.join(key, u"_str"), text));
            if (PythonText::hasDigitTail(text))
                setField(LineField::real(key, PythonText::digitTailValue(text)));
        }
        const qsizetype at = findField(key);
        if (at >= 0 && m_fields[size_t(at)].type == LineField::Type::Float &&
            !std::isfinite(m_fields[size_t(at)].number))
            m_fields.erase(m_fields.begin() + at);
    }
    if (m_attributeFields == AttributeFields::Numeric) {
        // HA's keys, without its text fields.
        const auto text = [](const LineField &f) { return f.type == LineField::Type::String; };
        m_fields.erase(
            std::remove_if(m_fields.begin() + qsizetype(attributesStart), m_fields.end(), text),
            m_fields.end());
    }
    for (const auto &[key, tagValue] : std::as_const(m_staticTags))
        m_tags.push_back({key, tagValue});

    return LineProtocol::appendPoint(out, measurement, m_tags.data(), qsizetype(m_tags.size()),
                                     m_fields.data(), qsizetype(m_fields.size()),
                                     event.lastUpdatedUs)
               ? Result::Written
               : Result::NoFields;
}

} // namespace hai
