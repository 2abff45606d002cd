// SPDX-License-Identifier: GPL-3.0-or-later
#include "statemapper.h"

#include "hapointbuilder.h"
#include "homeassistant/haevent.h"
#include "homeiqpointbuilder.h"
#include "lineprotocol.h"

#include <QJsonDocument>
#include <QVarLengthArray>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

// "domain.object_id" with both parts non-empty.
bool validEntityId(const QString &entityId)
{
    const qsizetype dot = entityId.indexOf(u'.');
    return dot > 0 && dot + 1 < entityId.size();
}

} // namespace

quint64 MappingCounters::skippedTotal() const
{
    quint64 total = 0;
    for (const quint64 count : skipped)
        total += count;
    return total;
}

StateMapper::StateMapper(const MappingOptions &options, const RegistryTagCache *registry)
    : m_filter(options.include, options.exclude)
    , m_registry(registry)
    , m_staticTags(options.staticTags)
{
    for (const QString &type : options.eventTypes) {
        if (type == u"state_changed")
            m_storeStates = true;
        else
            m_eventTypes.insert(type);
    }
    if (options.schema == PointSchema::Ha)
        m_ha = std::make_unique<HaPointBuilder>(options);
    else
        m_homeIq = std::make_unique<HomeIqPointBuilder>(options);
}

StateMapper::~StateMapper() = default;

QString StateMapper::skipReasonName(SkipReason reason)
{
    switch (reason) {
    case SkipReason::EventTypeNotStored:
        return u"event_type_not_stored"_s;
    case SkipReason::Filtered:
        return u"filtered"_s;
    case SkipReason::EntityRemoved:
        return u"entity_removed"_s;
    case SkipReason::StateNotStored:
        return u"state_not_stored"_s;
    case SkipReason::NoFields:
        return u"no_fields"_s;
    case SkipReason::Invalid:
        return u"invalid"_s;
    }
    return u"unknown"_s;
}

bool StateMapper::skip(SkipReason reason, SkipReason *out)
{
    ++m_counters.skipped[size_t(reason)];
    if (out)
        *out = reason;
    return false;
}

const EntityTags *StateMapper::registryTags(const QString &entityId)
{
    if (!m_registry)
        return nullptr;
    const quint64 generation = m_registry->generation();
    if (generation != m_registryGeneration) {
        m_registryTags = m_registry->snapshot();
        m_registryGeneration = generation;
    }
    const auto found = m_registryTags.constFind(entityId);
    return found == m_registryTags.constEnd() ? nullptr : &*found;
}

bool StateMapper::map(const HaEvent &event, QByteArray *out, SkipReason *reason)
{
    if (!event.isStateChanged())
        return mapEventLog(event, out, reason);
    if (!m_storeStates)
        return skip(SkipReason::EventTypeNotStored, reason);
    if (!validEntityId(event.entityId))
        return skip(SkipReason::Invalid, reason);
    if (!m_filter.accepts(event.entityId))
        return skip(SkipReason::Filtered, reason);
    if (!event.newState.valid)
        return skip(SkipReason::EntityRemoved, reason);

    if (m_ha) {
        switch (m_ha->append(event, out)) {
        case HaPointBuilder::Result::Written:
            break;
        case HaPointBuilder::Result::StateNotStored:
            return skip(SkipReason::StateNotStored, reason);
        case HaPointBuilder::Result::NoFields:
            return skip(SkipReason::NoFields, reason);
        }
    } else if (!m_homeIq->append(event, registryTags(event.entityId), out)) {
        return skip(SkipReason::NoFields, reason);
    }
    ++m_counters.written;
    return true;
}

bool StateMapper::mapEventLog(const HaEvent &event, QByteArray *out, SkipReason *reason)
{
    if (!m_eventTypes.contains(event.eventType))
        return skip(SkipReason::EventTypeNotStored, reason);

    const QString entityId = event.data.value(u"entity_id"_s).toString();
    const bool hasEntity = validEntityId(entityId);
    if (hasEntity && !m_filter.accepts(entityId))
        return skip(SkipReason::Filtered, reason);
    QString domain = event.data.value(u"domain"_s).toString();
    if (domain.isEmpty() && hasEntity)
        domain = entityId.left(entityId.indexOf(u'.'));
    const QString service = event.data.value(u"service"_s).toString();

    QVarLengthArray<LineTag, 16> tags;
    tags.append({u"event_type", event.eventType});
    tags.append({u"domain", domain});
    tags.append({u"service", service});
    if (hasEntity) {
        tags.append({u"entity_id", entityId});
        if (const EntityTags *registry = registryTags(entityId)) {
            tags.append({u"area_id", registry->areaId});
            tags.append({u"device_id", registry->deviceId});
            tags.append({u"integration", registry->integration});
        }
    }
    for (const auto &[key, value] : std::as_const(m_staticTags))
        tags.append({key, value});

    const QString data =
        QString::fromUtf8(QJsonDocument(event.data).toJson(QJsonDocument::Compact));
    QVarLengthArray<LineField, 4> fields;
    fields.append(LineField::string(u"data", data));
    if (!event.context.id.isEmpty())
        fields.append(LineField::string(u"context_id", event.context.id));
    if (!event.context.userId.isEmpty())
        fields.append(LineField::string(u"context_user_id", event.context.userId));
    if (!event.context.parentId.isEmpty())
        fields.append(LineField::string(u"context_parent_id", event.context.parentId));

    if (!LineProtocol::appendPoint(out, u"home_assistant_event_log", tags.data(), tags.size(),
                                   fields.data(), fields.size(), event.timeFiredUs))
        return skip(SkipReason::NoFields, reason);
    ++m_counters.written;
    return true;
}

} // namespace hai
