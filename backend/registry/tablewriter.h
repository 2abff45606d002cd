// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rowmapper.h"
#include "tablespec.h"

#include <QJsonArray>
#include <QList>
#include <QString>
#include <QVariantList>

#include <functional>

namespace hai {

class StatementCache;

// Writes the rows of one registry table: multi-row upserts (fewer statements and, on
// PostgreSQL, fewer round trips), deletes by key, and pruning to a snapshot's keys.
// Runs inside the caller's transaction and never opens one itself.
class TableWriter
{
public:
    enum class Check {
        Ok,
        Rejected, // the item is invalid: bad input
        Failed    // the database failed while checking it
    };
    // Fills the derived columns of one row; may reject the item with an error naming it
    // (`label()` gives "entities[12]").
    using Derive = std::function<Check(const QJsonObject &item, const RowMapper::Label &label,
                                       QVariantList &row, QString *error)>;

    TableWriter(const TableSpec &spec, StatementCache &statements);

    // Maps HA items to rows (RowMapper, then `derive`), keeps the last item of a repeated
    // key, upserts the rows and, with `prune`, deletes the rows whose key is absent.
    // `written` receives the rows as stored. Nothing is written unless every item is valid;
    // `badInput` tells an invalid item from a database failure.
    bool write(const QJsonArray &items, bool prune, const Derive &derive,
               QList<QVariantList> *written, int *deleted, QString *error, bool *badInput);

    // Rows hold one value per spec column; their keys must be unique. `items` gives each
    // row's index in the caller's list, for error messages ("devices[7]").
    bool upsert(const QList<QVariantList> &rows, const QList<int> &items, QString *error);
    // Deletes the rows with these keys; counts the rows that existed.
    bool remove(const QStringList &keys, int *deleted, QString *error);
    // Deletes every row whose key `keep` rejects.
    bool prune(const std::function<bool(const QString &key)> &keep, int *deleted, QString *error);

    // Rows per multi-row statement: as many as fit in 999 bound parameters (the lowest
    // limit SQLite builds have used), at most 64.
    int rowsPerStatement() const;

private:
    bool upsertChunk(const QList<QVariantList> &rows, qsizetype first, int count,
                     const QList<int> &items, QString *error);
    QString label(int item) const;

    const TableSpec &m_spec;
    StatementCache &m_statements;
};

} // namespace hai
