// SPDX-License-Identifier: GPL-3.0-or-later
#include "livestatepoller.h"

#include "entityfilterproxy.h"
#include "entitytablemodel.h"

#include <QAbstractItemView>

#include <numeric>

namespace hai {

namespace {
constexpr int kDefaultIntervalMs = 250;
} // namespace

LiveStatePoller::LiveStatePoller(QAbstractItemView *view, EntityFilterProxy *proxy, QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_proxy(proxy)
{
    m_timer.setInterval(kDefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &LiveStatePoller::poll);
    m_timer.start();
}

void LiveStatePoller::poll()
{
    if (!m_view || !m_proxy || !m_view->isVisible())
        return;
    EntityTableModel *model = m_proxy->entities();
    if (!model || !model->liveStates())
        return;
    refreshVisibleRows(model);
    if (m_proxy->filtersByState())
        refreshSlice(model);
}

void LiveStatePoller::refreshVisibleRows(EntityTableModel *model)
{
    const QRect area = m_view->viewport()->rect();
    const QModelIndex top = m_view->indexAt(area.topLeft());
    if (!top.isValid())
        return;
    QModelIndex bottom = m_view->indexAt(QPoint(area.left(), area.bottom()));
    const int last = bottom.isValid() ? bottom.row() : m_proxy->rowCount() - 1;
    QList<int> rows;
    rows.reserve(last - top.row() + 1);
    for (int row = top.row(); row <= last; ++row)
        rows.append(m_proxy->mapToSource(m_proxy->index(row, 0)).row());
    model->refreshLiveStates(rows);
}

// Rows off screen can start or stop matching the state filter (also when none matches yet):
// all rows are re-read, a slice per poll so that no poll takes long, quietly (a scattered
// dataChanged would make the proxy update range by range); after the last slice the filter
// is applied again in one pass and the views are told once.
void LiveStatePoller::refreshSlice(EntityTableModel *model)
{
    const int total = model->rowCount();
    const int slice = m_slice;
    m_slice = (m_slice + 1) % kSlices;
    const int first = int(qint64(total) * slice / kSlices);
    const int end = int(qint64(total) * (slice + 1) / kSlices);
    QList<int> rows(end - first);
    std::iota(rows.begin(), rows.end(), first);
    model->refreshLiveStates(rows, false);
    if (slice == kSlices - 1) {
        m_proxy->refilter();
        model->announceLiveStates();
    }
}

} // namespace hai
