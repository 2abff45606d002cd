// SPDX-License-Identifier: GPL-3.0-or-later
#include "webhookspage.h"

#include "backend.h"
#include "webhooks/deliverylogdialog.h"
#include "webhooks/webhookclient.h"
#include "webhooks/webhookeditordialog.h"
#include "webhooks/webhooklistmodel.h"
#include "webhooks/webhookservice.h"
#include "webhooks/webhookstats.h"
#include "webhooks/webhooktext.h"

#include <QAbstractButton>
#include <QAction>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hai {

WebhooksPage::WebhooksPage(Backend *backend, QWidget *parent)
    : QWidget(parent)
{
    if (backend && backend->registry()) {
        m_client = new WebhookClient(backend, this);
        m_ownsClient = true;
        if (WebhookService *service = backend->webhooks())
            m_stats = service->stats(); // a thread-safe snapshot holder; no call into the thread
    }
    build();
}

WebhooksPage::WebhooksPage(WebhookClient *client, std::shared_ptr<const WebhookStats> stats,
                           QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_stats(std::move(stats))
{
    build();
}

WebhooksPage::~WebhooksPage()
{
    // Before the widgets go: it waits for its worker, whose answers would come here.
    if (m_ownsClient)
        delete m_client;
}

void WebhooksPage::build()
{
    m_model = new WebhookListModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(WebhookListModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_view = new QTableView(this);
    m_view->setObjectName(u"webhookList"_s);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(WebhookListModel::NameColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(true);
    header->resizeSection(WebhookListModel::NameColumn, 180);
    header->resizeSection(WebhookListModel::UrlColumn, 280);
    // Short, known cells fit their text; a page holds a few dozen webhooks, not thousands.
    for (int column :
         {int(WebhookListModel::EnabledColumn), int(WebhookListModel::DeliveredColumn),
          int(WebhookListModel::FailedColumn), int(WebhookListModel::LastDeliveryColumn)})
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    m_banner = new QLabel(this);
    m_banner->setObjectName(u"warningBanner"_s);
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    // Amber on pale yellow: readable in light and dark themes, and clearly not an error.
    m_banner->setStyleSheet(u"QLabel { background: #fff4ce; color: #5c4400; "
                            u"border: 1px solid #e0c060; border-radius: 3px; padding: 6px; }"_s);
    m_banner->setVisible(false);
    m_status = new QLabel(this);
    m_status->setObjectName(u"status"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *toolBar = new QToolBar(tr("Webhooks"), this);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    createActions(toolBar);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(toolBar);
    layout->addWidget(m_banner);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    connect(m_view, &QTableView::doubleClicked, this, &WebhooksPage::editWebhook);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &WebhooksPage::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &WebhooksPage::updateActions);

    if (!m_client) {
        showMessage(tr("Webhooks can be edited once the backend is running."), false);
        updateActions();
        return;
    }
    connect(m_client, &WebhookClient::webhooksChanged, this, &WebhooksPage::refresh);
    m_timer = new QTimer(this);
    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, &WebhooksPage::refresh);
    m_timer->start();
    updateActions();
    refresh();
}

void WebhooksPage::createActions(QToolBar *toolBar)
{
    const auto add = [this, toolBar](const QString &text, const QString &name,
                                     QStyle::StandardPixmap icon, auto slot) {
        QAction *action = toolBar->addAction(style()->standardIcon(icon), text);
        action->setObjectName(name);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_new = add(tr("&New…"), u"newWebhook"_s, QStyle::SP_FileIcon, &WebhooksPage::newWebhook);
    m_new->setShortcut(QKeySequence::New);
    m_new->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_edit = add(tr("&Edit…"), u"editWebhook"_s, QStyle::SP_FileDialogDetailedView,
                 &WebhooksPage::editWebhook);
    m_delete =
        add(tr("&Delete"), u"deleteWebhook"_s, QStyle::SP_TrashIcon, &WebhooksPage::deleteWebhook);
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    toolBar->addSeparator();
    m_toggle =
        add(tr("Disable"), u"toggleWebhook"_s, QStyle::SP_MediaPause, &WebhooksPage::toggleEnabled);
    m_test = add(tr("Send &Test"), u"testWebhook"_s, QStyle::SP_MediaPlay, &WebhooksPage::sendTest);
    m_log = add(tr("Delivery &Log…"), u"deliveryLog"_s, QStyle::SP_FileDialogContentsView,
                &WebhooksPage::showDeliveryLog);
    toolBar->addSeparator();
    m_refresh =
        add(tr("&Refresh"), u"refreshWebhooks"_s, QStyle::SP_BrowserReload, &WebhooksPage::refresh);
    // The window's shortcuts are the main window's; these work while the page has focus.
    addActions({m_new, m_delete});
}

void WebhooksPage::refresh()
{
    if (!m_client || m_listing)
        return;
    m_listing = true;
    m_client->list(this, [this](const WebhookAdmin::ListResult &result) { listed(result); });
}

void WebhooksPage::listed(const WebhookAdmin::ListResult &result)
{
    m_listing = false;
    if (result.ok()) {
        m_model->setWebhooks(result.value);
        if (m_status->property("listError").toBool()) {
            m_status->clear();
            m_status->setProperty("listError", false);
        }
    } else {
        showMessage(tr("Could not read the webhooks. %1").arg(WebhookText::failure(result)), true);
        m_status->setProperty("listError", true);
    }
    updateBanner();
    updateActions();
    Q_EMIT refreshed();
}

const Webhook *WebhooksPage::current() const
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid() || !m_view->selectionModel()->isRowSelected(index.row(), {}))
        return nullptr;
    return m_model->webhookAt(m_proxy->mapToSource(index).row());
}

QString WebhooksPage::currentId() const
{
    const Webhook *webhook = current();
    return webhook ? webhook->id : QString();
}

void WebhooksPage::selectWebhook(const QString &webhookId)
{
    const int row = m_model->rowOf(webhookId);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_view->setCurrentIndex(index);
    m_view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect |
                                                QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void WebhooksPage::updateActions()
{
    const Webhook *webhook = current();
    const bool ready = m_client != nullptr;
    m_new->setEnabled(ready);
    m_refresh->setEnabled(ready);
    m_edit->setEnabled(ready && webhook);
    m_log->setEnabled(ready && webhook);
    m_delete->setEnabled(ready && webhook && !m_busy);
    m_test->setEnabled(ready && webhook && !m_busy);
    m_toggle->setEnabled(ready && webhook && !m_busy);
    const bool enabled = !webhook || webhook->enabled;
    m_toggle->setText(enabled ? tr("Disable") : tr("Enable"));
    m_toggle->setIcon(
        style()->standardIcon(enabled ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
}

void WebhooksPage::updateBanner()
{
    QStringList lines;
    QStringList named;
    for (const Webhook &webhook : m_model->webhooks()) {
        if (webhook.enabled || webhook.disabledReason.isEmpty())
            continue;
        named << webhook.id;
        lines << tr("“%1” was turned off by the app (%2). Fix the receiver, then enable it "
                    "again.")
                     .arg(webhook.name, webhook.disabledReason);
    }
    // The service's own warnings: a webhook disabled in this run that is not listed (yet),
    // and a webhooks.json that could not be imported.
    const QStringList warnings = m_stats ? m_stats->warnings() : QStringList();
    for (const QString &warning : warnings) {
        const bool listed = std::any_of(named.cbegin(), named.cend(),
                                        [&](const QString &id) { return warning.contains(id); });
        if (!listed)
            lines << warning;
    }
    m_banner->setText(lines.join(u'\n'));
    m_banner->setVisible(!lines.isEmpty());
}

void WebhooksPage::showMessage(const QString &text, bool error)
{
    m_status->setStyleSheet(error ? u"color: #c62828;"_s : QString());
    m_status->setText(text);
}

void WebhooksPage::newWebhook()
{
    if (!m_client)
        return;
    auto *dialog = new WebhookEditorDialog(m_client, nullptr, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &WebhookEditorDialog::saved, this, [this](const Webhook &webhook) {
        showMessage(tr("Webhook “%1” created.").arg(webhook.name), false);
        m_model->setWebhooks(m_model->webhooks() + WebhookList{webhook});
        selectWebhook(webhook.id);
    });
    dialog->open(); // window-modal, and this call returns at once
}

void WebhooksPage::editWebhook()
{
    const Webhook *webhook = current();
    if (!m_client || !webhook)
        return;
    auto *dialog = new WebhookEditorDialog(m_client, webhook, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &WebhookEditorDialog::saved, this, [this](const Webhook &saved) {
        showMessage(tr("Webhook “%1” saved.").arg(saved.name), false);
    });
    dialog->open();
}

void WebhooksPage::deleteWebhook()
{
    const Webhook *webhook = current();
    if (!m_client || !webhook || m_busy)
        return;
    const QString id = webhook->id;
    const QString name = webhook->name;
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Delete Webhook"),
        tr("Delete the webhook “%1” and its delivery log? Deliveries still queued for it are "
           "dropped.")
            .arg(name),
        QMessageBox::Cancel, this);
    box->setObjectName(u"confirmDelete"_s);
    QPushButton *confirm = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(
        box, &QMessageBox::buttonClicked, this, [this, confirm, id, name](QAbstractButton *button) {
            if (button != confirm)
                return;
            m_busy = true;
            updateActions();
            m_client->remove(id, this, [this, name](const WebhookAdmin::Outcome &outcome) {
                m_busy = false;
                if (outcome.ok())
                    showMessage(tr("Webhook “%1” deleted.").arg(name), false);
                else
                    showMessage(
                        tr("Could not delete “%1”. %2").arg(name, WebhookText::failure(outcome)),
                        true);
                updateActions();
                Q_EMIT actionFinished();
            });
        });
    box->open();
}

void WebhooksPage::toggleEnabled()
{
    const Webhook *webhook = current();
    if (!m_client || !webhook || m_busy)
        return;
    const bool enable = !webhook->enabled;
    const QString name = webhook->name;
    m_busy = true;
    updateActions();
    m_client->setEnabled(
        webhook->id, enable, this, [this, enable, name](const WebhookAdmin::WebhookResult &r) {
            m_busy = false;
            if (r.ok())
                showMessage(enable ? tr("Webhook “%1” enabled.").arg(name)
                                   : tr("Webhook “%1” disabled.").arg(name),
                            false);
            else
                showMessage(tr("Could not change “%1”. %2").arg(name, WebhookText::failure(r)),
                            true);
            updateActions();
            Q_EMIT actionFinished();
        });
}

void WebhooksPage::sendTest()
{
    const Webhook *webhook = current();
    if (!m_client || !webhook || m_busy)
        return;
    const QString name = webhook->name;
    m_busy = true;
    updateActions();
    showMessage(tr("Sending a test to “%1”…").arg(name), false);
    m_client->test(webhook->id, this, [this, name](const WebhookAdmin::TestResult &result) {
        m_busy = false;
        const bool delivered = result.ok() && result.value.attempt.delivered;
        showMessage(tr("Test of “%1”: %2")
                        .arg(name, result.ok() ? WebhookText::testOutcome(result.value.attempt)
                                               : WebhookText::failure(result)),
                    !delivered);
        updateActions();
        Q_EMIT actionFinished();
    });
}

void WebhooksPage::showDeliveryLog()
{
    const Webhook *webhook = current();
    if (!m_client || !webhook)
        return;
    auto *dialog = new DeliveryLogDialog(m_client, *webhook, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace hai
