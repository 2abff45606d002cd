// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demorandom.h"
#include "homeevent.h"

#include <QList>

namespace hai {

class HomeModel;
struct EntityEntry;

// Makes the next realistic state write of a random live entity: numeric sensors drift within
// their range, energy counters grow, binary sensors, switches and locks flip, lights change
// state or brightness (attribute-only updates keep last_changed), thermostats drift, and now
// and then an entity drops to unavailable and comes back. User actions carry a user_id,
// automations a parent_id, so contexts vary like HA's.
class TrafficGenerator
{
public:
    TrafficGenerator(HomeModel &model, quint64 seed);

    // The state_changed of the next write; an empty event when no entity has a state.
    HomeEvent next();

private:
    void refreshCandidates();
    QByteArray nextState(EntityEntry &entity, const QByteArray &current, bool *userAction);

    HomeModel &m_model;
    DemoRandom m_random;
    QList<int> m_candidates;
    quint64 m_generation = ~0ULL;
    QByteArray m_userId;
    QByteArray m_automationContext;
};

} // namespace hai
