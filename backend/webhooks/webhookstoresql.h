// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Row and statement helpers shared by the two halves of WebhookStore (webhookstore.cpp for
// webhooks, webhookstoredeliveries.cpp for deliveries). Internal to the webhooks module.

#include "registry/sqltransaction.h"
#include "registry/statementcache.h"
#include "webhookstore.h"

#include <QList>
#include <QSqlQuery>
#include <QVariant>

#include <optional>

namespace hai::webhooksql {

// Absent values are NULL, not 0 or '', so both databases read them back the same way.
inline QVariant orNull(double value)
{
    return value > 0 ? QVariant(value) : QVariant();
}

inline QVariant orNull(int value)
{
    return value > 0 ? QVariant(value) : QVariant();
}

inline QVariant orNull(const QString &value)
{
    return value.isEmpty() ? QVariant() : QVariant(value);
}

inline WebhookStore::Result success()
{
    return {true, false, {}};
}

inline WebhookStore::Result notFound()
{
    return {false, true, {}};
}

inline WebhookStore::Result failure(const QString &error)
{
    return {false, false, error};
}

// Runs one cached statement; on failure `error` (when given) gets "<what>: <driver's reason>".
// The caller reads the rows, then calls finish().
inline QSqlQuery *run(StatementCache &statements, const QString &sql, const QVariantList &values,
                      const QString &what, QString *error)
{
    using namespace Qt::StringLiterals;
    QString reason;
    QSqlQuery *query = statements.exec(sql, values, &reason);
    if (!query && error)
        *error = what + u": "_s + reason;
    return query;
}

// Runs one statement that reads no rows; `changed` (when given) gets how many rows it changed,
// the driver's -1 when it cannot tell.
inline WebhookStore::Result execute(StatementCache &statements, const QString &sql,
                                    const QVariantList &values, const QString &what,
                                    int *changed = nullptr)
{
    QString error;
    QSqlQuery *query = run(statements, sql, values, what, &error);
    if (!query)
        return failure(error);
    if (changed)
        *changed = query->numRowsAffected();
    query->finish();
    return success();
}

// execute() for an UPDATE or DELETE of one id: notFound() when it matched no row.
inline WebhookStore::Result changeRow(StatementCache &statements, const QString &sql,
                                      const QVariantList &values, const QString &what)
{
    int changed = 0;
    const WebhookStore::Result result = execute(statements, sql, values, what, &changed);
    if (result.ok && changed <= 0)
        return notFound();
    return result;
}

// Runs `body` (which returns a Result) in one write transaction, committed only when the body
// succeeds; any other return rolls it back. `what` prefixes the transaction's own errors.
template <typename Body>
WebhookStore::Result inWriteTransaction(Database &database, const QString &what, Body &&body)
{
    using namespace Qt::StringLiterals;
    SqlTransaction transaction(database);
    QString error;
    if (!transaction.begin(SqlTransaction::Kind::Write, &error))
        return failure(what + u": "_s + error);
    const WebhookStore::Result result = body();
    if (result.ok && !transaction.commit(&error))
        return failure(what + u": "_s + error);
    return result;
}

// Every row `sql` reads, each made by `fromRow`; nullopt with `error` (when given) set when the
// read fails.
template <typename Row>
std::optional<QList<Row>> readRows(StatementCache &statements, const QString &sql,
                                   const QVariantList &values, const QString &what, QString *error,
                                   Row (*fromRow)(const QSqlQuery &))
{
    QSqlQuery *query = run(statements, sql, values, what, error);
    if (!query)
        return std::nullopt;
    QList<Row> rows;
    while (query->next())
        rows.append(fromRow(*query));
    query->finish();
    return rows;
}

// The number a COUNT or MAX reads (0 for NULL), or -1 with `error` (when given) set when the
// read fails.
inline qint64 readNumber(StatementCache &statements, const QString &sql, const QVariantList &values,
                         const QString &what, QString *error)
{
    QSqlQuery *query = run(statements, sql, values, what, error);
    if (!query)
        return -1;
    const qint64 number = query->next() ? query->value(0).toLongLong() : 0;
    query->finish();
    return number;
}

// Whether webhook `webhookId` has a row; nullopt with `error` set when the read fails.
inline std::optional<bool> webhookExists(StatementCache &statements, const QString &webhookId,
                                         const QString &what, QString *error)
{
    using namespace Qt::StringLiterals;
    QSqlQuery *query =
        run(statements, u"SELECT 1 FROM webhooks WHERE webhook_id = ?"_s, {webhookId}, what, error);
    if (!query)
        return std::nullopt;
    const bool exists = query->next();
    query->finish();
    return exists;
}

} // namespace hai::webhooksql
