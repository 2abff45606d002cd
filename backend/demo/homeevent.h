// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "homestate.h"

#include <QByteArray>

namespace hai {

// One event fired on the simulated bus: a state_changed (with its old and new State and their
// cached JSON) or any other event with its data already serialised.
struct HomeEvent
{
    QByteArray eventType;
    QByteArray dataJson; // event data for every event but state_changed
    qint64 timeFired = 0;
    StateContext context;

    // state_changed only. oldState is null when the entity appeared, newState when it went.
    QByteArray entityId;
    StatePtr oldState;
    StatePtr newState;
    QByteArray oldStateJson;
    QByteArray newStateJson;

    bool isStateChanged() const { return eventType == "state_changed"; }
};

} // namespace hai
