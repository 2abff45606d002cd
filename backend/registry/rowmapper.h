// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tablespec.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QVariant>
#include <QVariantList>

#include <functional>

class QSqlQuery;

namespace hai {

// Maps between Home Assistant's JSON and column values, both ways, for one TableSpec.
// Writing is strict (a number where a string belongs is an error that names the field);
// reading turns what either driver returns (SQLite 0/1, PostgreSQL bool, JSON text) back into
// the JSON types HA uses.
class RowMapper
{
public:
    // Names an item, e.g. "devices[3]"; called only to build an error message.
    using Label = std::function<QString()>;

    // Fills `row` with one value per spec column from an HA item. Derived columns stay null
    // for RegistryWriter to fill. An error reads
    // "devices[3].name: expected a string or null, got a number".
    static bool fromJson(const TableSpec &spec, const QJsonObject &item, const Label &label,
                         QVariantList *row, QString *error);

    // One JSON value to a column value of `column`'s kind; `why` says what was wrong.
    static bool toColumn(const ColumnSpec &column, const QJsonValue &value, QVariant *out,
                         QString *why);

    // One column value, as either driver returns it, to JSON.
    static QJsonValue toJson(ColumnKind kind, const QVariant &value);

    // The public columns of `spec` from the current row of `query`, which selected
    // TableSpec::selectList() starting at column `first`.
    static QJsonObject rowToJson(const TableSpec &spec, const QSqlQuery &query, int first = 0);

    // Any JSON value (scalars too) as compact JSON text, and back. Used for preferences.
    static QString valueToText(const QJsonValue &value);
    static QJsonValue valueFromText(const QString &text);

    // "a string", "a number", ... for error messages.
    static QString typeName(const QJsonValue &value);
};

} // namespace hai
