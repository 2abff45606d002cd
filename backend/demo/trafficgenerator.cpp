// SPDX-License-Identifier: GPL-3.0-or-later
#include "trafficgenerator.h"

#include "entityattributes.h"
#include "homecatalog.h"
#include "homegenerator.h"
#include "homemodel.h"
#include "ulid.h"

#include <algorithm>
#include <cmath>

namespace hai {

namespace {

// State strings without an allocation per write.
QByteArray word(const char *text)
{
    return HomeCatalog::literal(text);
}

QByteArray flip(const QByteArray &current, const char *a, const char *b)
{
    return current == a ? word(b) : word(a);
}

} // namespace

TrafficGenerator::TrafficGenerator(HomeModel &model, quint64 seed)
    : m_model(model)
    , m_random(seed * 0x2545F4914F6CDD1DULL + 7)
{
    m_userId = Ulid::uuidHex(m_random);
    m_automationContext = Ulid::make(model.clock().now() / 1000, m_random);
}

void TrafficGenerator::refreshCandidates()
{
    m_generation = m_model.generation();
    m_candidates.clear();
    const QList<EntityEntry> &entities = m_model.entities();
    for (int i = 0; i < entities.size(); ++i) {
        if (!entities.at(i).removed && entities.at(i).state)
            m_candidates.append(i);
    }
}

HomeEvent TrafficGenerator::next()
{
    if (m_generation != m_model.generation())
        refreshCandidates();
    if (m_candidates.isEmpty())
        return {};
    const int index = m_candidates.at(m_random.bounded(int(m_candidates.size())));
    EntityEntry &entity = m_model.entities()[index];
    const QByteArray current = entity.state->state;

    bool userAction = false;
    QByteArray state = nextState(entity, current, &userAction);
    AttributesPtr attributes = EntityAttributes::forState(entity, state);
    // A write must change something, or HA fires state_reported instead.
    if (state == current && attributes->json() == entity.state->attributes->json()) {
        if (entity.kind == StateKind::Numeric || entity.kind == StateKind::Counter) {
            const double unit = std::max(entity.step, std::pow(10.0, -entity.precision));
            entity.value += entity.value > (entity.minimum + entity.maximum) / 2 ? -unit : unit;
            state = HomeGenerator::formatValue(entity.value, entity.precision);
        } else {
            state = current == "unavailable" ? word("unknown") : word("unavailable");
        }
        attributes = EntityAttributes::forState(entity, state);
    }

    const qint64 t = m_model.clock().next();
    StateContext context;
    context.id = Ulid::make(t / 1000, m_random);
    if (userAction && m_random.chance(0.5))
        context.userId = m_userId;
    else if (userAction && m_random.chance(0.3))
        context.parentId = m_automationContext;
    return m_model.setState(index, state, attributes, context, t);
}

QByteArray TrafficGenerator::nextState(EntityEntry &entity, const QByteArray &current,
                                       bool *userAction)
{
    // Unavailable entities come back; available ones occasionally drop out.
    const bool wasMissing = current == "unavailable" || current == "unknown";
    if (!wasMissing && entity.kind != StateKind::Static && entity.kind != StateKind::Weather &&
        m_random.chance(0.004))
        return word("unavailable");

    switch (entity.kind) {
    case StateKind::Numeric: {
        const double drift = entity.step * (m_random.uniform() * 2 - 1);
        entity.value = std::clamp(entity.value + drift, entity.minimum, entity.maximum);
        return HomeGenerator::formatValue(entity.value, entity.precision);
    }
    case StateKind::Counter:
        entity.value += entity.step * (0.2 + m_random.uniform());
        return HomeGenerator::formatValue(entity.value, entity.precision);
    case StateKind::Binary:
        return flip(current, "on", "off");
    case StateKind::Switch:
        *userAction = true;
        return flip(current, "on", "off");
    case StateKind::Lock:
        *userAction = true;
        return flip(current, "locked", "unlocked");
    case StateKind::Light:
        *userAction = true;
        if (current == "on" && m_random.chance(0.6)) {
            // Attribute-only: brightness and colour move, last_changed stays.
            entity.value = std::clamp(entity.value + double(m_random.bounded(81) - 40), 1.0, 255.0);
            entity.aux = std::fmod(entity.aux + m_random.range(5, 60), 360.0);
            return word("on");
        }
        return flip(current, "on", "off");
    case StateKind::Climate:
        entity.value = std::clamp(entity.value + 0.1 * (m_random.uniform() * 2 - 1), 15.0, 28.0);
        if (m_random.chance(0.1)) {
            *userAction = true;
            return flip(current, "heat", "off");
        }
        return wasMissing ? word("heat") : current;
    case StateKind::Weather:
        entity.value += 0.3 * (m_random.uniform() * 2 - 1);
        return m_random.chance(0.2) ? word(HomeCatalog::weatherCondition(
                                          m_random.bounded(HomeCatalog::weatherConditionCount())))
                                    : current;
    case StateKind::Static:
        entity.value = std::clamp(entity.value + 0.05 * (m_random.uniform() * 2 - 1), -20.0, 60.0);
        entity.aux = std::fmod(entity.aux + 0.05, 360.0);
        return word("above_horizon");
    }
    return current;
}

} // namespace hai
