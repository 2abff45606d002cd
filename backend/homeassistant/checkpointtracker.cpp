// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkpointtracker.h"

#include "hatime.h"

#include <algorithm>

namespace hai {

std::optional<qint64> CheckpointTracker::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    bool isNumber = false;
    const qint64 number = trimmed.toLongLong(&isNumber);
    if (isNumber)
        return number > 0 ? std::optional<qint64>(number) : std::nullopt;
    qint64 us = 0;
    if (HaTime::parseIso(trimmed, &us) && us > 0)
        return us;
    return std::nullopt;
}

QString CheckpointTracker::format(qint64 us)
{
    return HaTime::toIso(us);
}

void CheckpointTracker::load(qint64 us)
{
    m_value = std::max<qint64>(0, us);
    m_dirty = false;
}

void CheckpointTracker::hold()
{
    m_held = true;
    m_holdValue = m_value;
}

void CheckpointTracker::releaseHold()
{
    if (!m_held)
        return;
    m_held = false;
    // Once every batch emitted so far is durable, the checkpoint may jump to the newest live
    // time: the gap before it has been emitted in those batches.
    if (m_acknowledged >= m_sequence)
        advance(m_newestLive);
    else
        m_pending.append({m_sequence, m_newestLive});
}

quint64 CheckpointTracker::registerBatch(qint64 newestLiveUs)
{
    m_newestLive = std::max(m_newestLive, newestLiveUs);
    const qint64 candidate = m_held ? std::min(m_holdValue, m_newestLive) : m_newestLive;
    m_pending.append({++m_sequence, candidate});
    return m_sequence;
}

bool CheckpointTracker::acknowledge(quint64 sequence)
{
    if (sequence <= m_acknowledged)
        return false;
    m_acknowledged = std::min(sequence, m_sequence);
    const qint64 before = m_value;
    qsizetype done = 0;
    for (const Pending &pending : std::as_const(m_pending)) {
        if (pending.sequence > m_acknowledged)
            break;
        advance(pending.candidate);
        ++done;
    }
    m_pending.remove(0, done);
    return m_value != before;
}

void CheckpointTracker::advance(qint64 candidate)
{
    if (candidate > m_value) {
        m_value = candidate;
        m_dirty = true;
    }
}

} // namespace hai
