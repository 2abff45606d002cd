// SPDX-License-Identifier: GPL-3.0-or-later
#include "registrysanitizer.h"

#include "registry/rowmapper.h"
#include "registry/tablespec.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

void note(RegistrySanitizer::Report *report, const QString &problem)
{
    if (report->firstProblem.isEmpty())
        report->firstProblem = problem;
}

// A field the writer reads itself (not through the table spec) must be a string or null.
void repairString(QJsonObject &item, const QString &key, const QString &label,
                  RegistrySanitizer::Report *report)
{
    const auto it = item.constFind(key);
    if (it == item.constEnd() || it->isString() || it->isNull())
        return;
    note(report,
         label + u'.' + key + u": expected a string or null, got "_s + RowMapper::typeName(*it));
    item.insert(key, QJsonValue::Null);
    ++report->repairedFields;
}

bool validEntityId(const QString &entityId)
{
    const qsizetype dot = entityId.indexOf(u'.');
    return dot > 0 && dot < entityId.size() - 1;
}

} // namespace

QJsonArray RegistrySanitizer::sanitize(HaRegistry registry, const QJsonArray &items,
                                       const QSet<QString> *knownDevices, Report *report)
{
    const TableSpec &spec = HaRegistryInfo::table(registry);
    QJsonArray result;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonValue value = items.at(i);
        const QString label = spec.itemName() + u'[' + QString::number(i) + u']';
        if (!value.isObject()) {
            note(report, label + u": expected an object, got "_s + RowMapper::typeName(value));
            ++report->dropped;
            continue;
        }
        QJsonObject item = value.toObject();
        bool keep = true;
        for (const ColumnSpec &column : spec.columns()) {
            if (column.jsonKey.isEmpty())
                continue;
            QString key = column.jsonKey;
            if (!item.contains(key) && !column.altKey.isEmpty() && item.contains(column.altKey))
                key = column.altKey;
            const QJsonValue field = item.value(key);
            if (column.required) {
                if (!field.isString() || field.toString().isEmpty()) {
                    note(report, label + u'.' + column.jsonKey + u": missing or not a string"_s);
                    keep = false;
                    break;
                }
                continue;
            }
            QVariant converted;
            QString why;
            if (!RowMapper::toColumn(column, field, &converted, &why)) {
                note(report, label + u'.' + key + u": "_s + why);
                item.insert(key, QJsonValue::Null);
                ++report->repairedFields;
            }
        }
        if (keep && registry == HaRegistry::Devices) {
            for (const QString &key :
                 {u"primary_config_entry"_s, u"config_entry_id"_s, u"integration"_s})
                repairString(item, key, label, report);
        }
        if (keep && registry == HaRegistry::Entities) {
            if (!validEntityId(item.value(u"entity_id").toString())) {
                note(report, label + u".entity_id: not an entity id"_s);
                keep = false;
            } else if (knownDevices) {
                const QJsonValue device = item.value(u"device_id");
                if (device.isString() && !knownDevices->contains(device.toString())) {
                    note(report,
                         label + u".device_id: unknown device '"_s + device.toString() + u'\'');
                    item.insert(u"device_id"_s, QJsonValue::Null);
                    ++report->clearedDevices;
                }
            }
        }
        if (!keep) {
            ++report->dropped;
            continue;
        }
        result.append(item);
    }
    return result;
}

QSet<QString> RegistrySanitizer::deviceIds(const QJsonArray &devices)
{
    QSet<QString> ids;
    ids.reserve(devices.size());
    for (const QJsonValue &value : devices) {
        const QJsonObject device = value.toObject();
        QJsonValue id = device.value(u"id");
        if (!id.isString())
            id = device.value(u"device_id");
        if (id.isString())
            ids.insert(id.toString());
    }
    return ids;
}

qsizetype RegistrySanitizer::unknownDeviceReferences(const QJsonArray &entities,
                                                     const QSet<QString> &knownDevices)
{
    qsizetype unknown = 0;
    for (const QJsonValue &value : entities) {
        const QJsonValue device = value.toObject().value(u"device_id");
        if (device.isString() && !knownDevices.contains(device.toString()))
            ++unknown;
    }
    return unknown;
}

} // namespace hai
