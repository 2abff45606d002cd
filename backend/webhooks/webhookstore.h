// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "webhook.h"

#include <QString>

#include <memory>
#include <optional>

namespace hai {

class Database;
class StatementCache;

// The `webhooks` and `webhook_deliveries` tables (migration 3) on one connection: SQLite or
// PostgreSQL. The app writes through the registry's one writer connection, in the "registry"
// thread (RegistryService::webhooks()); the REST API reads through its own reader connection.
// Every write is one transaction. Every statement binds its values.
class WebhookStore
{
public:
    struct Result
    {
        bool ok = false;
        bool notFound = false; // the webhook or delivery does not exist
        QString error;         // the database's reason when !ok && !notFound
    };

    explicit WebhookStore(Database &database);
    ~WebhookStore();
    WebhookStore(const WebhookStore &) = delete;
    WebhookStore &operator=(const WebhookStore &) = delete;

    // --- webhooks
    // Inserts `webhook` as given (id, timestamps and all); the caller fills id and times.
    Result create(const Webhook &webhook);
    // Replaces name, url, events, secret, filter, enabled and updated_at of webhook.id. When
    // `enabled` turns true, consecutive_failures and disabled_reason are reset.
    Result update(const Webhook &webhook);
    // Deletes the webhook and its deliveries.
    Result remove(const QString &webhookId);
    std::optional<Webhook> get(const QString &webhookId, QString *error = nullptr);
    // All webhooks, oldest first, with their delivery stats.
    std::optional<WebhookList> list(QString *error = nullptr);
    // Imports webhooks that are not stored yet (by id) in one transaction; returns how many
    // were new in `imported`. Used by the legacy webhooks.json import.
    Result importMissing(const WebhookList &webhooks, int *imported);

    // --- deliveries
    // Inserts new pending deliveries in one transaction.
    Result enqueue(const WebhookDeliveryList &deliveries);
    // Records attempt outcomes in one transaction: the delivery row (status, attempts + 1,
    // next_attempt_at, last_status_code, last_error, delivered_at) and the webhook's stats and
    // consecutive_failures (reset by a success, raised by a failed attempt). A webhook whose
    // consecutive_failures reaches `disableAfter` (> 0) is disabled with a reason; its id is
    // appended to `disabled`.
    Result recordAttempts(const QList<DeliveryAttempt> &attempts, int disableAfter,
                          QStringList *disabled);
    // Every pending delivery of enabled webhooks, in seq order (the queue after a restart).
    std::optional<WebhookDeliveryList> pending(QString *error = nullptr);
    std::optional<WebhookDelivery> delivery(const QString &deliveryId, QString *error = nullptr);
    // The delivery log of one webhook, newest first. `status` filters when set.
    std::optional<WebhookDeliveryList> deliveries(const QString &webhookId,
                                                  std::optional<DeliveryStatus> status, int limit,
                                                  int offset, QString *error = nullptr);
    // How many rows deliveries() would return without limit/offset.
    qint64 countDeliveries(const QString &webhookId, std::optional<DeliveryStatus> status,
                           QString *error = nullptr);
    // Makes a delivery pending again: attempts 0, next_attempt_at `now`, a new seq.
    Result redeliver(const QString &deliveryId, double now, qint64 seq);
    // Deletes delivered rows delivered before `before` (epoch seconds); `deleted` gets the count.
    Result pruneDelivered(double before, qint64 *deleted);
    // The largest seq stored, 0 when none: the dispatcher continues from there.
    qint64 maxSeq(QString *error = nullptr);

private:
    Database &m_database;
    std::unique_ptr<StatementCache> m_statements;
};

} // namespace hai
