// SPDX-License-Identifier: GPL-3.0-or-later
#include "rowmapper.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

#include <cmath>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

QString compactJson(const QJsonValue &value)
{
    const QJsonDocument document =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    return QString::fromUtf8(document.toJson(QJsonDocument::Compact));
}

} // namespace

bool RowMapper::fromJson(const TableSpec &spec, const QJsonObject &item, const Label &label,
                         QVariantList *row, QString *error)
{
    const QList<ColumnSpec> &columns = spec.columns();
    row->clear();
    row->reserve(columns.size());
    for (const ColumnSpec &column : columns) {
        if (column.jsonKey.isEmpty()) {
            row->append(QVariant());
            continue;
        }
        QString key = column.jsonKey;
        auto found = item.constFind(key);
        if (found == item.constEnd() && !column.altKey.isEmpty()) {
            key = column.altKey;
            found = item.constFind(key);
        }
        const QJsonValue value =
            found == item.constEnd() ? QJsonValue(QJsonValue::Undefined) : found.value();
        if (column.required && (value.isNull() || value.isUndefined() ||
                                (value.isString() && value.toString().isEmpty()))) {
            *error = label() + u'.' + column.jsonKey +
                     (value.isString() ? u": must not be empty"_s : u": missing"_s);
            return false;
        }
        QVariant converted;
        QString why;
        if (!toColumn(column, value, &converted, &why)) {
            *error = label() + u'.' + key + u": "_s + why;
            return false;
        }
        row->append(converted);
    }
    return true;
}

bool RowMapper::toColumn(const ColumnSpec &column, const QJsonValue &value, QVariant *out,
                         QString *why)
{
    if (value.isNull() || value.isUndefined()) {
        *out = column.kind == ColumnKind::Json ? QVariant(column.emptyJson) : QVariant();
        return true;
    }
    switch (column.kind) {
    case ColumnKind::Text:
        if (value.isString()) {
            *out = value.toString();
            return true;
        }
        *why = u"expected a string or null, got "_s + typeName(value);
        return false;
    case ColumnKind::Json:
        if (column.emptyJson == u"{}"_s ? value.isObject() : value.isArray()) {
            *out = compactJson(value);
            return true;
        }
        *why = (column.emptyJson == u"{}"_s ? u"expected an object or null, got "_s
                                            : u"expected an array or null, got "_s) +
               typeName(value);
        return false;
    case ColumnKind::Real:
        if (value.isDouble()) {
            *out = value.toDouble();
            return true;
        }
        *why = u"expected a number or null, got "_s + typeName(value);
        return false;
    case ColumnKind::Integer: {
        const double number = value.toDouble();
        if (value.isDouble() && std::floor(number) == number && std::abs(number) < 9.0e15) {
            *out = static_cast<qint64>(number);
            return true;
        }
        *why = u"expected an integer or null, got "_s +
               (value.isDouble() ? u"a fraction"_s : typeName(value));
        return false;
    }
    case ColumnKind::Boolean:
        if (value.isBool()) {
            *out = value.toBool();
            return true;
        }
        *why = u"expected true, false or null, got "_s + typeName(value);
        return false;
    }
    return false;
}

QJsonValue RowMapper::toJson(ColumnKind kind, const QVariant &value)
{
    if (value.isNull())
        return QJsonValue(QJsonValue::Null);
    switch (kind) {
    case ColumnKind::Text:
        return value.toString();
    case ColumnKind::Json: {
        const QString text = value.toString();
        if (text == u"[]"_s) // most lists are empty: skip the parser
            return QJsonArray();
        if (text == u"{}"_s)
            return QJsonObject();
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
        if (document.isArray())
            return document.array();
        if (document.isObject())
            return document.object();
        return value.toString(); // not JSON: hand it over as stored rather than lose it
    }
    case ColumnKind::Real:
        return value.toDouble();
    case ColumnKind::Integer:
        return value.toLongLong();
    case ColumnKind::Boolean:
        return value.toBool();
    }
    return QJsonValue(QJsonValue::Null);
}

QJsonObject RowMapper::rowToJson(const TableSpec &spec, const QSqlQuery &query, int first)
{
    QJsonObject object;
    for (const TableSpec::Output &column : spec.outputColumns())
        object.insert(column.name, toJson(column.kind, query.value(first + column.position)));
    return object;
}

QString RowMapper::valueToText(const QJsonValue &value)
{
    // QJsonDocument holds only arrays and objects: wrap, serialise, unwrap.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

QJsonValue RowMapper::valueFromText(const QString &text)
{
    QByteArray wrapped = text.toUtf8();
    wrapped.prepend('[').append(']');
    const QJsonDocument document = QJsonDocument::fromJson(wrapped);
    if (!document.isArray() || document.array().size() != 1)
        return text; // not JSON: keep the text rather than lose it
    return document.array().first();
}

QString RowMapper::typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"a boolean"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Array:
        return u"an array"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"nothing"_s;
}

} // namespace hai
