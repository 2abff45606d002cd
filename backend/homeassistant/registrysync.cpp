// SPDX-License-Identifier: GPL-3.0-or-later
#include "registrysync.h"

#include "core/logging.h"
#include "hastats.h"
#include "registryloader.h"

#include <QPointer>

using namespace Qt::StringLiterals;

namespace hai {

namespace {
// More entity events than this in one debounce window: re-read the list instead.
constexpr qsizetype kMaxEntitiesByEvent = 50;
} // namespace

RegistrySync::RegistrySync(RegistryLoader *loader, int debounceMs, std::shared_ptr<HaStats> stats,
                           QObject *parent)
    : QObject(parent)
    , m_loader(loader)
    , m_stats(std::move(stats))
    , m_timer(this)
{
    m_clock.start();
    m_timer.setSingleShot(true);
    m_timer.setInterval(std::max(0, debounceMs));
    connect(&m_timer, &QTimer::timeout, this, &RegistrySync::flush);
}

void RegistrySync::handleEvent(const QJsonObject &event)
{
    const QString type = event.value(u"event_type").toString();
    const std::optional<HaRegistry> registry = HaRegistryInfo::fromUpdatedEvent(type);
    if (!registry)
        return;
    m_stats->addRegistryEvent();
    const QJsonObject data = event.value(u"data").toObject();
    const QString action = data.value(u"action").toString();
    if (action.isEmpty())
        m_stats->countBadInput(HaBadInput::BadEvent,
                               type + u" without a string action (re-read anyway)"_s);
    if (*registry != HaRegistry::Entities) {
        schedule(*registry);
        return;
    }
    // Entities are many: remember which ones, so that only they need to be read.
    const QString entityId = data.value(u"entity_id").toString();
    const QString oldEntityId = data.value(u"old_entity_id").toString();
    if (entityId.isEmpty()) {
        m_entityListNeeded = true;
    } else if (action == u"remove") {
        m_entityFetch.remove(entityId);
        m_entityRemoved.insert(entityId);
    } else if (action == u"create" || action == u"update") {
        m_entityRemoved.remove(entityId);
        m_entityFetch.insert(entityId);
        if (!oldEntityId.isEmpty() && oldEntityId != entityId) { // renamed
            m_entityFetch.remove(oldEntityId);
            m_entityRemoved.insert(oldEntityId);
        }
    } else {
        m_entityListNeeded = true;
    }
    schedule(HaRegistry::Entities);
}

void RegistrySync::markDirty(HaRegistry registry)
{
    if (registry == HaRegistry::Entities)
        m_entityListNeeded = true;
    schedule(registry);
}

void RegistrySync::schedule(HaRegistry registry)
{
    if (m_dirty.isEmpty())
        m_dirtySinceMs = m_clock.elapsed();
    m_dirty.insert(registry);
    // Not restarted by later events: a steady stream of changes must not postpone the
    // re-read forever.
    if (!m_paused && !m_running && !m_timer.isActive())
        m_timer.start();
}

void RegistrySync::setPaused(bool paused)
{
    m_paused = paused;
    if (paused)
        m_timer.stop();
    else if (!m_dirty.isEmpty() && !m_running && !m_timer.isActive())
        m_timer.start();
}

void RegistrySync::reset()
{
    ++m_run;
    m_timer.stop();
    m_running = false;
    m_dirty.clear();
    m_queue.clear();
    m_dirtySinceMs = -1;
    m_entityFetch.clear();
    m_entityRemoved.clear();
    m_entityListNeeded = false;
}

void RegistrySync::flush()
{
    if (m_paused || m_running || m_dirty.isEmpty())
        return;
    m_queue.clear();
    for (HaRegistry registry : HaRegistryInfo::storeOrder())
        if (m_dirty.contains(registry))
            m_queue << registry;
    m_dirty.clear();
    m_flushFetch = m_entityFetch.values();
    m_flushRemoved = m_entityRemoved.values();
    m_flushEntityList =
        m_entityListNeeded || m_flushFetch.size() + m_flushRemoved.size() > kMaxEntitiesByEvent;
    m_entityFetch.clear();
    m_entityRemoved.clear();
    m_entityListNeeded = false;
    m_flushSinceMs = m_dirtySinceMs;
    m_dirtySinceMs = -1;
    m_running = true;
    runNext();
}

void RegistrySync::runNext()
{
    if (m_queue.isEmpty()) {
        m_running = false;
        if (!m_dirty.isEmpty() && !m_paused)
            m_timer.start();
        return;
    }
    const HaRegistry registry = m_queue.takeFirst();
    const quint64 run = m_run;
    QPointer<RegistrySync> self(this);
    auto done = [self, run](const RegistryLoader::Result &result) {
        if (!self || run != self->m_run)
            return;
        const double latencyMs = double(self->m_clock.elapsed() - self->m_flushSinceMs);
        const QString name = HaRegistryInfo::name(result.registry);
        self->m_stats->addRegistrySync(latencyMs, result.ok);
        if (result.ok) {
            qCDebug(lcHa).noquote() << "re-read" << name << ":" << result.count << "items,"
                                    << result.deleted << "removed," << latencyMs << "ms";
            Q_EMIT self->synced(name, result.count, latencyMs);
        } else {
            qCWarning(lcHa).noquote() << "registry sync:" << result.error;
            self->m_stats->setLastError(result.error);
            Q_EMIT self->syncFailed(name, result.error);
        }
        if (self && run == self->m_run)
            self->runNext();
    };
    if (registry == HaRegistry::Entities && !m_flushEntityList)
        m_loader->loadEntities(m_flushFetch, m_flushRemoved, std::move(done));
    else
        m_loader->load(registry, RegistryLoader::Write::Changes, std::move(done));
}

} // namespace hai
