// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "registry/registryrows.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QtAlgorithms>

#include <algorithm>

namespace hai {

// The part of DeviceTableModel and EntityTableModel that applies RegistryFeed deltas: new
// rows are appended (beginInsertRows), changed rows replaced in place (dataChanged on the
// columns that differ), removed rows taken out range by range (beginRemoveRows). Never a
// reset, so selections, scroll positions and persistent indexes survive every update.
template <typename Row>
class RowTableModel : public QAbstractTableModel
{
public:
    enum Roles { KeyRole = Qt::UserRole + 1 };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    const Row &rowAt(int row) const { return m_rows.at(row); }
    int rowOf(const QString &key) const { return m_index.value(key, -1); }

    void applyDelta(const RegistryDelta<Row> &delta)
    {
        removeKeys(delta.removed);
        appendRows(replaceRows(delta.changed)); // rows this model never saw are added
        appendRows(delta.added);
        if (delta.initial && delta.last) {
            // Growing by doubling left up to half the rows' size unused; later deltas are small.
            m_rows.squeeze();
            m_index.squeeze();
        }
    }

protected:
    // Bit i set: column i differs between the two versions of a row.
    virtual quint32 changedColumns(const Row &before, const Row &after) const = 0;
    // Lets a model keep what it added to a row (live state) when the feed replaces it.
    virtual void carryOver(const Row &, Row *) const {}
    // Lets a model fill in what the feed does not send before the rows become visible.
    virtual void prepareNewRows(QList<Row> *) const {}

    // Emits dataChanged over the given rows, merging neighbours; a large scattered set
    // becomes one span, which a proxy re-examines in one pass instead of one per row.
    void notifyRows(QList<int> rows, int firstColumn, int lastColumn, const QList<int> &roles = {})
    {
        constexpr int kMaxRanges = 64;
        if (rows.isEmpty())
            return;
        std::sort(rows.begin(), rows.end());
        QList<std::pair<int, int>> ranges;
        for (const int row : std::as_const(rows)) {
            if (!ranges.isEmpty() && ranges.last().second + 1 >= row)
                ranges.last().second = row;
            else
                ranges.append({row, row});
        }
        if (ranges.size() > kMaxRanges)
            ranges = {{rows.first(), rows.last()}};
        for (const auto &[first, last] : std::as_const(ranges))
            Q_EMIT dataChanged(index(first, firstColumn), index(last, lastColumn), roles);
    }

    QList<Row> m_rows;
    QHash<QString, int> m_index; // key -> row

private:
    void removeKeys(const QStringList &keys)
    {
        QList<int> rows;
        for (const QString &key : keys) {
            const int row = rowOf(key);
            if (row >= 0)
                rows.append(row);
        }
        if (rows.isEmpty())
            return;
        // From the bottom up, so the rows of the ranges still to go stay where they are.
        std::sort(rows.begin(), rows.end(), std::greater<int>());
        qsizetype i = 0;
        while (i < rows.size()) {
            const int last = rows.at(i);
            int first = last;
            while (++i < rows.size() && rows.at(i) == first - 1)
                first = rows.at(i);
            beginRemoveRows({}, first, last);
            m_rows.remove(first, last - first + 1);
            endRemoveRows();
        }
        rebuildIndex();
    }

    QList<Row> replaceRows(const QList<Row> &changed)
    {
        QList<int> rows;
        QList<Row> unknown;
        quint32 columns = 0;
        for (const Row &fresh : changed) {
            const int row = rowOf(fresh.key());
            if (row < 0) {
                unknown.append(fresh);
                continue;
            }
            Row updated = fresh;
            carryOver(m_rows.at(row), &updated);
            columns |= changedColumns(m_rows.at(row), updated);
            m_rows[row] = std::move(updated);
            rows.append(row);
        }
        if (columns != 0) {
            const int first = int(qCountTrailingZeroBits(columns));
            const int last = 31 - int(qCountLeadingZeroBits(columns));
            notifyRows(rows, first, qMin(last, columnCount() - 1));
        } else {
            // Only fields without a column changed (a detail pane shows them): a role no
            // proxy sorts or filters on, so nothing is re-sorted.
            notifyRows(rows, 0, 0, {KeyRole});
        }
        return unknown;
    }

    void appendRows(const QList<Row> &added)
    {
        QList<Row> fresh;
        fresh.reserve(added.size());
        for (const Row &row : added) {
            if (rowOf(row.key()) < 0)
                fresh.append(row);
        }
        if (fresh.isEmpty())
            return;
        prepareNewRows(&fresh);
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(fresh.size()) - 1);
        m_rows.append(fresh);
        for (int row = first; row < int(m_rows.size()); ++row)
            m_index.insert(m_rows.at(row).key(), row);
        endInsertRows();
    }

    void rebuildIndex()
    {
        m_index.clear();
        m_index.reserve(m_rows.size());
        for (int row = 0; row < int(m_rows.size()); ++row)
            m_index.insert(m_rows.at(row).key(), row);
    }
};

} // namespace hai
