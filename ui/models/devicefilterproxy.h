// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "searchterms.h"

#include "devicetablemodel.h"

#include <QPointer>
#include <QSortFilterProxyModel>

namespace hai {

// Sorts and filters DeviceTableModel: search as you type, and the group picked in the device
// tree (a floor, an area, an integration or a manufacturer). Reads rows directly instead of
// through data(), and applies a new filter in one pass (layoutChanged), which stays fast at
// 10,000 rows where QSortFilterProxyModel's per-range updates would not.
class DeviceFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class Group { None, Floor, Area, Integration, Manufacturer };

    explicit DeviceFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;

    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }
    // An empty key matches devices without one ("No area", "No floor", ...).
    void setGroupFilter(Group group, const QString &key = {});
    Group group() const { return m_group; }
    QString groupKey() const { return m_groupKey; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QPointer<DeviceTableModel> m_devices; // the source may go first
    QString m_searchText;
    SearchTerms m_terms;
    Group m_group = Group::None;
    QString m_groupKey;
};

} // namespace hai
