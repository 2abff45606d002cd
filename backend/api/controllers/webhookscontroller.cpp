// SPDX-License-Identifier: GPL-3.0-or-later
#include "webhookscontroller.h"

#include "core/settings.h"
#include "core/thread.h"
#include "registry/registryfilters.h"
#include "registry/registryservice.h"
#include "webhooks/webhookservice.h"
#include "webhooks/webhookstore.h"
#include "webhooks/webhookvalidator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QUuid>

#include <future>

using namespace Qt::StringLiterals;

namespace hai {

namespace {
const QString kBase = u"/api/v1/webhooks"_s;

ApiResponse validationFailed(const WebhookFieldErrors &errors)
{
    return ApiResponse::json(WebhookValidator::errorBody(errors), 422);
}

ApiResponse webhookNotFound(const QString &id)
{
    return ApiResponse::error(404, u"not_found"_s, u"no webhook with id '%1'"_s.arg(id));
}

ApiResponse storageError(const QString &error)
{
    return ApiResponse::error(500, u"storage_error"_s, error);
}

double nowSeconds()
{
    return double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
}

// The answer to register: what was stored, without the secret or figures.
QJsonObject registeredJson(const Webhook &webhook)
{
    const QJsonObject full = webhook.toJson();
    QJsonObject out;
    for (const QString &key : {u"webhook_id"_s, u"url"_s, u"events"_s, u"name"_s, u"filter"_s,
                               u"enabled"_s, u"created_at"_s})
        out.insert(key, full.value(key));
    return out;
}
} // namespace

WebhooksController::WebhooksController(ApiContext &context)
    : Controller(context)
{}

WebhooksController::~WebhooksController() = default;

WebhookStore &WebhooksController::reader()
{
    if (!m_reader)
        m_reader = std::make_unique<WebhookStore>(*m_context.readDatabase);
    return *m_reader;
}

void WebhooksController::registerRoutes(Router &router)
{
    const auto route = [this, &router](QByteArray method, const QString &path, auto handler,
                                       const QString &summary, QStringList query = {},
                                       bool body = false, int status = 200) {
        Route r{std::move(method),
                kBase + path,
                [this, handler](const ApiRequest &request) { return (this->*handler)(request); },
                summary,
                u"webhooks"_s,
                std::move(query),
                true,
                body,
                status};
        router.add(std::move(r));
    };
    route("POST", u"/register"_s, &WebhooksController::registerWebhook, u"Register a webhook"_s, {},
          true, 201);
    route("GET", u"/list"_s, &WebhooksController::list,
          u"Every webhook with its delivery figures (secrets masked)"_s);
    route("POST", u"/deliveries/{delivery_id}/redeliver"_s, &WebhooksController::redeliver,
          u"Queue a delivered or failed delivery again"_s, {}, false, 202);
    route("GET", u"/{webhook_id}"_s, &WebhooksController::get, u"One webhook"_s);
    router.add({"PUT",
                kBase + u"/{webhook_id}"_s,
                [this](const ApiRequest &r) { return replace(r, false); },
                u"Replace a webhook"_s,
                u"webhooks"_s,
                {},
                true,
                true});
    router.add({"PATCH",
                kBase + u"/{webhook_id}"_s,
                [this](const ApiRequest &r) { return replace(r, true); },
                u"Change some fields of a webhook, e.g. enable or disable it"_s,
                u"webhooks"_s,
                {},
                true,
                true});
    route("DELETE", u"/{webhook_id}"_s, &WebhooksController::remove,
          u"Delete a webhook and its delivery log"_s, {}, false, 204);
    route("POST", u"/{webhook_id}/test"_s, &WebhooksController::test,
          u"Send a ping delivery now and report the outcome"_s);
    route("GET", u"/{webhook_id}/deliveries"_s, &WebhooksController::deliveries,
          u"The delivery log of a webhook, newest first"_s, {u"status"_s, u"limit"_s, u"offset"_s});
}

// POST /api/v1/webhooks/register {url, events[], secret, name?, filter?, enabled?}
//   -> 201 {webhook_id, url, events, name, filter, enabled, created_at} | 422 | 400
ApiResponse WebhooksController::registerWebhook(const ApiRequest &request)
{
    if (!request.json.isObject())
        return validationFailed({{u"body"_s, u"must be a JSON object"_s}});
    Webhook webhook;
    const WebhookFieldErrors errors =
        WebhookValidator::fromJson(request.json.object(), WebhookValidator::Mode::Full, &webhook);
    if (!errors.isEmpty())
        return validationFailed(errors);
    webhook.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (webhook.name.isEmpty())
        webhook.name = webhook.url.host();
    webhook.createdAt = webhook.updatedAt = nowSeconds();
    return store(webhook, true, 201);
}

ApiResponse WebhooksController::store(const Webhook &webhook, bool create, int status)
{
    RegistryService *service = m_context.registry;
    const WebhookStore::Result result = invokeIn(service, [service, &webhook, create] {
        WebhookStore *store = service->webhooks();
        if (!store) {
            WebhookStore::Result closed;
            closed.error = u"the database is not open"_s;
            return closed;
        }
        return create ? store->create(webhook) : store->update(webhook);
    });
    if (result.notFound)
        return webhookNotFound(webhook.id);
    if (!result.ok)
        return storageError(result.error);
    notifyService();
    if (create)
        return ApiResponse::json(registeredJson(webhook), status);
    const auto stored = reader().get(webhook.id);
    return stored ? ApiResponse::json(stored->toJson(), status) : webhookNotFound(webhook.id);
}

void WebhooksController::notifyService() const
{
    if (WebhookService *service = m_context.webhooks)
        QMetaObject::invokeMethod(service, &WebhookService::reloadWebhooks, Qt::QueuedConnection);
}

// GET /api/v1/webhooks/list -> 200 {"webhooks":[...],"count"}
ApiResponse WebhooksController::list(const ApiRequest &)
{
    QString error;
    const auto webhooks = reader().list(&error);
    if (!webhooks)
        return storageError(error);
    QJsonArray items;
    for (const Webhook &webhook : *webhooks)
        items.append(webhook.toJson());
    return ApiResponse::json({{u"webhooks"_s, items}, {u"count"_s, items.size()}});
}

// GET /api/v1/webhooks/{id} -> 200 {webhook} | 404
ApiResponse WebhooksController::get(const ApiRequest &request)
{
    const QString id = request.pathParam(u"webhook_id"_s);
    QString error;
    const auto webhook = reader().get(id, &error);
    if (!webhook)
        return error.isEmpty() ? webhookNotFound(id) : storageError(error);
    return ApiResponse::json(webhook->toJson());
}

// PUT (all of url, events, secret) or PATCH (any fields) /api/v1/webhooks/{id}
//   -> 200 {webhook} | 404 | 422
ApiResponse WebhooksController::replace(const ApiRequest &request, bool partial)
{
    const QString id = request.pathParam(u"webhook_id"_s);
    QString error;
    const auto existing = reader().get(id, &error);
    if (!existing)
        return error.isEmpty() ? webhookNotFound(id) : storageError(error);
    if (!request.json.isObject())
        return validationFailed({{u"body"_s, u"must be a JSON object"_s}});
    Webhook webhook = *existing;
    if (!partial) { // PUT: what the body leaves out goes back to its default
        webhook.name.clear();
        webhook.filter = {};
        webhook.enabled = true;
    }
    const WebhookFieldErrors errors = WebhookValidator::fromJson(
        request.json.object(),
        partial ? WebhookValidator::Mode::Partial : WebhookValidator::Mode::Full, &webhook);
    if (!errors.isEmpty())
        return validationFailed(errors);
    if (webhook.name.isEmpty())
        webhook.name = webhook.url.host();
    webhook.updatedAt = nowSeconds();
    return store(webhook, false, 200);
}

// DELETE /api/v1/webhooks/{id} -> 204 | 404
ApiResponse WebhooksController::remove(const ApiRequest &request)
{
    const QString id = request.pathParam(u"webhook_id"_s);
    RegistryService *service = m_context.registry;
    const WebhookStore::Result result = invokeIn(service, [service, &id] {
        WebhookStore *store = service->webhooks();
        return store ? store->remove(id) : WebhookStore::Result{};
    });
    if (result.notFound)
        return webhookNotFound(id);
    if (!result.ok)
        return storageError(result.error);
    notifyService();
    return ApiResponse::noContent();
}

// POST /api/v1/webhooks/{id}/test
//   -> 200 {delivery_id, delivered, status_code, error, elapsed_ms} | 404 | 503
// Waits for the receiver (at most the webhook timeout), like a person pressing "Send test".
ApiResponse WebhooksController::test(const ApiRequest &request)
{
    const QString id = request.pathParam(u"webhook_id"_s);
    WebhookService *service = m_context.webhooks;
    if (!service)
        return ApiResponse::error(503, u"unavailable"_s, u"webhook delivery is not running"_s);
    auto promise = std::make_shared<std::promise<WebhookService::TestResult>>();
    std::future<WebhookService::TestResult> future = promise->get_future();
    QMetaObject::invokeMethod(
        service,
        [service, id, promise] {
            service->sendTest(id, [promise](const WebhookService::TestResult &result) {
                promise->set_value(result);
            });
        },
        Qt::QueuedConnection);
    const auto wait = std::chrono::milliseconds(m_context.settings->webhooks.timeoutMs + 5000);
    if (future.wait_for(wait) != std::future_status::ready)
        return ApiResponse::error(504, u"timeout"_s, u"the test delivery did not finish"_s);
    const WebhookService::TestResult result = future.get();
    if (!result.found)
        return webhookNotFound(id);
    const DeliveryAttempt &attempt = result.attempt;
    return ApiResponse::json({
        {u"delivery_id"_s, result.deliveryId},
        {u"delivered"_s, attempt.delivered},
        {u"status_code"_s, attempt.statusCode ? QJsonValue(attempt.statusCode) : QJsonValue()},
        {u"error"_s, attempt.error.isEmpty() ? QJsonValue() : QJsonValue(attempt.error)},
        {u"elapsed_ms"_s, attempt.elapsedMs},
    });
}

// GET /api/v1/webhooks/{id}/deliveries?status=&limit=&offset=
//   -> 200 {"deliveries":[...],"count","total","limit","offset"} | 400 | 404
ApiResponse WebhooksController::deliveries(const ApiRequest &request)
{
    const QString id = request.pathParam(u"webhook_id"_s);
    PageRequest page;
    if (auto error = readPage(request, &page))
        return *error;
    std::optional<DeliveryStatus> status;
    if (request.query.hasQueryItem(u"status"_s)) {
        status = deliveryStatusFromName(request.queryValue(u"status"_s));
        if (!status)
            return ApiResponse::error(
                400, u"bad_request"_s,
                u"query parameter 'status' must be pending, delivered or failed"_s);
    }
    QString error;
    if (!reader().get(id, &error))
        return error.isEmpty() ? webhookNotFound(id) : storageError(error);
    const auto rows = reader().deliveries(id, status, page.limit, page.offset, &error);
    const qint64 total = rows ? reader().countDeliveries(id, status, &error) : -1;
    if (!rows || total < 0)
        return storageError(error);
    QJsonArray items;
    for (const WebhookDelivery &delivery : *rows)
        items.append(delivery.toJson());
    return ApiResponse::json({{u"deliveries"_s, items},
                              {u"count"_s, items.size()},
                              {u"total"_s, total},
                              {u"limit"_s, page.limit},
                              {u"offset"_s, page.offset}});
}

// POST /api/v1/webhooks/deliveries/{delivery_id}/redeliver -> 202 {delivery} | 404 | 409
ApiResponse WebhooksController::redeliver(const ApiRequest &request)
{
    const QString id = request.pathParam(u"delivery_id"_s);
    WebhookService *service = m_context.webhooks;
    if (!service)
        return ApiResponse::error(503, u"unavailable"_s, u"webhook delivery is not running"_s);
    using Outcome = WebhookService::RedeliverResult::Outcome;
    const WebhookService::RedeliverResult result =
        invokeIn(service, [service, &id] { return service->redeliver(id); });
    switch (result.outcome) {
    case Outcome::Queued:
        return ApiResponse::json(result.delivery.toJson(false), 202);
    case Outcome::NotFound:
        return ApiResponse::error(404, u"not_found"_s, u"no delivery with id '%1'"_s.arg(id));
    case Outcome::AlreadyPending:
        return ApiResponse::error(409, u"conflict"_s,
                                  u"delivery '%1' is still queued; it will be sent"_s.arg(id));
    case Outcome::StorageError:
        break;
    }
    return storageError(result.error);
}

} // namespace hai
