// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "webhooks/webhook.h"
#include "webhookstorefixture.h"

#include <QObject>
#include <QStringList>
#include <QVariant>

#include <memory>

namespace hai::test {

// Every WebhookStore case, on whatever database a subclass opens: tst_webhookstore runs them on
// SQLite, tst_webhookstorepostgres on a real PostgreSQL, so both dialects meet one set of
// checks. Each case starts on a new, migrated, empty database. The webhook cases are in
// webhookstorecases.cpp, the delivery cases in webhookstoredeliverycases.cpp.
class WebhookStoreCases : public QObject
{
    Q_OBJECT

public:
    WebhookStoreCases();
    ~WebhookStoreCases() override;

protected:
    // Opens `fixture` on a new, empty database for the next case.
    virtual bool openDatabase(WebhookStoreFixture &fixture, QString *error) = 0;

    static constexpr double kNow = 1767607200.125; // 2026-01-05T10:00:00.125Z

    // Text with quotes, a backslash and UTF-8 wherever the store keeps text, so that each
    // dialect has to bind it rather than splice it.
    static Webhook makeWebhook(const QString &id, double createdAt = kNow);
    static WebhookDelivery makeDelivery(const QString &id, const QString &webhookId, qint64 seq);
    static DeliveryAttempt success(const QString &deliveryId, const QString &webhookId, double at);
    // statusCode 0 stands for no HTTP answer (a timeout).
    static DeliveryAttempt failure(const QString &deliveryId, const QString &webhookId, double at,
                                   bool final = false, int statusCode = 500);
    static QStringList ids(const WebhookDeliveryList &deliveries);

    // The first value `sql` reads through the writer connection.
    QVariant value(const QString &sql, const QVariantList &bound = {});
    Webhook stored(const QString &id);
    WebhookDelivery storedDelivery(const QString &id);
    QStringList pendingIds();
    // Queues `count` deliveries <webhookId>-d<seq> with seq firstSeq, firstSeq + 1, ...
    void queue(const QString &webhookId, int count, int firstSeq = 1);

    std::unique_ptr<WebhookStoreFixture> m_fixture;
    WebhookStore *m_store = nullptr;  // on the writer connection, as the app writes
    WebhookStore *m_reader = nullptr; // on a reader connection, as the REST API reads

private Q_SLOTS:
    void init();
    void cleanup();

    // webhookstorecases.cpp
    void createGetList();
    void createDuplicateFails();
    void getMissing();
    void update();
    void reenableResetsFailures();
    void removeCascades();
    void importMissingIsIdempotent();

    // webhookstoredeliverycases.cpp
    void enqueueAndPendingOrder();
    void enqueueSkipsRemovedWebhooks();
    void enqueueIsOneTransaction();
    void recordSuccess();
    void recordFailureAndRetry();
    void recordFinalFailure();
    void recordMixedBatch();
    void autoDisable();
    void autoDisableWithinOneBatch();
    void successResetsCounter();
    void repeatedReportCountsOnce();
    void deliveriesPaging();
    void redeliver();
    void pruneDelivered();
    void maxSeq();
    void throughput();
};

} // namespace hai::test
