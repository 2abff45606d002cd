// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "webhooks/webhook.h"

#include <QAbstractTableModel>

namespace hai {

// One webhook's delivery log, newest first, a page at a time.
class DeliveryLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        CreatedColumn,
        EventColumn,
        StatusColumn,
        AttemptsColumn,
        LastStatusColumn,
        LastErrorColumn,
        WhenColumn, // delivered at, or the next attempt of a pending one
        ColumnCount
    };

    explicit DeliveryLogModel(QObject *parent = nullptr);

    void setDeliveries(const WebhookDeliveryList &deliveries); // a new first page
    void appendDeliveries(const WebhookDeliveryList &deliveries);
    const WebhookDelivery *deliveryAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    WebhookDeliveryList m_deliveries;
};

} // namespace hai
