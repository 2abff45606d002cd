// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

class QAbstractItemView;

namespace hai {

class EntityFilterProxy;
class EntityTableModel;

// Keeps the state columns of an entity view current: on a timer (4 Hz by default) it reads
// the live states of the rows on screen only, in one LiveStateCache lock. A burst of 10,000
// events a second thus costs the GUI the same as a quiet home. While the view filters by
// state, all rows are re-read and the filter re-applied every few seconds, since rows off
// screen can start or stop matching.
class LiveStatePoller : public QObject
{
    Q_OBJECT
public:
    LiveStatePoller(QAbstractItemView *view, EntityFilterProxy *proxy, QObject *parent = nullptr);

    void setInterval(int ms) { m_timer.setInterval(ms); }
    // Refreshes the visible rows now (also what the timer calls).
    void poll();

private:
    void refreshVisibleRows(EntityTableModel *model);
    void refreshSlice(EntityTableModel *model);

    QPointer<QAbstractItemView> m_view;
    QPointer<EntityFilterProxy> m_proxy;
    QTimer m_timer;
    static constexpr int kSlices = 8; // a full round every 2 s at 4 Hz
    int m_slice = 0;
};

} // namespace hai
