// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace hai {

// Filters a LogModel by minimum level and by a search text (case-insensitive, in the message,
// category and thread), keeping arrival order.
class LogFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit LogFilterProxy(QObject *parent = nullptr);

    // A LogModel::levelRank(): 0 shows everything, 2 warnings and errors.
    void setMinimumRank(int rank);
    int minimumRank() const { return m_minimumRank; }
    void setSearchText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    int m_minimumRank = 0;
    QString m_search;
};

} // namespace hai
