// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "webhooks/webhook.h"
#include "webhooks/webhookadmin.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace hai {

class DeliveryLogModel;
class WebhookClient;

// The delivery log of one webhook: status, attempts, the last answer and error, filtered by
// status and read a page at a time through the WebhookClient. "Redeliver" queues a delivered
// or failed delivery again, with its original bytes and id.
class DeliveryLogDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int kPageSize = 100;

    DeliveryLogDialog(WebhookClient *client, const Webhook &webhook, QWidget *parent = nullptr);

    // Reads the first page again (status filter, after a redelivery).
    void reload();

    DeliveryLogModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QComboBox *statusFilter() const { return m_statusFilter; }
    QPushButton *redeliverButton() const { return m_redeliver; }
    QLabel *statusLabel() const { return m_status; }

Q_SIGNALS:
    void loaded();      // a page arrived (or failed: see statusLabel())
    void redelivered(); // a redelivery was answered (see statusLabel())

private:
    void load(int offset);
    void pageLoaded(const WebhookAdmin::DeliveriesResult &result, int offset);
    void redeliverSelected();
    void updateButtons();
    std::optional<DeliveryStatus> statusChoice() const;

    WebhookClient *m_client;
    Webhook m_webhook;
    DeliveryLogModel *m_model;
    QTableView *m_view;
    QComboBox *m_statusFilter;
    QPushButton *m_refresh;
    QPushButton *m_more;
    QPushButton *m_redeliver;
    QLabel *m_count;
    QLabel *m_status;
    qint64 m_total = 0;
    int m_generation = 0; // answers to an older filter are dropped
    bool m_loading = false;
};

} // namespace hai
