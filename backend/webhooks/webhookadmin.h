// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/webhooksettings.h"
#include "webhook.h"
#include "webhookstore.h"
#include "webhookvalidator.h"

#include <QPointer>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace hai {

class Database;
class RegistryService;
class WebhookService;

// The webhook operations of the REST API and the GUI editor, written once. Every call is
// synchronous and meant for a worker thread (the "api" thread, the GUI's webhook worker),
// never for the GUI thread: writes go through invokeIn() to the one writer in the "registry"
// thread and then ask the WebhookService to reload; reads use `reader`, a connection owned by
// the calling thread; tests and redeliveries go through the WebhookService in its thread.
class WebhookAdmin
{
public:
    // With the REST API's answer for each.
    enum class Status {
        Ok,
        Invalid,      // `fields` names each violation (422)
        NotFound,     // no such webhook or delivery (404)
        Conflict,     // a redelivery of a delivery that is still queued (409)
        Unavailable,  // webhook delivery is not running (503)
        Timeout,      // a test ping did not finish in time (504)
        StorageError, // the database refused; `message` says why (500)
    };

    struct Outcome
    {
        Status status = Status::Ok;
        QString message;           // for a person and the REST error body; empty when Ok
        WebhookFieldErrors fields; // Invalid only
        bool ok() const { return status == Status::Ok; }
    };
    template <typename T>
    struct Result : Outcome
    {
        T value{};
    };

    struct DeliveryPage
    {
        WebhookDeliveryList rows; // newest first
        qint64 total = 0;         // rows matching the status filter, without limit/offset
    };
    struct TestReport
    {
        QString deliveryId;
        DeliveryAttempt attempt; // delivered, statusCode, error, elapsedMs
        bool logged = false;     // in the webhook's delivery log (not for a draft)
    };

    using WebhookResult = Result<Webhook>;
    using ListResult = Result<WebhookList>;
    using DeliveriesResult = Result<DeliveryPage>;
    using DeliveryResult = Result<WebhookDelivery>;
    using TestResult = Result<TestReport>;

    // `webhooks` may be null (tests without delivery): test and redeliver then answer
    // Unavailable, and nobody is told to reload. `reader` must stay open while this lives.
    WebhookAdmin(RegistryService *registry, WebhookService *webhooks, Database &reader,
                 const WebhookOptions &options);
    ~WebhookAdmin();
    WebhookAdmin(const WebhookAdmin &) = delete;
    WebhookAdmin &operator=(const WebhookAdmin &) = delete;

    // Validates `draft` (WebhookValidator::validate), gives it a new id, the URL's host as
    // its name when it has none, and the current time, then stores it. The value is the
    // webhook as stored.
    WebhookResult create(Webhook draft);
    // Validates and replaces the stored webhook `webhook.id` (an empty name becomes the URL's
    // host; updated_at is now). The value is the webhook as read back, with its figures.
    WebhookResult update(Webhook webhook);
    // Turns one webhook on or off and keeps every other field, like PATCH {"enabled":...}.
    WebhookResult setEnabled(const QString &webhookId, bool enabled);
    Outcome remove(const QString &webhookId);
    WebhookResult get(const QString &webhookId);
    ListResult list(); // oldest first, with delivery figures
    // One page of a webhook's delivery log; NotFound when the webhook does not exist.
    DeliveriesResult deliveries(const QString &webhookId, std::optional<DeliveryStatus> status,
                                int limit, int offset);
    // Queues a delivered or failed delivery again (Conflict while it is still pending).
    DeliveryResult redeliver(const QString &deliveryId);
    // Sends a ping to a stored webhook now (even a disabled one) and logs it as a delivery.
    // Waits at most the webhook timeout plus 5 s.
    TestResult test(const QString &webhookId);
    // Sends a ping to a webhook that is not stored, or not as it is now (the editor's form):
    // the same request, signature and timeout, but nothing is logged. `draft` must be valid.
    TestResult testDraft(const Webhook &draft);

private:
    WebhookStore &reader();
    // Runs `operation` on the one writer and tells the service; `webhookId` for a 404.
    Outcome write(const QString &webhookId,
                  const std::function<WebhookStore::Result(WebhookStore &)> &operation);
    void notifyService() const;
    int testWaitMs() const { return m_options.timeoutMs + 5000; }

    QPointer<RegistryService> m_registry;
    QPointer<WebhookService> m_webhooks;
    Database &m_database;
    WebhookOptions m_options;
    std::unique_ptr<WebhookStore> m_reader; // made on first use, in the calling thread
};

} // namespace hai
