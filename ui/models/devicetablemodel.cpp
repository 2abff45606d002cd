// SPDX-License-Identifier: GPL-3.0-or-later
#include "devicetablemodel.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

int compareText(const QString &a, const QString &b)
{
    return a.compare(b, Qt::CaseInsensitive);
}

template <typename T>
int compareValue(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

} // namespace

DeviceTableModel::DeviceTableModel(QObject *parent)
    : RowTableModel<DeviceRow>(parent)
{}

int DeviceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DeviceTableModel::formatEpoch(double seconds)
{
    if (seconds <= 0)
        return {};
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(qint64(seconds * 1000.0));
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

QVariant DeviceTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const DeviceRow &row = m_rows.at(index.row());
    if (role == KeyRole)
        return row.id;
    if (role == Qt::TextAlignmentRole && index.column() == EntityCount)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Name)
        return row.id;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        return row.name;
    case Manufacturer:
        return row.manufacturer;
    case Model:
        return row.model;
    case Area:
        return row.areaName;
    case Integration:
        return row.integration;
    case EntityCount:
        return row.entityCount;
    case LastSeen:
        return formatEpoch(row.lastSeen);
    }
    return {};
}

QVariant DeviceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Manufacturer:
        return tr("Manufacturer");
    case Model:
        return tr("Model");
    case Area:
        return tr("Area");
    case Integration:
        return tr("Integration");
    case EntityCount:
        return tr("Entities");
    case LastSeen:
        return tr("Last seen");
    }
    return {};
}

bool DeviceTableModel::lessThan(int left, int right, int column) const
{
    const DeviceRow &a = m_rows.at(left);
    const DeviceRow &b = m_rows.at(right);
    int order = 0;
    switch (column) {
    case Name:
        break;
    case Manufacturer:
        order = compareText(a.manufacturer, b.manufacturer);
        break;
    case Model:
        order = compareText(a.model, b.model);
        break;
    case Area:
        order = compareText(a.areaName, b.areaName);
        break;
    case Integration:
        order = compareText(a.integration, b.integration);
        break;
    case EntityCount:
        order = compareValue(a.entityCount, b.entityCount);
        break;
    case LastSeen:
        order = compareValue(a.lastSeen, b.lastSeen);
        break;
    }
    // Ties by name, then id: a stable order that does not depend on the feed's.
    if (order == 0)
        order = compareText(a.name, b.name);
    if (order == 0)
        order = compareValue(a.id, b.id);
    return order < 0;
}

quint32 DeviceTableModel::changedColumns(const DeviceRow &a, const DeviceRow &b) const
{
    quint32 bits = 0;
    const auto mark = [&bits](bool differs, Column column) {
        if (differs)
            bits |= 1u << column;
    };
    mark(a.name != b.name, Name);
    mark(a.manufacturer != b.manufacturer, Manufacturer);
    mark(a.model != b.model, Model);
    mark(a.areaName != b.areaName || a.areaId != b.areaId, Area);
    mark(a.integration != b.integration, Integration);
    mark(a.entityCount != b.entityCount, EntityCount);
    mark(a.lastSeen != b.lastSeen, LastSeen);
    return bits;
}

} // namespace hai
