// SPDX-License-Identifier: GPL-3.0-or-later
#include "registrymodels.h"

#include "backend.h"
#include "devicetablemodel.h"
#include "entitytablemodel.h"
#include "homeassistant/haclient.h"
#include "homeassistant/livestatecache.h"
#include "registry/registryservice.h"
#include "registryfeedthread.h"

#include <QSortFilterProxyModel>

using namespace Qt::StringLiterals;

namespace hai {

RegistryModels::RegistryModels(const DatabaseLocation &location, RegistryService *changes,
                               std::shared_ptr<const LiveStateCache> liveStates, QObject *parent)
    : QObject(parent)
    , m_feed(new RegistryFeedThread(location, changes, this))
    , m_devices(new DeviceTableModel(this))
    , m_entities(new EntityTableModel(this))
{
    m_entities->setLiveStates(std::move(liveStates));
    connect(m_feed, &RegistryFeedThread::placesLoaded, this, [this](const RegistryPlaces &places) {
        m_places = places;
        Q_EMIT placesChanged();
    });
    connect(m_feed, &RegistryFeedThread::devicesChanged, m_devices, &DeviceTableModel::applyDelta);
    connect(m_feed, &RegistryFeedThread::entitiesChanged, m_entities,
            &EntityTableModel::applyDelta);
    connect(m_feed, &RegistryFeedThread::reloaded, this, [this](int, int, bool initial) {
        m_lastError.clear();
        const bool first = !m_loaded;
        m_loaded = true;
        Q_EMIT reloaded(initial);
        if (first)
            Q_EMIT loaded();
    });
    connect(m_feed, &RegistryFeedThread::failed, this, [this](const QString &message) {
        m_lastError = message;
        Q_EMIT failed(message);
    });
}

RegistryModels::~RegistryModels()
{
    stop();
}

RegistryModels *RegistryModels::of(Backend *backend)
{
    if (!backend || !backend->registry())
        return nullptr;
    auto *models = backend->findChild<RegistryModels *>(QString(), Qt::FindDirectChildrenOnly);
    if (!models) {
        std::shared_ptr<const LiveStateCache> live;
        if (backend->haClient())
            live = backend->haClient()->liveStates();
        models = new RegistryModels(backend->settings().registryDb, backend->registry(),
                                    std::move(live), backend);
    }
    models->start();
    return models;
}

void RegistryModels::start()
{
    m_feed->start();
}

void RegistryModels::stop()
{
    m_feed->stop();
}

void RegistryModels::reload()
{
    m_feed->reload();
}

void RegistryModels::sortAfterFirstFill(QSortFilterProxyModel *proxy, int feedOrderColumn)
{
    if (m_loaded)
        return;
    // A sort emits layoutChanged: each new sort order decides how the next chunks arrive.
    const auto decide = [proxy, feedOrderColumn] {
        const bool atEnd = proxy->sortColumn() < 0 || (proxy->sortColumn() == feedOrderColumn &&
                                                       proxy->sortOrder() == Qt::AscendingOrder);
        if (proxy->dynamicSortFilter() != atEnd)
            proxy->setDynamicSortFilter(atEnd); // true sorts the rows so far, once
    };
    const QMetaObject::Connection sorted =
        connect(proxy, &QAbstractItemModel::layoutChanged, proxy, decide);
    connect(
        this, &RegistryModels::loaded, proxy,
        [proxy, sorted] {
            disconnect(sorted);
            if (!proxy->dynamicSortFilter())
                proxy->setDynamicSortFilter(true);
        },
        Qt::SingleShotConnection);
    decide();
}

QString RegistryModels::areaName(const QString &areaId) const
{
    for (const AreaRow &area : m_places.areas) {
        if (area.id == areaId)
            return area.name;
    }
    return {};
}

} // namespace hai
