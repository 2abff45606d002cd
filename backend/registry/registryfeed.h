// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/databaselocation.h"
#include "registryrows.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>

class QSqlQuery;

namespace hai {

class Database;

// Hands the GUI the registry as compact rows, on its own reader connection. The first
// reload sends the full snapshot in chunks, so tables fill while it is read; later reloads
// send only what was added, changed or removed since. It remembers a hash per row, not the
// rows: the GUI's models hold the only full copy.
//
// Threads: the app moves it to a worker thread and calls open() there (queued); connect
// RegistryService::registryChanged to scheduleReload(). Tests call it directly.
class RegistryFeed : public QObject
{
    Q_OBJECT
public:
    explicit RegistryFeed(const DatabaseLocation &location, QObject *parent = nullptr);
    ~RegistryFeed() override;

    // Rows per chunk of added or changed rows, and keys per chunk of removals (each removal
    // can cost the GUI a pass over its table, so they come in smaller portions).
    void setChunkSizes(int rows, int removals);
    void setDebounceMs(int ms) { m_debounce.setInterval(ms); }

    // May be called from any thread: makes a running reload stop at the next row.
    void requestStop() { m_stopping = true; }

public Q_SLOTS:
    // Opens the reader connection in the calling thread, then reloads. Emits failed() and
    // returns false when the database cannot be opened.
    bool open();
    void close();
    // Reads everything now and emits what changed; returns false (and emits failed) on error.
    bool reload();
    // Coalesces a burst of registry writes into one reload after the debounce interval.
    void scheduleReload(const QString &registry);

Q_SIGNALS:
    void placesLoaded(const hai::RegistryPlaces &places);
    void devicesChanged(const hai::DeviceDelta &delta);
    void entitiesChanged(const hai::EntityDelta &delta);
    // After the last chunk of a reload; `initial` for the first snapshot.
    void reloaded(int devices, int entities, bool initial);
    void failed(const QString &message);

private:
    template <typename Row>
    struct Table;
    bool readPlaces(RegistryPlaces *places, QString *error);
    bool readDevices(QString *error);
    bool readEntities(QString *error);
    bool exec(QSqlQuery &query, const QString &sql, QString *error);
    // One shared copy of a repeated value, so rows of the same area share its name.
    QString intern(const QString &value);

    DatabaseLocation m_location;
    std::unique_ptr<Database> m_database;
    QTimer m_debounce;
    int m_chunkRows = 2000;
    int m_chunkRemovals = 200;
    bool m_initialDone = false;
    std::atomic<bool> m_stopping{false};
    QHash<QString, size_t> m_deviceHashes; // key -> hash of the row as last sent
    QHash<QString, size_t> m_entityHashes;
    size_t m_placesHash = 0;
    QHash<QString, QString> m_interned;
};

} // namespace hai
