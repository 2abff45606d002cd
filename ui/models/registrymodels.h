// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/databaselocation.h"
#include "registry/registryrows.h"

#include <QObject>

#include <memory>

class QSortFilterProxyModel;

namespace hai {

class Backend;
class DeviceTableModel;
class EntityTableModel;
class LiveStateCache;
class RegistryFeedThread;
class RegistryService;

// The registry as the GUI sees it: one feed thread and the device and entity tables it
// fills, shared by the Devices and Entities pages so 100,000 entities are held once.
class RegistryModels : public QObject
{
    Q_OBJECT
public:
    // `changes` may be null (then only reload() refreshes); so may `liveStates`.
    RegistryModels(const DatabaseLocation &location, RegistryService *changes,
                   std::shared_ptr<const LiveStateCache> liveStates, QObject *parent = nullptr);
    ~RegistryModels() override;

    // The models of a started backend, created on first use as its child (Backend itself
    // stays unaware of the GUI); null when `backend` is null or not started yet.
    static RegistryModels *of(Backend *backend);

    void start(); // idempotent
    void stop();
    void reload();

    DeviceTableModel *devices() const { return m_devices; }
    EntityTableModel *entities() const { return m_entities; }
    RegistryFeedThread *feed() const { return m_feed; }
    const RegistryPlaces &places() const { return m_places; }
    QString areaName(const QString &areaId) const;

    // While the first snapshot streams in, `proxy` (over devices() or entities()) stays
    // sorted only when it sorts by the feed's own order (`feedOrderColumn` ascending), where
    // each chunk lands at its end; sorted otherwise, every chunk would cost a pass over the
    // proxy's mapping per row. Then it sorts once when the snapshot is complete.
    void sortAfterFirstFill(QSortFilterProxyModel *proxy, int feedOrderColumn);
    bool isLoaded() const { return m_loaded; } // the first snapshot is in
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void placesChanged();
    void loaded(); // once, when the first snapshot is complete
    void reloaded(bool initial);
    void failed(const QString &message);

private:
    RegistryFeedThread *m_feed;
    DeviceTableModel *m_devices;
    EntityTableModel *m_entities;
    RegistryPlaces m_places;
    bool m_loaded = false;
    QString m_lastError;
};

} // namespace hai
