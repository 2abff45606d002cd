// SPDX-License-Identifier: GPL-3.0-or-later
#include "batchsplitter.h"

#include <algorithm>

namespace hai {

BatchSplitter::BatchSplitter(int lineCount)
{
    if (lineCount == 1)
        m_bad.append(0);
    else if (lineCount > 1)
        pushHalves({0, lineCount});
}

void BatchSplitter::pushHalves(const Range &range)
{
    const int middle = range.begin + range.size() / 2;
    m_todo.append({middle, range.end});
    m_todo.append({range.begin, middle});
}

BatchSplitter::Range BatchSplitter::next()
{
    const Range range = m_todo.takeLast();
    m_sent.append(range);
    ++m_inFlight;
    ++m_requests;
    return range;
}

void BatchSplitter::accepted(const Range &range)
{
    if (m_sent.removeOne(range))
        --m_inFlight;
}

bool BatchSplitter::rejected(const Range &range)
{
    if (!m_sent.removeOne(range))
        return false;
    --m_inFlight;
    if (range.size() == 1) {
        m_bad.append(range.begin);
        return true;
    }
    pushHalves(range);
    return false;
}

QList<BatchSplitter::Range> BatchSplitter::unresolved() const
{
    QList<Range> ranges = m_sent + m_todo;
    std::sort(ranges.begin(), ranges.end(),
              [](const Range &a, const Range &b) { return a.begin < b.begin; });
    return ranges;
}

QList<int> BatchSplitter::isolate(int lineCount, const std::function<bool(const Range &)> &accepts,
                                  int *requests)
{
    int asked = 1;
    if (lineCount <= 0 || accepts({0, lineCount})) {
        if (requests)
            *requests = lineCount > 0 ? asked : 0;
        return {};
    }
    BatchSplitter splitter(lineCount);
    while (splitter.hasNext()) {
        const Range range = splitter.next();
        if (accepts(range))
            splitter.accepted(range);
        else
            splitter.rejected(range);
    }
    if (requests)
        *requests = asked + splitter.requests();
    QList<int> bad = splitter.badLines();
    std::sort(bad.begin(), bad.end());
    return bad;
}

} // namespace hai
