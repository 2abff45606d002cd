// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <map>

namespace hai {

// Turns out-of-order completions into one cumulative, in-order acknowledgement. Appends carry
// non-decreasing tokens; an append may be cut into several parts (batches), and each part is
// finished when it is written or durably spooled. acknowledged() is the largest token such
// that every part of every token up to it is finished, so it never runs ahead of durability.
class AckTracker
{
public:
    // One more part of `token` is outstanding. A token smaller than the last one seen is
    // treated as the last one, so the order can never go backwards.
    quint64 addPart(quint64 token);
    // A part of `token` (as returned by addPart) is finished. Returns true when
    // acknowledged() moved.
    bool finishPart(quint64 token);

    quint64 acknowledged() const { return m_acknowledged; }
    bool hasAcknowledged() const { return m_hasAcknowledged; }
    int outstandingTokens() const { return int(m_outstanding.size()); }
    bool isIdle() const { return m_outstanding.empty(); }

private:
    std::map<quint64, int> m_outstanding; // token -> parts not yet finished
    quint64 m_last = 0;
    quint64 m_acknowledged = 0;
    bool m_hasAcknowledged = false;
};

} // namespace hai
