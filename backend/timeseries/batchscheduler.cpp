// SPDX-License-Identifier: GPL-3.0-or-later
#include "batchscheduler.h"

#include "spool.h"

namespace hai {

WriteBatchPtr BatchScheduler::nextWaitingSplit() const
{
    for (const WriteBatchPtr &batch : m_splitting) {
        if (!batch->busy && batch->splitter->hasNext())
            return batch;
    }
    return nullptr;
}

WriteBatchPtr BatchScheduler::nextReplay(Spool *spool)
{
    if (m_replay || !spool || !spool->isOpen())
        return nullptr;
    std::optional<SpoolRecord> record = spool->peek();
    if (!record)
        return nullptr;
    auto batch = std::make_shared<WriteBatch>();
    batch->lines = std::exchange(record->lines, {});
    batch->points = record->points;
    batch->oldestUs = record->oldestUs;
    batch->fromSpool = true;
    batch->record = *record;
    m_replay = batch;
    return batch;
}

WriteBatchPtr BatchScheduler::next(bool probe, bool replay, Spool *spool)
{
    if (WriteBatchPtr batch = nextWaitingSplit())
        return batch;
    WriteBatchPtr batch;
    if (replay && (probe || m_preferReplay || m_queued.isEmpty()))
        batch = nextReplay(spool);
    if (!batch && !m_queued.isEmpty()) {
        batch = m_queued.takeFirst();
        m_queuedBytes -= batch->lines.size();
    }
    if (batch && !probe)
        m_preferReplay = !batch->fromSpool;
    return batch;
}

void BatchScheduler::release(const WriteBatchPtr &batch)
{
    batch->busy = false;
    m_splitting.removeOne(batch);
    if (m_queued.removeOne(batch))
        m_queuedBytes -= batch->lines.size();
    if (m_replay == batch)
        m_replay.reset();
}

qint64 BatchScheduler::pendingPoints() const
{
    qint64 points = 0;
    for (const WriteBatchPtr &batch : m_queued)
        points += batch->points;
    for (const WriteBatchPtr &batch : m_splitting) {
        if (!batch->fromSpool)
            points += batch->points;
    }
    return points;
}

} // namespace hai
