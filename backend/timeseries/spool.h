// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "spoolfile.h"
#include "spoolformat.h"

#include <QByteArray>
#include <QString>

#include <deque>
#include <optional>

namespace hai {

// One batch read back from the spool.
struct SpoolRecord
{
    QByteArray lines;
    int points = 0;
    qint64 oldestUs = 0;
    SpoolPosition position; // where it starts: identifies it for consume()
    SpoolPosition next;     // where the record after it starts
};

// The durable disk queue behind the InfluxDB writer: append-only segment files under one
// directory, replayed oldest first. append() returns only after the record is on disk
// (fdatasync), so acknowledging a spooled point is safe. The replay position is kept in its own
// small file; losing an update of it replays a record twice, which is harmless because writes
// are idempotent. At maxBytes the oldest segment is dropped: the one place points may be lost,
// and it is logged and counted. Synchronous and single-threaded; tests drive it directly.
class Spool
{
public:
    struct Options
    {
        QString directory;
        qint64 maxBytes = qint64(2) * 1024 * 1024 * 1024;
        // Segment size for rotation; 0 picks min(32 MiB, max(maxBytes / 8, 64 KiB)) so that
        // dropping one segment at the bound frees a bounded share.
        qint64 segmentBytes = 0;
        bool sync = true; // fdatasync each append (off only to measure what it costs)
    };
    enum class AppendResult { Stored, TooLarge, Failed };

    explicit Spool(Options options);
    ~Spool();
    Spool(const Spool &) = delete;
    Spool &operator=(const Spool &) = delete;

    // Scans the segments, truncates a torn tail, loads the replay position. Takes a lock file
    // so that a second process cannot share the directory.
    bool open(QString *error);
    void close();
    bool isOpen() const { return m_lock.isOpen(); }

    // Durable when Stored. TooLarge: the record alone exceeds maxBytes (nothing is dropped).
    AppendResult append(const QByteArray &lines, int points, qint64 oldestUs,
                        QString *error = nullptr);
    // The oldest record not yet consumed; skips (and counts) records whose CRC fails.
    std::optional<SpoolRecord> peek();
    // Marks `record` replayed. Ignored unless it is still the oldest (the bound may have
    // dropped it meanwhile).
    void consume(const SpoolRecord &record);

    bool isEmpty() const { return m_records == 0; }
    qint64 records() const { return m_records; }
    qint64 points() const { return m_points; }
    qint64 bytes() const; // not yet consumed
    qint64 diskBytes() const { return m_diskBytes; }
    int segmentCount() const { return int(m_segments.size()); }
    qint64 segmentBytes() const { return m_options.segmentBytes; }
    // The oldest point of the next record to replay (µs since the epoch), 0 when empty.
    qint64 oldestPointUs();

    quint64 droppedPoints() const { return m_droppedPoints; } // spool full
    quint64 droppedRecords() const { return m_droppedRecords; }
    quint64 corruptRecords() const { return m_corruptRecords; }
    quint64 corruptPoints() const { return m_corruptPoints; }
    quint64 truncatedTails() const { return m_truncatedTails; }
    quint64 truncatedBytes() const { return m_truncatedBytes; }
    quint64 syncCount() const { return m_syncs; } // fdatasync/fsync calls, for tests

private:
    struct Segment
    {
        quint64 number = 0;
        qint64 bytes = 0;
        qint64 records = 0;
        qint64 points = 0;
    };

    QString segmentPath(quint64 number) const;
    void scanSegment(Segment &segment, bool verifyPayloads);
    void loadPosition();
    void savePosition();
    bool startSegment(QString *error);
    void dropOldestSegment();
    void removeFrontSegment();
    void advanceHead(qint64 offset, qint64 records, qint64 points);
    SpoolFile &readFile();
    bool sync(SpoolFile &file);

    Options m_options;
    std::deque<Segment> m_segments; // oldest first; back() takes appends
    SpoolPosition m_read;           // next record to replay, in m_segments.front()
    qint64 m_headRecords = 0;       // records of the front segment before m_read
    qint64 m_headPoints = 0;
    quint64 m_nextSegment = 1;
    quint64 m_generation = 0;
    SpoolFile m_lock;
    SpoolFile m_write; // the back segment
    SpoolFile m_reader;
    quint64 m_readSegment = 0;
    SpoolFile m_position;
    std::optional<qint64> m_oldestCache;

    qint64 m_records = 0; // not yet consumed
    qint64 m_points = 0;
    qint64 m_diskBytes = 0;
    quint64 m_droppedPoints = 0, m_droppedRecords = 0;
    quint64 m_corruptRecords = 0, m_corruptPoints = 0;
    quint64 m_truncatedTails = 0, m_truncatedBytes = 0;
    quint64 m_syncs = 0;
};

} // namespace hai
