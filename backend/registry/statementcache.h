// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QString>

class QSqlQuery;

namespace hai {

// Prepared statements of one connection, keyed by their SQL text, prepared once and reused.
// Statements with fixed SQL text only: values are always bound, so the text set stays small.
// Must be destroyed before its connection is closed.
class StatementCache
{
public:
    explicit StatementCache(QSqlDatabase database);
    ~StatementCache();
    StatementCache(const StatementCache &) = delete;
    StatementCache &operator=(const StatementCache &) = delete;

    // The prepared statement for `sql`, or nullptr with the driver's reason. The pointer
    // stays valid until clear() or destruction.
    QSqlQuery *prepared(const QString &sql, QString *error);

    // Runs the prepared statement for `sql` with `values` bound in order; nullptr with the
    // driver's reason on failure. The caller reads the rows, then calls finish() on the query
    // (an unfinished SQLite SELECT would pin its read snapshot).
    QSqlQuery *exec(const QString &sql, const QVariantList &values, QString *error);

    void clear();
    int size() const { return int(m_statements.size()); }

private:
    QSqlDatabase m_database;
    QHash<QString, QSqlQuery *> m_statements;
};

} // namespace hai
