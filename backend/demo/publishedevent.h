// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "homeevent.h"

#include <QByteArray>

namespace hai {

// One event on its way to the subscribers of every connection. The serialised forms are built
// on first use and shared, so an event nobody listens to costs no JSON, and one that many
// subscriptions receive is serialised once; only the subscription id differs per message.
class PublishedEvent
{
public:
    explicit PublishedEvent(const HomeEvent &event)
        : m_event(event)
    {}

    const HomeEvent &event() const { return m_event; }
    // The event object (event_type, data, origin, time_fired, context).
    const QByteArray &body();
    // The subscribe_entities payload ({"a"|"r"|"c": ...}); empty for other events.
    const QByteArray &entitiesPayload();

private:
    const HomeEvent &m_event;
    QByteArray m_body;
    QByteArray m_entitiesPayload;
    bool m_entitiesBuilt = false;
};

} // namespace hai
