// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "webhooks/webhookadmin.h"

#include <QWidget>

#include <memory>

class QAction;
class QLabel;
class QSortFilterProxyModel;
class QTableView;
class QTimer;
class QToolBar;

namespace hai {

class Backend;
class WebhookClient;
class WebhookListModel;
class WebhookStats;

// The Webhooks page of the main window: the webhooks with their delivery figures, a toolbar
// to create, edit, delete, enable or disable, test one and open its delivery log, and a
// warning banner when the app disabled a webhook after too many failures. Everything goes
// through a WebhookClient, so nothing here waits on the database or a receiver.
class WebhooksPage : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kRefreshMs = 5000; // the delivery figures move while events flow

    // `backend` may be null (tests, or before the backend started): the page is then empty.
    explicit WebhooksPage(Backend *backend, QWidget *parent = nullptr);
    // For tests that run the backend parts without a Backend; `stats` may be null.
    WebhooksPage(WebhookClient *client, std::shared_ptr<const WebhookStats> stats,
                 QWidget *parent = nullptr);
    ~WebhooksPage() override;

    // Reads the list again now (after a change, and every kRefreshMs).
    void refresh();

    WebhookClient *client() const { return m_client; }
    WebhookListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLabel *banner() const { return m_banner; }
    QLabel *statusLabel() const { return m_status; }
    // The webhook of the current row, empty when none.
    QString currentId() const;
    void selectWebhook(const QString &webhookId);

Q_SIGNALS:
    void refreshed();      // a list arrived (or failed: see statusLabel())
    void actionFinished(); // an enable, disable, delete or test was answered

private:
    void build();
    void createActions(QToolBar *toolBar);
    void listed(const WebhookAdmin::ListResult &result);
    void updateActions();
    void updateBanner();
    void showMessage(const QString &text, bool error);
    const Webhook *current() const;

    void newWebhook();
    void editWebhook();
    void deleteWebhook();
    void toggleEnabled();
    void sendTest();
    void showDeliveryLog();

    WebhookClient *m_client = nullptr;
    bool m_ownsClient = false;
    std::shared_ptr<const WebhookStats> m_stats;
    WebhookListModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_status = nullptr;
    QTimer *m_timer = nullptr;
    QAction *m_new = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_toggle = nullptr;
    QAction *m_test = nullptr;
    QAction *m_log = nullptr;
    QAction *m_refresh = nullptr;
    bool m_listing = false;
    bool m_busy = false; // an enable/disable, delete or test is on its way
};

} // namespace hai
