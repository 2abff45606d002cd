// SPDX-License-Identifier: GPL-3.0-or-later
#include "registryfeed.h"

#include "core/logging.h"
#include "database.h"
#include "sqltransaction.h"

#include <QElapsedTimer>
#include <QHashFunctions>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

// Writes that cannot change a device or entity row.
bool irrelevant(const QString &registry)
{
    return registry == u"labels"_s || registry == u"preferences"_s || registry == u"app_state"_s ||
           registry == u"webhooks"_s;
}

size_t rowHash(const DeviceRow &r)
{
    size_t h = qHashMulti(0, r.id, r.name, r.originalName, r.manufacturer, r.model, r.modelId,
                          r.areaId, r.areaName, r.floorId, r.floorName, r.floorLevel);
    h = qHashMulti(h, r.integration, r.configEntryId, r.configEntryTitle, r.swVersion, r.hwVersion,
                   r.serialNumber, r.viaDeviceId, r.entryType, r.disabledBy);
    return qHashMulti(h, r.configurationUrl, r.createdAt, r.modifiedAt, r.lastSeen, r.entityCount);
}

size_t rowHash(const EntityRow &r)
{
    return qHashMulti(0, r.entityId, r.name, r.domain, r.deviceId, r.deviceName, r.areaId,
                      r.areaName, r.platform, r.integration, r.disabled, r.hidden);
}

// Display names fall back when the preferred one is NULL or empty (HA sends both).
QString firstOf(const QString &preferred, const QString &fallback)
{
    return preferred.isEmpty() ? fallback : preferred;
}

// The debounce: long enough to merge a discovery's burst of per-registry writes, short
// enough that a rename shows up at once.
constexpr int kDefaultDebounceMs = 250;
// The reader's SQLite page cache, in KiB.
constexpr int kCacheKiB = 2048;
// Interned values are dropped when the set grows past this (stale names of a long session).
constexpr int kMaxInterned = 200000;

} // namespace

// Diffs one table's rows against the hashes of the previous reload and emits chunks.
template <typename Row>
struct RegistryFeed::Table
{
    using Emitter = void (RegistryFeed::*)(const RegistryDelta<Row> &);

    Table(RegistryFeed *owner, Emitter emitFn, QHash<QString, size_t> &rowHashes, bool first)
        : feed(owner)
        , emitter(emitFn)
        , hashes(rowHashes)
        , initial(first)
        , diffing(!rowHashes.isEmpty()) // a first load that failed halfway diffs its retry
    {}

    RegistryFeed *feed;
    Emitter emitter;
    QHash<QString, size_t> &hashes;
    bool initial;
    bool diffing;
    RegistryDelta<Row> pending;
    QSet<QString> seen;

    void add(Row &&row)
    {
        const size_t hash = rowHash(row);
        if (diffing)
            seen.insert(row.key());
        auto it = hashes.find(row.key());
        if (it == hashes.end()) {
            hashes.insert(row.key(), hash);
            pending.added.append(std::move(row));
        } else if (*it != hash) {
            *it = hash;
            pending.changed.append(std::move(row));
        }
        if (pending.added.size() + pending.changed.size() >= feed->m_chunkRows)
            flush(false);
    }

    void finish()
    {
        for (auto it = hashes.begin(); diffing && it != hashes.end();) {
            if (seen.contains(it.key())) {
                ++it;
                continue;
            }
            pending.removed.append(it.key());
            it = hashes.erase(it);
            if (pending.removed.size() >= feed->m_chunkRemovals)
                flush(false);
        }
        flush(true);
    }

    void flush(bool last)
    {
        if (pending.isEmpty() && !(last && initial))
            return;
        pending.initial = initial;
        pending.last = last;
        (feed->*emitter)(pending);
        pending = {};
    }
};

RegistryFeed::RegistryFeed(const DatabaseLocation &location, QObject *parent)
    : QObject(parent)
    , m_location(location)
    , m_debounce(this)
{
    qRegisterMetaType<hai::RegistryPlaces>();
    qRegisterMetaType<hai::DeviceDelta>();
    qRegisterMetaType<hai::EntityDelta>();
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDefaultDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &RegistryFeed::reload);
}

RegistryFeed::~RegistryFeed()
{
    close();
}

void RegistryFeed::setChunkSizes(int rows, int removals)
{
    m_chunkRows = qMax(1, rows);
    m_chunkRemovals = qMax(1, removals);
}

bool RegistryFeed::open()
{
    auto database = std::make_unique<Database>();
    QString error;
    if (!database->open(m_location, Database::Role::Reader, &error)) {
        Q_EMIT failed(error);
        return false;
    }
    if (!database->isPostgres()) {
        // A reload scans every table once; the OS keeps the file cached anyway, so a big page
        // cache would only hold a second copy of the database in the GUI's memory.
        QSqlQuery query(database->connection());
        query.exec(u"PRAGMA cache_size = -%1"_s.arg(kCacheKiB));
    }
    m_database = std::move(database);
    return reload();
}

void RegistryFeed::close()
{
    m_debounce.stop();
    m_database.reset();
}

void RegistryFeed::scheduleReload(const QString &registry)
{
    if (m_database && !irrelevant(registry) && !m_debounce.isActive())
        m_debounce.start();
}

bool RegistryFeed::exec(QSqlQuery &query, const QString &sql, QString *error)
{
    query.setForwardOnly(true);
    if (query.exec(sql))
        return true;
    *error = query.lastError().text();
    return false;
}

QString RegistryFeed::intern(const QString &value)
{
    if (value.isEmpty())
        return {};
    const auto it = m_interned.constFind(value);
    if (it != m_interned.constEnd())
        return *it;
    if (m_interned.size() >= kMaxInterned)
        m_interned.clear();
    m_interned.insert(value, value);
    return value;
}

bool RegistryFeed::reload()
{
    m_debounce.stop();
    if (!m_database) {
        Q_EMIT failed(u"the registry feed is not open"_s);
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    QString error;
    // One snapshot for all tables, so entity counts and device names agree with the rows.
    SqlTransaction transaction(*m_database);
    RegistryPlaces places;
    bool ok = (m_database->isPostgres() || transaction.begin(SqlTransaction::Kind::Read, &error)) &&
              readPlaces(&places, &error);
    if (ok) {
        size_t hash = 0;
        for (const FloorRow &f : std::as_const(places.floors))
            hash = qHashMulti(hash, f.id, f.name, f.level);
        for (const AreaRow &a : std::as_const(places.areas))
            hash = qHashMulti(hash, a.id, a.name, a.floorId);
        if (!m_initialDone || hash != m_placesHash) {
            m_placesHash = hash;
            Q_EMIT placesLoaded(places);
        }
        ok = readDevices(&error) && readEntities(&error);
    }
    if (ok && transaction.isActive())
        ok = transaction.commit(&error);
    if (!ok) {
        if (!m_stopping) {
            qCWarning(lcRegistry).noquote() << "registry feed: reload failed:" << error;
            Q_EMIT failed(error);
        }
        return false;
    }
    const bool initial = !m_initialDone;
    m_initialDone = true;
    qCDebug(lcRegistry) << "registry feed reloaded" << m_deviceHashes.size() << "devices,"
                        << m_entityHashes.size() << "entities in" << timer.elapsed() << "ms";
    Q_EMIT reloaded(int(m_deviceHashes.size()), int(m_entityHashes.size()), initial);
    return true;
}

bool RegistryFeed::readPlaces(RegistryPlaces *places, QString *error)
{
    QSqlQuery query(m_database->connection());
    if (!exec(query,
              u"SELECT floor_id, name, level FROM floors ORDER BY CASE WHEN level IS NULL THEN 1 "
              u"ELSE 0 END, level, name, floor_id"_s,
              error))
        return false;
    while (query.next()) {
        FloorRow floor{intern(query.value(0).toString()), intern(query.value(1).toString())};
        if (!query.isNull(2))
            floor.level = query.value(2).toInt();
        places->floors.append(floor);
    }
    if (!exec(query, u"SELECT area_id, name, floor_id FROM areas ORDER BY name, area_id"_s, error))
        return false;
    while (query.next()) {
        places->areas.append(AreaRow{intern(query.value(0).toString()),
                                     intern(query.value(1).toString()),
                                     intern(query.value(2).toString())});
    }
    return true;
}

bool RegistryFeed::readDevices(QString *error)
{
    QSqlQuery query(m_database->connection());
    if (!exec(query,
              u"SELECT d.device_id, d.name_by_user, d.name, d.manufacturer, d.model, d.model_id, "
              u"d.area_id, a.name, a.floor_id, f.name, f.level, d.integration, "
              u"d.config_entry_id, i.title, d.sw_version, d.hw_version, d.serial_number, "
              u"d.via_device_id, d.entry_type, d.disabled_by, d.configuration_url, "
              u"d.created_at, d.modified_at, d.last_seen, COALESCE(c.n, 0) "
              u"FROM devices d "
              u"LEFT JOIN areas a ON a.area_id = d.area_id "
              u"LEFT JOIN floors f ON f.floor_id = a.floor_id "
              u"LEFT JOIN integrations i ON i.entry_id = d.config_entry_id "
              u"LEFT JOIN (SELECT device_id, COUNT(*) AS n FROM entities "
              u"WHERE device_id IS NOT NULL GROUP BY device_id) c ON c.device_id = d.device_id "
              u"ORDER BY d.sort_name, d.device_id"_s,
              error))
        return false;
    Table<DeviceRow> table{this, &RegistryFeed::devicesChanged, m_deviceHashes, !m_initialDone};
    while (query.next()) {
        if (m_stopping) {
            *error = u"stopped"_s;
            return false;
        }
        DeviceRow row;
        row.id = query.value(0).toString();
        row.originalName = query.value(2).toString();
        row.name = firstOf(query.value(1).toString(), row.originalName);
        row.manufacturer = intern(query.value(3).toString());
        row.model = intern(query.value(4).toString());
        row.modelId = intern(query.value(5).toString());
        row.areaId = intern(query.value(6).toString());
        row.areaName = intern(query.value(7).toString());
        row.floorId = intern(query.value(8).toString());
        row.floorName = intern(query.value(9).toString());
        if (!query.isNull(10))
            row.floorLevel = query.value(10).toInt();
        row.integration = intern(query.value(11).toString());
        row.configEntryId = intern(query.value(12).toString());
        row.configEntryTitle = intern(query.value(13).toString());
        row.swVersion = intern(query.value(14).toString());
        row.hwVersion = intern(query.value(15).toString());
        row.serialNumber = query.value(16).toString();
        row.viaDeviceId = intern(query.value(17).toString());
        row.entryType = intern(query.value(18).toString());
        row.disabledBy = intern(query.value(19).toString());
        row.configurationUrl = query.value(20).toString();
        row.createdAt = query.value(21).toDouble();
        row.modifiedAt = query.value(22).toDouble();
        row.lastSeen = query.value(23).toDouble();
        row.entityCount = query.value(24).toInt();
        table.add(std::move(row));
    }
    table.finish();
    return true;
}

bool RegistryFeed::readEntities(QString *error)
{
    QSqlQuery query(m_database->connection());
    if (!exec(query,
              u"SELECT e.entity_id, e.name, e.original_name, e.domain, e.device_id, "
              u"d.name_by_user, d.name, e.effective_area_id, a.name, e.platform, i.domain, "
              u"d.integration, e.disabled_by, e.hidden_by "
              u"FROM entities e "
              u"LEFT JOIN devices d ON d.device_id = e.device_id "
              u"LEFT JOIN areas a ON a.area_id = e.effective_area_id "
              u"LEFT JOIN integrations i ON i.entry_id = e.config_entry_id "
              u"ORDER BY e.entity_id"_s,
              error))
        return false;
    Table<EntityRow> table{this, &RegistryFeed::entitiesChanged, m_entityHashes, !m_initialDone};
    while (query.next()) {
        if (m_stopping) {
            *error = u"stopped"_s;
            return false;
        }
        EntityRow row;
        row.entityId = query.value(0).toString();
        // Interned too: original names repeat ("Battery", "Temperature") across devices.
        row.name = intern(firstOf(query.value(1).toString(), query.value(2).toString()));
        row.domain = intern(query.value(3).toString());
        row.deviceId = intern(query.value(4).toString());
        row.deviceName = intern(firstOf(query.value(5).toString(), query.value(6).toString()));
        if (row.name.isEmpty())
            row.name = row.deviceName; // HA names an entity without a name after its device
        row.areaId = intern(query.value(7).toString());
        row.areaName = intern(query.value(8).toString());
        row.platform = intern(query.value(9).toString());
        row.integration = intern(
            firstOf(firstOf(query.value(10).toString(), query.value(11).toString()), row.platform));
        row.disabled = !query.value(12).toString().isEmpty();
        row.hidden = !query.value(13).toString().isEmpty();
        table.add(std::move(row));
    }
    table.finish();
    return true;
}

} // namespace hai
