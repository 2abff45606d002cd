// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/thread.h"
#include "statussnapshot.h"

#include <QDeadlineTimer>
#include <QObject>
#include <QTimer>

#include <array>

namespace hai {

class Backend;
class RegistryProbe;

// The GUI's one window on the backend's figures. Twice a second it copies the thread-safe
// stats (a short lock each, never I/O) into a StatusSnapshot and emits updated(); HA state
// changes trigger an extra poll at once, so the status never lags a transition. Registry
// counts come from a RegistryProbe in a reader thread owned here, refreshed (debounced) when
// the registry changes. Without a backend it emits empty snapshots.
class StatusPoller : public QObject
{
    Q_OBJECT
public:
    static constexpr int kIntervalMs = 500;
    static constexpr int kRegistryDebounceMs = 1000;

    explicit StatusPoller(Backend *backend, QObject *parent = nullptr);
    ~StatusPoller() override;

    const StatusSnapshot &current() const { return m_current; }

public Q_SLOTS:
    void pollNow();
    // Reads the registry counts again soon (debounced).
    void refreshRegistry();

Q_SIGNALS:
    void updated(const hai::StatusSnapshot &snapshot);

private:
    void connectBackend();
    void startProbe();
    void requestRegistryRead();
    void onRegistryRead(const RegistryFigures &figures);
    void trackInfluxErrorKind(const InfluxWriterFigures &figures);

    Backend *m_backend = nullptr;
    QTimer m_timer;
    QTimer m_registryDebounce;
    StatusSnapshot m_current;
    QDeadlineTimer m_reconnectAt{QDeadlineTimer::Forever};
    int m_discoveryDone = 0, m_discoveryTotal = 0;
    std::array<quint64, kInfluxErrorKinds> m_influxErrors{};
    InfluxErrorKind m_influxErrorKind = InfluxErrorKind::None;

    ThreadPtr m_probeThread;
    RegistryProbe *m_probe = nullptr; // lives in m_probeThread, deleted when it finishes
    RegistryFigures m_registry;
    bool m_readPending = false;
    bool m_readAgain = false;
};

} // namespace hai
