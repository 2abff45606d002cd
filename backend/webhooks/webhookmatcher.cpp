// SPDX-License-Identifier: GPL-3.0-or-later
#include "webhookmatcher.h"

#include "homeassistant/haevent.h"
#include "timeseries/pythontext.h"
#include "webhookeventtypes.h"
#include "webhookregistryview.h"

#include <QSet>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

// The webhook event types the matcher derives itself, as bits of one mask.
enum Kind : quint8 {
    StateChanged = 1,
    EntityUnavailable = 2,
    DeviceAdded = 4,
    DeviceRemoved = 8,
};

const QString &kindName(Kind kind)
{
    static const QString stateChanged = u"state_changed"_s;
    static const QString entityUnavailable = u"entity_unavailable"_s;
    static const QString deviceAdded = u"device_added"_s;
    static const QString deviceRemoved = u"device_removed"_s;
    switch (kind) {
    case StateChanged:
        return stateChanged;
    case EntityUnavailable:
        return entityUnavailable;
    case DeviceAdded:
        return deviceAdded;
    case DeviceRemoved:
        break;
    }
    return deviceRemoved;
}

QSet<QString> toSet(const QStringList &values)
{
    return QSet<QString>(values.cbegin(), values.cend());
}

// Orders QStrings and QStringViews alike, so a sorted list is searched without a QString.
struct ViewLess
{
    bool operator()(QStringView a, QStringView b) const { return a.compare(b) < 0; }
};

QStringView domainOf(QStringView entityId)
{
    const qsizetype dot = entityId.indexOf(u'.');
    return dot < 0 ? QStringView() : entityId.first(dot);
}

// What one event offers the filters. Registry facts and the numeric state are looked up on
// first use and then shared by every webhook, so each costs at most once per event.
struct Subject
{
    const WebhookRegistryView &registry;
    const QString *entityId = nullptr; // null for device events and events without one
    QStringView domain;
    const QString *deviceId = nullptr;
    const HaStateRecord *newState = nullptr; // state events only
    const HaStateRecord *oldState = nullptr;

    bool factsLooked = false;
    const QString *entityDevice = nullptr;
    const QString *area = nullptr;
    qint8 numeric = -1; // -1 not parsed yet, 0 not a finite number, 1 `number` holds it
    double number = 0;

    void lookUpFacts()
    {
        if (factsLooked)
            return;
        factsLooked = true;
        if (entityId) {
            const auto entity = registry.entities.constFind(*entityId);
            if (entity == registry.entities.constEnd())
                return;
            if (!entity->deviceId.isEmpty())
                entityDevice = &entity->deviceId;
            if (!entity->areaId.isEmpty()) {
                area = &entity->areaId;
                return;
            }
        }
        // The device's area: a device event's own, or an entity's without an area of its
        // own whose device inherits one (a child device).
        const QString *device = entityId ? entityDevice : deviceId;
        if (!device)
            return;
        const auto found = registry.deviceAreas.constFind(*device);
        if (found != registry.deviceAreas.constEnd() && !found->isEmpty())
            area = &*found;
    }

    bool numberIn(const std::optional<double> &above, const std::optional<double> &below)
    {
        if (numeric < 0) {
            // Python's float(), as HA's numeric_state trigger; never the C locale's strtod.
            numeric = newState && newState->valid &&
                      PythonText::toFloat(newState->state, &number) && std::isfinite(number);
        }
        if (numeric == 0)
            return false;
        return (!above || number > *above) && (!below || number < *below);
    }
};

} // namespace

struct WebhookMatcher::Compiled
{
    quint8 kinds = 0;             // Kind bits subscribed to
    QSet<QString> otherTypes;     // subscribed HA event types other than state_changed
    QSet<QString> exactIds;       // entity_ids without wildcards
    QStringList globs;            // entity_ids with * or ?
    std::vector<QString> domains; // sorted: searched with a QStringView, no QString built
    QSet<QString> areas;
    QSet<QString> devices;
    QSet<QString> toStates;
    QSet<QString> fromStates;
    std::optional<double> above;
    std::optional<double> below;
    bool entityFilter = false; // entity_ids or domains set
    bool stateFilter = false;  // to/from state or numeric bounds set

    explicit Compiled(const Webhook &webhook);
    bool entityMatches(Subject &subject) const;
    bool placeMatches(Subject &subject) const;
    bool stateMatches(Subject &subject) const;
};

WebhookMatcher::Compiled::Compiled(const Webhook &webhook)
{
    const QStringList &haTypes = WebhookEventTypes::homeAssistant();
    for (const QString &type : webhook.events) {
        if (type == kindName(StateChanged))
            kinds |= StateChanged;
        else if (type == kindName(EntityUnavailable))
            kinds |= EntityUnavailable;
        else if (type == kindName(DeviceAdded))
            kinds |= DeviceAdded;
        else if (type == kindName(DeviceRemoved))
            kinds |= DeviceRemoved;
        else if (haTypes.contains(type))
            otherTypes.insert(type);
        // Anything else is unknown; the validator rejects it, the matcher ignores it.
    }
    // A list that is set is a condition, even one holding only "": it then matches nothing.
    const WebhookFilter &filter = webhook.filter;
    for (const QString &pattern : filter.entityIds) {
        if (pattern.contains(u'*') || pattern.contains(u'?'))
            globs.append(pattern);
        else
            exactIds.insert(pattern);
    }
    domains.assign(filter.domains.cbegin(), filter.domains.cend());
    std::sort(domains.begin(), domains.end(), ViewLess());
    areas = toSet(filter.areaIds);
    devices = toSet(filter.deviceIds);
    toStates = toSet(filter.toState);
    fromStates = toSet(filter.fromState);
    above = filter.numericAbove;
    below = filter.numericBelow;
    entityFilter = !exactIds.isEmpty() || !globs.isEmpty() || !domains.empty();
    stateFilter = !toStates.isEmpty() || !fromStates.isEmpty() || above || below;
}

bool WebhookMatcher::Compiled::entityMatches(Subject &subject) const
{
    if (!entityFilter)
        return true;
    if (!subject.entityId)
        return false;
    if (!domains.empty() &&
        !std::binary_search(domains.cbegin(), domains.cend(), subject.domain, ViewLess()))
        return false;
    if (exactIds.isEmpty() && globs.isEmpty())
        return true;
    if (exactIds.contains(*subject.entityId))
        return true;
    return std::any_of(globs.cbegin(), globs.cend(), [&subject](const QString &glob) {
        return WebhookMatcher::globMatches(glob, *subject.entityId);
    });
}

bool WebhookMatcher::Compiled::placeMatches(Subject &subject) const
{
    if (areas.isEmpty() && devices.isEmpty())
        return true;
    subject.lookUpFacts();
    if (!devices.isEmpty()) {
        const QString *device = subject.entityId ? subject.entityDevice : subject.deviceId;
        if (!device || !devices.contains(*device))
            return false;
    }
    return areas.isEmpty() || (subject.area && areas.contains(*subject.area));
}

bool WebhookMatcher::Compiled::stateMatches(Subject &subject) const
{
    if (!stateFilter)
        return true;
    if (!subject.newState) // device and other HA events carry no state
        return false;
    if (!toStates.isEmpty() &&
        !(subject.newState->valid && toStates.contains(subject.newState->state)))
        return false;
    if (!fromStates.isEmpty() &&
        !(subject.oldState->valid && fromStates.contains(subject.oldState->state)))
        return false;
    return (!above && !below) || subject.numberIn(above, below);
}

WebhookMatcher::WebhookMatcher(const WebhookList &webhooks)
{
    for (const Webhook &webhook : webhooks) {
        if (!webhook.enabled)
            continue;
        m_webhooks.append(webhook);
        m_compiled.emplace_back(webhook);
        m_kinds |= m_compiled.back().kinds;
        m_otherTypes.unite(m_compiled.back().otherTypes);
    }
}

WebhookMatcher::WebhookMatcher() = default;
WebhookMatcher::~WebhookMatcher() = default;
WebhookMatcher::WebhookMatcher(WebhookMatcher &&) noexcept = default;
WebhookMatcher &WebhookMatcher::operator=(WebhookMatcher &&) noexcept = default;

void WebhookMatcher::match(const HaEvent &event, const WebhookRegistryView &registry,
                           QList<Match> *out) const
{
    // Webhooks are for live events: a backfilled state is history, not news.
    if (m_compiled.empty() || event.backfill)
        return;

    Subject subject{registry};
    quint8 kinds = 0;
    QString dataEntityId; // other HA events: data.entity_id, kept alive for the subject
    QString dataDeviceId; // device events: data.device_id
    if (event.isStateChanged()) {
        kinds = StateChanged;
        if (event.newState.valid && event.newState.state == u"unavailable" &&
            !(event.oldState.valid && event.oldState.state == u"unavailable"))
            kinds |= EntityUnavailable;
        kinds &= m_kinds;
        if (!kinds)
            return;
        subject.entityId = &event.entityId;
        subject.domain = domainOf(event.entityId);
        subject.newState = &event.newState;
        subject.oldState = &event.oldState;
    } else if (event.eventType == u"device_registry_updated") {
        // Reading `data` copies a few short strings; these events are rare, and only read
        // when some webhook wants them. The state_changed path above allocates nothing.
        if (!(m_kinds & (DeviceAdded | DeviceRemoved)))
            return;
        const QString action = event.data.value(QStringView(u"action")).toString();
        kinds = action == u"create" ? DeviceAdded : action == u"remove" ? DeviceRemoved : 0;
        kinds &= m_kinds;
        dataDeviceId = event.data.value(QStringView(u"device_id")).toString();
        if (!kinds || dataDeviceId.isEmpty())
            return;
        subject.deviceId = &dataDeviceId;
    } else {
        if (!m_otherTypes.contains(event.eventType))
            return;
        const QJsonValue entityId = event.data.value(QStringView(u"entity_id"));
        if (entityId.isString()) {
            dataEntityId = entityId.toString();
            subject.entityId = &dataEntityId;
            subject.domain = domainOf(dataEntityId);
        }
    }

    for (size_t i = 0; i < m_compiled.size(); ++i) {
        const Compiled &compiled = m_compiled[i];
        const quint8 wanted = compiled.kinds & kinds;
        if (kinds ? !wanted : !compiled.otherTypes.contains(event.eventType))
            continue;
        if (!compiled.entityMatches(subject) || !compiled.placeMatches(subject) ||
            !compiled.stateMatches(subject))
            continue;
        if (!kinds) {
            out->append(Match{int(i), event.eventType});
            continue;
        }
        for (const Kind kind : {StateChanged, EntityUnavailable, DeviceAdded, DeviceRemoved}) {
            if (wanted & kind)
                out->append(Match{int(i), kindName(kind)});
        }
    }
}

bool WebhookMatcher::globMatches(QStringView pattern, QStringView text)
{
    // Greedy with one backtrack point: a later * supersedes an earlier one, so this is
    // O(pattern * text) at worst and needs no memory.
    qsizetype p = 0, t = 0;
    qsizetype starP = -1, starT = 0;
    while (t < text.size()) {
        if (p < pattern.size() && pattern[p] == u'*') {
            starP = p++;
            starT = t;
        } else if (p < pattern.size() && (pattern[p] == u'?' || pattern[p] == text[t])) {
            ++p;
            ++t;
        } else if (starP >= 0) {
            p = starP + 1;
            t = ++starT;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == u'*')
        ++p;
    return p == pattern.size();
}

} // namespace hai
