// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demohomeoptions.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace hai {

class CommandHandlers;
class DemoConnection;
class DemoListener;
class HistoryRecorder;
class HomeModel;
class PlaceMutator;
class RegistryMutator;
class TrafficGenerator;
class TrafficPump;
struct HomeEvent;

// A simulated Home Assistant server on loopback for --demo, integration tests and benchmarks.
// It generates a deterministic home from DemoHomeOptions, serves HA's WebSocket API at
// /api/websocket (see docs/home-assistant-protocol.md §1-§6), fires state_changed traffic at
// a steady rate or in bursts paced by the clients, records every state for history queries,
// and injects faults: dropped connections, refused connections, slow answers, huge frames,
// slow-client cancellation and restarts. Registry mutations fire HA's registry events.
//
// Works synchronously in the thread that owns it; it may be moved to a worker thread before
// listen() (then call it there, e.g. with QMetaObject::invokeMethod).
class DemoHome : public QObject
{
    Q_OBJECT
public:
    explicit DemoHome(const DemoHomeOptions &options = {}, QObject *parent = nullptr);
    ~DemoHome() override;

    // Server.
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    void close();
    bool isListening() const;
    QString errorString() const;
    quint16 port() const;
    QUrl url() const; // ws://127.0.0.1:PORT/api/websocket
    QString token() const;
    const DemoHomeOptions &options() const { return m_options; }
    int connectionCount() const;
    int authenticatedCount() const;

    // The home.
    int deviceCount() const;
    int entityCount() const; // registry entries, disabled ones included
    int stateCount() const;  // entities with a state (enabled ones)
    int areaCount() const;
    int floorCount() const;
    int labelCount() const;
    int configEntryCount() const;
    QStringList deviceIds() const;
    QStringList entityIds() const; // registry order
    QStringList areaIds() const;
    QStringList floorIds() const;
    QStringList labelIds() const;
    // The state's JSON as get_states sends it; empty when the entity has none.
    QByteArray stateJson(const QString &entityId) const;
    qint64 historyRowCount() const;

    // Traffic.
    void setEventRate(double eventsPerSecond);
    double eventRate() const { return m_options.eventsPerSecond; }
    // Emits count state changes as fast as the subscribed clients drain (burstFinished).
    void emitBurst(int count);
    int burstRemaining() const;
    // Emits count state changes right now, without waiting for anyone.
    void emitNow(int count);
    // Writes one state (and the given attributes, or the entity's current ones).
    bool setState(const QString &entityId, const QString &state,
                  const QJsonObject *attributes = nullptr);
    qint64 emittedStateChanges() const { return m_emitted; }

    // Faults.
    void dropAllConnections(); // abort: no close frame
    void refuseConnectionsFor(int ms);
    bool isRefusingConnections() const;
    // Every intervalMs, drop all connections and refuse new ones for refuseMs (0 = off).
    void setDropInterval(int intervalMs, int refuseMs = 0);
    void setResponseDelay(int ms) { m_options.responseDelayMs = ms; }
    void setHugeStatesBytes(qint64 bytes) { m_options.hugeStatesBytes = bytes; }
    void setAlwaysCoalesce(bool on) { m_options.alwaysCoalesce = on; }
    void setAuthTimeout(int ms) { m_options.authTimeoutMs = ms; }
    // Fires homeassistant_stop, closes every connection (going away) and refuses new ones
    // for downtimeMs, as a restarting HA does.
    void simulateRestart(int downtimeMs = 0);
    // Makes the recorder's latest writes visible to history queries now.
    void commitHistory();

    // Registry mutations; each fires HA's events. Ids are returned, empty on failure.
    QString addDevice(const QString &name, const QString &areaId = {});
    bool renameDevice(const QString &deviceId, const QString &nameByUser);
    bool moveDevice(const QString &deviceId, const QString &areaId);
    bool removeDevice(const QString &deviceId);
    QString addEntity(const QString &domain, const QString &name, const QString &deviceId = {});
    bool renameEntity(const QString &entityId, const QString &newEntityId);
    bool setEntityName(const QString &entityId, const QString &name);
    bool setEntityArea(const QString &entityId, const QString &areaId);
    bool removeEntity(const QString &entityId);
    QString addArea(const QString &name, const QString &floorId = {});
    bool renameArea(const QString &areaId, const QString &name);
    bool removeArea(const QString &areaId);
    QString addFloor(const QString &name, int level = 0);
    bool renameFloor(const QString &floorId, const QString &name);
    bool removeFloor(const QString &floorId);
    QString addLabel(const QString &name, const QString &color = {});
    bool renameLabel(const QString &labelId, const QString &name);
    bool removeLabel(const QString &labelId);
    QString addConfigEntry(const QString &domain, const QString &title = {});
    bool removeConfigEntry(const QString &entryId);

    // For benchmarks and tests that want the internals.
    HomeModel &model() { return *m_model; }

Q_SIGNALS:
    void clientConnected();
    void clientAuthenticated();
    void clientSubscribed();
    void clientDisconnected();
    void burstFinished();
    void eventsEmitted(int count);

private:
    void acceptConnection();
    void publish(const HomeEvent &event);
    bool publishAll(const QList<HomeEvent> &events);
    int emitCount(int count);
    int burstRoom() const;

    DemoHomeOptions m_options;
    std::unique_ptr<HomeModel> m_model;
    std::unique_ptr<HistoryRecorder> m_history;
    std::unique_ptr<TrafficGenerator> m_traffic;
    std::unique_ptr<RegistryMutator> m_mutator;
    std::unique_ptr<PlaceMutator> m_places;
    std::unique_ptr<CommandHandlers> m_handlers;
    DemoListener *m_listener;
    QList<DemoConnection *> m_connections;

    TrafficPump *m_pump;
    qint64 m_emitted = 0;
    QTimer m_dropTimer;
    int m_refuseAfterDropMs = 0;
    QTimer m_commitTimer;
};

} // namespace hai
