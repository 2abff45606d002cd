// SPDX-License-Identifier: GPL-3.0-or-later
#include "registryreader.h"

#include "database.h"
#include "rowmapper.h"
#include "sqltransaction.h"
#include "statementcache.h"
#include "tablespec.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

// A case-insensitive substring pattern for `search_text LIKE ? ESCAPE '!'`. search_text is
// lower-cased by RegistryWriter with QString::toLower (all of Unicode, unlike SQLite's LOWER,
// which folds ASCII only), and so is the term, so both databases match the same rows.
QString likePattern(const QString &term)
{
    QString pattern = u"%"_s;
    for (const QChar c : term.toLower()) {
        if (c == u'!' || c == u'%' || c == u'_')
            pattern += u'!';
        pattern += c;
    }
    return pattern + u'%';
}

void addEquals(QStringList *conditions, QVariantList *values, const QString &column,
               const QString &value)
{
    if (value.isEmpty())
        return;
    *conditions << column + u" = ?"_s;
    *values << value;
}

void addSearch(QStringList *conditions, QVariantList *values, const QString &column,
               const QString &term)
{
    if (term.isEmpty())
        return;
    *conditions << column + u" LIKE ? ESCAPE '!'"_s;
    *values << likePattern(term);
}

// Enough for every filter combination a dashboard pages through; cleared when full.
constexpr int kMaxCachedResults = 512;

QString cacheKey(const QString &sql, const QVariantList &values)
{
    QString key = sql;
    for (const QVariant &value : values)
        key += u'\x1f' + value.toString();
    return key;
}

// Counted on the page's rows only: the page is selected in a subquery `p` first, because
// PostgreSQL would evaluate a select-list subquery for every row that OFFSET skips.
const QString kDeviceEntityCount =
    u"(SELECT COUNT(*) FROM entities e WHERE e.device_id = p.device_id) AS entity_count"_s;

} // namespace

RegistryReader::RegistryReader(Database &database)
    : m_database(database)
    , m_statements(std::make_unique<StatementCache>(database.connection()))
{}

RegistryReader::~RegistryReader() = default;

QSqlQuery *RegistryReader::run(const QString &sql, const QVariantList &values)
{
    QString reason;
    QSqlQuery *query = m_statements->exec(sql, values, &reason);
    if (!query && m_lastError.isEmpty())
        m_lastError = reason.isEmpty() ? u"query failed"_s : reason;
    return query;
}

qint64 RegistryReader::dataVersion()
{
    if (m_database.isPostgres())
        return -1;
    QString reason;
    QSqlQuery *query = m_statements->exec(u"PRAGMA data_version"_s, {}, &reason);
    if (!query)
        return -1;
    const qint64 version = query->next() ? query->value(0).toLongLong() : -1;
    query->finish();
    return version;
}

const RegistryReader::Cached *RegistryReader::cached(const QString &key, qint64 version) const
{
    if (version < 0)
        return nullptr;
    const auto found = m_cache.constFind(key);
    return found != m_cache.constEnd() && found->version == version ? &*found : nullptr;
}

void RegistryReader::remember(const QString &key, Cached entry)
{
    if (entry.version < 0)
        return;
    if (m_cache.size() >= kMaxCachedResults)
        m_cache.clear();
    m_cache.insert(key, std::move(entry));
}

QJsonArray RegistryReader::rows(const TableSpec &spec, const QString &sql,
                                const QVariantList &values, const QStringList &extraColumns)
{
    QJsonArray result;
    QSqlQuery *query = run(sql, values);
    if (!query)
        return result;
    const int first = int(spec.publicColumns().size());
    while (query->next()) {
        QJsonObject object = RowMapper::rowToJson(spec, *query);
        for (int i = 0; i < extraColumns.size(); ++i)
            object.insert(extraColumns.at(i), query->value(first + i).toLongLong());
        result.append(object);
    }
    query->finish();
    return result;
}

QJsonArray RegistryReader::listRows(const TableSpec &spec, const QString &sql,
                                    const QStringList &extraColumns)
{
    const qint64 version = dataVersion();
    if (const Cached *hit = cached(sql, version))
        return hit->items;
    QJsonArray result = rows(spec, sql, {}, extraColumns);
    if (m_lastError.isEmpty())
        remember(sql, {version, 0, result});
    return result;
}

// One paginated query: the WHERE conditions with their values, and two spellings of the
// same order. `orderBy` is served by an index and stops after the page; `sortedOrderBy`
// (the first key concatenated with '', which no index serves) makes the planner scan for
// matches and sort them, far cheaper for the few matches of a substring search.
// With `pageExtra`, the page is selected as subquery `p` (with `pageColumns` for
// `pageOrderBy`) and the extra columns are computed on its rows only.
struct RegistryReader::PageQuery
{
    const TableSpec &spec;
    QString alias;
    QString pageExtra;
    QStringList extraColumns;
    QString pageColumns;
    QString pageOrderBy;
    QStringList conditions;
    QVariantList values;
    QString orderBy;
    QString sortedOrderBy;
    bool textSearch = false;
};

qint64 RegistryReader::countRows(const QString &from, const QVariantList &values)
{
    // Inside the read transaction, data_version describes the snapshot being read.
    const QString sql = u"SELECT COUNT(*) FROM "_s + from;
    const QString key = cacheKey(sql, values);
    const qint64 version = dataVersion();
    if (const Cached *hit = cached(key, version))
        return hit->total;
    QSqlQuery *count = run(sql, values);
    if (!count)
        return -1;
    const qint64 total = count->next() ? count->value(0).toLongLong() : 0;
    count->finish();
    remember(key, {version, total, {}});
    return total;
}

Page RegistryReader::page(const PageQuery &query, const PageRequest &request)
{
    // Below this many matches a substring search sorts its matches instead of walking the
    // whole table in index order.
    constexpr qint64 kSortMatchesBelow = 5000;

    m_lastError.clear();
    const int limit = qBound(1, request.limit, PageRequest::kMaxLimit);
    const int offset = qMax(0, request.offset);
    const QString from =
        query.spec.table() + u' ' + query.alias +
        (query.conditions.isEmpty() ? QString() : u" WHERE "_s + query.conditions.join(u" AND "_s));

    // One snapshot for the page and its total (SQLite readers only see commits made before
    // BEGIN's first read). PostgreSQL runs each statement on its own committed snapshot.
    SqlTransaction transaction(m_database);
    if (!m_database.isPostgres() && !transaction.begin(SqlTransaction::Kind::Read, &m_lastError))
        return {};

    Page result;
    qint64 total = -1;
    QString orderBy = query.orderBy;
    if (query.textSearch) {
        // A substring search scans anyway: count first, then pick the cheaper plan.
        total = countRows(from, query.values);
        if (total < 0)
            return {};
        if (total < kSortMatchesBelow)
            orderBy = query.sortedOrderBy;
    }
    if (total < 0 || offset < total) {
        QString sql = u"SELECT "_s + query.spec.selectList(query.alias);
        if (!query.pageColumns.isEmpty())
            sql += u", "_s + query.pageColumns;
        sql += u" FROM "_s + from + u" ORDER BY "_s + orderBy + u" LIMIT ? OFFSET ?"_s;
        if (!query.pageExtra.isEmpty()) {
            sql = u"SELECT "_s + query.spec.selectList(u"p"_s) + u", "_s + query.pageExtra +
                  u" FROM ("_s + sql + u") p ORDER BY "_s + query.pageOrderBy;
        }
        QVariantList values = query.values;
        values << limit << offset;
        result.items = rows(query.spec, sql, values, query.extraColumns);
        if (!m_lastError.isEmpty())
            return {};
    }

    const qsizetype got = result.items.size();
    if (total >= 0) {
        result.total = total;
    } else if (got > 0 && got < limit) {
        result.total = offset + got; // a partial page is the last one: no COUNT needed
    } else if (got == 0 && offset == 0) {
        result.total = 0;
    } else {
        result.total = countRows(from, query.values);
        if (result.total < 0)
            return {};
    }
    if (transaction.isActive())
        transaction.commit(&m_lastError);
    return m_lastError.isEmpty() ? result : Page{};
}

Page RegistryReader::devices(const DeviceFilter &filter, const PageRequest &request)
{
    PageQuery query{TableSpec::devices(), u"d"_s,           kDeviceEntityCount,
                    {u"entity_count"_s},  u"d.sort_name"_s, u"p.sort_name, p.device_id"_s};
    addEquals(&query.conditions, &query.values, u"d.manufacturer"_s, filter.manufacturer);
    addEquals(&query.conditions, &query.values, u"d.model"_s, filter.model);
    addEquals(&query.conditions, &query.values, u"d.area_id"_s, filter.areaId);
    addEquals(&query.conditions, &query.values, u"d.integration"_s, filter.integration);
    addSearch(&query.conditions, &query.values, u"d.search_text"_s, filter.query);
    query.orderBy = u"d.sort_name, d.device_id"_s;
    query.sortedOrderBy = u"d.sort_name || '', d.device_id"_s;
    query.textSearch = !filter.query.isEmpty();
    return page(query, request);
}

std::optional<QJsonObject> RegistryReader::device(const QString &deviceId)
{
    m_lastError.clear();
    const TableSpec &devices = TableSpec::devices();
    const TableSpec &entities = TableSpec::entities();
    SqlTransaction transaction(m_database);
    if (!m_database.isPostgres() && !transaction.begin(SqlTransaction::Kind::Read, &m_lastError))
        return std::nullopt;
    const QJsonArray found =
        rows(devices,
             u"SELECT "_s + devices.selectList(u"d"_s) + u" FROM devices d WHERE d.device_id = ?"_s,
             {deviceId});
    if (found.isEmpty())
        return std::nullopt;
    const QJsonArray children = rows(entities,
                                     u"SELECT "_s + entities.selectList(u"e"_s) +
                                         u" FROM entities e WHERE e.device_id = ? "
                                         u"ORDER BY e.entity_id"_s,
                                     {deviceId});
    if (!m_lastError.isEmpty())
        return std::nullopt;
    QJsonObject object = found.first().toObject();
    object.insert(u"entity_count"_s, children.size());
    object.insert(u"entities"_s, children);
    return object;
}

Page RegistryReader::entities(const EntityFilter &filter, const PageRequest &request)
{
    PageQuery query{TableSpec::entities(), u"e"_s};
    addEquals(&query.conditions, &query.values, u"e.domain"_s, filter.domain);
    addEquals(&query.conditions, &query.values, u"e.device_id"_s, filter.deviceId);
    addEquals(&query.conditions, &query.values, u"e.effective_area_id"_s, filter.areaId);
    addEquals(&query.conditions, &query.values, u"e.platform"_s, filter.platform);
    addSearch(&query.conditions, &query.values, u"e.search_text"_s, filter.query);
    query.orderBy = u"e.entity_id"_s;
    query.sortedOrderBy = u"e.entity_id || ''"_s;
    query.textSearch = !filter.query.isEmpty();
    return page(query, request);
}

std::optional<QJsonObject> RegistryReader::entity(const QString &entityId)
{
    m_lastError.clear();
    const TableSpec &spec = TableSpec::entities();
    const QJsonArray found = rows(
        spec, u"SELECT "_s + spec.selectList(u"e"_s) + u" FROM entities e WHERE e.entity_id = ?"_s,
        {entityId});
    if (found.isEmpty())
        return std::nullopt;
    return found.first().toObject();
}

QJsonArray RegistryReader::areas()
{
    m_lastError.clear();
    const TableSpec &spec = TableSpec::areas();
    return listRows(spec,
                    u"SELECT "_s + spec.selectList(u"a"_s) +
                        u", (SELECT COUNT(*) FROM devices d WHERE d.area_id = a.area_id), "
                        u"(SELECT COUNT(*) FROM entities e WHERE e.effective_area_id = a.area_id) "
                        u"FROM areas a ORDER BY a.name, a.area_id"_s,
                    {u"device_count"_s, u"entity_count"_s});
}

QJsonArray RegistryReader::floors()
{
    m_lastError.clear();
    const TableSpec &spec = TableSpec::floors();
    return listRows(spec,
                    u"SELECT "_s + spec.selectList(u"f"_s) +
                        u", (SELECT COUNT(*) FROM areas a WHERE a.floor_id = f.floor_id) "
                        u"FROM floors f ORDER BY CASE WHEN f.level IS NULL THEN 1 ELSE 0 END, "
                        u"f.level, f.name, f.floor_id"_s,
                    {u"area_count"_s});
}

QJsonArray RegistryReader::labels()
{
    m_lastError.clear();
    const TableSpec &spec = TableSpec::labels();
    return listRows(spec, u"SELECT "_s + spec.selectList(u"l"_s) +
                              u" FROM labels l ORDER BY l.name, l.label_id"_s);
}

QJsonArray RegistryReader::integrations()
{
    m_lastError.clear();
    const TableSpec &spec = TableSpec::integrations();
    return listRows(spec,
                    u"SELECT "_s + spec.selectList(u"i"_s) +
                        u", (SELECT COUNT(*) FROM devices d WHERE d.config_entry_id = i.entry_id), "
                        u"(SELECT COUNT(*) FROM entities e WHERE e.config_entry_id = i.entry_id) "
                        u"FROM integrations i ORDER BY i.domain, i.entry_id"_s,
                    {u"device_count"_s, u"entity_count"_s});
}

QJsonObject RegistryReader::preferences()
{
    m_lastError.clear();
    QJsonObject result;
    QSqlQuery *query = run(u"SELECT key, value FROM user_preferences ORDER BY key"_s, {});
    if (!query)
        return result;
    while (query->next())
        result.insert(query->value(0).toString(),
                      RowMapper::valueFromText(query->value(1).toString()));
    query->finish();
    return result;
}

std::optional<QString> RegistryReader::state(const QString &key)
{
    m_lastError.clear();
    QSqlQuery *query = run(u"SELECT value FROM app_state WHERE key = ?"_s, {key});
    if (!query)
        return std::nullopt;
    std::optional<QString> result;
    if (query->next())
        result = query->value(0).toString();
    query->finish();
    return result;
}

RegistryReader::Counts RegistryReader::counts()
{
    m_lastError.clear();
    Counts counts;
    QSqlQuery *query = run(u"SELECT (SELECT COUNT(*) FROM devices), (SELECT COUNT(*) FROM "
                           u"entities), (SELECT COUNT(*) FROM areas), (SELECT COUNT(*) FROM "
                           u"floors), (SELECT COUNT(*) FROM labels), (SELECT COUNT(*) FROM "
                           u"integrations)"_s,
                           {});
    if (!query)
        return counts;
    if (query->next()) {
        counts.devices = query->value(0).toLongLong();
        counts.entities = query->value(1).toLongLong();
        counts.areas = query->value(2).toLongLong();
        counts.floors = query->value(3).toLongLong();
        counts.labels = query->value(4).toLongLong();
        counts.integrations = query->value(5).toLongLong();
    }
    query->finish();
    return counts;
}

} // namespace hai
