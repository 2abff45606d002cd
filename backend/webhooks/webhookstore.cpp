// SPDX-License-Identifier: GPL-3.0-or-later
// The webhooks half of WebhookStore; the deliveries half is webhookstoredeliveries.cpp.
#include "webhookstore.h"

#include "registry/database.h"
#include "registry/statementcache.h"
#include "webhookstoresql.h"
#include "webhookvalidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hai {

using namespace webhooksql;

namespace {

const QString kColumns =
    u"webhook_id, name, url, events, secret, filter, enabled, created_at, updated_at, "
    u"consecutive_failures, disabled_reason, delivered_count, failed_count, last_delivery_at, "
    u"last_status_code, last_error"_s;

const QString kInsert = u"INSERT INTO webhooks ("_s + kColumns +
                        u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s;

QString compact(const QJsonDocument &document)
{
    return QString::fromUtf8(document.toJson(QJsonDocument::Compact));
}

QVariantList rowValues(const Webhook &webhook)
{
    return {webhook.id,
            webhook.name,
            webhook.url.toString(QUrl::FullyEncoded),
            compact(QJsonDocument(QJsonArray::fromStringList(webhook.events))),
            webhook.secret,
            compact(QJsonDocument(webhook.filter.toJson())),
            webhook.enabled, // a bool: PostgreSQL's column is BOOLEAN
            webhook.createdAt,
            webhook.updatedAt,
            webhook.consecutiveFailures,
            orNull(webhook.disabledReason),
            webhook.stats.delivered,
            webhook.stats.failed,
            orNull(webhook.stats.lastDeliveryAt),
            orNull(webhook.stats.lastStatusCode),
            orNull(webhook.stats.lastError)};
}

// The columns of kColumns, in order.
Webhook webhookFromRow(const QSqlQuery &query)
{
    Webhook webhook;
    webhook.id = query.value(0).toString();
    webhook.name = query.value(1).toString();
    webhook.url = QUrl::fromEncoded(query.value(2).toString().toUtf8());
    for (const QJsonValue &event : QJsonDocument::fromJson(query.value(3).toByteArray()).array())
        webhook.events << event.toString();
    webhook.secret = query.value(4).toString();
    // Stored filters were validated when written; read whatever conditions are there.
    WebhookValidator::filterFromJson(
        QJsonDocument::fromJson(query.value(5).toString().toUtf8()).object(), &webhook.filter);
    webhook.enabled = query.value(6).toBool();
    webhook.createdAt = query.value(7).toDouble();
    webhook.updatedAt = query.value(8).toDouble();
    webhook.consecutiveFailures = query.value(9).toInt();
    webhook.disabledReason = query.value(10).toString();
    webhook.stats.delivered = query.value(11).toLongLong();
    webhook.stats.failed = query.value(12).toLongLong();
    webhook.stats.lastDeliveryAt = query.value(13).toDouble();
    webhook.stats.lastStatusCode = query.value(14).toInt();
    webhook.stats.lastError = query.value(15).toString();
    return webhook;
}

} // namespace

WebhookStore::WebhookStore(Database &database)
    : m_database(database)
    , m_statements(std::make_unique<StatementCache>(database.connection()))
{}

WebhookStore::~WebhookStore() = default;

WebhookStore::Result WebhookStore::create(const Webhook &webhook)
{
    return inWriteTransaction(m_database, u"cannot store the webhook"_s, [&] {
        return execute(*m_statements, kInsert, rowValues(webhook), u"cannot store the webhook"_s);
    });
}

WebhookStore::Result WebhookStore::update(const Webhook &webhook)
{
    // SET reads the old row, so `NOT enabled` is the state before this update: turning a
    // webhook back on gives it a clean slate.
    static const QString sql =
        u"UPDATE webhooks SET name = ?, url = ?, events = ?, secret = ?, filter = ?, "
        u"enabled = ?, updated_at = ?, "
        u"consecutive_failures = CASE WHEN ? AND NOT enabled THEN 0 "
        u"ELSE consecutive_failures END, "
        u"disabled_reason = CASE WHEN ? AND NOT enabled THEN NULL ELSE disabled_reason END "
        u"WHERE webhook_id = ?"_s;
    const QVariantList row = rowValues(webhook);
    return inWriteTransaction(m_database, u"cannot update the webhook"_s, [&] {
        return changeRow(*m_statements, sql,
                         {row.at(1), row.at(2), row.at(3), row.at(4), row.at(5), webhook.enabled,
                          webhook.updatedAt, webhook.enabled, webhook.enabled, webhook.id},
                         u"cannot update the webhook"_s);
    });
}

WebhookStore::Result WebhookStore::remove(const QString &webhookId)
{
    return inWriteTransaction(m_database, u"cannot remove the webhook"_s, [&] {
        // Explicit rather than relying on ON DELETE CASCADE, which SQLite applies only on
        // connections that turned foreign_keys on.
        const Result deliveries =
            execute(*m_statements, u"DELETE FROM webhook_deliveries WHERE webhook_id = ?"_s,
                    {webhookId}, u"cannot remove the webhook's deliveries"_s);
        if (!deliveries.ok)
            return deliveries;
        return changeRow(*m_statements, u"DELETE FROM webhooks WHERE webhook_id = ?"_s, {webhookId},
                         u"cannot remove the webhook"_s);
    });
}

std::optional<Webhook> WebhookStore::get(const QString &webhookId, QString *error)
{
    const std::optional<WebhookList> rows =
        readRows(*m_statements, u"SELECT "_s + kColumns + u" FROM webhooks WHERE webhook_id = ?"_s,
                 {webhookId}, u"cannot read the webhook"_s, error, webhookFromRow);
    if (rows && !rows->isEmpty())
        return rows->first();
    if (rows && error)
        error->clear(); // not found is not an error
    return std::nullopt;
}

std::optional<WebhookList> WebhookStore::list(QString *error)
{
    return readRows(*m_statements,
                    u"SELECT "_s + kColumns + u" FROM webhooks ORDER BY created_at, webhook_id"_s,
                    {}, u"cannot list the webhooks"_s, error, webhookFromRow);
}

WebhookStore::Result WebhookStore::importMissing(const WebhookList &webhooks, int *imported)
{
    int added = 0;
    const Result result = inWriteTransaction(m_database, u"cannot import webhooks"_s, [&] {
        for (const Webhook &webhook : webhooks) {
            // Checked one by one inside the transaction, so a list that names an id twice
            // stores it once.
            QString error;
            const std::optional<bool> exists =
                webhookExists(*m_statements, webhook.id, u"cannot import webhooks"_s, &error);
            if (!exists)
                return failure(error);
            if (*exists)
                continue;
            const Result inserted = execute(*m_statements, kInsert, rowValues(webhook),
                                            u"cannot import webhook "_s + webhook.id);
            if (!inserted.ok)
                return inserted;
            ++added;
        }
        return success();
    });
    if (result.ok && imported)
        *imported = added;
    return result;
}

} // namespace hai
