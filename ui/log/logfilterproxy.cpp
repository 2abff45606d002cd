// SPDX-License-Identifier: GPL-3.0-or-later
#include "logfilterproxy.h"

#include "logmodel.h"

namespace hai {

LogFilterProxy::LogFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{}

void LogFilterProxy::setMinimumRank(int rank)
{
    if (rank == m_minimumRank)
        return;
    m_minimumRank = rank;
    invalidateRowsFilter();
}

void LogFilterProxy::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_search)
        return;
    m_search = trimmed;
    invalidateRowsFilter();
}

bool LogFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    // Read the record directly: thousands of rows are filtered per keystroke.
    const auto *model = static_cast<const LogModel *>(sourceModel());
    const LogRecord &r = model->record(sourceRow);
    if (LogModel::levelRank(r.level) < m_minimumRank)
        return false;
    if (m_search.isEmpty())
        return true;
    return r.message.contains(m_search, Qt::CaseInsensitive) ||
           r.category.contains(m_search, Qt::CaseInsensitive) ||
           r.thread.contains(m_search, Qt::CaseInsensitive);
}

} // namespace hai
