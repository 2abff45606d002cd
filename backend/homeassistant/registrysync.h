// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "haregistry.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <memory>

namespace hai {

class HaStats;
class RegistryLoader;

// Keeps the store current between discoveries. HA's *_registry_updated events carry only an
// action and an id, so each one marks its registry dirty; a short debounce later the dirty
// registries are re-read and stored as full snapshots, in store order (devices before
// entities, so an entity that names a just-created device finds it). A burst of events costs
// one re-read per registry. Entity events name their entity, so a few of them are read one
// by one (config/entity_registry/get) instead of the whole list (RegistryLoader).
class RegistrySync : public QObject
{
    Q_OBJECT
public:
    RegistrySync(RegistryLoader *loader, int debounceMs, std::shared_ptr<HaStats> stats,
                 QObject *parent = nullptr);

    // The `event` object of a registry-updated event.
    void handleEvent(const QJsonObject &event);
    void markDirty(HaRegistry registry);
    // While paused (during discovery) dirt is kept but nothing is re-read.
    void setPaused(bool paused);
    // A new connection: forget dirt and any re-read in flight (discovery reads everything).
    void reset();
    bool isIdle() const { return !m_running && m_dirty.isEmpty(); }

Q_SIGNALS:
    // A dirty registry was re-read and stored; `latencyMs` runs from the first event that
    // made it dirty.
    void synced(const QString &registry, int count, double latencyMs);
    void syncFailed(const QString &registry, const QString &error);

private:
    void schedule(HaRegistry registry);
    void flush();
    void runNext();

    RegistryLoader *m_loader;
    std::shared_ptr<HaStats> m_stats;
    QTimer m_timer;
    QElapsedTimer m_clock;
    bool m_paused = false;
    bool m_running = false;
    quint64 m_run = 0;
    QSet<HaRegistry> m_dirty;
    qint64 m_dirtySinceMs = -1;
    QList<HaRegistry> m_queue;
    qint64 m_flushSinceMs = 0;
    // Entities named by events since the last flush, and those of the flush in progress.
    QSet<QString> m_entityFetch, m_entityRemoved;
    bool m_entityListNeeded = false;
    QStringList m_flushFetch, m_flushRemoved;
    bool m_flushEntityList = false;
};

} // namespace hai
