// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backfillfilter.h"
#include "checkpointtracker.h"
#include "haclientoptions.h"
#include "haevent.h"
#include "hastats.h"

#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <memory>

namespace hai {

class Backfill;
class Discovery;
class HaConnection;
class LiveStateCache;
class RegistryApplier;
class RegistryLoader;
class RegistryService;
class RegistrySync;

// The Home Assistant client as the rest of the app sees it. On every connection it
// subscribes (state_changed first, then the registry events), discovers all registries into
// the store, loads the live-state cache from get_states and, when a checkpoint says we
// missed something, backfills the gap from HA's history. Events leave as batches through
// eventsReceived, each with a sequence number the sink acknowledges once the batch is durable
// (or automatically, see HaClientOptions::autoAcknowledge); the acknowledged sequence drives
// the checkpoint.
//
// Threads: create it, move it to the "ha" thread, then call start() there (queued). Signals
// are emitted in that thread. stats(), liveStates() and statusSnapshot() may be used from any
// thread. `registry` must outlive the client.
class HaClient : public QObject
{
    Q_OBJECT
public:
    HaClient(const HaClientOptions &options, RegistryService *registry, QObject *parent = nullptr);
    ~HaClient() override;

    std::shared_ptr<const HaStats> stats() const { return m_stats; }
    std::shared_ptr<const LiveStateCache> liveStates() const;
    HaStatsSnapshot statusSnapshot() const { return m_stats->snapshot(); } // thread-safe
    HaState state() const { return m_state; }
    qint64 checkpoint() const { return m_checkpoint.value(); }
    HaConnection *connection() const { return m_connection; }

public Q_SLOTS:
    void start();
    // Flushes the pending batch, stores the checkpoint and closes; no reconnect. The
    // destructor calls it too.
    void stop();
    // Every batch up to `sequence` has been stored durably.
    void acknowledge(quint64 sequence);
    // Stores the checkpoint now (after stop(), for acknowledgements that came later).
    void storeCheckpoint() { saveCheckpoint(); }
    // New URL or token: reconnect with them (clears an auth failure).
    void setCredentials(const QUrl &url, const QString &token);

Q_SIGNALS:
    void connectionStateChanged(hai::HaState state);
    void authenticationFailed(const QString &message);
    void discoveryProgressed(const QString &registry, int done, int total);
    void discoveryFinished(bool ok, const QString &summary);
    void registrySynced(const QString &registry, int count, double latencyMs);
    void liveStatesLoaded(qsizetype count);
    // A batch of events in arrival order (backfilled ones flagged); acknowledge `sequence`.
    void eventsReceived(const hai::HaEventList &events, quint64 sequence);
    void backfillProgressed(int chunksDone, int chunksTotal, qint64 statesRecovered);
    void backfillFinished(bool complete, qint64 statesRecovered, double seconds);
    void checkpointAdvanced(qint64 checkpointUs);

private:
    void onAuthenticated(const QString &haVersion);
    void onDisconnected();
    void subscribe(const QString &eventType);
    void onEvent(const QJsonObject &event);
    void onParsedEvent(HaEvent &&event);
    void requestStates();
    void onStatesLoaded(const QJsonValue &states);
    void maybeGoLive();
    void startBackfill();
    qsizetype deliverBackfill(HaEventList &&events);
    void append(HaEvent &&event);
    void flush();
    void saveCheckpoint();
    void loadCheckpoint();
    void setState(HaState state);

    HaClientOptions m_options;
    std::shared_ptr<HaStats> m_stats;
    std::shared_ptr<LiveStateCache> m_cache;
    HaConnection *m_connection = nullptr;
    RegistryApplier *m_applier = nullptr;
    RegistryLoader *m_loader = nullptr;
    Discovery *m_discovery = nullptr;
    RegistrySync *m_registrySync = nullptr;
    Backfill *m_backfill = nullptr;
    BackfillFilter m_filter;
    CheckpointTracker m_checkpoint;
    QTimer m_flushTimer;
    QTimer m_saveTimer;
    HaState m_state = HaState::Disconnected;
    bool m_started = false;

    // Per connection.
    quint64 m_session = 0;
    bool m_discovered = false;
    bool m_statesLoaded = false;
    bool m_stateSubscribed = false;
    qint64 m_subscribedAtUs = 0;
    QStringList m_previousEntityIds; // states known before the connection dropped

    HaEventList m_batch;
    quint64 m_batchStateChanged = 0;
};

} // namespace hai
