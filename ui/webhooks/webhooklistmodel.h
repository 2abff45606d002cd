// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "webhooks/webhook.h"

#include <QAbstractTableModel>

namespace hai {

// The webhooks of the Webhooks page with their delivery figures. setWebhooks() merges a new
// list in place (rows changed, inserted or removed by id), so the periodic refresh keeps the
// selection and scroll position.
class WebhookListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        UrlColumn, // without credentials, query or fragment
        EventsColumn,
        EnabledColumn,
        DeliveredColumn,
        FailedColumn,
        LastDeliveryColumn,
        LastStatusColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1, // the webhook id, in every column
        SortRole,                  // numbers and times as numbers
    };

    explicit WebhookListModel(QObject *parent = nullptr);

    void setWebhooks(const WebhookList &webhooks);
    const WebhookList &webhooks() const { return m_webhooks; }
    int rowOf(const QString &webhookId) const; // -1 when absent
    const Webhook *webhookAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const Webhook &webhook, int column) const;
    QVariant toolTip(const Webhook &webhook, int column) const;

    WebhookList m_webhooks;
};

} // namespace hai
