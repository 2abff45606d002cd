// SPDX-License-Identifier: GPL-3.0-or-later
#include "deliverylogmodel.h"

#include "webhooktext.h"

#include <QBrush>

namespace hai {

DeliveryLogModel::DeliveryLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void DeliveryLogModel::setDeliveries(const WebhookDeliveryList &deliveries)
{
    beginResetModel();
    m_deliveries = deliveries;
    endResetModel();
}

void DeliveryLogModel::appendDeliveries(const WebhookDeliveryList &deliveries)
{
    if (deliveries.isEmpty())
        return;
    const int first = int(m_deliveries.size());
    beginInsertRows({}, first, first + int(deliveries.size()) - 1);
    m_deliveries.append(deliveries);
    endInsertRows();
}

const WebhookDelivery *DeliveryLogModel::deliveryAt(int row) const
{
    return row >= 0 && row < m_deliveries.size() ? &m_deliveries.at(row) : nullptr;
}

int DeliveryLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_deliveries.size());
}

int DeliveryLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeliveryLogModel::data(const QModelIndex &index, int role) const
{
    const WebhookDelivery *delivery = index.isValid() ? deliveryAt(index.row()) : nullptr;
    if (!delivery)
        return {};
    if (role == Qt::ForegroundRole && index.column() == StatusColumn) {
        if (delivery->status == DeliveryStatus::Failed)
            return QBrush(Qt::darkRed);
        return delivery->status == DeliveryStatus::Delivered ? QBrush(Qt::darkGreen) : QVariant();
    }
    if (role == Qt::ToolTipRole && index.column() == LastErrorColumn)
        return delivery->lastError.isEmpty() ? QVariant() : delivery->lastError;
    if (role == Qt::ToolTipRole && index.column() == CreatedColumn)
        return tr("Delivery %1").arg(delivery->id);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case CreatedColumn:
        return WebhookText::time(delivery->createdAt);
    case EventColumn:
        return delivery->eventType;
    case StatusColumn:
        return WebhookText::deliveryStatus(delivery->status);
    case AttemptsColumn:
        return delivery->attempts;
    case LastStatusColumn:
        return delivery->lastStatusCode > 0 ? tr("HTTP %1").arg(delivery->lastStatusCode)
                                            : QString();
    case LastErrorColumn:
        return delivery->lastError;
    case WhenColumn:
        if (delivery->status == DeliveryStatus::Delivered)
            return tr("delivered %1").arg(WebhookText::time(delivery->deliveredAt));
        if (delivery->status == DeliveryStatus::Pending)
            return tr("next attempt %1").arg(WebhookText::time(delivery->nextAttemptAt));
        return {};
    default:
        return {};
    }
}

QVariant DeliveryLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CreatedColumn:
        return tr("Created");
    case EventColumn:
        return tr("Event");
    case StatusColumn:
        return tr("Status");
    case AttemptsColumn:
        return tr("Attempts");
    case LastStatusColumn:
        return tr("Last status");
    case LastErrorColumn:
        return tr("Last error");
    case WhenColumn:
        return tr("Delivered / next");
    default:
        return {};
    }
}

} // namespace hai
