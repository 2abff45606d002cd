// SPDX-License-Identifier: GPL-3.0-or-later
#include "acktracker.h"

namespace hai {

quint64 AckTracker::addPart(quint64 token)
{
    token = qMax(token, m_last);
    m_last = token;
    ++m_outstanding[token];
    return token;
}

bool AckTracker::finishPart(quint64 token)
{
    const auto it = m_outstanding.find(token);
    if (it == m_outstanding.end())
        return false;
    --it->second;
    bool moved = false;
    // Only a finished prefix may be acknowledged.
    while (!m_outstanding.empty() && m_outstanding.begin()->second <= 0) {
        m_acknowledged = m_outstanding.begin()->first;
        m_hasAcknowledged = true;
        m_outstanding.erase(m_outstanding.begin());
        moved = true;
    }
    return moved;
}

} // namespace hai
