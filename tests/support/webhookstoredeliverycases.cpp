// SPDX-License-Identifier: GPL-3.0-or-later
// The delivery cases of WebhookStoreCases: the queue, attempt outcomes, auto-disabling and the
// delivery log.
#include "webhookstorecases.h"

#include "webhooks/webhookstore.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;

namespace hai::test {

void WebhookStoreCases::enqueueAndPendingOrder()
{
    QVERIFY(m_store->create(makeWebhook(u"a"_s)).ok);
    QVERIFY(m_store->create(makeWebhook(u"b"_s)).ok);
    QVERIFY(m_store->pending()->isEmpty());
    // Enqueued out of order, across two batches and two webhooks.
    QVERIFY(
        m_store->enqueue({makeDelivery(u"x3"_s, u"b"_s, 3), makeDelivery(u"x1"_s, u"a"_s, 1)}).ok);
    QVERIFY(m_store
                ->enqueue({makeDelivery(u"x2"_s, u"b"_s, 2), makeDelivery(u"x10"_s, u"a"_s, 10),
                           makeDelivery(u"x4"_s, u"a"_s, 4)})
                .ok);
    QCOMPARE(pendingIds(), (QStringList{u"x1"_s, u"x2"_s, u"x3"_s, u"x4"_s, u"x10"_s}));

    const WebhookDelivery read = m_store->pending()->at(1);
    const WebhookDelivery expected = makeDelivery(u"x2"_s, u"b"_s, 2);
    QCOMPARE(read.webhookId, u"b"_s);
    QCOMPARE(read.eventType, expected.eventType);
    QCOMPARE(read.payload, expected.payload); // the exact bytes, UTF-8 included
    QCOMPARE(read.status, DeliveryStatus::Pending);
    QCOMPARE(read.attempts, 0);
    QCOMPARE(read.nextAttemptAt, expected.nextAttemptAt);
    QCOMPARE(read.createdAt, expected.createdAt);
    QCOMPARE(read.deliveredAt, 0.0);
    QCOMPARE(read.lastStatusCode, 0);
    QCOMPARE(read.seq, qint64(2));

    // A disabled webhook's queue waits; settled deliveries are not pending.
    Webhook b = stored(u"b"_s);
    b.enabled = false;
    QVERIFY(m_store->update(b).ok);
    QVERIFY(m_store->recordAttempts({success(u"x4"_s, u"a"_s, kNow)}, 0, nullptr).ok);
    QCOMPARE(pendingIds(), (QStringList{u"x1"_s, u"x10"_s}));
    b.enabled = true;
    QVERIFY(m_store->update(b).ok);
    QCOMPARE(pendingIds(), (QStringList{u"x1"_s, u"x2"_s, u"x3"_s, u"x10"_s}));
}

void WebhookStoreCases::enqueueSkipsRemovedWebhooks()
{
    QVERIFY(m_store->create(makeWebhook(u"a"_s)).ok);
    QVERIFY(m_store
                ->enqueue({makeDelivery(u"x1"_s, u"a"_s, 1), makeDelivery(u"x2"_s, u"gone"_s, 2),
                           makeDelivery(u"x3"_s, u"a"_s, 3)})
                .ok);
    QCOMPARE(pendingIds(), (QStringList{u"x1"_s, u"x3"_s}));
}

void WebhookStoreCases::enqueueIsOneTransaction()
{
    QVERIFY(m_store->create(makeWebhook(u"a"_s)).ok);
    queue(u"a"_s, 1);
    // The second row repeats a stored id: the whole batch is refused.
    const WebhookStore::Result result =
        m_store->enqueue({makeDelivery(u"x5"_s, u"a"_s, 5), makeDelivery(u"a-d1"_s, u"a"_s, 6)});
    QVERIFY(!result.ok);
    QVERIFY(!result.error.isEmpty());
    QCOMPARE(pendingIds(), QStringList{u"a-d1"_s});
    QVERIFY(m_store->enqueue({}).ok);
}

void WebhookStoreCases::recordSuccess()
{
    QVERIFY(m_store->create(makeWebhook(u"a"_s)).ok);
    queue(u"a"_s, 2);
    QStringList disabled;
    QVERIFY(m_store->recordAttempts({success(u"a-d1"_s, u"a"_s, kNow + 5)}, 20, &disabled).ok);
    QVERIFY(disabled.isEmpty());
    const WebhookDelivery delivery = storedDelivery(u"a-d1"_s);
    QCOMPARE(delivery.status, DeliveryStatus::Delivered);
    QCOMPARE(delivery.attempts, 1);
    QCOMPARE(delivery.deliveredAt, kNow + 5);
    QCOMPARE(delivery.lastStatusCode, 204);
    QVERIFY(delivery.lastError.isEmpty());
    QCOMPARE(delivery.nextAttemptAt, kNow + 1); // unchanged once settled
    const Webhook webhook = stored(u"a"_s);
    QCOMPARE(webhook.stats.delivered, 1);
    QCOMPARE(webhook.stats.failed, 0);
    QCOMPARE(webhook.stats.lastDeliveryAt, kNow + 5);
    QCOMPARE(webhook.stats.lastStatusCode, 204);
    QVERIFY(webhook.stats.lastError.isEmpty());
    QCOMPARE(webhook.consecutiveFailures, 0);
    QCOMPARE(pendingIds(), QStringList{u"a-d2"_s});
}

void WebhookStoreCases::recordFailureAndRetry()
{
    QVERIFY(m_store->create(makeWebhook(u"a"_s)).ok);
    queue(u"a"_s, 1);
    QVERIFY(
        m_store->recordAttempts({failure(u"a-d1"_s, u"a"_s, kNow + 5, false, 0)}, 20, nullptr).ok);
    WebhookDelivery delivery = storedDelivery(u"a-d1"_s);
    QCOMPARE(delivery.status, DeliveryStatus::Pending);
    QCOMPARE(delivery.attempts, 1);
    QCOMPARE(delivery.nextAttemptAt, kNow + 35);
    QCOMPARE(delivery.lastStatusCode, 0);
    QCOMPARE(delivery.lastError, u"timed out after 5 s"_s);
    QVERIFY(value(u"SELECT last_status_code FROM webhook_deliveries"_s).isNull());
    QVERIFY(value(u"SELECT delivered_at FROM webhook_deliveries"_s).isNull());
    Webhook webhook = stored(u"a"_s);
    QCOMPARE(webhook.consecutiveFailures, 1);
    QCOMPARE(webhook.stats.failed, 0); // attempts left: not failed yet
    QCOMPARE(webhook.stats.lastError, u"timed out after 5 s"_s);
    QCOMPARE(webhook.stats.lastStatusCode, 0);
    QCOMPARE(pendingIds(), QStringList{u"a-d1"_s});

    QVERIFY(m_store->recordAttempts({success(u"a-d1"_s, u"a"_s, kNow + 40)}, 20, nullptr).ok);
    delivery = storedDelivery(u"a-d1"_s);
    QCOMPARE(delivery.status, DeliveryStatus::Delivered);
    QCOMPARE(delivery.attempts, 2);
    QVERIFY(delivery.lastError.isEmpty());
    webhook = stored(u"a"_s);
    QCOMPARE(webhook.consecutiveFailures, 0);
    QCOMPARE(webhook.stats.delivered, 1);
    QVERIFY(webhook.stats.lastError.isEmpty());
}

void WebhookStoreCases::recordFinalFailure()
{
    QVERIFY(m_store->create(makeWebhook(u"a"_s)).ok);
    queue(u"a"_s, 1);
    QVERIFY(
        m_store->recordAttempts({failure(u"a-d1"_s, u"a"_s, kNow + 5, true, 503)}, 20, nullptr).ok);
    const WebhookDelivery delivery = storedDelivery(u"a-d1"_s);
    QCOMPARE(delivery.status, DeliveryStatus::Failed);
    QCOMPARE(delivery.attempts, 1);
    QCOMPARE(delivery.lastStatusCode, 503);
    QCOMPARE(delivery.lastError, u"HTTP 503"_s);
    QCOMPARE(delivery.deliveredAt, 0.0);
    const Webhook webhook = stored(u"a"_s);
    QCOMPARE(webhook.stats.failed, 1);
    QCOMPARE(webhook.stats.delivered, 0);
    QCOMPARE(webhook.consecutiveFailures, 1);
    QVERIFY(webhook.enabled);
    QVERIFY(m_store->pending()->isEmpty());
}

// Every outcome in one batch, across two webhooks: each row takes its own.
void WebhookStoreCases::recordMixedBatch()
{
    QVERIFY(m_store->create(makeWebhook(u"a"_s)).ok);
    QVERIFY(m_store->create(makeWebhook(u"b"_s)).ok);
    QVERIFY(m_store
                ->enqueue({makeDelivery(u"x3"_s, u"b"_s, 3), makeDelivery(u"x1"_s, u"a"_s, 1),
                           makeDelivery(u"x2"_s, u"a"_s, 2), makeDelivery(u"x4"_s, u"b"_s, 4)})
                .ok);
    QVERIFY(m_store
                ->recordAttempts({success(u"x1"_s, u"a"_s, kNow + 10),
                                  failure(u"x2"_s, u"a"_s, kNow + 11),
                                  failure(u"x3"_s, u"b"_s, kNow + 12, true)},
                                 20, nullptr)
                .ok);
    const WebhookDelivery x1 = storedDelivery(u"x1"_s);
    QCOMPARE(x1.status, DeliveryStatus::Delivered);
    QCOMPARE(x1.deliveredAt, kNow + 10);
    QCOMPARE(x1.attempts, 1);
    const WebhookDelivery x2 = storedDelivery(u"x2"_s);
    QCOMPARE(x2.status, DeliveryStatus::Pending);
    QCOMPARE(x2.nextAttemptAt, kNow + 41);
    QCOMPARE(x2.lastError, u"HTTP 500"_s);
    QVERIFY(
        value(u"SELECT delivered_at FROM webhook_deliveries WHERE delivery_id = 'x2'"_s).isNull());
    QCOMPARE(storedDelivery(u"x3"_s).status, DeliveryStatus::Failed);

    const Webhook a = stored(u"a"_s);
    QCOMPARE(a.stats.delivered, 1);
    QCOMPARE(a.consecutiveFailures, 1);
    QCOMPARE(a.stats.lastStatusCode, 500);
    QCOMPARE(a.stats.lastDeliveryAt, kNow + 11); // the batch's last attempt, not its success
    const Webhook b = stored(u"b"_s);
    QCOMPARE(b.stats.failed, 1);
    QCOMPARE(b.stats.delivered, 0);
    QCOMPARE(pendingIds(), (QStringList{u"x2"_s, u"x4"_s}));
}

void WebhookStoreCases::autoDisable()
{
    QVERIFY(m_store->create(makeWebhook(u"a"_s)).ok);
    QVERIFY(m_store->create(makeWebhook(u"b"_s)).ok);
    queue(u"a"_s, 5);
    queue(u"b"_s, 1, 10);
    QStringList disabled;
    for (int i = 1; i <= 2; ++i) {
        QVERIFY(m_store
                    ->recordAttempts({failure(u"a-d"_s + QString::number(i), u"a"_s, kNow + i)}, 3,
                                     &disabled)
                    .ok);
        QVERIFY(stored(u"a"_s).enabled);
    }
    QVERIFY(disabled.isEmpty());
    QVERIFY(m_store
                ->recordAttempts(
                    {failure(u"a-d3"_s, u"a"_s, kNow + 3), success(u"b-d10"_s, u"b"_s, kNow + 3)},
                    3, &disabled)
                .ok);
    QCOMPARE(disabled, QStringList{u"a"_s});
    const Webhook webhook = stored(u"a"_s);
    QVERIFY(!webhook.enabled);
    QCOMPARE(value(u"SELECT enabled FROM webhooks WHERE webhook_id = 'a'"_s).toBool(), false);
    QCOMPARE(webhook.consecutiveFailures, 3);
    QCOMPARE(webhook.disabledReason,
             u"disabled after 3 consecutive failed attempts; last error: HTTP 500"_s);
    QVERIFY(stored(u"b"_s).enabled);
    QVERIFY(pendingIds().isEmpty()); // a's queue waits while it is disabled

    // More outcomes of requests already in flight: no second report, no re-enabling.
    disabled.clear();
    QVERIFY(m_store->recordAttempts({failure(u"a-d4"_s, u"a"_s, kNow + 4)}, 3, &disabled).ok);
    QVERIFY(disabled.isEmpty());
    QVERIFY(m_store->recordAttempts({success(u"a-d5"_s, u"a"_s, kNow + 5)}, 3, &disabled).ok);
    QVERIFY(!stored(u"a"_s).enabled);
    QCOMPARE(stored(u"a"_s).consecutiveFailures, 0);

    // disableAfter 0 never disables.
    queue(u"b"_s, 5, 20);
    for (int i = 20; i < 25; ++i)
        QVERIFY(m_store
                    ->recordAttempts({failure(u"b-d"_s + QString::number(i), u"b"_s, kNow)}, 0,
                                     &disabled)
                    .ok);
    QVERIFY(stored(u"b"_s).enabled);
    QCOMPARE(stored(u"b"_s).consecutiveFailures, 5);
}

void WebhookStoreCases::autoDisableWithinOneBatch()
{
    QVERIFY(m_store->create(makeWebhook(u"a"_s)).ok);
    queue(u"a"_s, 30);
    QList<DeliveryAttempt> attempts;
    for (int i = 1; i <= 25; ++i)
        attempts << failure(u"a-d"_s + QString::number(i), u"a"_s, kNow + i, i % 2 == 0,
                            i == 25 ? 0 : 502);
    attempts << success(u"a-d26"_s, u"a"_s, kNow + 26); // finished after the limit was hit
    QStringList disabled;
    QVERIFY(m_store->recordAttempts(attempts, 20, &disabled).ok);
    QCOMPARE(disabled, QStringList{u"a"_s});
    const Webhook webhook = stored(u"a"_s);
    QVERIFY(!webhook.enabled);
    QCOMPARE(webhook.disabledReason,
             u"disabled after 20 consecutive failed attempts; last error: HTTP 502"_s);
    QCOMPARE(webhook.consecutiveFailures, 0);
    QCOMPARE(webhook.stats.failed, 12);
    QCOMPARE(webhook.stats.delivered, 1);
    QCOMPARE(webhook.stats.lastDeliveryAt, kNow + 26);
    QCOMPARE(webhook.stats.lastStatusCode, 204);
    QCOMPARE(m_store->countDeliveries(u"a"_s, DeliveryStatus::Failed), 12);
    QCOMPARE(m_store->countDeliveries(u"a"_s, DeliveryStatus::Pending), 17);
}

void WebhookStoreCases::successResetsCounter()
{
    QVERIFY(m_store->create(makeWebhook(u"a"_s)).ok);
    queue(u"a"_s, 6);
    QVERIFY(m_store
                ->recordAttempts(
                    {failure(u"a-d1"_s, u"a"_s, kNow + 1), failure(u"a-d2"_s, u"a"_s, kNow + 2),
                     success(u"a-d3"_s, u"a"_s, kNow + 3), failure(u"a-d4"_s, u"a"_s, kNow + 4)},
                    3, nullptr)
                .ok);
    Webhook webhook = stored(u"a"_s);
    QCOMPARE(webhook.consecutiveFailures, 1);
    QVERIFY(webhook.enabled);
    QCOMPARE(webhook.stats.lastError, u"HTTP 500"_s);
    QCOMPARE(webhook.stats.lastDeliveryAt, kNow + 4);
    QVERIFY(m_store->recordAttempts({failure(u"a-d5"_s, u"a"_s, kNow + 5)}, 3, nullptr).ok);
    QCOMPARE(stored(u"a"_s).consecutiveFailures, 2);
    QVERIFY(m_store->recordAttempts({success(u"a-d6"_s, u"a"_s, kNow + 6)}, 3, nullptr).ok);
    webhook = stored(u"a"_s);
    QCOMPARE(webhook.consecutiveFailures, 0);
    QVERIFY(webhook.enabled);
    QCOMPARE(webhook.stats.delivered, 2);
}

void WebhookStoreCases::repeatedReportCountsOnce()
{
    QVERIFY(m_store->create(makeWebhook(u"a"_s)).ok);
    queue(u"a"_s, 1);
    QVERIFY(m_store->recordAttempts({success(u"a-d1"_s, u"a"_s, kNow)}, 3, nullptr).ok);
    QVERIFY(m_store->recordAttempts({success(u"a-d1"_s, u"a"_s, kNow)}, 3, nullptr).ok);
    // Unknown deliveries (removed with their webhook) are ignored.
    QVERIFY(m_store->recordAttempts({failure(u"nope"_s, u"gone"_s, kNow)}, 3, nullptr).ok);
    QCOMPARE(stored(u"a"_s).stats.delivered, 1);
    QCOMPARE(storedDelivery(u"a-d1"_s).attempts, 1);
    QVERIFY(m_store->recordAttempts({}, 3, nullptr).ok);
}

void WebhookStoreCases::deliveriesPaging()
{
    QVERIFY(m_store->create(makeWebhook(u"a"_s)).ok);
    QVERIFY(m_store->create(makeWebhook(u"b"_s)).ok);
    queue(u"a"_s, 25);
    queue(u"b"_s, 3, 100);
    QList<DeliveryAttempt> attempts;
    for (int i = 1; i <= 10; ++i)
        attempts << success(u"a-d"_s + QString::number(i), u"a"_s, kNow + i);
    for (int i = 11; i <= 14; ++i)
        attempts << failure(u"a-d"_s + QString::number(i), u"a"_s, kNow + i, true);
    QVERIFY(m_store->recordAttempts(attempts, 0, nullptr).ok);

    // Read through the REST API's own connection.

    QString error;
    std::optional<WebhookDeliveryList> page = m_reader->deliveries(u"a"_s, {}, 10, 0, &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->size(), 10);
    QCOMPARE(page->first().id, u"a-d25"_s); // newest first
    QCOMPARE(page->last().id, u"a-d16"_s);
    page = m_reader->deliveries(u"a"_s, {}, 10, 20);
    QCOMPARE(ids(*page), (QStringList{u"a-d5"_s, u"a-d4"_s, u"a-d3"_s, u"a-d2"_s, u"a-d1"_s}));
    QVERIFY(m_reader->deliveries(u"a"_s, {}, 10, 30)->isEmpty());
    QCOMPARE(m_reader->deliveries(u"a"_s, {}, 0, 0)->size(), 25); // 0: no limit
    QCOMPARE(m_reader->countDeliveries(u"a"_s, {}), 25);

    page = m_reader->deliveries(u"a"_s, DeliveryStatus::Failed, 3, 1);
    QCOMPARE(ids(*page), (QStringList{u"a-d13"_s, u"a-d12"_s, u"a-d11"_s}));
    QCOMPARE(page->first().status, DeliveryStatus::Failed);
    QCOMPARE(m_reader->countDeliveries(u"a"_s, DeliveryStatus::Failed), 4);
    QCOMPARE(m_reader->countDeliveries(u"a"_s, DeliveryStatus::Delivered), 10);
    page = m_reader->deliveries(u"a"_s, DeliveryStatus::Delivered, 2, 1);
    QCOMPARE(ids(*page), (QStringList{u"a-d9"_s, u"a-d8"_s}));
    QCOMPARE(m_reader->countDeliveries(u"a"_s, DeliveryStatus::Pending), 11);
    QCOMPARE(m_reader->deliveries(u"a"_s, DeliveryStatus::Pending, 100, 0)->size(), 11);
    QCOMPARE(m_reader->countDeliveries(u"b"_s, {}), 3);
    QCOMPARE(m_reader->countDeliveries(u"none"_s, {}), 0);
    QVERIFY(m_reader->deliveries(u"none"_s, {}, 10, 0)->isEmpty());
    QVERIFY(!m_reader->delivery(u"none"_s));
}

void WebhookStoreCases::redeliver()
{
    QVERIFY(m_store->create(makeWebhook(u"a"_s)).ok);
    queue(u"a"_s, 3);
    QVERIFY(m_store
                ->recordAttempts(
                    {failure(u"a-d1"_s, u"a"_s, kNow, true), success(u"a-d2"_s, u"a"_s, kNow)}, 0,
                    nullptr)
                .ok);
    QCOMPARE(pendingIds(), QStringList{u"a-d3"_s});
    QVERIFY(m_store->redeliver(u"a-d1"_s, kNow + 60, 50).ok);
    QVERIFY(m_store->redeliver(u"a-d2"_s, kNow + 61, 51).ok);
    const WebhookDelivery delivery = storedDelivery(u"a-d1"_s);
    QCOMPARE(delivery.status, DeliveryStatus::Pending);
    QCOMPARE(delivery.attempts, 0);
    QCOMPARE(delivery.nextAttemptAt, kNow + 60);
    QCOMPARE(delivery.seq, qint64(50));
    QCOMPARE(delivery.lastStatusCode, 0);
    QVERIFY(delivery.lastError.isEmpty());
    QVERIFY(
        value(u"SELECT last_error FROM webhook_deliveries WHERE delivery_id = 'a-d1'"_s).isNull());
    QVERIFY(value(u"SELECT last_status_code FROM webhook_deliveries WHERE delivery_id = 'a-d1'"_s)
                .isNull());
    QCOMPARE(storedDelivery(u"a-d2"_s).deliveredAt, 0.0);
    QVERIFY(value(u"SELECT delivered_at FROM webhook_deliveries WHERE delivery_id = 'a-d2'"_s)
                .isNull());
    QCOMPARE(pendingIds(), (QStringList{u"a-d3"_s, u"a-d1"_s, u"a-d2"_s}));
    QCOMPARE(m_store->deliveries(u"a"_s, {}, 1, 0)->first().id, u"a-d2"_s);
    QCOMPARE(m_store->maxSeq(), 51); // the dispatcher continues after a redelivery's seq

    const WebhookStore::Result missing = m_store->redeliver(u"nope"_s, kNow, 52);
    QVERIFY(!missing.ok);
    QVERIFY(missing.notFound);
}

void WebhookStoreCases::pruneDelivered()
{
    QVERIFY(m_store->create(makeWebhook(u"a"_s)).ok);
    queue(u"a"_s, 6);
    QVERIFY(m_store
                ->recordAttempts({success(u"a-d1"_s, u"a"_s, kNow + 1),
                                  success(u"a-d2"_s, u"a"_s, kNow + 2),
                                  success(u"a-d3"_s, u"a"_s, kNow + 3),
                                  failure(u"a-d4"_s, u"a"_s, kNow + 1, true)},
                                 0, nullptr)
                .ok);
    qint64 deleted = -1;
    QVERIFY(m_store->pruneDelivered(kNow + 3, &deleted).ok);
    QCOMPARE(deleted, 2);
    QCOMPARE(m_store->countDeliveries(u"a"_s, {}), 4);
    QVERIFY(!m_store->delivery(u"a-d1"_s));
    QVERIFY(m_store->delivery(u"a-d3"_s));
    QVERIFY(m_store->delivery(u"a-d4"_s));       // failed rows stay
    QCOMPARE(stored(u"a"_s).stats.delivered, 3); // the figures do not shrink
    QVERIFY(m_store->pruneDelivered(kNow + 3, &deleted).ok);
    QCOMPARE(deleted, 0);
}

void WebhookStoreCases::maxSeq()
{
    QString error;
    QCOMPARE(m_store->maxSeq(&error), 0);
    QVERIFY(error.isEmpty());
    QVERIFY(m_store->create(makeWebhook(u"a"_s)).ok);
    queue(u"a"_s, 3, 7);
    QCOMPARE(m_store->maxSeq(), 9);
    QVERIFY(m_store->enqueue({makeDelivery(u"big"_s, u"a"_s, 5000000000LL)}).ok);
    QCOMPARE(m_store->maxSeq(), 5000000000LL);
}

// Figures for the log, never asserted: the app registers webhooks in bursts and queues and
// settles deliveries in batches of hundreds.
void WebhookStoreCases::throughput()
{
    const char *dialect = m_fixture->database().isPostgres() ? "PostgreSQL" : "SQLite";
    constexpr int kWebhooks = 2000;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < kWebhooks; ++i)
        QVERIFY(m_store->create(makeWebhook(u"w"_s + QString::number(i), kNow + i)).ok);
    const double createSeconds = double(timer.nsecsElapsed()) / 1e9;
    qInfo("%s create: %d webhooks in %.3f s = %.0f creates/s", dialect, kWebhooks, createSeconds,
          kWebhooks / createSeconds);

    constexpr int kBatch = 500;
    constexpr int kBatches = 20;
    QList<WebhookDeliveryList> batches;
    qint64 seq = 0;
    for (int b = 0; b < kBatches; ++b) {
        WebhookDeliveryList batch;
        for (int i = 0; i < kBatch; ++i, ++seq)
            batch << makeDelivery(u"d"_s + QString::number(seq), u"w"_s + QString::number(seq % 50),
                                  seq);
        batches << batch;
    }
    timer.restart();
    for (const WebhookDeliveryList &batch : std::as_const(batches))
        QVERIFY(m_store->enqueue(batch).ok);
    const double enqueueSeconds = double(timer.nsecsElapsed()) / 1e9;
    qInfo("%s enqueue: %d deliveries in batches of %d in %.3f s = %.0f deliveries/s", dialect,
          kBatch * kBatches, kBatch, enqueueSeconds, kBatch * kBatches / enqueueSeconds);

    timer.restart();
    const int pending = int(m_store->pending()->size());
    qInfo("%s pending: %d deliveries read in %.1f ms", dialect, pending,
          double(timer.nsecsElapsed()) / 1e6);
    QCOMPARE(pending, kBatch * kBatches);

    timer.restart();
    for (const WebhookDeliveryList &batch : std::as_const(batches)) {
        QList<DeliveryAttempt> attempts;
        for (const WebhookDelivery &delivery : batch)
            attempts << (delivery.seq % 10 == 0 ? failure(delivery.id, delivery.webhookId, kNow)
                                                : success(delivery.id, delivery.webhookId, kNow));
        QVERIFY(m_store->recordAttempts(attempts, 0, nullptr).ok);
    }
    const double recordSeconds = double(timer.nsecsElapsed()) / 1e9;
    qInfo("%s recordAttempts: %d outcomes in batches of %d in %.3f s = %.0f outcomes/s", dialect,
          kBatch * kBatches, kBatch, recordSeconds, kBatch * kBatches / recordSeconds);
    QCOMPARE(m_store->pending()->size(), kBatch * kBatches / 10);
}

} // namespace hai::test
