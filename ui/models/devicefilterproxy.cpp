// SPDX-License-Identifier: GPL-3.0-or-later
#include "devicefilterproxy.h"

#include "devicetablemodel.h"

namespace hai {

DeviceFilterProxy::DeviceFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void DeviceFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_devices = qobject_cast<DeviceTableModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void DeviceFilterProxy::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_searchText)
        return;
    m_searchText = trimmed;
    m_terms = SearchTerms(trimmed);
    invalidate();
}

void DeviceFilterProxy::setGroupFilter(Group group, const QString &key)
{
    if (group == m_group && key == m_groupKey)
        return;
    m_group = group;
    m_groupKey = group == Group::None ? QString() : key;
    invalidate();
}

bool DeviceFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_devices || sourceParent.isValid())
        return true;
    const DeviceRow &row = m_devices->rowAt(sourceRow);
    switch (m_group) {
    case Group::None:
        break;
    case Group::Floor:
        if (row.floorId != m_groupKey)
            return false;
        break;
    case Group::Area:
        if (row.areaId != m_groupKey)
            return false;
        break;
    case Group::Integration:
        if (row.integration != m_groupKey)
            return false;
        break;
    case Group::Manufacturer:
        if (row.manufacturer != m_groupKey)
            return false;
        break;
    }
    return m_terms.isEmpty() || m_terms.matches({&row.name, &row.manufacturer, &row.model,
                                                 &row.areaName, &row.integration, &row.id});
}

bool DeviceFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_devices)
        return QSortFilterProxyModel::lessThan(left, right);
    return m_devices->lessThan(left.row(), right.row(), left.column());
}

} // namespace hai
