// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "haclientoptions.h"
#include "haevent.h"
#include "harequester.h"

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>

namespace hai {

class HaStats;

// Recovers the states HA recorded while we were not connected, from its history
// (history/history_during_period, compressed, every change including attribute-only ones).
// Run after state_changed is subscribed, so the history window overlaps the live stream and
// nothing falls in between; a second pass after the recorder's commit interval picks up rows
// that were not committed yet during the first. The sink filters what was already handed on.
class Backfill : public QObject
{
    Q_OBJECT
public:
    // Takes converted states (oldest first per entity) and returns how many were new.
    using Sink = std::function<qsizetype(HaEventList &&events)>;

    Backfill(HaRequester *requester, const HaClientOptions &options, std::shared_ptr<HaStats> stats,
             QObject *parent = nullptr);

    // Reads the history of `entityIds` from `fromUs` to now. `subscribedAtUs` is when the
    // live subscription began (where the tail pass starts).
    void start(const QStringList &entityIds, qint64 fromUs, qint64 subscribedAtUs, Sink sink);
    void cancel();
    bool isRunning() const { return m_running; }

    // The request for one chunk, as sent.
    static QJsonObject request(const QStringList &entityIds, qint64 fromUs, qint64 toUs);

Q_SIGNALS:
    // Chunks over both passes.
    void progressed(int chunksDone, int chunksTotal, qint64 statesRecovered);
    // `complete` is false when a chunk failed (the gap may not be fully recovered).
    void finished(bool complete, qint64 statesRecovered, double seconds);

private:
    void startPass(int pass, qint64 fromUs);
    void pump();
    void onChunk(const HaResult &answer);
    void passDone();
    void finish(bool complete);

    HaRequester *m_requester;
    HaClientOptions m_options;
    std::shared_ptr<HaStats> m_stats;
    QTimer m_tailTimer;
    QElapsedTimer m_clock;
    Sink m_sink;
    QStringList m_entityIds;
    quint64 m_run = 0;
    bool m_running = false;
    bool m_complete = true;
    int m_pass = 0;
    qint64 m_fromUs = 0;
    qint64 m_subscribedAtUs = 0;
    qint64 m_passFromUs = 0;
    qint64 m_passToUs = 0;
    int m_chunksPerPass = 0;
    int m_nextChunk = 0;
    int m_inFlight = 0;
    int m_chunksDone = 0;
    qint64 m_recovered = 0;
};

} // namespace hai
