// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace hai {

enum class ColumnKind {
    Text,    // JSON string or null
    Json,    // JSON array or object, stored as compact JSON text
    Real,    // JSON number (HA timestamps: float epoch seconds), DOUBLE PRECISION
    Integer, // JSON integral number
    Boolean  // JSON bool
};

struct ColumnSpec
{
    QString name; // SQL column
    ColumnKind kind = ColumnKind::Text;
    QString jsonKey; // key in Home Assistant's JSON; empty when RegistryWriter derives it
    QString altKey;  // a second accepted key (a device's `device_id` besides `id`)
    bool required = false;
    bool internal = false; // helper column for sorting/searching, not returned by readers
    QString emptyJson;     // Json kind: stored when the key is absent or null
};

// The columns of one registry table as of the newest migration, and the SQL built from them.
// RowMapper, RegistryWriter and RegistryReader share it so that the three never disagree on
// column order or kinds. The first column is the primary key.
class TableSpec
{
public:
    static const TableSpec &devices();
    static const TableSpec &entities();
    static const TableSpec &areas();
    static const TableSpec &floors();
    static const TableSpec &labels();
    static const TableSpec &integrations();

    const QString &table() const { return m_table; }
    const QString &itemName() const { return m_itemName; } // "devices", used in error messages
    const ColumnSpec &key() const { return m_columns.first(); }
    const QList<ColumnSpec> &columns() const { return m_columns; }
    int indexOf(const QString &column) const; // -1 when unknown

    // INSERT INTO t (...) VALUES (?, ...), ... ON CONFLICT (key) DO UPDATE SET c = excluded.c
    QString upsertSql(int rows) const;
    // The public (non-internal) columns, each prefixed with `alias.`, in spec order.
    QString selectList(const QString &alias) const;
    QList<int> publicColumns() const;

    // The public columns as a reader outputs them: sorted by name (QJsonObject keeps its keys
    // sorted, so inserting in this order only appends), each with its position in
    // selectList().
    struct Output
    {
        QString name;
        ColumnKind kind;
        int position;
    };
    const QList<Output> &outputColumns() const { return m_outputColumns; }

private:
    TableSpec(QString table, QString itemName, QList<ColumnSpec> columns);

    QString m_table;
    QString m_itemName;
    QList<ColumnSpec> m_columns;
    QList<Output> m_outputColumns;
};

} // namespace hai
