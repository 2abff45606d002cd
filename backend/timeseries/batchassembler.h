// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "acktracker.h"
#include "writebatch.h"

#include <QByteArray>
#include <QList>

namespace hai {

// Cuts appends into batches of exactly batchSize points (the last one open until flushed). An
// append that straddles a boundary is split at a line, and each piece registers one part of
// its token with the AckTracker, so the token is acknowledged only when every piece is done.
class BatchAssembler
{
public:
    BatchAssembler(int batchSize, AckTracker &acks);

    // `lines` holds `points` lines; a missing final '\n' is added. Returns the batches that
    // became full.
    QList<WriteBatchPtr> add(const QByteArray &lines, int points, quint64 token,
                             const QList<qint64> &eventTimesUs);
    bool hasOpen() const { return bool(m_open); }
    int openPoints() const { return m_open ? m_open->points : 0; }
    WriteBatchPtr takeOpen(); // null when there is none

private:
    int m_batchSize;
    AckTracker &m_acks;
    WriteBatchPtr m_open;
};

} // namespace hai
