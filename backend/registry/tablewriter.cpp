// SPDX-License-Identifier: GPL-3.0-or-later
#include "tablewriter.h"

#include "statementcache.h"

#include <QHash>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

constexpr int kMaxParameters = 999;
constexpr int kMaxRowsPerStatement = 64;
constexpr int kKeysPerDelete = 100;

} // namespace

TableWriter::TableWriter(const TableSpec &spec, StatementCache &statements)
    : m_spec(spec)
    , m_statements(statements)
{}

bool TableWriter::write(const QJsonArray &items, bool prune, const Derive &derive,
                        QList<QVariantList> *written, int *deleted, QString *error, bool *badInput)
{
    *badInput = true; // until the items are validated
    QList<QVariantList> &rows = *written;
    QList<int> itemIndexes;             // rows[n] came from items[itemIndexes[n]]
    QHash<QString, qsizetype> position; // key -> row; a repeated key keeps its last item
    rows.reserve(items.size());
    itemIndexes.reserve(items.size());
    position.reserve(items.size());
    for (int i = 0; i < items.size(); ++i) {
        const QJsonValue value = items.at(i);
        if (!value.isObject()) {
            *error = label(i) + u": expected an object, got "_s + RowMapper::typeName(value);
            return false;
        }
        const QJsonObject item = value.toObject();
        QVariantList row;
        // Labels are built only for an error message: a snapshot has 100,000 items.
        const RowMapper::Label itemLabel = [this, i] { return label(i); };
        if (!RowMapper::fromJson(m_spec, item, itemLabel, &row, error))
            return false;
        if (derive) {
            const Check check = derive(item, itemLabel, row, error);
            if (check != Check::Ok) {
                *badInput = check == Check::Rejected;
                return false;
            }
        }
        const QString key = row.first().toString();
        const auto found = position.constFind(key);
        if (found != position.constEnd()) {
            rows[*found] = row;
            itemIndexes[*found] = i;
        } else {
            position.insert(key, rows.size());
            rows << row;
            itemIndexes << i;
        }
    }
    *badInput = false;
    if (!upsert(rows, itemIndexes, error))
        return false;
    return !prune || this->prune([&position](const QString &key) { return position.contains(key); },
                                 deleted, error);
}

int TableWriter::rowsPerStatement() const
{
    return qBound(1, kMaxParameters / int(m_spec.columns().size()), kMaxRowsPerStatement);
}

bool TableWriter::upsert(const QList<QVariantList> &rows, const QList<int> &items, QString *error)
{
    const int chunk = rowsPerStatement();
    qsizetype first = 0;
    for (; first + chunk <= rows.size(); first += chunk) {
        if (!upsertChunk(rows, first, chunk, items, error))
            return false;
    }
    for (; first < rows.size(); ++first) {
        if (!upsertChunk(rows, first, 1, items, error))
            return false;
    }
    return true;
}

bool TableWriter::upsertChunk(const QList<QVariantList> &rows, qsizetype first, int count,
                              const QList<int> &items, QString *error)
{
    QString reason;
    QSqlQuery *query = m_statements.prepared(m_spec.upsertSql(count), &reason);
    if (query) {
        const int columns = int(m_spec.columns().size());
        for (int r = 0; r < count; ++r) {
            const QVariantList &row = rows.at(first + r);
            for (int c = 0; c < columns; ++c)
                query->bindValue(r * columns + c, row.at(c));
        }
        if (query->exec()) {
            query->finish();
            return true;
        }
        reason = query->lastError().text();
        query->finish();
    }
    const QString where =
        count == 1 ? label(items.value(first))
                   : label(items.value(first)) + u" to "_s + label(items.value(first + count - 1));
    *error = where + u": cannot store: "_s + reason;
    return false;
}

QString TableWriter::label(int item) const
{
    return m_spec.itemName() + u'[' + QString::number(item) + u']';
}

bool TableWriter::remove(const QStringList &keys, int *deleted, QString *error)
{
    const QString head = u"DELETE FROM "_s + m_spec.table() + u" WHERE "_s + m_spec.key().name;
    qsizetype first = 0;
    while (first < keys.size()) {
        const int count = keys.size() - first >= kKeysPerDelete ? kKeysPerDelete : 1;
        QString sql = head;
        if (count == 1) {
            sql += u" = ?"_s;
        } else {
            sql += u" IN (?"_s + u", ?"_s.repeated(count - 1) + u')';
        }
        QVariantList values;
        values.reserve(count);
        for (int i = 0; i < count; ++i)
            values << keys.at(first + i);
        QString reason;
        QSqlQuery *query = m_statements.exec(sql, values, &reason);
        if (!query) {
            *error = m_spec.itemName() + u": cannot delete "_s + keys.at(first) + u": "_s + reason;
            return false;
        }
        *deleted += qMax(0, query->numRowsAffected());
        query->finish();
        first += count;
    }
    return true;
}

bool TableWriter::prune(const std::function<bool(const QString &)> &keep, int *deleted,
                        QString *error)
{
    QString reason;
    QSqlQuery *query = m_statements.exec(
        u"SELECT "_s + m_spec.key().name + u" FROM "_s + m_spec.table(), {}, &reason);
    if (!query) {
        *error = m_spec.itemName() + u": cannot list stored keys: "_s + reason;
        return false;
    }
    QStringList absent;
    while (query->next()) {
        const QString key = query->value(0).toString();
        if (!keep(key))
            absent << key;
    }
    query->finish();
    return remove(absent, deleted, error);
}

} // namespace hai
