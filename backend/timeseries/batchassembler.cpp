// SPDX-License-Identifier: GPL-3.0-or-later
#include "batchassembler.h"

namespace hai {

BatchAssembler::BatchAssembler(int batchSize, AckTracker &acks)
    : m_batchSize(batchSize > 0 ? batchSize : 5000)
    , m_acks(acks)
{}

QList<WriteBatchPtr> BatchAssembler::add(const QByteArray &lines, int points, quint64 token,
                                         const QList<qint64> &eventTimesUs)
{
    QList<WriteBatchPtr> full;
    qsizetype offset = 0;
    int taken = 0;
    while (taken < points && offset < lines.size()) {
        if (!m_open)
            m_open = std::make_shared<WriteBatch>();
        WriteBatch &batch = *m_open;
        const int take = qMin(m_batchSize - batch.points, points - taken);
        qsizetype end = lines.size();
        if (take < points - taken) {
            end = offset;
            for (int i = 0; i < take && end < lines.size(); ++i) {
                const qsizetype newline = lines.indexOf('\n', end);
                end = newline < 0 ? lines.size() : newline + 1;
            }
        }
        batch.lines.append(lines.constData() + offset, end - offset);
        if (!batch.lines.endsWith('\n'))
            batch.lines.append('\n'); // else the next append would run into this line
        batch.points += take;
        for (const qint64 us : eventTimesUs.mid(taken, take)) {
            batch.eventTimesUs.append(us);
            if (us > 0 && (batch.oldestUs == 0 || us < batch.oldestUs))
                batch.oldestUs = us;
        }
        batch.tokens.append(m_acks.addPart(token));
        offset = end;
        taken += take;
        if (batch.points >= m_batchSize)
            full.append(takeOpen());
    }
    return full;
}

WriteBatchPtr BatchAssembler::takeOpen()
{
    return std::exchange(m_open, nullptr);
}

} // namespace hai
