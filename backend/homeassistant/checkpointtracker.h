// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace hai {

// The backfill checkpoint: an HA time before which every state we received has been handed on
// durably. Each emitted batch gets a sequence number; the sink acknowledges sequences in
// order, and the checkpoint advances to the newest event time of the acknowledged batches.
// While a gap is being backfilled the checkpoint is held at its old value, so that a crash
// mid-backfill repeats the backfill instead of skipping the gap.
class CheckpointTracker
{
public:
    // ISO 8601 (as stored) or a plain integer of epoch microseconds.
    static std::optional<qint64> parse(const QString &text);
    static QString format(qint64 us);

    void load(qint64 us); // the stored value at start; 0 = none
    qint64 value() const { return m_value; }
    bool hasValue() const { return m_value > 0; }

    // A new connection with a gap to fill: hold the checkpoint until releaseHold().
    void hold();
    void releaseHold();
    bool isHeld() const { return m_held; }

    // Registers the batch about to be emitted; `newestLiveUs` is the newest live event time
    // in it (0 if none). Returns its sequence number (strictly increasing from 1).
    quint64 registerBatch(qint64 newestLiveUs);
    // Every batch up to `sequence` is durable. True when the checkpoint moved.
    bool acknowledge(quint64 sequence);
    quint64 lastSequence() const { return m_sequence; }

    bool isDirty() const { return m_dirty; }
    void markSaved() { m_dirty = false; }

private:
    struct Pending
    {
        quint64 sequence;
        qint64 candidate;
    };
    void advance(qint64 candidate);

    qint64 m_value = 0;
    qint64 m_holdValue = 0;
    bool m_held = false;
    qint64 m_newestLive = 0;
    quint64 m_sequence = 0;
    quint64 m_acknowledged = 0;
    QList<Pending> m_pending;
    bool m_dirty = false;
};

} // namespace hai
