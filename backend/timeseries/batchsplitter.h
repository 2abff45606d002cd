// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

#include <functional>

namespace hai {

// Finds the lines of a rejected batch that the server refuses (400/422), by bisection: a
// rejected range is cut in halves until a rejected range is one line long. The good lines are
// written along the way; typically one bad line costs about 2·log2(n) requests. A pure state
// machine: the writer sends next() and reports the answer; tests drive it with an oracle.
class BatchSplitter
{
public:
    struct Range
    {
        int begin = 0;
        int end = 0; // exclusive
        int size() const { return end - begin; }
        bool operator==(const Range &other) const
        {
            return begin == other.begin && end == other.end;
        }
    };

    // The whole batch of `lineCount` lines was rejected once already: starts with its halves.
    explicit BatchSplitter(int lineCount);

    bool hasNext() const { return !m_todo.isEmpty(); }
    Range next(); // takes the next range to send; it is in flight until reported
    void accepted(const Range &range);
    // Returns true when `range` is a single line: that line is isolated (a bad line).
    bool rejected(const Range &range);

    bool isDone() const { return m_todo.isEmpty() && m_inFlight == 0; }
    // Ranges not yet known to be written or isolated (to spool them when the server goes away).
    QList<Range> unresolved() const;
    const QList<int> &badLines() const { return m_bad; }
    int requests() const { return m_requests; }

    // Runs the whole bisection with `accepts` answering for each range; returns the bad lines,
    // sorted. `accepts` is also asked about the whole batch first.
    static QList<int> isolate(int lineCount, const std::function<bool(const Range &)> &accepts,
                              int *requests = nullptr);

private:
    void pushHalves(const Range &range);

    QList<Range> m_todo; // a stack: the left half is tried first
    QList<Range> m_sent;
    QList<int> m_bad;
    int m_inFlight = 0;
    int m_requests = 0;
};

} // namespace hai
