// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "registryfilters.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <QVariantList>

#include <memory>
#include <optional>

class QSqlQuery;

namespace hai {

class Database;
class StatementCache;
class TableSpec;

// Read-only queries over the registry, on its own connection (one per reading thread).
// Items are JSON objects keyed by column name; JSON columns (labels, aliases, ...) come back
// as arrays or objects, never as strings. Prepared statements are cached per reader.
// On SQLite, a page and its total are read in one transaction, so they always agree, and
// totals and the small lists are cached until another connection commits (PRAGMA
// data_version), so paging through a large filtered set counts it once.
class RegistryReader
{
public:
    explicit RegistryReader(Database &database);
    ~RegistryReader();
    RegistryReader(const RegistryReader &) = delete;
    RegistryReader &operator=(const RegistryReader &) = delete;

    // Devices ordered by display name (name_by_user, else name; case-insensitive), then
    // device_id; each item carries entity_count. Limit and offset are clamped to PageRequest's
    // range.
    Page devices(const DeviceFilter &filter, const PageRequest &page);
    // The device with entity_count and an `entities` array (ordered by entity_id), or nullopt.
    std::optional<QJsonObject> device(const QString &deviceId);

    // Entities ordered by entity_id. Each carries effective_area_id: its area_id, else its
    // device's (the area the area filter matches).
    Page entities(const EntityFilter &filter, const PageRequest &page);
    std::optional<QJsonObject> entity(const QString &entityId);

    QJsonArray areas();        // by name; each with device_count, entity_count (effective area)
    QJsonArray floors();       // by level (null last), name; each with area_count
    QJsonArray labels();       // by name
    QJsonArray integrations(); // config entries by domain, entry_id; each with device_count
                               // (devices whose primary entry it is) and entity_count

    QJsonObject preferences();
    std::optional<QString> state(const QString &key);

    struct Counts
    {
        qint64 devices = 0, entities = 0, areas = 0, floors = 0, labels = 0, integrations = 0;
    };
    Counts counts();

    // Empty when the last call succeeded; otherwise why it failed (its result is then empty).
    // Lets the REST API tell "no such device" (404) from "database unavailable" (503).
    const QString &lastError() const { return m_lastError; }

private:
    struct Cached
    {
        qint64 version = -1;
        qint64 total = 0;
        QJsonArray items;
    };

    QSqlQuery *run(const QString &sql, const QVariantList &values);
    // SQLite's data_version for this connection, or -1 (PostgreSQL, or on error): no caching.
    qint64 dataVersion();
    const Cached *cached(const QString &key, qint64 version) const;
    void remember(const QString &key, Cached entry);
    QJsonArray rows(const TableSpec &spec, const QString &sql, const QVariantList &values,
                    const QStringList &extraColumns = {});
    // rows() of a small list without parameters, cached like the totals.
    QJsonArray listRows(const TableSpec &spec, const QString &sql,
                        const QStringList &extraColumns = {});
    struct PageQuery;
    Page page(const PageQuery &query, const PageRequest &request);
    qint64 countRows(const QString &from, const QVariantList &values); // -1 on error

    Database &m_database;
    std::unique_ptr<StatementCache> m_statements;
    QHash<QString, Cached> m_cache; // COUNT totals and lists, keyed by SQL text and values
    QString m_lastError;
};

} // namespace hai
