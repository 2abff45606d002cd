// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "searchterms.h"

#include "entitytablemodel.h"

#include <QPointer>
#include <QSortFilterProxyModel>

#include <optional>

namespace hai {

// Sorts and filters EntityTableModel: search as you type over entity_id, name and device,
// and filters by domain, area (effective), integration, state and device. Like
// DeviceFilterProxy it reads rows directly and applies a new filter in one pass.
class EntityFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit EntityFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    EntityTableModel *entities() const { return m_entities; }

    void setSearchText(const QString &text);
    void setDomain(const QString &domain); // empty: any
    // nullopt: any area; an empty string: entities without an area.
    void setAreaId(const std::optional<QString> &areaId);
    void setIntegration(const QString &integration); // empty: any
    void setState(const QString &state);             // empty: any; case-insensitive
    void setDeviceId(const QString &deviceId);       // empty: any
    bool filtersByState() const { return !m_state.isEmpty(); }
    // Applies the filters again, e.g. after the states were refreshed.
    void refilter() { invalidate(); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    template <typename T>
    void update(T *member, const T &value);

    QPointer<EntityTableModel> m_entities; // the source may go first
    QString m_searchText;
    SearchTerms m_terms;
    QString m_domain;
    std::optional<QString> m_areaId;
    QString m_integration;
    QString m_state;
    QString m_deviceId;
};

} // namespace hai
