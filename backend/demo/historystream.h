// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "homeevent.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <limits>

namespace hai {

// The live part of one history/stream subscription (history/websocket_api.py): state_changed
// events of the wanted entities, filtered like significant_changes_only, coalesced for
// EVENT_COALESCE_TIME (0.35 s) and sent as {"states":{entity:[{s,a?,lu,lc?}]}} events. It
// ends itself at end_time.
class HistoryStream : public QObject
{
    Q_OBJECT
public:
    static constexpr int kCoalesceMs = 350;

    struct Options
    {
        QSet<QByteArray> entityIds;
        bool significantChangesOnly = true;
        bool noAttributes = false;
        qint64 endMs = std::numeric_limits<qint64>::max(); // wall-clock end, ms since the epoch
    };
    // send: queues one complete message on the connection.
    HistoryStream(qint64 subscriptionId, Options options,
                  std::function<void(const QByteArray &)> send, QObject *parent = nullptr);

    void add(const HomeEvent &event);

Q_SIGNALS:
    // end_time passed: the subscription is over.
    void ended(qint64 subscriptionId);

private:
    void flush();

    qint64 m_id;
    Options m_options;
    std::function<void(const QByteArray &)> m_send;
    QList<QByteArray> m_order;            // entities in first-seen order
    QHash<QByteArray, QByteArray> m_rows; // entity -> rows joined by ','
    QTimer m_coalesce;
    QTimer m_end;
};

} // namespace hai
