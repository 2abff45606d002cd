// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QMutex>
#include <QString>

#include <array>

namespace hai {

// The connection's life cycle. Backfilling is a sub-state of live: subscriptions are up and
// live events flow while the gap is filled from history; the state returns to Live after.
enum class HaState { Disconnected, Connecting, Authenticating, Discovering, Live, Backfilling };

// Kinds of bad input from Home Assistant (or anything pretending to be it). Each kind is
// logged once and then only counted.
enum class HaBadInput {
    MalformedJson,     // a frame that is not JSON
    NotAnObject,       // a message that is not a JSON object (also inside an array frame)
    MissingField,      // e.g. a result without id, an event without event
    WrongType,         // e.g. "id":"7", a registry list that is not an array
    UnknownType,       // a message type this client does not know
    UnmatchedId,       // a result, pong or event whose id matches nothing pending
    UnexpectedMessage, // e.g. auth_ok in the command phase, a result before auth
    BinaryFrame,
    OversizedFrame,  // the socket closed because a frame exceeded the size limit
    BadEvent,        // an event with missing or mistyped fields (state_changed, registry)
    BadHistory,      // a history row that cannot be turned into a state
    BadRegistryItem, // a registry item with a field of the wrong type (repaired or dropped)
    UnknownDevice,   // an entity naming a device HA did not list (reference cleared)
};
constexpr int kHaBadInputKinds = int(HaBadInput::UnknownDevice) + 1;

// A copy of every figure, for /health, /api/v1/stats and the GUI.
struct HaStatsSnapshot
{
    QString status; // connected, connecting, disconnected, auth_failed, stopped
    HaState state = HaState::Disconnected;
    QString url; // the WebSocket URL (never the token)
    QString haVersion;
    qint64 connectedSinceUs = 0; // 0 when not connected
    quint64 reconnects = 0;      // sessions established after the first
    quint64 connectFailures = 0; // attempts that ended before auth_ok
    QString lastError;

    quint64 frames = 0, messages = 0, events = 0, stateChanged = 0, batches = 0;
    quint64 commandErrors = 0;
    qint64 liveStates = 0;

    qint64 discoveredAtUs = 0;
    double discoverySeconds = 0;
    qint64 devices = 0, entities = 0, areas = 0, floors = 0, labels = 0, integrations = 0;
    quint64 registryEvents = 0, registrySyncs = 0, registryErrors = 0;
    double lastSyncLatencyMs = 0, maxSyncLatencyMs = 0;

    bool backfillRunning = false;
    int backfillChunksDone = 0, backfillChunksTotal = 0;
    quint64 backfillRecoveredLast = 0, backfillRecoveredTotal = 0, backfills = 0;
    qint64 backfillFromUs = 0, backfillToUs = 0;
    double backfillSeconds = 0;
    qint64 checkpointUs = 0;

    std::array<quint64, kHaBadInputKinds> badInput{};

    quint64 badInputTotal() const;
    QJsonObject toJson() const;
};

// Thread-safe figures of the Home Assistant client: written in the "ha" thread (and by the
// registry thread for repaired items), read by the REST API and the GUI.
class HaStats
{
public:
    static QString stateName(HaState state);
    static QString badInputName(HaBadInput kind);

    // Counts one bad input; the first of each kind is logged as a warning with `detail`.
    void countBadInput(HaBadInput kind, const QString &detail);
    quint64 badInput(HaBadInput kind) const;

    HaStatsSnapshot snapshot() const;

    // Writers; each takes the lock once.
    void setState(HaState state);
    void setStatusOverride(const QString &status); // "auth_failed", "stopped", or empty
    void setUrl(const QString &url);
    void setConnected(const QString &haVersion, qint64 sinceUs, bool reconnect);
    void addConnectFailure();
    void setLastError(const QString &error);
    void addTraffic(quint64 frames, quint64 messages);
    void addEvents(quint64 events, quint64 stateChanged, quint64 batches);
    void addCommandError();
    void setLiveStates(qint64 count);
    void setDiscovery(qint64 atUs, double seconds, const HaStatsSnapshot &counts);
    void addRegistryEvent();
    void addRegistrySync(double latencyMs, bool ok);
    void setBackfillProgress(bool running, int done, int total, qint64 fromUs, qint64 toUs);
    void addBackfillResult(quint64 recovered, double seconds);
    void setCheckpoint(qint64 us);

private:
    mutable QMutex m_mutex;
    HaStatsSnapshot m_data;
    QString m_override;
    std::array<bool, kHaBadInputKinds> m_logged{};
};

} // namespace hai
