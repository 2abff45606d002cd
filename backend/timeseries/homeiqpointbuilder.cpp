// SPDX-License-Identifier: GPL-3.0-or-later
#include "homeiqpointbuilder.h"

#include "homeassistant/haevent.h"
#include "pythontext.h"
#include "registrytagcache.h"

#include <charconv>
#include <cmath>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

constexpr QStringView kStateValue = u"state_value";
constexpr QStringView kNormalizedValue = u"normalized_value";
constexpr QStringView kPreviousState = u"previous_state";
constexpr QStringView kDuration = u"duration_in_state_seconds";
constexpr QStringView kContextId = u"context_id";
constexpr QStringView kContextUserId = u"context_user_id";
constexpr QStringView kContextParentId = u"context_parent_id";
constexpr QStringView kDeviceClass = u"device_class";
constexpr QStringView kUnit = u"unit_of_measurement";

// Keys an attribute's float field must not take.
bool isReservedKey(QStringView key)
{
    return key == kStateValue || key == kNormalizedValue || key == kPreviousState ||
           key == kDuration || key == kContextId || key == kContextUserId ||
           key == kContextParentId;
}

} // namespace

HomeIqPointBuilder::HomeIqPointBuilder(const MappingOptions &options)
    : m_measurement(options.measurement.isEmpty() ? u"home_assistant_events"_s
                                                  : options.measurement)
    , m_staticTags(options.staticTags)
    , m_attributeTags(options.attributeTags)
    , m_attributeFields(options.effectiveAttributeFields())
{
    m_tags.reserve(16);
    m_fields.reserve(32);
}

bool HomeIqPointBuilder::normalizedValue(QStringView state, double *out)
{
    if (PythonText::toFloat(state, out))
        return std::isfinite(*out);
    if (state == u"on" || state == u"open" || state == u"home" || state == u"locked" ||
        state == u"above_horizon") {
        *out = 1;
        return true;
    }
    if (state == u"off" || state == u"closed" || state == u"not_home" || state == u"unlocked" ||
        state == u"below_horizon") {
        *out = 0;
        return true;
    }
    return false;
}

QStringView HomeIqPointBuilder::tagText(const HaAttributeValue &value)
{
    switch (value.kind) {
    case HaAttributeValue::Kind::Null:
        return {};
    case HaAttributeValue::Kind::Bool:
        return value.boolean ? u"true" : u"false";
    case HaAttributeValue::Kind::Number: {
        char buffer[32];
        const auto result = std::to_chars(buffer, buffer + sizeof buffer, value.number);
        QString &text = m_scratch.next();
        text.append(QLatin1StringView(buffer, result.ptr - buffer));
        return text;
    }
    case HaAttributeValue::Kind::String:
    case HaAttributeValue::Kind::Composite:
        return value.text;
    }
    return {};
}

bool HomeIqPointBuilder::hasField(QStringView key) const
{
    for (const LineField &field : m_fields) {
        if (field.key == key)
            return true;
    }
    return false;
}

void HomeIqPointBuilder::addAttributeField(QStringView key, const HaAttributeValue &value)
{
    using Kind = HaAttributeValue::Kind;
    if (value.kind == Kind::Number || value.kind == Kind::Bool) {
        QStringView name = key;
        if (key.endsWith(u"_str"))
            name = m_scratch.join(key, u"_num");
        else if (isReservedKey(key))
            name = m_scratch.join(key, u"_");
        // Only a renamed key, or one shaped like a renamed key, can meet another attribute.
        if ((name.data() != key.data() || name.endsWith(u"_num") || name.endsWith(u'_')) &&
            hasField(name))
            return;
        m_fields.push_back(LineField::real(
            name, value.kind == Kind::Bool ? (value.boolean ? 1.0 : 0.0) : value.number));
    } else if (m_attributeFields == AttributeFields::All &&
               (value.kind == Kind::String || value.kind == Kind::Composite)) {
        m_fields.push_back(LineField::string(m_scratch.join(key, u"_str"), value.text));
    }
}

bool HomeIqPointBuilder::append(const HaEvent &event, const EntityTags *registry, QByteArray *out)
{
    const HaStateRecord &state = event.newState;
    const HaStateRecord &old = event.oldState;
    m_tags.clear();
    m_fields.clear();
    m_scratch.reset();

    const QStringView entityId = event.entityId;
    m_tags.push_back({u"entity_id", entityId});
    m_tags.push_back({u"domain", entityId.left(entityId.indexOf(u'.'))});
    if (registry) {
        m_tags.push_back({u"area_id", registry->areaId});
        m_tags.push_back({u"device_id", registry->deviceId});
        m_tags.push_back({u"integration", registry->integration});
    }

    m_fields.push_back(LineField::string(kStateValue, state.state));
    double normalized = 0;
    if (normalizedValue(state.state, &normalized))
        m_fields.push_back(LineField::real(kNormalizedValue, normalized));
    if (old.valid) {
        m_fields.push_back(LineField::string(kPreviousState, old.state));
        if (old.state != state.state && state.lastChangedUs >= old.lastChangedUs) {
            m_fields.push_back(
                LineField::real(kDuration, double(state.lastChangedUs - old.lastChangedUs) / 1e6));
        }
    }
    if (!event.context.id.isEmpty())
        m_fields.push_back(LineField::string(kContextId, event.context.id));
    if (!event.context.userId.isEmpty())
        m_fields.push_back(LineField::string(kContextUserId, event.context.userId));
    if (!event.context.parentId.isEmpty())
        m_fields.push_back(LineField::string(kContextParentId, event.context.parentId));

    const bool attributeFields = m_attributeFields != AttributeFields::None;
    for (const HaAttribute &attribute : state.attributes) {
        const QStringView key = attribute.key;
        if (key == kDeviceClass || key == kUnit) {
            m_tags.push_back({key, tagText(attribute.value)});
            continue;
        }
        if (!m_attributeTags.isEmpty() && m_attributeTags.contains(key)) {
            m_tags.push_back({key, tagText(attribute.value)});
            continue;
        }
        if (attributeFields)
            addAttributeField(key, attribute.value);
    }
    for (const auto &[key, value] : std::as_const(m_staticTags))
        m_tags.push_back({key, value});

    return LineProtocol::appendPoint(out, m_measurement, m_tags.data(), qsizetype(m_tags.size()),
                                     m_fields.data(), qsizetype(m_fields.size()),
                                     event.lastUpdatedUs);
}

} // namespace hai
