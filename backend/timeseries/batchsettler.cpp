// SPDX-License-Identifier: GPL-3.0-or-later
#include "batchsettler.h"

#include "core/logging.h"
#include "spool.h"

using namespace Qt::StringLiterals;

namespace hai {

BatchSettler::BatchSettler(const QString &dataDir, InfluxWriterFigures &figures)
    : m_figures(figures)
    , m_spoolDir(dataDir + u"/spool"_s)
    , m_deadLetters(dataDir + u"/deadletter"_s)
{}

BatchSettler::~BatchSettler() = default;

bool BatchSettler::openSpool(qint64 maxBytes, QString *error)
{
    Spool::Options options;
    options.directory = m_spoolDir;
    options.maxBytes = maxBytes;
    m_spool = std::make_unique<Spool>(options);
    return m_spool->open(error);
}

void BatchSettler::settle(WriteBatch &batch)
{
    if (batch.fromSpool) {
        if (m_spool)
            m_spool->consume(batch.record);
        return;
    }
    bool moved = false;
    for (const quint64 token : std::exchange(batch.tokens, {}))
        moved = m_acks.finishPart(token) || moved;
    if (moved) {
        m_figures.acknowledgedToken = m_acks.acknowledged();
        m_ackMoved = true;
    }
}

void BatchSettler::spoolRemainder(WriteBatch &batch)
{
    if (batch.fromSpool && !batch.splitter)
        return;
    QByteArray lines;
    int points = 0;
    if (batch.splitter) {
        for (const BatchSplitter::Range &range : batch.splitter->unresolved()) {
            lines += batch.slice(range);
            points += range.size();
        }
    } else {
        lines = batch.lines;
        points = batch.points;
    }
    if (lines.isEmpty() || spoolLines(lines, points, batch.oldestUs))
        settle(batch);
}

bool BatchSettler::spoolLines(const QByteArray &lines, int points, qint64 oldestUs)
{
    QString error = u"the spool is not open"_s;
    Spool::AppendResult result = Spool::AppendResult::Failed;
    if (m_spool && m_spool->isOpen())
        result = m_spool->append(lines, points, oldestUs, &error);
    if (result == Spool::AppendResult::Stored) {
        m_figures.pointsSpooled += quint64(points);
        return true;
    }
    if (result == Spool::AppendResult::TooLarge)
        error = u"a batch of %1 bytes exceeds the spool's size limit"_s.arg(lines.size());
    m_figures.droppedSpoolError += quint64(points);
    qCCritical(lcInflux).noquote()
        << u"cannot spool %1 points: %2; acknowledgements stop here until a restart, when "
           u"Home Assistant's history fills the gap"_s.arg(points)
               .arg(error);
    return false;
}

void BatchSettler::deadLetter(WriteBatch &batch, const BatchSplitter::Range &range,
                              const InfluxResponse &response, const QString &target)
{
    QString error;
    const int points = range.size();
    if (m_deadLetters.append(batch.slice(range), points, response.status, response.message, target,
                             &error)) {
        m_figures.pointsDeadLettered += quint64(points);
        qCWarning(lcInflux).noquote()
            << u"InfluxDB refused %1 point(s) for good (%2: %3); kept in %4"_s.arg(points)
                   .arg(response.status)
                   .arg(response.message, m_deadLetters.currentPath());
    } else {
        m_figures.droppedDeadLetterError += quint64(points);
        qCCritical(lcInflux).noquote()
            << u"InfluxDB refused %1 point(s) and they cannot be kept: %2"_s.arg(points).arg(error);
    }
}

void BatchSettler::fillSpoolFigures()
{
    if (!m_spool || !m_spool->isOpen())
        return;
    InfluxWriterFigures &f = m_figures;
    f.spoolBytes = m_spool->bytes();
    f.spoolDiskBytes = m_spool->diskBytes();
    f.spoolRecords = m_spool->records();
    f.spoolPoints = m_spool->points();
    f.spoolOldestUs = m_spool->oldestPointUs();
    f.spoolTruncatedTails = m_spool->truncatedTails();
    f.spoolCorruptRecords = m_spool->corruptRecords();
    f.droppedSpoolFull = m_spool->droppedPoints();
    f.droppedSpoolCorrupt = m_spool->corruptPoints();
}

} // namespace hai
