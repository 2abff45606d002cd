// SPDX-License-Identifier: GPL-3.0-or-later
#include "webhookclient.h"

#include "backend.h"
#include "registry/database.h"
#include "registry/registryservice.h"
#include "webhooks/webhookregistryview.h"
#include "webhooks/webhookservice.h"

#include <QCollator>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hai {

// Owns the reader connection and the WebhookAdmin; both are made on first use so that they
// belong to the worker thread.
class WebhookClient::Worker : public QObject
{
public:
    Worker(RegistryService *registry, WebhookService *webhooks, const DatabaseLocation &location,
           const WebhookOptions &options)
        : m_registry(registry)
        , m_webhooks(webhooks)
        , m_location(location)
        , m_options(options)
    {}
    ~Worker() override
    {
        m_admin.reset(); // its statements before the connection
        m_database.reset();
    }

    // Null with `error` set when there is no backend or the database cannot be read.
    WebhookAdmin *admin(Outcome *error)
    {
        if (!m_admin && open(error))
            m_admin =
                std::make_unique<WebhookAdmin>(m_registry, m_webhooks, *m_database, m_options);
        return m_admin.get();
    }
    Database *database(Outcome *error) { return admin(error) ? m_database.get() : nullptr; }

private:
    bool open(Outcome *error)
    {
        if (!m_registry) {
            error->status = WebhookAdmin::Status::Unavailable;
            error->message = u"the backend is not running"_s;
            return false;
        }
        auto database = std::make_unique<Database>();
        QString reason;
        if (!database->open(m_location, Database::Role::Reader, &reason)) {
            error->status = WebhookAdmin::Status::StorageError;
            error->message = reason;
            return false; // tried again on the next call
        }
        m_database = std::move(database);
        return true;
    }

    QPointer<RegistryService> m_registry;
    QPointer<WebhookService> m_webhooks;
    DatabaseLocation m_location;
    WebhookOptions m_options;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<WebhookAdmin> m_admin;
};

namespace {
// Runs `call` on the admin, or answers with why there is none.
template <typename Result, typename Call>
Result withAdmin(WebhookAdmin *admin, const WebhookAdmin::Outcome &error, Call call)
{
    if (!admin) {
        Result result;
        static_cast<WebhookAdmin::Outcome &>(result) = error;
        return result;
    }
    return call(*admin);
}

WebhookFilterChoices choicesOf(const WebhookRegistryView &view)
{
    QCollator collator;
    collator.setNumericMode(true);
    const auto byName = [&collator](const QPair<QString, QString> &a,
                                    const QPair<QString, QString> &b) {
        return collator.compare(a.second, b.second) < 0;
    };
    WebhookFilterChoices choices;
    QSet<QString> domains;
    for (auto it = view.entities.cbegin(); it != view.entities.cend(); ++it) {
        choices.entityIds << it.key();
        domains.insert(it.key().section(u'.', 0, 0));
    }
    choices.entityIds.sort();
    choices.domains = QStringList(domains.cbegin(), domains.cend());
    choices.domains.sort();
    for (auto it = view.areaNames.cbegin(); it != view.areaNames.cend(); ++it)
        choices.areas.append({it.key(), it.value().isEmpty() ? it.key() : it.value()});
    std::sort(choices.areas.begin(), choices.areas.end(), byName);
    for (auto it = view.deviceNames.cbegin(); it != view.deviceNames.cend(); ++it)
        choices.devices.append({it.key(), it.value().isEmpty() ? it.key() : it.value()});
    std::sort(choices.devices.begin(), choices.devices.end(), byName);
    return choices;
}
} // namespace

WebhookClient::WebhookClient(Backend *backend, QObject *parent)
    : WebhookClient(backend ? backend->registry() : nullptr,
                    backend ? backend->webhooks() : nullptr,
                    backend ? backend->settings().registryDb : DatabaseLocation{},
                    backend ? backend->settings().webhooks : WebhookOptions{}, parent)
{}

WebhookClient::WebhookClient(RegistryService *registry, WebhookService *webhooks,
                             const DatabaseLocation &database, const WebhookOptions &options,
                             QObject *parent)
    : QObject(parent)
    , m_thread(startNamedThread(u"webhook-ui"_s))
    , m_worker(new Worker(registry, webhooks, database, options))
{
    m_worker->moveToThread(m_thread.get());
}

WebhookClient::~WebhookClient()
{
    // Queued behind any call in flight, so the connection closes in its own thread. Answers
    // posted to this object meanwhile are dropped with it.
    Worker *worker = m_worker;
    invokeIn(worker, [worker] {
        delete worker;
        return true;
    });
    m_thread.reset();
}

template <typename Result>
void WebhookClient::run(QObject *context, std::function<Result(Worker &)> work, Done<Result> done,
                        bool writes)
{
    const bool hasContext = context != nullptr;
    const QPointer<QObject> guard(context);
    // `this` outlives the worker (the destructor waits for it), so answers can be posted here.
    QMetaObject::invokeMethod(
        m_worker,
        [this, work = std::move(work), done = std::move(done), guard, hasContext, writes] {
            Result result = work(*m_worker);
            QMetaObject::invokeMethod(
                this,
                [this, done, guard, hasContext, writes, result = std::move(result)] {
                    if (writes && result.ok())
                        Q_EMIT webhooksChanged();
                    if (done && (!hasContext || guard))
                        done(result);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

template <typename Result>
void WebhookClient::runAdmin(QObject *context, std::function<Result(WebhookAdmin &)> call,
                             Done<Result> done, bool writes)
{
    run<Result>(
        context,
        [call = std::move(call)](Worker &worker) {
            Outcome error;
            return withAdmin<Result>(worker.admin(&error), error, call);
        },
        std::move(done), writes);
}

void WebhookClient::list(QObject *context, Done<WebhookAdmin::ListResult> done)
{
    using R = WebhookAdmin::ListResult;
    runAdmin<R>(
        context, [=](WebhookAdmin &admin) { return admin.list(); }, std::move(done));
}

void WebhookClient::get(const QString &webhookId, QObject *context,
                        Done<WebhookAdmin::WebhookResult> done)
{
    using R = WebhookAdmin::WebhookResult;
    runAdmin<R>(
        context, [=](WebhookAdmin &admin) { return admin.get(webhookId); }, std::move(done));
}

void WebhookClient::create(const Webhook &draft, QObject *context,
                           Done<WebhookAdmin::WebhookResult> done)
{
    using R = WebhookAdmin::WebhookResult;
    runAdmin<R>(
        context, [=](WebhookAdmin &admin) { return admin.create(draft); }, std::move(done), true);
}

void WebhookClient::update(const Webhook &webhook, QObject *context,
                           Done<WebhookAdmin::WebhookResult> done)
{
    using R = WebhookAdmin::WebhookResult;
    runAdmin<R>(
        context, [=](WebhookAdmin &admin) { return admin.update(webhook); }, std::move(done), true);
}

void WebhookClient::setEnabled(const QString &webhookId, bool enabled, QObject *context,
                               Done<WebhookAdmin::WebhookResult> done)
{
    using R = WebhookAdmin::WebhookResult;
    runAdmin<R>(
        context, [=](WebhookAdmin &admin) { return admin.setEnabled(webhookId, enabled); },
        std::move(done), true);
}

void WebhookClient::remove(const QString &webhookId, QObject *context, Done<Outcome> done)
{
    runAdmin<Outcome>(
        context, [=](WebhookAdmin &admin) { return admin.remove(webhookId); }, std::move(done),
        true);
}

void WebhookClient::deliveries(const QString &webhookId, std::optional<DeliveryStatus> status,
                               int limit, int offset, QObject *context,
                               Done<WebhookAdmin::DeliveriesResult> done)
{
    using R = WebhookAdmin::DeliveriesResult;
    runAdmin<R>(
        context,
        [=](WebhookAdmin &admin) { return admin.deliveries(webhookId, status, limit, offset); },
        std::move(done));
}

void WebhookClient::redeliver(const QString &deliveryId, QObject *context,
                              Done<WebhookAdmin::DeliveryResult> done)
{
    using R = WebhookAdmin::DeliveryResult;
    runAdmin<R>(
        context, [=](WebhookAdmin &admin) { return admin.redeliver(deliveryId); }, std::move(done),
        true);
}

void WebhookClient::test(const QString &webhookId, QObject *context,
                         Done<WebhookAdmin::TestResult> done)
{
    using R = WebhookAdmin::TestResult;
    // A ping is logged and changes the webhook's figures: views refresh after it.
    runAdmin<R>(
        context, [=](WebhookAdmin &admin) { return admin.test(webhookId); }, std::move(done), true);
}

void WebhookClient::testDraft(const Webhook &draft, QObject *context,
                              Done<WebhookAdmin::TestResult> done)
{
    using R = WebhookAdmin::TestResult;
    runAdmin<R>(
        context, [=](WebhookAdmin &admin) { return admin.testDraft(draft); }, std::move(done));
}

void WebhookClient::filterChoices(QObject *context, Done<ChoicesResult> done)
{
    run<ChoicesResult>(
        context,
        [](Worker &worker) {
            ChoicesResult result;
            Database *database = worker.database(&result);
            if (!database)
                return result;
            QString error;
            const auto view = WebhookRegistryView::load(*database, &error);
            if (!view) {
                result.status = WebhookAdmin::Status::StorageError;
                result.message = error;
                return result;
            }
            result.value = choicesOf(*view);
            return result;
        },
        std::move(done));
}

} // namespace hai
