// SPDX-License-Identifier: GPL-3.0-or-later
#include "deliverylogdialog.h"

#include "deliverylogmodel.h"
#include "webhookclient.h"
#include "webhooktext.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hai {

DeliveryLogDialog::DeliveryLogDialog(WebhookClient *client, const Webhook &webhook, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_webhook(webhook)
    , m_model(new DeliveryLogModel(this))
    , m_view(new QTableView(this))
    , m_statusFilter(new QComboBox(this))
    , m_refresh(new QPushButton(tr("&Refresh"), this))
    , m_more(new QPushButton(tr("Load &more"), this))
    , m_redeliver(new QPushButton(tr("Re&deliver"), this))
    , m_count(new QLabel(this))
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("Delivery Log – %1").arg(webhook.name));
    m_statusFilter->addItem(tr("All deliveries"));
    m_statusFilter->addItem(WebhookText::deliveryStatus(DeliveryStatus::Pending),
                            int(DeliveryStatus::Pending));
    m_statusFilter->addItem(WebhookText::deliveryStatus(DeliveryStatus::Delivered),
                            int(DeliveryStatus::Delivered));
    m_statusFilter->addItem(WebhookText::deliveryStatus(DeliveryStatus::Failed),
                            int(DeliveryStatus::Failed));
    m_redeliver->setToolTip(
        tr("Send the selected delivery again, with the same body and delivery id"));
    m_status->setWordWrap(true);

    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(DeliveryLogModel::LastErrorColumn,
                                                     QHeaderView::Interactive);

    auto *heading = new QLabel(
        tr("Deliveries to %1, newest first").arg(WebhookText::displayUrl(webhook.url)), this);
    heading->setWordWrap(true);
    auto *top = new QHBoxLayout;
    top->addWidget(heading, 1);
    top->addWidget(m_statusFilter);
    top->addWidget(m_refresh);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_count, 1);
    bottom->addWidget(m_more);
    bottom->addWidget(m_redeliver);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addLayout(bottom);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &DeliveryLogDialog::reload);
    connect(m_refresh, &QPushButton::clicked, this, &DeliveryLogDialog::reload);
    connect(m_more, &QPushButton::clicked, this, [this] { load(m_model->rowCount()); });
    connect(m_redeliver, &QPushButton::clicked, this, &DeliveryLogDialog::redeliverSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DeliveryLogDialog::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DeliveryLogDialog::updateButtons);

    resize(860, 480);
    reload();
}

std::optional<DeliveryStatus> DeliveryLogDialog::statusChoice() const
{
    const QVariant choice = m_statusFilter->currentData();
    if (!choice.isValid())
        return std::nullopt;
    return DeliveryStatus(choice.toInt());
}

void DeliveryLogDialog::reload()
{
    ++m_generation;
    load(0);
}

void DeliveryLogDialog::load(int offset)
{
    m_loading = true;
    updateButtons();
    const int generation = m_generation;
    m_client->deliveries(m_webhook.id, statusChoice(), kPageSize, offset, this,
                         [this, generation, offset](const WebhookAdmin::DeliveriesResult &result) {
                             if (generation == m_generation)
                                 pageLoaded(result, offset);
                         });
}

void DeliveryLogDialog::pageLoaded(const WebhookAdmin::DeliveriesResult &result, int offset)
{
    m_loading = false;
    if (!result.ok()) {
        m_status->setText(tr("Could not read the log. %1").arg(WebhookText::failure(result)));
        updateButtons();
        Q_EMIT loaded();
        return;
    }
    if (offset == 0)
        m_model->setDeliveries(result.value.rows);
    else
        m_model->appendDeliveries(result.value.rows);
    m_total = result.value.total;
    m_count->setText(
        m_total == 0
            ? tr("No deliveries.")
            : tr("Showing %1 of %n deliveries.", nullptr, int(m_total)).arg(m_model->rowCount()));
    m_view->resizeColumnsToContents();
    updateButtons();
    Q_EMIT loaded();
}

void DeliveryLogDialog::updateButtons()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const WebhookDelivery *delivery =
        rows.isEmpty() ? nullptr : m_model->deliveryAt(rows.first().row());
    // A pending delivery is still in the queue: sending it again would only send it twice.
    m_redeliver->setEnabled(delivery && delivery->status != DeliveryStatus::Pending);
    m_more->setEnabled(!m_loading && m_model->rowCount() < m_total);
    m_refresh->setEnabled(!m_loading);
}

void DeliveryLogDialog::redeliverSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const WebhookDelivery *delivery =
        rows.isEmpty() ? nullptr : m_model->deliveryAt(rows.first().row());
    if (!delivery)
        return;
    m_redeliver->setEnabled(false);
    m_status->setText(tr("Queueing again…"));
    m_client->redeliver(delivery->id, this, [this](const WebhookAdmin::DeliveryResult &result) {
        m_status->setText(result.ok() ? tr("Queued again; it is sent after what is already "
                                           "queued for this webhook.")
                                      : WebhookText::failure(result));
        Q_EMIT redelivered();
        reload();
    });
}

} // namespace hai
