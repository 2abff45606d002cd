// SPDX-License-Identifier: GPL-3.0-or-later
#include "publishedevent.h"

#include "statejson.h"

namespace hai {

const QByteArray &PublishedEvent::body()
{
    if (m_body.isEmpty()) {
        m_body.reserve(m_event.oldStateJson.size() + m_event.newStateJson.size() +
                       m_event.dataJson.size() + 256);
        StateJson::appendEventBody(m_body, m_event);
    }
    return m_body;
}

const QByteArray &PublishedEvent::entitiesPayload()
{
    if (!m_entitiesBuilt) {
        m_entitiesBuilt = true;
        m_entitiesPayload.reserve(m_event.newStateJson.size() + 64);
        if (m_event.isStateChanged())
            StateJson::appendEntitiesPayload(m_entitiesPayload, m_event);
    }
    return m_entitiesPayload;
}

} // namespace hai
