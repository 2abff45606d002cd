// SPDX-License-Identifier: GPL-3.0-or-later
#include "webhookscontroller.h"

#include "core/settings.h"
#include "registry/registryfilters.h"
#include "webhooks/webhookadmin.h"
#include "webhooks/webhookvalidator.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace hai {

namespace {
const QString kBase = u"/api/v1/webhooks"_s;
using Status = WebhookAdmin::Status;

ApiResponse validationFailed(const WebhookFieldErrors &errors)
{
    return ApiResponse::json(WebhookValidator::errorBody(errors), 422);
}

// {"error":{"code","message"}} with the status and code of a failed operation.
ApiResponse failure(const WebhookAdmin::Outcome &outcome)
{
    switch (outcome.status) {
    case Status::Invalid:
        return validationFailed(outcome.fields);
    case Status::NotFound:
        return ApiResponse::error(404, u"not_found"_s, outcome.message);
    case Status::Conflict:
        return ApiResponse::error(409, u"conflict"_s, outcome.message);
    case Status::Unavailable:
        return ApiResponse::error(503, u"unavailable"_s, outcome.message);
    case Status::Timeout:
        return ApiResponse::error(504, u"timeout"_s, outcome.message);
    case Status::Ok:
    case Status::StorageError:
        break;
    }
    return ApiResponse::error(500, u"storage_error"_s, outcome.message);
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

WebhookAdmin &WebhooksController::admin()
{
    if (!m_admin)
        m_admin =
            std::make_unique<WebhookAdmin>(m_context.registry, m_context.webhooks,
                                           *m_context.readDatabase, m_context.settings->webhooks);
    return *m_admin;
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
    const WebhookAdmin::WebhookResult created = admin().create(webhook);
    return created.ok() ? ApiResponse::json(registeredJson(created.value), 201) : failure(created);
}

// GET /api/v1/webhooks/list -> 200 {"webhooks":[...],"count"}
ApiResponse WebhooksController::list(const ApiRequest &)
{
    const WebhookAdmin::ListResult webhooks = admin().list();
    if (!webhooks.ok())
        return failure(webhooks);
    QJsonArray items;
    for (const Webhook &webhook : webhooks.value)
        items.append(webhook.toJson());
    return ApiResponse::json({{u"webhooks"_s, items}, {u"count"_s, items.size()}});
}

// GET /api/v1/webhooks/{id} -> 200 {webhook} | 404
ApiResponse WebhooksController::get(const ApiRequest &request)
{
    const WebhookAdmin::WebhookResult webhook = admin().get(request.pathParam(u"webhook_id"_s));
    return webhook.ok() ? ApiResponse::json(webhook.value.toJson()) : failure(webhook);
}

// PUT (all of url, events, secret) or PATCH (any fields) /api/v1/webhooks/{id}
//   -> 200 {webhook} | 404 | 422
ApiResponse WebhooksController::replace(const ApiRequest &request, bool partial)
{
    const WebhookAdmin::WebhookResult existing = admin().get(request.pathParam(u"webhook_id"_s));
    if (!existing.ok())
        return failure(existing);
    if (!request.json.isObject())
        return validationFailed({{u"body"_s, u"must be a JSON object"_s}});
    Webhook webhook = existing.value;
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
    const WebhookAdmin::WebhookResult updated = admin().update(webhook);
    return updated.ok() ? ApiResponse::json(updated.value.toJson()) : failure(updated);
}

// DELETE /api/v1/webhooks/{id} -> 204 | 404
ApiResponse WebhooksController::remove(const ApiRequest &request)
{
    const WebhookAdmin::Outcome removed = admin().remove(request.pathParam(u"webhook_id"_s));
    return removed.ok() ? ApiResponse::noContent() : failure(removed);
}

// POST /api/v1/webhooks/{id}/test
//   -> 200 {delivery_id, delivered, status_code, error, elapsed_ms} | 404 | 503 | 504
// Waits for the receiver (at most the webhook timeout), like a person pressing "Send test".
ApiResponse WebhooksController::test(const ApiRequest &request)
{
    const WebhookAdmin::TestResult result = admin().test(request.pathParam(u"webhook_id"_s));
    if (!result.ok())
        return failure(result);
    const DeliveryAttempt &attempt = result.value.attempt;
    return ApiResponse::json({
        {u"delivery_id"_s, result.value.deliveryId},
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
    const WebhookAdmin::DeliveriesResult result =
        admin().deliveries(request.pathParam(u"webhook_id"_s), status, page.limit, page.offset);
    if (!result.ok())
        return failure(result);
    QJsonArray items;
    for (const WebhookDelivery &delivery : result.value.rows)
        items.append(delivery.toJson());
    return ApiResponse::json({{u"deliveries"_s, items},
                              {u"count"_s, items.size()},
                              {u"total"_s, result.value.total},
                              {u"limit"_s, page.limit},
                              {u"offset"_s, page.offset}});
}

// POST /api/v1/webhooks/deliveries/{delivery_id}/redeliver -> 202 {delivery} | 404 | 409 | 503
ApiResponse WebhooksController::redeliver(const ApiRequest &request)
{
    const WebhookAdmin::DeliveryResult result =
        admin().redeliver(request.pathParam(u"delivery_id"_s));
    return result.ok() ? ApiResponse::json(result.value.toJson(false), 202) : failure(result);
}

} // namespace hai
