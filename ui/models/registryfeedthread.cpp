// SPDX-License-Identifier: GPL-3.0-or-later
#include "registryfeedthread.h"

#include "registry/registryfeed.h"
#include "registry/registryservice.h"

#include <QElapsedTimer>

using namespace Qt::StringLiterals;

namespace hai {

RegistryFeedThread::RegistryFeedThread(const DatabaseLocation &location, RegistryService *changes,
                                       QObject *parent)
    : QObject(parent)
    , m_location(location)
    , m_changes(changes)
{
    m_drainTimer.setSingleShot(true);
    m_drainTimer.setInterval(0);
    connect(&m_drainTimer, &QTimer::timeout, this, &RegistryFeedThread::drain);
}

RegistryFeedThread::~RegistryFeedThread()
{
    stop();
}

void RegistryFeedThread::start()
{
    if (m_thread)
        return;
    m_thread = startNamedThread(u"registry-feed"_s);
    m_feed = new RegistryFeed(m_location);
    m_feed->moveToThread(m_thread.get());
    // Deleted in its thread as that thread ends, so its connection closes where it was opened.
    connect(m_thread.get(), &QThread::finished, m_feed, &QObject::deleteLater);
    if (m_changes) {
        connect(m_changes.data(), &RegistryService::registryChanged, m_feed,
                &RegistryFeed::scheduleReload);
    }
    // The feed's signals arrive queued; each is parked and applied by drain().
    connect(m_feed, &RegistryFeed::placesLoaded, this, [this](const RegistryPlaces &places) {
        enqueue([this, places] { Q_EMIT placesLoaded(places); });
    });
    connect(m_feed, &RegistryFeed::devicesChanged, this, [this](const DeviceDelta &delta) {
        enqueue([this, delta] { Q_EMIT devicesChanged(delta); });
    });
    connect(m_feed, &RegistryFeed::entitiesChanged, this, [this](const EntityDelta &delta) {
        enqueue([this, delta] { Q_EMIT entitiesChanged(delta); });
    });
    connect(m_feed, &RegistryFeed::reloaded, this, [this](int devices, int entities, bool initial) {
        enqueue(
            [this, devices, entities, initial] { Q_EMIT reloaded(devices, entities, initial); });
    });
    connect(m_feed, &RegistryFeed::failed, this, [this](const QString &message) {
        enqueue([this, message] { Q_EMIT failed(message); });
    });
    QMetaObject::invokeMethod(m_feed, &RegistryFeed::open, Qt::QueuedConnection);
}

void RegistryFeedThread::stop()
{
    if (!m_thread)
        return;
    m_feed->requestStop();
    if (m_changes)
        disconnect(m_changes.data(), nullptr, m_feed, nullptr);
    disconnect(m_feed, nullptr, this, nullptr);
    m_feed = nullptr; // deleted by the thread's finished signal
    m_thread.reset(); // quits and joins
    m_pending.clear();
    m_drainTimer.stop();
}

void RegistryFeedThread::reload()
{
    if (m_feed)
        QMetaObject::invokeMethod(m_feed, &RegistryFeed::reload, Qt::QueuedConnection);
}

void RegistryFeedThread::enqueue(std::function<void()> step)
{
    m_pending.push_back(std::move(step));
    if (!m_drainTimer.isActive())
        m_drainTimer.start();
}

void RegistryFeedThread::drain()
{
    QElapsedTimer budget;
    budget.start();
    while (!m_pending.empty()) {
        const std::function<void()> step = std::move(m_pending.front());
        m_pending.pop_front();
        step();
        if (budget.elapsed() >= m_budgetMs)
            break;
    }
    if (!m_pending.empty())
        m_drainTimer.start(); // the rest after input and paint events had their turn
}

} // namespace hai
