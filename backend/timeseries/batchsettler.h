// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "acktracker.h"
#include "deadletterfile.h"
#include "influxresponse.h"
#include "influxwriterstats.h"
#include "writebatch.h"

#include <memory>

namespace hai {

class Spool;

// Where a batch ends up, and the durability bookkeeping behind the writer's acknowledgements:
// a live batch's tokens are finished only once its points are written, fsync-ed in the spool
// or kept in a dead-letter file; a replayed batch moves the spool past its record. A batch
// that can be neither written nor spooled keeps its tokens open: the acknowledgement stops
// there, and HA's backfill after a restart recovers the points.
class BatchSettler
{
public:
    BatchSettler(const QString &dataDir, InfluxWriterFigures &figures);
    ~BatchSettler();

    bool openSpool(qint64 maxBytes, QString *error);
    Spool *spool() const { return m_spool.get(); }
    AckTracker &acks() { return m_acks; }

    // Nothing more to do for `batch`.
    void settle(WriteBatch &batch);
    // Spools what is left of `batch` (all of it, or the ranges a bisection had not resolved)
    // and settles it. A replayed batch that was not bisected is left alone: its record is
    // still first in the spool.
    void spoolRemainder(WriteBatch &batch);
    void deadLetter(WriteBatch &batch, const BatchSplitter::Range &range,
                    const InfluxResponse &response, const QString &target);
    QString deadLetterPath() const { return m_deadLetters.currentPath(); }

    // True once after acknowledged() moved.
    bool takeAckMoved() { return std::exchange(m_ackMoved, false); }
    void fillSpoolFigures();

private:
    bool spoolLines(const QByteArray &lines, int points, qint64 oldestUs);

    InfluxWriterFigures &m_figures;
    QString m_spoolDir;
    std::unique_ptr<Spool> m_spool;
    DeadLetterFile m_deadLetters;
    AckTracker m_acks;
    bool m_ackMoved = false;
};

} // namespace hai
