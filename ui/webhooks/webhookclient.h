// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/databaselocation.h"
#include "core/thread.h"
#include "core/webhooksettings.h"
#include "webhooks/webhookadmin.h"

#include <QObject>
#include <QPair>
#include <QPointer>

#include <functional>

namespace hai {

class Backend;
class RegistryService;
class WebhookService;

// What the editor offers to pick from: the registry's entities, domains, areas and devices.
struct WebhookFilterChoices
{
    QStringList entityIds;                  // sorted
    QStringList domains;                    // sorted
    QList<QPair<QString, QString>> areas;   // id, name; by name
    QList<QPair<QString, QString>> devices; // id, name; by name
};

// The GUI's door to the webhooks: every WebhookAdmin operation, run in a worker thread of its
// own ("webhook-ui", with its own reader connection) so the GUI thread never waits on a
// database or a receiver. Each call returns at once; `done` runs later in the GUI thread,
// unless `context` was deleted in between.
class WebhookClient : public QObject
{
    Q_OBJECT
public:
    template <typename Result>
    using Done = std::function<void(const Result &)>;
    using Outcome = WebhookAdmin::Outcome;
    using ChoicesResult = WebhookAdmin::Result<WebhookFilterChoices>;

    // `backend` may be null or not started: every call then answers Unavailable.
    explicit WebhookClient(Backend *backend, QObject *parent = nullptr);
    // The parts, for tests that run a RegistryService and a WebhookService without a Backend.
    WebhookClient(RegistryService *registry, WebhookService *webhooks,
                  const DatabaseLocation &database, const WebhookOptions &options,
                  QObject *parent = nullptr);
    // Waits for the call in flight (a test ping: at most the webhook timeout plus 5 s).
    ~WebhookClient() override;

    void list(QObject *context, Done<WebhookAdmin::ListResult> done);
    void get(const QString &webhookId, QObject *context, Done<WebhookAdmin::WebhookResult> done);
    void create(const Webhook &draft, QObject *context, Done<WebhookAdmin::WebhookResult> done);
    void update(const Webhook &webhook, QObject *context, Done<WebhookAdmin::WebhookResult> done);
    void setEnabled(const QString &webhookId, bool enabled, QObject *context,
                    Done<WebhookAdmin::WebhookResult> done);
    void remove(const QString &webhookId, QObject *context, Done<Outcome> done);
    void deliveries(const QString &webhookId, std::optional<DeliveryStatus> status, int limit,
                    int offset, QObject *context, Done<WebhookAdmin::DeliveriesResult> done);
    void redeliver(const QString &deliveryId, QObject *context,
                   Done<WebhookAdmin::DeliveryResult> done);
    void test(const QString &webhookId, QObject *context, Done<WebhookAdmin::TestResult> done);
    void testDraft(const Webhook &draft, QObject *context, Done<WebhookAdmin::TestResult> done);
    void filterChoices(QObject *context, Done<ChoicesResult> done);

Q_SIGNALS:
    // A webhook was created, changed or deleted, or a delivery queued again, through this
    // client: views refresh.
    void webhooksChanged();

private:
    class Worker;
    template <typename Result>
    void run(QObject *context, std::function<Result(Worker &)> work, Done<Result> done,
             bool writes = false);
    template <typename Result>
    void runAdmin(QObject *context, std::function<Result(WebhookAdmin &)> call, Done<Result> done,
                  bool writes = false);

    ThreadPtr m_thread;
    Worker *m_worker = nullptr; // lives in m_thread
};

} // namespace hai
