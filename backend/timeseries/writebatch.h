// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "batchsplitter.h"
#include "spool.h"

#include <QByteArray>
#include <QList>

#include <memory>

namespace hai {

// One unit of work for the InfluxDB writer: a live batch (with the ack tokens of the appends
// it holds parts of) or a record replayed from the spool. When InfluxDB refuses it, the
// splitter bisects it and the batch stays alive until every line is written or dead-lettered.
struct WriteBatch
{
    QByteArray lines; // line protocol, one point per '\n'-terminated line
    int points = 0;
    qint64 oldestUs = 0;        // oldest HA time in it, 0 when unknown
    QList<quint64> tokens;      // one entry per part (AckTracker::addPart)
    QList<qint64> eventTimesUs; // HA last_updated per point, for the lag figures
    bool fromSpool = false;
    SpoolRecord record; // when fromSpool: its position (lines moved out)
    std::unique_ptr<BatchSplitter> splitter;
    QList<qsizetype> lineStarts; // filled when splitting; lineStarts[i] is where line i begins
    bool busy = false;           // a request of it is in flight

    int lineCount()
    {
        indexLines();
        return int(lineStarts.size());
    }
    void indexLines()
    {
        if (!lineStarts.isEmpty() || lines.isEmpty())
            return;
        qsizetype at = 0;
        while (at < lines.size()) {
            lineStarts.append(at);
            const qsizetype newline = lines.indexOf('\n', at);
            at = newline < 0 ? lines.size() : newline + 1;
        }
    }
    QByteArray slice(const BatchSplitter::Range &range)
    {
        indexLines();
        const qsizetype begin = lineStarts.value(range.begin, lines.size());
        const qsizetype end = lineStarts.value(range.end, lines.size());
        return lines.mid(begin, end - begin);
    }
};

using WriteBatchPtr = std::shared_ptr<WriteBatch>;

} // namespace hai
