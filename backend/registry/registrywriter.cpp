// SPDX-License-Identifier: GPL-3.0-or-later
#include "registrywriter.h"

#include "core/logging.h"
#include "database.h"
#include "rowmapper.h"
#include "sqltransaction.h"
#include "statementcache.h"
#include "tablespec.h"
#include "tablewriter.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>

#include <functional>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

using Outcome = RegistryWriter::Outcome;
using Mode = RegistryWriter::Mode;

// Up to this many items, look rows up one by one; above it, load the whole lookup table once.
constexpr int kPerItemLookupLimit = 64;

// Runs inside the transaction once the rows are written and pruned.
using Finish = std::function<bool(const QList<QVariantList> &rows, int deleted, QString *error)>;

double nowSeconds()
{
    return double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
}

Outcome failure(const QString &error, bool badInput = false)
{
    Outcome outcome;
    outcome.error = error;
    outcome.badInput = badInput;
    return outcome;
}

using Check = TableWriter::Check;

int column(const TableSpec &spec, const QString &name)
{
    const int index = spec.indexOf(name);
    Q_ASSERT(index >= 0);
    return index;
}

bool runStatement(StatementCache &statements, const QString &sql, const QVariantList &values,
                  const QString &what, QString *error)
{
    QString reason;
    QSqlQuery *query = statements.exec(sql, values, &reason);
    if (!query) {
        *error = what + u": "_s + reason;
        return false;
    }
    query->finish();
    return true;
}

// An optional string field that RowMapper does not store as such.
bool optionalString(const QJsonObject &item, const QString &key, const RowMapper::Label &label,
                    QString *out, QString *error)
{
    const QJsonValue value = item.value(key);
    if (value.isString()) {
        *out = value.toString();
        return true;
    }
    if (value.isNull() || value.isUndefined())
        return true;
    *error =
        label() + u'.' + key + u": expected a string or null, got "_s + RowMapper::typeName(value);
    return false;
}

// PostgreSQL plans from table statistics, which a freshly loaded table lacks until autovacuum
// gets to it; without them every plan is a guess (and JIT compiles 100 ms into a 1 ms query).
// After a large write, refresh them at once. SQLite's plans do not depend on statistics here.
void refreshStatistics(Database &database, const TableSpec &spec, int rowsWritten)
{
    constexpr int kAnalyzeAfterRows = 1000;
    if (!database.isPostgres() || rowsWritten < kAnalyzeAfterRows)
        return;
    QSqlQuery analyze(database.connection()); // not preparable: PREPARE takes DML only
    if (!analyze.exec(u"ANALYZE "_s + spec.table()))
        qCWarning(lcRegistry).noquote()
            << "cannot refresh statistics of" << spec.table() << analyze.lastError().text();
}

Outcome writeTable(Database &database, StatementCache &statements, const TableSpec &spec,
                   const QJsonArray &items, Mode mode,
                   const std::function<bool(QString *)> &prepare, const TableWriter::Derive &derive,
                   const Finish &finish)
{
    SqlTransaction transaction(database);
    QString error;
    if (!transaction.begin(SqlTransaction::Kind::Write, &error))
        return failure(spec.itemName() + u": "_s + error);
    if (prepare && !prepare(&error))
        return failure(error);
    QList<QVariantList> rows;
    Outcome outcome;
    TableWriter writer(spec, statements);
    bool badInput = false;
    if (!writer.write(items, mode == Mode::Full, derive, &rows, &outcome.deleted, &error,
                      &badInput))
        return failure(error, badInput);
    outcome.upserted = int(rows.size());
    if (finish && !finish(rows, outcome.deleted, &error))
        return failure(error);
    if (!transaction.commit(&error))
        return failure(spec.itemName() + u": "_s + error);
    outcome.ok = true;
    refreshStatistics(database, spec, outcome.upserted + outcome.deleted);
    return outcome;
}

// After devices were deleted, their entities have device_id NULL (ON DELETE SET NULL); an
// entity without its own area then has no effective area either.
bool clearOrphanedAreas(StatementCache &statements, QString *error)
{
    return runStatement(statements,
                        u"UPDATE entities SET effective_area_id = NULL WHERE device_id IS NULL "
                        u"AND area_id IS NULL AND effective_area_id IS NOT NULL"_s,
                        {}, u"entities: cannot update effective areas"_s, error);
}

// Keeps entities.effective_area_id equal to the device's area for entities without their own.
bool refreshEffectiveAreas(StatementCache &statements, const QList<QVariantList> &deviceRows,
                           QString *error)
{
    const QString what = u"entities: cannot update effective areas"_s;
    if (deviceRows.size() > kPerItemLookupLimit) {
        return runStatement(
            statements,
            u"UPDATE entities SET effective_area_id = "
            u"(SELECT d.area_id FROM devices d WHERE d.device_id = entities.device_id) "
            u"WHERE area_id IS NULL AND device_id IS NOT NULL AND COALESCE(effective_area_id, '') "
            u"<> COALESCE((SELECT d.area_id FROM devices d WHERE d.device_id = "
            u"entities.device_id), "
            u"'')"_s,
            {}, what, error);
    }
    static const int area = column(TableSpec::devices(), u"area_id"_s);
    for (const QVariantList &row : deviceRows) {
        if (!runStatement(statements,
                          u"UPDATE entities SET effective_area_id = ? "
                          u"WHERE device_id = ? AND area_id IS NULL"_s,
                          {row.at(area), row.first()}, what, error))
            return false;
    }
    return true;
}

} // namespace

RegistryWriter::RegistryWriter(Database &database)
    : m_database(database)
    , m_statements(std::make_unique<StatementCache>(database.connection()))
{}

RegistryWriter::~RegistryWriter() = default;

RegistryWriter::Outcome RegistryWriter::upsertDevices(const QJsonArray &items, Mode mode)
{
    const TableSpec &spec = TableSpec::devices();
    static const int cIntegration = column(spec, u"integration"_s);
    static const int cConfigEntry = column(spec, u"config_entry_id"_s);
    static const int cLastSeen = column(spec, u"last_seen"_s);
    static const int cSortName = column(spec, u"sort_name"_s);
    static const int cSearchText = column(spec, u"search_text"_s);
    static const int cName = column(spec, u"name"_s);
    static const int cNameByUser = column(spec, u"name_by_user"_s);

    QHash<QString, QString> domainByEntry;
    const double now = nowSeconds();
    StatementCache &statements = *m_statements;

    auto prepare = [&](QString *error) {
        QString reason;
        QSqlQuery *query =
            statements.exec(u"SELECT entry_id, domain FROM integrations"_s, {}, &reason);
        if (!query) {
            *error = u"devices: cannot read config entries: "_s + reason;
            return false;
        }
        while (query->next())
            domainByEntry.insert(query->value(0).toString(), query->value(1).toString());
        query->finish();
        return true;
    };

    auto derive = [&](const QJsonObject &item, const RowMapper::Label &label, QVariantList &row,
                      QString *error) {
        QString primary;
        for (const QString &key : {u"primary_config_entry"_s, u"config_entry_id"_s}) {
            if (!optionalString(item, key, label, &primary, error))
                return Check::Rejected;
            if (!primary.isEmpty())
                break;
        }
        if (primary.isEmpty()) {
            const QJsonArray entries = item.value(u"config_entries"_s).toArray();
            if (!entries.isEmpty() && entries.first().isString())
                primary = entries.first().toString();
        }
        QString integration = domainByEntry.value(primary);
        if (integration.isEmpty() &&
            !optionalString(item, u"integration"_s, label, &integration, error))
            return Check::Rejected;
        row[cConfigEntry] = primary.isEmpty() ? QVariant() : QVariant(primary);
        row[cIntegration] = integration.isEmpty() ? QVariant() : QVariant(integration);
        row[cLastSeen] = now;
        const QString name = row.at(cName).toString();
        const QString nameByUser = row.at(cNameByUser).toString();
        const QString sortName = (nameByUser.isEmpty() ? name : nameByUser).toLower();
        row[cSortName] = sortName.isNull() ? u""_s : sortName; // a null QString binds NULL
        row[cSearchText] = (name + u'\n' + nameByUser).toLower();
        return Check::Ok;
    };

    auto finish = [&](const QList<QVariantList> &rows, int deleted, QString *error) {
        if (deleted > 0 && !clearOrphanedAreas(statements, error))
            return false;
        return refreshEffectiveAreas(statements, rows, error);
    };

    return writeTable(m_database, statements, spec, items, mode, prepare, derive, finish);
}

RegistryWriter::Outcome RegistryWriter::upsertEntities(const QJsonArray &items, Mode mode)
{
    const TableSpec &spec = TableSpec::entities();
    static const int cDeviceId = column(spec, u"device_id"_s);
    static const int cDomain = column(spec, u"domain"_s);
    static const int cArea = column(spec, u"area_id"_s);
    static const int cEffectiveArea = column(spec, u"effective_area_id"_s);
    static const int cName = column(spec, u"name"_s);
    static const int cOriginalName = column(spec, u"original_name"_s);
    static const int cSearchText = column(spec, u"search_text"_s);

    StatementCache &statements = *m_statements;
    QHash<QString, QVariant> areaByDevice; // known devices -> their area_id (may be null)
    const bool loadAll = items.size() > kPerItemLookupLimit;

    auto prepare = [&](QString *error) {
        if (!loadAll)
            return true;
        QString reason;
        QSqlQuery *query =
            statements.exec(u"SELECT device_id, area_id FROM devices"_s, {}, &reason);
        if (!query) {
            *error = u"entities: cannot read devices: "_s + reason;
            return false;
        }
        areaByDevice.reserve(50000);
        while (query->next())
            areaByDevice.insert(query->value(0).toString(), query->value(1));
        query->finish();
        return true;
    };

    // Ok with the device's area, Rejected for an unknown device, Failed on a database error.
    auto findDevice = [&](const QString &deviceId, QVariant *area, QString *error) {
        const auto found = areaByDevice.constFind(deviceId);
        if (found != areaByDevice.constEnd()) {
            *area = *found;
            return Check::Ok;
        }
        if (loadAll)
            return Check::Rejected;
        QString reason;
        QSqlQuery *query = statements.exec(u"SELECT area_id FROM devices WHERE device_id = ?"_s,
                                           {deviceId}, &reason);
        if (!query) {
            *error = u"entities: cannot read devices: "_s + reason;
            return Check::Failed;
        }
        const bool exists = query->next();
        if (exists) {
            *area = query->value(0);
            areaByDevice.insert(deviceId, *area);
        }
        query->finish();
        return exists ? Check::Ok : Check::Rejected;
    };

    auto derive = [&](const QJsonObject &, const RowMapper::Label &label, QVariantList &row,
                      QString *error) {
        const QString entityId = row.first().toString();
        const qsizetype dot = entityId.indexOf(u'.');
        if (dot <= 0 || dot == entityId.size() - 1) {
            *error = label() + u".entity_id: not an entity id (domain.object_id): '"_s + entityId +
                     u'\'';
            return Check::Rejected;
        }
        row[cDomain] = entityId.left(dot);
        QVariant effectiveArea = row.at(cArea);
        if (!row.at(cDeviceId).isNull()) {
            const QString deviceId = row.at(cDeviceId).toString();
            QVariant deviceArea;
            const Check check = findDevice(deviceId, &deviceArea, error);
            if (check == Check::Rejected) {
                *error = label() + u".device_id: unknown device '"_s + deviceId +
                         u"' (store devices before their entities)"_s;
            }
            if (check != Check::Ok)
                return check;
            if (effectiveArea.isNull())
                effectiveArea = deviceArea;
        }
        row[cEffectiveArea] = effectiveArea;
        row[cSearchText] =
            (entityId + u'\n' + row.at(cName).toString() + u'\n' + row.at(cOriginalName).toString())
                .toLower();
        return Check::Ok;
    };

    return writeTable(m_database, statements, spec, items, mode, prepare, derive, {});
}

RegistryWriter::Outcome RegistryWriter::upsertAreas(const QJsonArray &items, Mode mode)
{
    return writeTable(m_database, *m_statements, TableSpec::areas(), items, mode, {}, {}, {});
}

RegistryWriter::Outcome RegistryWriter::upsertFloors(const QJsonArray &items, Mode mode)
{
    return writeTable(m_database, *m_statements, TableSpec::floors(), items, mode, {}, {}, {});
}

RegistryWriter::Outcome RegistryWriter::upsertLabels(const QJsonArray &items, Mode mode)
{
    return writeTable(m_database, *m_statements, TableSpec::labels(), items, mode, {}, {}, {});
}

RegistryWriter::Outcome RegistryWriter::upsertIntegrations(const QJsonArray &items, Mode mode)
{
    StatementCache &statements = *m_statements;
    // Devices stored before their config entry got no integration (or an outdated one).
    auto finish = [&statements](const QList<QVariantList> &, int, QString *error) {
        return runStatement(
            statements,
            u"UPDATE devices SET integration = "
            u"(SELECT i.domain FROM integrations i WHERE i.entry_id = devices.config_entry_id) "
            u"WHERE config_entry_id IS NOT NULL AND COALESCE(integration, '') <> "
            u"COALESCE((SELECT i.domain FROM integrations i "
            u"WHERE i.entry_id = devices.config_entry_id), COALESCE(integration, ''))"_s,
            {}, u"devices: cannot update integrations"_s, error);
    };
    return writeTable(m_database, statements, TableSpec::integrations(), items, mode, {}, {},
                      finish);
}

RegistryWriter::Outcome RegistryWriter::deleteDevice(const QString &deviceId)
{
    SqlTransaction transaction(m_database);
    Outcome outcome;
    QString error;
    TableWriter writer(TableSpec::devices(), *m_statements);
    if (!transaction.begin(SqlTransaction::Kind::Write, &error) ||
        !writer.remove({deviceId}, &outcome.deleted, &error) ||
        (outcome.deleted > 0 && !clearOrphanedAreas(*m_statements, &error)) ||
        !transaction.commit(&error))
        return failure(error);
    outcome.ok = true;
    return outcome;
}

namespace {

Outcome removeOne(Database &database, StatementCache &statements, const TableSpec &spec,
                  const QString &key)
{
    SqlTransaction transaction(database);
    Outcome outcome;
    QString error;
    TableWriter writer(spec, statements);
    if (!transaction.begin(SqlTransaction::Kind::Write, &error) ||
        !writer.remove({key}, &outcome.deleted, &error) || !transaction.commit(&error))
        return failure(error);
    outcome.ok = true;
    return outcome;
}

} // namespace

RegistryWriter::Outcome RegistryWriter::deleteEntity(const QString &entityId)
{
    return removeOne(m_database, *m_statements, TableSpec::entities(), entityId);
}

RegistryWriter::Outcome RegistryWriter::deleteArea(const QString &areaId)
{
    return removeOne(m_database, *m_statements, TableSpec::areas(), areaId);
}

RegistryWriter::Outcome RegistryWriter::deleteFloor(const QString &floorId)
{
    return removeOne(m_database, *m_statements, TableSpec::floors(), floorId);
}

RegistryWriter::Outcome RegistryWriter::deleteLabel(const QString &labelId)
{
    return removeOne(m_database, *m_statements, TableSpec::labels(), labelId);
}

RegistryWriter::Outcome RegistryWriter::deleteIntegration(const QString &entryId)
{
    return removeOne(m_database, *m_statements, TableSpec::integrations(), entryId);
}

RegistryWriter::Outcome RegistryWriter::setPreferences(const QJsonObject &preferences)
{
    SqlTransaction transaction(m_database);
    Outcome outcome;
    QString error;
    if (!transaction.begin(SqlTransaction::Kind::Write, &error))
        return failure(u"preferences: "_s + error);
    for (auto it = preferences.begin(); it != preferences.end(); ++it) {
        if (it.key().isEmpty())
            return failure(u"preferences: a key must not be empty"_s, true);
    }
    QString reason;
    QSqlQuery *clear = m_statements->exec(u"DELETE FROM user_preferences"_s, {}, &reason);
    if (!clear)
        return failure(u"preferences: cannot clear: "_s + reason);
    outcome.deleted = qMax(0, clear->numRowsAffected());
    clear->finish();
    const double now = nowSeconds();
    for (auto it = preferences.begin(); it != preferences.end(); ++it) {
        if (!runStatement(*m_statements,
                          u"INSERT INTO user_preferences (key, value, updated_at) "
                          u"VALUES (?, ?, ?)"_s,
                          {it.key(), RowMapper::valueToText(it.value()), now},
                          u"preferences."_s + it.key(), &error))
            return failure(error);
        ++outcome.upserted;
    }
    if (!transaction.commit(&error))
        return failure(u"preferences: "_s + error);
    outcome.ok = true;
    return outcome;
}

RegistryWriter::Outcome RegistryWriter::setState(const QString &key, const QString &value)
{
    if (key.isEmpty())
        return failure(u"state: the key must not be empty"_s, true);
    QString error;
    if (!runStatement(*m_statements,
                      u"INSERT INTO app_state (key, value, updated_at) VALUES (?, ?, ?) "
                      u"ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                      u"updated_at = excluded.updated_at"_s,
                      {key, value.isNull() ? u""_s : value, nowSeconds()}, u"state."_s + key,
                      &error))
        return failure(error);
    Outcome outcome;
    outcome.ok = true;
    outcome.upserted = 1;
    return outcome;
}

} // namespace hai
