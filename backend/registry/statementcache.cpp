// SPDX-License-Identifier: GPL-3.0-or-later
#include "statementcache.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hai {

StatementCache::StatementCache(QSqlDatabase database)
    : m_database(std::move(database))
{}

StatementCache::~StatementCache()
{
    clear();
}

QSqlQuery *StatementCache::prepared(const QString &sql, QString *error)
{
    if (QSqlQuery *query = m_statements.value(sql))
        return query;
    auto *query = new QSqlQuery(m_database);
    query->setForwardOnly(true);
    if (!query->prepare(sql)) {
        *error = query->lastError().text();
        delete query;
        return nullptr;
    }
    m_statements.insert(sql, query);
    return query;
}

QSqlQuery *StatementCache::exec(const QString &sql, const QVariantList &values, QString *error)
{
    QSqlQuery *query = prepared(sql, error);
    if (!query)
        return nullptr;
    for (int i = 0; i < values.size(); ++i)
        query->bindValue(i, values.at(i));
    if (!query->exec()) {
        *error = query->lastError().text();
        query->finish();
        return nullptr;
    }
    return query;
}

void StatementCache::clear()
{
    qDeleteAll(m_statements);
    m_statements.clear();
}

} // namespace hai
