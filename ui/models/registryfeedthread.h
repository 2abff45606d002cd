// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/databaselocation.h"
#include "core/thread.h"
#include "registry/registryrows.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <functional>

namespace hai {

class RegistryFeed;
class RegistryService;

// Runs a RegistryFeed in its own thread ("registry-feed") and re-emits its deltas on the GUI
// thread, a few at a time: chunks that arrive together are applied within a small time
// budget per event-loop pass, so a 100,000-entity snapshot never blocks input or painting.
// Keeps Backend unchanged: whoever shows the registry owns one of these.
class RegistryFeedThread : public QObject
{
    Q_OBJECT
public:
    // `changes` (may be null) announces writes; if it goes first, reloads just stop coming.
    RegistryFeedThread(const DatabaseLocation &location, RegistryService *changes,
                       QObject *parent = nullptr);
    ~RegistryFeedThread() override;

    void start();
    // Stops the reader (an unfinished reload is abandoned) and joins the thread; undelivered
    // deltas are dropped. Safe to call twice. A later start() sends a new first snapshot, which
    // only fresh models can take.
    void stop();
    bool isRunning() const { return bool(m_thread); }

    // Asks for a reload now (it still runs in the feed's thread).
    void reload();
    // Milliseconds of each event-loop pass spent applying deltas.
    void setBudgetMs(int ms) { m_budgetMs = ms; }

Q_SIGNALS:
    void placesLoaded(const hai::RegistryPlaces &places);
    void devicesChanged(const hai::DeviceDelta &delta);
    void entitiesChanged(const hai::EntityDelta &delta);
    void reloaded(int devices, int entities, bool initial);
    void failed(const QString &message);

private:
    void enqueue(std::function<void()> step);
    void drain();

    DatabaseLocation m_location;
    QPointer<RegistryService> m_changes;
    ThreadPtr m_thread;
    RegistryFeed *m_feed = nullptr; // lives in m_thread
    std::deque<std::function<void()>> m_pending;
    QTimer m_drainTimer;
    int m_budgetMs = 8;
};

} // namespace hai
