// SPDX-License-Identifier: GPL-3.0-or-later
#include "entityfilterproxy.h"

#include "entitytablemodel.h"

namespace hai {

EntityFilterProxy::EntityFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void EntityFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_entities = qobject_cast<EntityTableModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

template <typename T>
void EntityFilterProxy::update(T *member, const T &value)
{
    if (*member == value)
        return;
    *member = value;
    // invalidate(), not invalidateFilter(): one layoutChanged instead of a remove/insert per
    // range, each of which rebuilds the whole mapping (quadratic at 100,000 rows).
    invalidate();
}

void EntityFilterProxy::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    m_terms = SearchTerms(trimmed);
    update(&m_searchText, trimmed);
}

void EntityFilterProxy::setDomain(const QString &domain)
{
    update(&m_domain, domain);
}

void EntityFilterProxy::setAreaId(const std::optional<QString> &areaId)
{
    update(&m_areaId, areaId);
}

void EntityFilterProxy::setIntegration(const QString &integration)
{
    update(&m_integration, integration);
}

void EntityFilterProxy::setState(const QString &state)
{
    update(&m_state, state.trimmed());
}

void EntityFilterProxy::setDeviceId(const QString &deviceId)
{
    update(&m_deviceId, deviceId);
}

bool EntityFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_entities || sourceParent.isValid())
        return true;
    const EntityRow &row = m_entities->rowAt(sourceRow);
    if (!m_deviceId.isEmpty() && row.deviceId != m_deviceId)
        return false;
    if (!m_domain.isEmpty() && row.domain != m_domain)
        return false;
    if (m_areaId && row.areaId != *m_areaId)
        return false;
    if (!m_integration.isEmpty() && row.integration != m_integration)
        return false;
    if (!m_state.isEmpty() && row.liveState.compare(m_state, Qt::CaseInsensitive) != 0)
        return false;
    return m_terms.isEmpty() || m_terms.matches({&row.entityId, &row.name, &row.deviceName});
}

bool EntityFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_entities)
        return QSortFilterProxyModel::lessThan(left, right);
    return m_entities->lessThan(left.row(), right.row(), left.column());
}

} // namespace hai
