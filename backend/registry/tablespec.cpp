// SPDX-License-Identifier: GPL-3.0-or-later
#include "tablespec.h"

#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

ColumnSpec text(const QString &name, const QString &jsonKey = {})
{
    return {name, ColumnKind::Text, jsonKey.isNull() ? name : jsonKey};
}

ColumnSpec required(ColumnSpec column)
{
    column.required = true;
    return column;
}

ColumnSpec alsoAccepting(ColumnSpec column, const QString &altKey)
{
    column.altKey = altKey;
    return column;
}

ColumnSpec derived(const QString &name, ColumnKind kind = ColumnKind::Text)
{
    return {name, kind, QString()};
}

ColumnSpec internal(const QString &name)
{
    ColumnSpec column = derived(name);
    column.internal = true;
    return column;
}

ColumnSpec json(const QString &name, const QString &empty)
{
    ColumnSpec column{name, ColumnKind::Json, name};
    column.emptyJson = empty;
    return column;
}

ColumnSpec real(const QString &name)
{
    return {name, ColumnKind::Real, name};
}
ColumnSpec integer(const QString &name)
{
    return {name, ColumnKind::Integer, name};
}
ColumnSpec boolean(const QString &name)
{
    return {name, ColumnKind::Boolean, name};
}

} // namespace

TableSpec::TableSpec(QString table, QString itemName, QList<ColumnSpec> columns)
    : m_table(std::move(table))
    , m_itemName(std::move(itemName))
    , m_columns(std::move(columns))
{
    const QList<int> visible = publicColumns();
    for (int position = 0; position < visible.size(); ++position) {
        const ColumnSpec &column = m_columns.at(visible.at(position));
        m_outputColumns.append({column.name, column.kind, position});
    }
    std::sort(m_outputColumns.begin(), m_outputColumns.end(),
              [](const Output &a, const Output &b) { return a.name < b.name; });
}

const TableSpec &TableSpec::devices()
{
    static const TableSpec spec(
        u"devices"_s, u"devices"_s,
        {
            alsoAccepting(required(text(u"device_id"_s, u"id"_s)), u"device_id"_s),
            text(u"name"_s),
            text(u"name_by_user"_s),
            text(u"manufacturer"_s),
            text(u"model"_s),
            text(u"model_id"_s),
            text(u"sw_version"_s),
            text(u"hw_version"_s),
            text(u"serial_number"_s),
            text(u"area_id"_s),
            derived(u"integration"_s),
            derived(u"config_entry_id"_s),
            text(u"via_device_id"_s),
            text(u"entry_type"_s),
            text(u"disabled_by"_s),
            json(u"labels"_s, u"[]"_s),
            text(u"configuration_url"_s),
            real(u"created_at"_s),
            real(u"modified_at"_s),
            derived(u"last_seen"_s, ColumnKind::Real),
            internal(u"sort_name"_s),
            internal(u"search_text"_s),
            // migration 2
            json(u"identifiers"_s, u"[]"_s),
            json(u"connections"_s, u"[]"_s),
            json(u"config_entries"_s, u"[]"_s),
            text(u"config_subentry_id"_s),
            text(u"parent_device_id"_s),
        });
    return spec;
}

const TableSpec &TableSpec::entities()
{
    static const TableSpec spec(u"entities"_s, u"entities"_s,
                                {
                                    required(text(u"entity_id"_s)),
                                    text(u"registry_id"_s, u"id"_s),
                                    text(u"device_id"_s),
                                    derived(u"domain"_s),
                                    text(u"platform"_s),
                                    text(u"unique_id"_s),
                                    text(u"area_id"_s),
                                    derived(u"effective_area_id"_s),
                                    text(u"name"_s),
                                    text(u"original_name"_s),
                                    text(u"icon"_s),
                                    text(u"entity_category"_s),
                                    text(u"disabled_by"_s),
                                    text(u"hidden_by"_s),
                                    json(u"labels"_s, u"[]"_s),
                                    text(u"config_entry_id"_s),
                                    text(u"translation_key"_s),
                                    boolean(u"has_entity_name"_s),
                                    real(u"created_at"_s),
                                    real(u"modified_at"_s),
                                    internal(u"search_text"_s),
                                    // migration 2
                                    text(u"config_subentry_id"_s),
                                    json(u"categories"_s, u"{}"_s),
                                    json(u"options"_s, u"{}"_s),
                                });
    return spec;
}

const TableSpec &TableSpec::areas()
{
    static const TableSpec spec(u"areas"_s, u"areas"_s,
                                {
                                    required(text(u"area_id"_s)),
                                    required(text(u"name"_s)),
                                    text(u"floor_id"_s),
                                    text(u"icon"_s),
                                    json(u"aliases"_s, u"[]"_s),
                                    json(u"labels"_s, u"[]"_s),
                                    text(u"picture"_s),
                                    text(u"humidity_entity_id"_s),
                                    text(u"temperature_entity_id"_s),
                                    real(u"created_at"_s),
                                    real(u"modified_at"_s),
                                });
    return spec;
}

const TableSpec &TableSpec::floors()
{
    static const TableSpec spec(u"floors"_s, u"floors"_s,
                                {
                                    required(text(u"floor_id"_s)),
                                    required(text(u"name"_s)),
                                    integer(u"level"_s),
                                    text(u"icon"_s),
                                    json(u"aliases"_s, u"[]"_s),
                                    real(u"created_at"_s),
                                    real(u"modified_at"_s),
                                });
    return spec;
}

const TableSpec &TableSpec::labels()
{
    static const TableSpec spec(u"labels"_s, u"labels"_s,
                                {
                                    required(text(u"label_id"_s)),
                                    required(text(u"name"_s)),
                                    text(u"color"_s),
                                    text(u"icon"_s),
                                    text(u"description"_s),
                                    real(u"created_at"_s),
                                    real(u"modified_at"_s),
                                });
    return spec;
}

const TableSpec &TableSpec::integrations()
{
    static const TableSpec spec(u"integrations"_s, u"integrations"_s,
                                {
                                    required(text(u"entry_id"_s)),
                                    required(text(u"domain"_s)),
                                    text(u"title"_s),
                                    text(u"state"_s),
                                    text(u"source"_s),
                                    text(u"disabled_by"_s),
                                    text(u"reason"_s),
                                    boolean(u"pref_disable_new_entities"_s),
                                    boolean(u"pref_disable_polling"_s),
                                    boolean(u"supports_options"_s),
                                    boolean(u"supports_unload"_s),
                                    boolean(u"supports_remove_device"_s),
                                    boolean(u"supports_reconfigure"_s),
                                    real(u"created_at"_s),
                                    real(u"modified_at"_s),
                                    // migration 2
                                    integer(u"num_subentries"_s),
                                    text(u"error_reason_translation_key"_s),
                                });
    return spec;
}

int TableSpec::indexOf(const QString &column) const
{
    for (int i = 0; i < m_columns.size(); ++i) {
        if (m_columns.at(i).name == column)
            return i;
    }
    return -1;
}

QString TableSpec::upsertSql(int rows) const
{
    QStringList names;
    QStringList updates;
    for (const ColumnSpec &column : m_columns) {
        names << column.name;
        if (&column != &m_columns.first())
            updates << column.name + u" = excluded."_s + column.name;
    }
    QString placeholders = u"("_s;
    for (int i = 0; i < m_columns.size(); ++i)
        placeholders += i == 0 ? u"?"_s : u", ?"_s;
    placeholders += u')';

    QStringList tuples;
    tuples.reserve(rows);
    for (int i = 0; i < rows; ++i)
        tuples << placeholders;

    return u"INSERT INTO "_s + m_table + u" ("_s + names.join(u", "_s) + u") VALUES "_s +
           tuples.join(u", "_s) + u" ON CONFLICT ("_s + key().name + u") DO UPDATE SET "_s +
           updates.join(u", "_s);
}

QString TableSpec::selectList(const QString &alias) const
{
    QStringList names;
    for (int index : publicColumns())
        names << alias + u'.' + m_columns.at(index).name;
    return names.join(u", "_s);
}

QList<int> TableSpec::publicColumns() const
{
    QList<int> result;
    for (int i = 0; i < m_columns.size(); ++i) {
        if (!m_columns.at(i).internal)
            result << i;
    }
    return result;
}

} // namespace hai
