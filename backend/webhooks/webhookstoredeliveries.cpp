// SPDX-License-Identifier: GPL-3.0-or-later
// The deliveries half of WebhookStore: the persistent queue and the delivery log.
#include "webhookstore.h"

#include "registry/database.h"
#include "registry/statementcache.h"
#include "webhookstoresql.h"

#include <QHash>
#include <QSqlQuery>

#include <limits>

using namespace Qt::StringLiterals;

namespace hai {

using namespace webhooksql;

namespace {

const QString kColumns = u"delivery_id, webhook_id, event_type, payload, status, attempts, "
                         u"next_attempt_at, last_status_code, last_error, created_at, "
                         u"delivered_at, seq"_s;

// The columns of kColumns, in order.
WebhookDelivery deliveryFromRow(const QSqlQuery &query)
{
    WebhookDelivery delivery;
    delivery.id = query.value(0).toString();
    delivery.webhookId = query.value(1).toString();
    delivery.eventType = query.value(2).toString();
    delivery.payload = query.value(3).toString().toUtf8();
    delivery.status =
        deliveryStatusFromName(query.value(4).toString()).value_or(DeliveryStatus::Pending);
    delivery.attempts = query.value(5).toInt();
    delivery.nextAttemptAt = query.value(6).toDouble();
    delivery.lastStatusCode = query.value(7).toInt();
    delivery.lastError = query.value(8).toString();
    delivery.createdAt = query.value(9).toDouble();
    delivery.deliveredAt = query.value(10).toDouble();
    delivery.seq = query.value(11).toLongLong();
    return delivery;
}

std::optional<WebhookDeliveryList> readDeliveries(StatementCache &statements, const QString &sql,
                                                  const QVariantList &values, QString *error)
{
    return readRows(statements, sql, values, u"cannot read deliveries"_s, error, deliveryFromRow);
}

// What one batch of attempts does to one webhook's row, replayed in order.
struct WebhookOutcome
{
    qint64 delivered = 0;
    qint64 failed = 0;
    const DeliveryAttempt *last = nullptr;
    int consecutiveFailures = 0;
    bool disable = false;
};

QString failureText(const DeliveryAttempt &attempt)
{
    if (!attempt.error.isEmpty())
        return attempt.error;
    return attempt.statusCode > 0 ? u"HTTP "_s + QString::number(attempt.statusCode)
                                  : u"unknown error"_s;
}

// Brings one webhook's row up to date after a batch: its figures, its running count of failed
// attempts and, at `disableAfter` of them in a row, its disabling (listed in `newlyDisabled`).
// One read and one write per webhook, however many of its attempts the batch holds.
WebhookStore::Result settleWebhook(StatementCache &statements, const QString &webhookId,
                                   const QList<const DeliveryAttempt *> &attempts, int disableAfter,
                                   QStringList *newlyDisabled)
{
    static const QString updateWebhook =
        u"UPDATE webhooks SET delivered_count = delivered_count + ?, "
        u"failed_count = failed_count + ?, last_delivery_at = ?, last_status_code = ?, "
        u"last_error = ?, consecutive_failures = ? WHERE webhook_id = ?"_s;
    QString error;
    QSqlQuery *query = run(
        statements, u"SELECT enabled, consecutive_failures FROM webhooks WHERE webhook_id = ?"_s,
        {webhookId}, u"cannot record delivery attempts"_s, &error);
    if (!query)
        return failure(error);
    if (!query->next()) {
        query->finish();
        return success(); // removed meanwhile, together with its deliveries
    }
    const bool enabled = query->value(0).toBool();
    WebhookOutcome outcome;
    outcome.consecutiveFailures = query->value(1).toInt();
    query->finish();
    for (const DeliveryAttempt *attempt : attempts) {
        outcome.last = attempt;
        if (attempt->delivered) {
            ++outcome.delivered;
            outcome.consecutiveFailures = 0;
            continue;
        }
        ++outcome.consecutiveFailures;
        if (attempt->finalFailure)
            ++outcome.failed;
        // Disabled at the attempt that reaches the limit; later successes of requests
        // that were already in flight do not turn it back on.
        if (enabled && disableAfter > 0 && outcome.consecutiveFailures >= disableAfter &&
            !outcome.disable) {
            outcome.disable = true;
            *newlyDisabled << webhookId;
            const WebhookStore::Result disabled =
                execute(statements,
                        u"UPDATE webhooks SET enabled = ?, disabled_reason = ? "
                        u"WHERE webhook_id = ?"_s,
                        {false,
                         u"disabled after %1 consecutive failed attempts; last error: %2"_s
                             .arg(outcome.consecutiveFailures)
                             .arg(failureText(*attempt)),
                         webhookId},
                        u"cannot disable webhook "_s + webhookId);
            if (!disabled.ok)
                return disabled;
        }
    }
    const DeliveryAttempt &last = *outcome.last;
    return execute(statements, updateWebhook,
                   {outcome.delivered, outcome.failed, last.attemptedAt, orNull(last.statusCode),
                    last.delivered ? QVariant() : QVariant(failureText(last)),
                    outcome.consecutiveFailures, webhookId},
                   u"cannot record delivery attempts of webhook "_s + webhookId);
}

} // namespace

WebhookStore::Result WebhookStore::enqueue(const WebhookDeliveryList &deliveries)
{
    if (deliveries.isEmpty())
        return success();
    static const QString insert = u"INSERT INTO webhook_deliveries ("_s + kColumns +
                                  u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s;
    return inWriteTransaction(m_database, u"cannot queue deliveries"_s, [&] {
        // A webhook removed while its events were being matched has no row to refer to; its
        // deliveries are skipped, as the cascade would have deleted them anyway, instead of
        // failing the whole batch on the foreign key.
        QHash<QString, bool> exists;
        for (const WebhookDelivery &delivery : deliveries) {
            auto known = exists.constFind(delivery.webhookId);
            if (known == exists.constEnd()) {
                QString error;
                const std::optional<bool> found = webhookExists(
                    *m_statements, delivery.webhookId, u"cannot queue deliveries"_s, &error);
                if (!found)
                    return failure(error);
                known = exists.insert(delivery.webhookId, *found);
            }
            if (!*known)
                continue;
            const Result inserted =
                execute(*m_statements, insert,
                        {delivery.id, delivery.webhookId, delivery.eventType,
                         QString::fromUtf8(delivery.payload), deliveryStatusName(delivery.status),
                         delivery.attempts, delivery.nextAttemptAt, orNull(delivery.lastStatusCode),
                         orNull(delivery.lastError), delivery.createdAt,
                         orNull(delivery.deliveredAt), delivery.seq},
                        u"cannot queue delivery "_s + delivery.id);
            if (!inserted.ok)
                return inserted;
        }
        return success();
    });
}

WebhookStore::Result WebhookStore::recordAttempts(const QList<DeliveryAttempt> &attempts,
                                                  int disableAfter, QStringList *disabled)
{
    if (attempts.isEmpty())
        return success();
    // Only a pending row takes an outcome: a second report of the same attempt cannot count
    // twice. next_attempt_at stays as it was once the delivery is settled.
    static const QString updateDelivery =
        u"UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1, "
        u"next_attempt_at = COALESCE(?, next_attempt_at), last_status_code = ?, "
        u"last_error = ?, delivered_at = ? WHERE delivery_id = ? AND status = ?"_s;
    const QString pending = deliveryStatusName(DeliveryStatus::Pending);

    QStringList newlyDisabled;
    const Result result = inWriteTransaction(m_database, u"cannot record delivery attempts"_s, [&] {
        QStringList order; // webhooks in the order they first appear
        QHash<QString, QList<const DeliveryAttempt *>> byWebhook;
        for (const DeliveryAttempt &attempt : attempts) {
            const DeliveryStatus status = attempt.delivered      ? DeliveryStatus::Delivered
                                          : attempt.finalFailure ? DeliveryStatus::Failed
                                                                 : DeliveryStatus::Pending;
            int changed = 0;
            const Result recorded = execute(
                *m_statements, updateDelivery,
                {deliveryStatusName(status),
                 status == DeliveryStatus::Pending ? QVariant(attempt.nextAttemptAt) : QVariant(),
                 orNull(attempt.statusCode),
                 attempt.delivered ? QVariant() : QVariant(failureText(attempt)),
                 attempt.delivered ? QVariant(attempt.attemptedAt) : QVariant(), attempt.deliveryId,
                 pending},
                u"cannot record the attempt of delivery "_s + attempt.deliveryId, &changed);
            if (!recorded.ok)
                return recorded;
            if (changed <= 0)
                continue;
            auto entry = byWebhook.find(attempt.webhookId);
            if (entry == byWebhook.end()) {
                order << attempt.webhookId;
                entry = byWebhook.insert(attempt.webhookId, {});
            }
            entry->append(&attempt);
        }
        for (const QString &webhookId : std::as_const(order)) {
            const Result settled = settleWebhook(
                *m_statements, webhookId, byWebhook.value(webhookId), disableAfter, &newlyDisabled);
            if (!settled.ok)
                return settled;
        }
        return success();
    });
    if (result.ok && disabled)
        *disabled += newlyDisabled;
    return result;
}

std::optional<WebhookDeliveryList> WebhookStore::pending(QString *error)
{
    static const QString sql =
        u"SELECT d.delivery_id, d.webhook_id, d.event_type, d.payload, d.status, d.attempts, "
        u"d.next_attempt_at, d.last_status_code, d.last_error, d.created_at, d.delivered_at, "
        u"d.seq FROM webhook_deliveries d JOIN webhooks w ON w.webhook_id = d.webhook_id "
        u"WHERE d.status = ? AND w.enabled ORDER BY d.seq, d.delivery_id"_s;
    return readDeliveries(*m_statements, sql, {deliveryStatusName(DeliveryStatus::Pending)}, error);
}

std::optional<WebhookDelivery> WebhookStore::delivery(const QString &deliveryId, QString *error)
{
    const std::optional<WebhookDeliveryList> rows = readDeliveries(
        *m_statements,
        u"SELECT "_s + kColumns + u" FROM webhook_deliveries WHERE delivery_id = ?"_s, {deliveryId},
        error);
    if (!rows || rows->isEmpty())
        return std::nullopt;
    return rows->first();
}

std::optional<WebhookDeliveryList> WebhookStore::deliveries(const QString &webhookId,
                                                            std::optional<DeliveryStatus> status,
                                                            int limit, int offset, QString *error)
{
    // Newest first by seq, which a redelivery renews; the (webhook_id, seq) index serves it.
    static const QString all = u"SELECT "_s + kColumns +
                               u" FROM webhook_deliveries WHERE webhook_id = ? "
                               u"ORDER BY seq DESC, delivery_id DESC LIMIT ? OFFSET ?"_s;
    static const QString byStatus = u"SELECT "_s + kColumns +
                                    u" FROM webhook_deliveries WHERE webhook_id = ? AND "
                                    u"status = ? ORDER BY seq DESC, delivery_id DESC "
                                    u"LIMIT ? OFFSET ?"_s;
    const qint64 rows = limit > 0 ? qint64(limit) : std::numeric_limits<qint64>::max();
    const qint64 skip = qMax(0, offset);
    if (status)
        return readDeliveries(*m_statements, byStatus,
                              {webhookId, deliveryStatusName(*status), rows, skip}, error);
    return readDeliveries(*m_statements, all, {webhookId, rows, skip}, error);
}

qint64 WebhookStore::countDeliveries(const QString &webhookId, std::optional<DeliveryStatus> status,
                                     QString *error)
{
    if (status)
        return readNumber(*m_statements,
                          u"SELECT COUNT(*) FROM webhook_deliveries WHERE webhook_id = ? AND "
                          u"status = ?"_s,
                          {webhookId, deliveryStatusName(*status)}, u"cannot count deliveries"_s,
                          error);
    return readNumber(*m_statements,
                      u"SELECT COUNT(*) FROM webhook_deliveries WHERE webhook_id = ?"_s,
                      {webhookId}, u"cannot count deliveries"_s, error);
}

WebhookStore::Result WebhookStore::redeliver(const QString &deliveryId, double now, qint64 seq)
{
    return inWriteTransaction(m_database, u"cannot redeliver"_s, [&] {
        return changeRow(
            *m_statements,
            u"UPDATE webhook_deliveries SET status = ?, attempts = 0, next_attempt_at = ?, "
            u"last_status_code = NULL, last_error = NULL, delivered_at = NULL, seq = ? "
            u"WHERE delivery_id = ?"_s,
            {deliveryStatusName(DeliveryStatus::Pending), now, seq, deliveryId},
            u"cannot redeliver "_s + deliveryId);
    });
}

WebhookStore::Result WebhookStore::pruneDelivered(double before, qint64 *deleted)
{
    int count = 0;
    const Result result = inWriteTransaction(m_database, u"cannot prune deliveries"_s, [&] {
        return execute(*m_statements,
                       u"DELETE FROM webhook_deliveries WHERE status = ? AND delivered_at < ?"_s,
                       {deliveryStatusName(DeliveryStatus::Delivered), before},
                       u"cannot prune deliveries"_s, &count);
    });
    if (result.ok && deleted)
        *deleted = qMax(0, count);
    return result;
}

qint64 WebhookStore::maxSeq(QString *error)
{
    return readNumber(*m_statements, u"SELECT MAX(seq) FROM webhook_deliveries"_s, {},
                      u"cannot read the delivery sequence"_s, error);
}

} // namespace hai
