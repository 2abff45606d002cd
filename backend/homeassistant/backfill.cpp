// SPDX-License-Identifier: GPL-3.0-or-later
#include "backfill.h"

#include "core/logging.h"
#include "hastats.h"
#include "hatime.h"
#include "historyconverter.h"

#include <QJsonArray>
#include <QPointer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

constexpr int kChunksInFlight = 2;

} // namespace

Backfill::Backfill(HaRequester *requester, const HaClientOptions &options,
                   std::shared_ptr<HaStats> stats, QObject *parent)
    : QObject(parent)
    , m_requester(requester)
    , m_options(options)
    , m_stats(std::move(stats))
    , m_tailTimer(this)
{
    m_tailTimer.setSingleShot(true);
    connect(&m_tailTimer, &QTimer::timeout, this, [this] {
        // Rows committed after the first pass: from shortly before the subscription began.
        const qint64 tailFrom = m_subscribedAtUs - qint64(m_options.backfillMarginMs) * 1000 -
                                qint64(m_options.backfillTailDelayMs) * 1000;
        startPass(2, std::max(m_fromUs, tailFrom));
    });
}

QJsonObject Backfill::request(const QStringList &entityIds, qint64 fromUs, qint64 toUs)
{
    return QJsonObject{
        {u"type"_s, u"history/history_during_period"_s},
        {u"start_time"_s, HaTime::toIso(fromUs)},
        {u"end_time"_s, HaTime::toIso(toUs)},
        {u"entity_ids"_s, QJsonArray::fromStringList(entityIds)},
        {u"include_start_time_state"_s, false},
        {u"significant_changes_only"_s, false},
        {u"minimal_response"_s, false},
        {u"no_attributes"_s, false},
    };
}

void Backfill::start(const QStringList &entityIds, qint64 fromUs, qint64 subscribedAtUs, Sink sink)
{
    cancel();
    m_running = true;
    m_complete = true;
    m_sink = std::move(sink);
    m_entityIds = entityIds;
    m_entityIds.sort();
    m_entityIds.removeDuplicates();
    m_fromUs = fromUs;
    m_subscribedAtUs = subscribedAtUs;
    m_recovered = 0;
    m_chunksDone = 0;
    const int chunk = std::max(1, m_options.backfillChunkSize);
    m_chunksPerPass = int((m_entityIds.size() + chunk - 1) / chunk);
    m_clock.start();
    qCInfo(lcHa).noquote() << "backfilling" << m_entityIds.size() << "entities from"
                           << HaTime::toIso(fromUs);
    startPass(1, fromUs);
}

void Backfill::cancel()
{
    ++m_run;
    m_tailTimer.stop();
    m_inFlight = 0;
    if (m_running) {
        m_running = false;
        m_stats->setBackfillProgress(false, m_chunksDone, m_chunksPerPass * 2, m_fromUs, 0);
    }
}

void Backfill::startPass(int pass, qint64 fromUs)
{
    m_pass = pass;
    m_passFromUs = fromUs;
    // HA's clock may run a little ahead of ours; end_time in the future is harmless.
    m_passToUs = HaTime::nowMicroseconds() + qint64(m_options.backfillMarginMs) * 1000;
    m_nextChunk = 0;
    m_inFlight = 0;
    m_stats->setBackfillProgress(true, m_chunksDone, m_chunksPerPass * 2, m_fromUs, m_passToUs);
    if (m_chunksPerPass == 0) {
        passDone();
        return;
    }
    pump();
}

void Backfill::pump()
{
    const int chunk = std::max(1, m_options.backfillChunkSize);
    QPointer<Backfill> self(this);
    while (m_running && m_inFlight < kChunksInFlight && m_nextChunk < m_chunksPerPass) {
        const QStringList ids = m_entityIds.mid(qsizetype(m_nextChunk) * chunk, chunk);
        ++m_nextChunk;
        ++m_inFlight;
        const quint64 run = m_run;
        m_requester->request(request(ids, m_passFromUs, m_passToUs),
                             [self, run](const HaResult &answer) {
                                 if (self && run == self->m_run)
                                     self->onChunk(answer);
                             });
    }
}

void Backfill::onChunk(const HaResult &answer)
{
    --m_inFlight;
    if (!answer.success && answer.errorCode == u"disconnected") {
        finish(false);
        return;
    }
    if (!answer.success) {
        m_complete = false;
        qCWarning(lcHa).noquote() << "backfill: a history request failed:" << answer.describe();
        m_stats->setLastError(u"backfill: "_s + answer.describe());
    } else if (!answer.result.isObject()) {
        m_complete = false;
        m_stats->countBadInput(HaBadInput::BadHistory, u"a history result is not an object"_s);
    } else {
        HaEventList events;
        HistoryConverter::convertResult(answer.result.toObject(), &events, m_stats.get());
        if (m_sink && !events.isEmpty())
            m_recovered += m_sink(std::move(events));
    }
    ++m_chunksDone;
    m_stats->setBackfillProgress(true, m_chunksDone, m_chunksPerPass * 2, m_fromUs, m_passToUs);
    const quint64 run = m_run;
    Q_EMIT progressed(m_chunksDone, m_chunksPerPass * 2, m_recovered);
    if (run != m_run)
        return; // a slot cancelled us
    if (m_nextChunk >= m_chunksPerPass && m_inFlight == 0)
        passDone();
    else
        pump();
}

void Backfill::passDone()
{
    if (m_pass == 1) {
        m_tailTimer.start(std::max(0, m_options.backfillTailDelayMs));
        return;
    }
    finish(m_complete);
}

void Backfill::finish(bool complete)
{
    const double seconds = m_clock.nsecsElapsed() / 1e9;
    ++m_run;
    m_running = false;
    m_tailTimer.stop();
    m_stats->addBackfillResult(quint64(m_recovered), seconds);
    if (complete)
        qCInfo(lcHa).noquote() << "backfill recovered" << m_recovered << "states in"
                               << QString::number(seconds, 'f', 1) << "s";
    else
        qCWarning(lcHa).noquote() << "backfill incomplete:" << m_recovered
                                  << "states recovered before it stopped";
    Q_EMIT finished(complete, m_recovered, seconds);
}

} // namespace hai
