// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "writebatch.h"

#include <QList>

namespace hai {

class Spool;

// Decides which batch goes out next. A bisection under way comes first (it holds a refused
// batch in memory); then replayed and live batches take turns, so neither starves; only one
// spool record is replayed at a time, so the spool is consumed in order. A probe (InfluxDB
// failing) sends the oldest data. Holds at most kMaxQueuedBytes of finished live batches:
// beyond that the writer spools them instead of letting memory grow. The bound is what rides
// out a burst a healthy server is briefly slower than (spooling costs a disk write and a read
// back per point), and memory is no risk to the data: nothing queued is acknowledged yet, so
// after a crash HA's backfill brings it back.
class BatchScheduler
{
public:
    static constexpr qint64 kMaxQueuedBytes = 16 * 1024 * 1024;

    bool canQueue() const { return m_queuedBytes < kMaxQueuedBytes; }
    void enqueue(const WriteBatchPtr &batch)
    {
        m_queued.append(batch);
        m_queuedBytes += batch->lines.size();
    }
    QList<WriteBatchPtr> takeQueued()
    {
        m_queuedBytes = 0;
        return std::exchange(m_queued, {});
    }
    void startSplitting(const WriteBatchPtr &batch) { m_splitting.append(batch); }
    const QList<WriteBatchPtr> &splitting() const { return m_splitting; }

    // The next batch to send, or null. `spool` may be null; with `replay` false (stopping)
    // nothing new is read from it.
    WriteBatchPtr next(bool probe, bool replay, Spool *spool);
    // The batch is done with, or given up (spooled): forget it.
    void release(const WriteBatchPtr &batch);

    bool isIdle() const { return m_queued.isEmpty() && m_splitting.isEmpty(); }
    // Live points held here (queued or being bisected), for the figures.
    qint64 pendingPoints() const;

private:
    WriteBatchPtr nextWaitingSplit() const;
    WriteBatchPtr nextReplay(Spool *spool);

    QList<WriteBatchPtr> m_queued; // finished live batches waiting for a free slot
    qint64 m_queuedBytes = 0;
    QList<WriteBatchPtr> m_splitting; // refused batches being bisected
    WriteBatchPtr m_replay;           // the spool record being replayed
    bool m_preferReplay = true;
};

} // namespace hai
