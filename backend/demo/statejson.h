// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "homeevent.h"
#include "homestate.h"

#include <QByteArray>

namespace hai {

// Fast serialisation of states and events into HA's exact JSON shapes, by appending bytes.
// Key orders follow HA: State._as_dict, Event._as_dict, the cached event message
// (type, event, id) and the compressed states of subscribe_entities.
class StateJson
{
public:
    // {"entity_id","state","attributes","last_changed","last_reported","last_updated","context"}.
    // last_reported is left out for HA versions before 2024.4. paddingBytes > 0 adds a
    // "demo_padding" attribute of that many characters (huge get_states fault).
    static void appendState(QByteArray &out, const EntityState &state, bool withLastReported,
                            qsizetype paddingBytes = 0);
    static QByteArray stateJson(const EntityState &state, bool withLastReported);
    static void appendContext(QByteArray &out, const StateContext &context);

    // The event object: {"event_type","data","origin":"LOCAL","time_fired","context"}.
    static void appendEventBody(QByteArray &out, const HomeEvent &event);
    // {"type":"event","event":<body>,"id":N}: what subscribe_events delivers.
    static void appendEventMessage(QByteArray &out, QByteArrayView body, qint64 subscriptionId);

    // subscribe_entities: {"s","a","c","lc"[,"lu"]}.
    static void appendCompressedState(QByteArray &out, const EntityState &state);
    // {"+":{...}[,"-":{"a":[...]}]}: the change from oldState to newState.
    static void appendCompressedDiff(QByteArray &out, const EntityState &oldState,
                                     const EntityState &newState);
    // The subscribe_entities payload for one state_changed: {"a":{..}}, {"r":[..]} or {"c":{..}}.
    static void appendEntitiesPayload(QByteArray &out, const HomeEvent &event);
    // {"id":N,"type":"event","event":<payload>}.
    static void appendEntitiesMessage(QByteArray &out, qint64 subscriptionId,
                                      QByteArrayView payload);
};

} // namespace hai
