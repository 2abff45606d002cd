// SPDX-License-Identifier: GPL-3.0-or-later
#include "webhookadmin.h"

#include "core/thread.h"
#include "homeassistant/hatime.h"
#include "registry/registryservice.h"
#include "webhookdispatcher.h"
#include "webhookeventtypes.h"
#include "webhookpayload.h"
#include "webhookservice.h"
#include "webhookstore.h"

#include <QDateTime>
#include <QUuid>

#include <future>

using namespace Qt::StringLiterals;

namespace hai {

namespace {
using Status = WebhookAdmin::Status;

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

template <typename Result = WebhookAdmin::Outcome>
Result failed(Status status, const QString &message, WebhookFieldErrors fields = {})
{
    Result result;
    result.status = status;
    result.message = message;
    result.fields = std::move(fields);
    return result;
}

template <typename Result = WebhookAdmin::Outcome>
Result webhookNotFound(const QString &id)
{
    return failed<Result>(Status::NotFound, u"no webhook with id '%1'"_s.arg(id));
}

template <typename Result = WebhookAdmin::Outcome>
Result notRunning()
{
    return failed<Result>(Status::Unavailable, u"webhook delivery is not running"_s);
}

template <typename Result>
Result invalid(const WebhookFieldErrors &errors)
{
    // The REST body names the first violation; the GUI shows each next to its field.
    const QString message = errors.first().field + u": "_s + errors.first().message;
    return failed<Result>(Status::Invalid, message, errors);
}

// What the service's own dispatcher would do, for a ping that is not queued (a draft).
WebhookDispatcherOptions draftOptions(const WebhookOptions &options)
{
    WebhookDispatcherOptions out;
    out.timeoutMs = options.timeoutMs;
    out.followRedirects = options.followRedirects;
    out.userAgent = "ha-ingestor/" + QByteArray(HAI_VERSION);
    return out;
}

// Waits for a test ping that the "webhooks" thread reports through `future`.
WebhookAdmin::TestResult awaitTest(std::future<WebhookAdmin::TestResult> &future, int waitMs)
{
    if (future.wait_for(std::chrono::milliseconds(waitMs)) != std::future_status::ready)
        return failed<WebhookAdmin::TestResult>(Status::Timeout,
                                                u"the test delivery did not finish"_s);
    return future.get();
}
} // namespace

WebhookAdmin::WebhookAdmin(RegistryService *registry, WebhookService *webhooks, Database &reader,
                           const WebhookOptions &options)
    : m_registry(registry)
    , m_webhooks(webhooks)
    , m_database(reader)
    , m_options(options)
{}

WebhookAdmin::~WebhookAdmin() = default;

WebhookStore &WebhookAdmin::reader()
{
    // Its statements are prepared on first use, so they belong to the calling thread.
    if (!m_reader)
        m_reader = std::make_unique<WebhookStore>(m_database);
    return *m_reader;
}

WebhookAdmin::Outcome
WebhookAdmin::write(const QString &webhookId,
                    const std::function<WebhookStore::Result(WebhookStore &)> &operation)
{
    RegistryService *registry = m_registry;
    WebhookStore::Result stored;
    stored.error = u"the database is not open"_s;
    if (registry)
        stored = invokeIn(registry, [registry, &operation, &stored] {
            WebhookStore *store = registry->webhooks();
            return store ? operation(*store) : stored;
        });
    if (stored.notFound)
        return webhookNotFound(webhookId);
    if (!stored.ok)
        return failed(Status::StorageError, stored.error);
    notifyService();
    return {};
}

void WebhookAdmin::notifyService() const
{
    if (WebhookService *service = m_webhooks)
        QMetaObject::invokeMethod(service, &WebhookService::reloadWebhooks, Qt::QueuedConnection);
}

WebhookAdmin::WebhookResult WebhookAdmin::create(Webhook draft)
{
    if (const WebhookFieldErrors errors = WebhookValidator::validate(draft); !errors.isEmpty())
        return invalid<WebhookResult>(errors);
    draft.id = newId();
    if (draft.name.isEmpty())
        draft.name = draft.url.host();
    draft.createdAt = draft.updatedAt = HaTime::nowSeconds();
    draft.consecutiveFailures = 0;
    draft.disabledReason.clear();
    draft.stats = {};
    const Outcome outcome =
        write(draft.id, [&draft](WebhookStore &store) { return store.create(draft); });
    WebhookResult result;
    static_cast<Outcome &>(result) = outcome;
    if (outcome.ok())
        result.value = draft;
    return result;
}

WebhookAdmin::WebhookResult WebhookAdmin::update(Webhook webhook)
{
    if (const WebhookFieldErrors errors = WebhookValidator::validate(webhook); !errors.isEmpty())
        return invalid<WebhookResult>(errors);
    if (webhook.name.isEmpty())
        webhook.name = webhook.url.host();
    webhook.updatedAt = HaTime::nowSeconds();
    const Outcome outcome =
        write(webhook.id, [&webhook](WebhookStore &store) { return store.update(webhook); });
    if (!outcome.ok()) {
        WebhookResult result;
        static_cast<Outcome &>(result) = outcome;
        return result;
    }
    return get(webhook.id); // with the figures and the reset the store may have applied
}

WebhookAdmin::WebhookResult WebhookAdmin::setEnabled(const QString &webhookId, bool enabled)
{
    WebhookResult existing = get(webhookId);
    if (!existing.ok())
        return existing;
    existing.value.enabled = enabled;
    return update(existing.value);
}

WebhookAdmin::Outcome WebhookAdmin::remove(const QString &webhookId)
{
    return write(webhookId, [&webhookId](WebhookStore &store) { return store.remove(webhookId); });
}

WebhookAdmin::WebhookResult WebhookAdmin::get(const QString &webhookId)
{
    QString error;
    auto webhook = reader().get(webhookId, &error);
    if (!webhook)
        return error.isEmpty() ? webhookNotFound<WebhookResult>(webhookId)
                               : failed<WebhookResult>(Status::StorageError, error);
    WebhookResult result;
    result.value = std::move(*webhook);
    return result;
}

WebhookAdmin::ListResult WebhookAdmin::list()
{
    QString error;
    auto webhooks = reader().list(&error);
    if (!webhooks)
        return failed<ListResult>(Status::StorageError, error);
    ListResult result;
    result.value = std::move(*webhooks);
    return result;
}

WebhookAdmin::DeliveriesResult WebhookAdmin::deliveries(const QString &webhookId,
                                                        std::optional<DeliveryStatus> status,
                                                        int limit, int offset)
{
    QString error;
    if (!reader().get(webhookId, &error))
        return error.isEmpty() ? webhookNotFound<DeliveriesResult>(webhookId)
                               : failed<DeliveriesResult>(Status::StorageError, error);
    auto rows = reader().deliveries(webhookId, status, limit, offset, &error);
    const qint64 total = rows ? reader().countDeliveries(webhookId, status, &error) : -1;
    if (!rows || total < 0)
        return failed<DeliveriesResult>(Status::StorageError, error);
    DeliveriesResult result;
    result.value.rows = std::move(*rows);
    result.value.total = total;
    return result;
}

WebhookAdmin::DeliveryResult WebhookAdmin::redeliver(const QString &deliveryId)
{
    WebhookService *service = m_webhooks;
    if (!service)
        return notRunning<DeliveryResult>();
    using Redelivery = WebhookService::RedeliverResult;
    const Redelivery redelivery =
        invokeIn(service, [service, &deliveryId] { return service->redeliver(deliveryId); });
    DeliveryResult result;
    switch (redelivery.outcome) {
    case Redelivery::Outcome::Queued:
        result.value = redelivery.delivery;
        return result;
    case Redelivery::Outcome::NotFound:
        return failed<DeliveryResult>(Status::NotFound,
                                      u"no delivery with id '%1'"_s.arg(deliveryId));
    case Redelivery::Outcome::AlreadyPending:
        return failed<DeliveryResult>(
            Status::Conflict, u"delivery '%1' is still queued; it will be sent"_s.arg(deliveryId));
    case Redelivery::Outcome::StorageError:
        break;
    }
    return failed<DeliveryResult>(Status::StorageError, redelivery.error);
}

WebhookAdmin::TestResult WebhookAdmin::test(const QString &webhookId)
{
    WebhookService *service = m_webhooks;
    if (!service)
        return notRunning<TestResult>();
    // Shared: the answer may come after this call gave up waiting.
    auto promise = std::make_shared<std::promise<TestResult>>();
    std::future<TestResult> future = promise->get_future();
    QMetaObject::invokeMethod(
        service,
        [service, webhookId, promise] {
            service->sendTest(webhookId,
                              [promise, webhookId](const WebhookService::TestResult &sent) {
                                  TestResult result;
                                  if (!sent.found) {
                                      result = webhookNotFound<TestResult>(webhookId);
                                  } else {
                                      result.value.deliveryId = sent.deliveryId;
                                      result.value.attempt = sent.attempt;
                                      result.value.logged = true;
                                  }
                                  promise->set_value(result);
                              });
        },
        Qt::QueuedConnection);
    return awaitTest(future, testWaitMs());
}

WebhookAdmin::TestResult WebhookAdmin::testDraft(const Webhook &draft)
{
    if (const WebhookFieldErrors errors = WebhookValidator::validate(draft); !errors.isEmpty())
        return invalid<TestResult>(errors);
    WebhookService *service = m_webhooks;
    if (!service)
        return notRunning<TestResult>();
    WebhookDelivery delivery;
    delivery.id = newId();
    delivery.webhookId = draft.id;
    delivery.eventType = QString::fromLatin1(WebhookEventTypes::kPing);
    const double now = HaTime::nowSeconds();
    delivery.payload = WebhookPayload::build(draft.id, delivery.id, delivery.eventType,
                                             qint64(now * 1e6), WebhookPayload::pingData());
    delivery.createdAt = delivery.nextAttemptAt = now;

    auto promise = std::make_shared<std::promise<TestResult>>();
    std::future<TestResult> future = promise->get_future();
    const WebhookDispatcherOptions options = draftOptions(m_options);
    // A dispatcher of its own, in the "webhooks" thread like every other request: the
    // service's dispatcher knows only stored webhooks.
    QMetaObject::invokeMethod(
        service,
        [service, draft, delivery, options, promise] {
            auto *dispatcher = new WebhookDispatcher(options, service);
            dispatcher->sendNow(draft, delivery,
                                [dispatcher, promise, id = delivery.id](DeliveryAttempt attempt) {
                                    attempt.finalFailure = !attempt.delivered;
                                    TestResult result;
                                    result.value.deliveryId = id;
                                    result.value.attempt = attempt;
                                    promise->set_value(result);
                                    dispatcher->deleteLater();
                                });
        },
        Qt::QueuedConnection);
    return awaitTest(future, testWaitMs());
}

} // namespace hai
