// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rowtablemodel.h"

#include <memory>

namespace hai {

class LiveStateCache;

// The registry's entities as a table, fed by RegistryFeed deltas (see RowTableModel), with
// the live state and its last change read from LiveStateCache. New rows get their state when
// they arrive; after that only the rows someone looks at are refreshed (LiveStatePoller), so
// 10,000 state changes a second cost the GUI a few dozen row updates per refresh.
class EntityTableModel : public RowTableModel<EntityRow>
{
    Q_OBJECT
public:
    enum Column { EntityId, Name, Domain, Device, Area, State, LastChanged, Platform, ColumnCount };

    explicit EntityTableModel(QObject *parent = nullptr);
    ~EntityTableModel() override;

    void setLiveStates(std::shared_ptr<const LiveStateCache> states);
    const std::shared_ptr<const LiveStateCache> &liveStates() const { return m_live; }

    // Reads the states of these source rows in one lock; emits dataChanged for the rows
    // whose state changed when `notify`.
    void refreshLiveStates(const QList<int> &rows, bool notify = true);
    void refreshAllLiveStates(bool notify);
    // One dataChanged over the state columns of every row: after a silent full refresh,
    // for views whose proxies were not re-filtered.
    void announceLiveStates();

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    bool lessThan(int left, int right, int column) const;
    // The distinct non-empty values of a column (Domain, Area, Platform) or of the
    // integration, sorted, for filter combos.
    QStringList distinctDomains() const;
    QStringList distinctIntegrations() const;

    static QString formatMicroseconds(qint64 us);

protected:
    quint32 changedColumns(const EntityRow &before, const EntityRow &after) const override;
    void carryOver(const EntityRow &before, EntityRow *after) const override;
    void prepareNewRows(QList<EntityRow> *rows) const override;

private:
    std::shared_ptr<const LiveStateCache> m_live;
};

} // namespace hai
