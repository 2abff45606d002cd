// SPDX-License-Identifier: GPL-3.0-or-later
// The fixture of WebhookStoreCases and its webhook cases; the delivery cases are in
// webhookstoredeliverycases.cpp.
#include "webhookstorecases.h"

#include "queryvalue.h"
#include "webhooks/webhookstore.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace hai::test {

WebhookStoreCases::WebhookStoreCases() = default;

WebhookStoreCases::~WebhookStoreCases() = default;

Webhook WebhookStoreCases::makeWebhook(const QString &id, double createdAt)
{
    Webhook webhook;
    webhook.id = id;
    webhook.name = u"Hook "_s + id + u" – ü"_s;
    webhook.url = QUrl(u"https://example.com/hooks/"_s + id + u"?token=a%20b&q=it's"_s);
    webhook.events = {u"state_changed"_s, u"device_added"_s};
    webhook.secret = u"0123456789abcdef'\"\\-"_s + id;
    webhook.filter.entityIds = {u"sensor.*_temperature"_s};
    webhook.filter.domains = {u"sensor"_s};
    webhook.filter.numericAbove = 20.5;
    webhook.filter.numericBelow = -3.25;
    webhook.createdAt = createdAt;
    webhook.updatedAt = createdAt;
    return webhook;
}

WebhookDelivery WebhookStoreCases::makeDelivery(const QString &id, const QString &webhookId,
                                                qint64 seq)
{
    WebhookDelivery delivery;
    delivery.id = id;
    delivery.webhookId = webhookId;
    delivery.eventType = u"state_changed"_s;
    delivery.payload = R"({"event_type":"state_changed","seq":)" + QByteArray::number(seq) +
                       R"(,"text":"it's \"ü €\" \\"})";
    delivery.nextAttemptAt = kNow + double(seq);
    delivery.createdAt = kNow + double(seq);
    delivery.seq = seq;
    return delivery;
}

DeliveryAttempt WebhookStoreCases::success(const QString &deliveryId, const QString &webhookId,
                                           double at)
{
    DeliveryAttempt attempt;
    attempt.deliveryId = deliveryId;
    attempt.webhookId = webhookId;
    attempt.delivered = true;
    attempt.statusCode = 204;
    attempt.attemptedAt = at;
    return attempt;
}

DeliveryAttempt WebhookStoreCases::failure(const QString &deliveryId, const QString &webhookId,
                                           double at, bool final, int statusCode)
{
    DeliveryAttempt attempt;
    attempt.deliveryId = deliveryId;
    attempt.webhookId = webhookId;
    attempt.finalFailure = final;
    attempt.statusCode = statusCode;
    attempt.error =
        statusCode > 0 ? u"HTTP "_s + QString::number(statusCode) : u"timed out after 5 s"_s;
    attempt.attemptedAt = at;
    attempt.nextAttemptAt = at + 30;
    return attempt;
}

QStringList WebhookStoreCases::ids(const WebhookDeliveryList &deliveries)
{
    QStringList result;
    for (const WebhookDelivery &delivery : deliveries)
        result << delivery.id;
    return result;
}

QVariant WebhookStoreCases::value(const QString &sql, const QVariantList &bound)
{
    return queryValue(m_fixture->database(), sql, bound);
}

Webhook WebhookStoreCases::stored(const QString &id)
{
    QString error;
    const std::optional<Webhook> webhook = m_store->get(id, &error);
    if (!webhook)
        qWarning("webhook %s not found: %s", qPrintable(id), qPrintable(error));
    return webhook.value_or(Webhook());
}

WebhookDelivery WebhookStoreCases::storedDelivery(const QString &id)
{
    return m_store->delivery(id).value_or(WebhookDelivery());
}

QStringList WebhookStoreCases::pendingIds()
{
    const std::optional<WebhookDeliveryList> pending = m_store->pending();
    return pending ? ids(*pending) : QStringList{u"<error>"_s};
}

void WebhookStoreCases::queue(const QString &webhookId, int count, int firstSeq)
{
    WebhookDeliveryList deliveries;
    for (int i = 0; i < count; ++i)
        deliveries << makeDelivery(webhookId + u"-d"_s + QString::number(firstSeq + i), webhookId,
                                   firstSeq + i);
    const WebhookStore::Result result = m_store->enqueue(deliveries);
    QVERIFY2(result.ok, qPrintable(result.error));
}

void WebhookStoreCases::init()
{
    m_fixture = std::make_unique<WebhookStoreFixture>();
    QString error;
    QVERIFY2(openDatabase(*m_fixture, &error), qPrintable(error));
    m_store = &m_fixture->store();
    m_reader = &m_fixture->reader();
}

void WebhookStoreCases::cleanup()
{
    m_store = nullptr;
    m_reader = nullptr;
    m_fixture.reset();
}

void WebhookStoreCases::createGetList()
{
    Webhook second = makeWebhook(u"b"_s, kNow + 10);
    second.enabled = false;
    second.disabledReason = u"disabled after 3 consecutive failed attempts"_s;
    second.filter = {};
    second.events = {u"call_service"_s};
    QVERIFY(m_store->create(second).ok);
    const Webhook first = makeWebhook(u"a"_s, kNow + 0.25);
    QVERIFY(m_store->create(first).ok);

    const Webhook read = stored(u"a"_s);
    QCOMPARE(read.id, first.id);
    QCOMPARE(read.name, first.name);
    QCOMPARE(read.url, first.url);
    QCOMPARE(read.url.toString(QUrl::FullyEncoded),
             u"https://example.com/hooks/a?token=a%20b&q=it's"_s);
    QCOMPARE(read.events, first.events);
    QCOMPARE(read.secret, first.secret);
    QVERIFY(read.filter == first.filter);
    QCOMPARE(read.enabled, true);
    QCOMPARE(read.createdAt, kNow + 0.25);
    QCOMPARE(read.updatedAt, kNow + 0.25);
    QCOMPARE(read.consecutiveFailures, 0);
    QVERIFY(read.disabledReason.isEmpty());
    QCOMPARE(read.stats.delivered, 0);
    QCOMPARE(read.stats.lastDeliveryAt, 0.0);
    // Absent values are NULL, not 0 or ''.
    QVERIFY(value(u"SELECT disabled_reason FROM webhooks WHERE webhook_id = 'a'"_s).isNull());
    QVERIFY(value(u"SELECT last_delivery_at FROM webhooks WHERE webhook_id = 'a'"_s).isNull());
    QVERIFY(value(u"SELECT last_status_code FROM webhooks WHERE webhook_id = 'a'"_s).isNull());
    QCOMPARE(value(u"SELECT filter FROM webhooks WHERE webhook_id = 'b'"_s).toString(), u"{}"_s);
    QCOMPARE(value(u"SELECT events FROM webhooks WHERE webhook_id = 'b'"_s).toString(),
             u"[\"call_service\"]"_s);

    const Webhook disabled = stored(u"b"_s);
    QCOMPARE(disabled.enabled, false);
    QCOMPARE(disabled.disabledReason, second.disabledReason);
    QVERIFY(disabled.filter.isEmpty());

    // Listed through the REST API's own connection, oldest first.
    QString error;
    const std::optional<WebhookList> all = m_reader->list(&error);
    QVERIFY2(all, qPrintable(error));
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->at(0).id, u"a"_s);
    QCOMPARE(all->at(0).secret, first.secret);
    QCOMPARE(all->at(1).id, u"b"_s);
    QVERIFY(!all->at(1).enabled);
}

void WebhookStoreCases::createDuplicateFails()
{
    QVERIFY(m_store->create(makeWebhook(u"a"_s)).ok);
    const WebhookStore::Result again = m_store->create(makeWebhook(u"a"_s));
    QVERIFY(!again.ok);
    QVERIFY(!again.notFound);
    QVERIFY(!again.error.isEmpty());
    QCOMPARE(m_store->list()->size(), 1);
    QVERIFY(m_store->create(makeWebhook(u"b"_s)).ok); // the store is still usable
}

void WebhookStoreCases::getMissing()
{
    QString error = u"stale"_s;
    QVERIFY(!m_store->get(u"nope"_s, &error));
    QVERIFY(error.isEmpty());
    QVERIFY(m_store->list()->isEmpty());
}

void WebhookStoreCases::update()
{
    QVERIFY(m_store->create(makeWebhook(u"a"_s)).ok);
    Webhook changed = makeWebhook(u"a"_s);
    changed.name = u"Renamed"_s;
    changed.url = QUrl(u"http://10.0.0.2:8123/x"_s);
    changed.events = {u"entity_unavailable"_s};
    changed.secret = u"another-secret-of-length"_s;
    changed.filter = {};
    changed.filter.domains = {u"light"_s};
    changed.enabled = false;
    changed.updatedAt = kNow + 100;
    changed.createdAt = 1; // not replaced by update
    QVERIFY(m_store->update(changed).ok);
    const Webhook read = stored(u"a"_s);
    QCOMPARE(read.name, u"Renamed"_s);
    QCOMPARE(read.url, changed.url);
    QCOMPARE(read.events, changed.events);
    QCOMPARE(read.secret, changed.secret);
    QVERIFY(read.filter == changed.filter);
    QCOMPARE(read.enabled, false);
    QCOMPARE(read.updatedAt, kNow + 100);
    QCOMPARE(read.createdAt, kNow);

    changed.id = u"missing"_s;
    const WebhookStore::Result missing = m_store->update(changed);
    QVERIFY(!missing.ok);
    QVERIFY(missing.notFound);
}

void WebhookStoreCases::reenableResetsFailures()
{
    QVERIFY(m_store->create(makeWebhook(u"a"_s)).ok);
    queue(u"a"_s, 3);
    QStringList disabled;
    QVERIFY(m_store
                ->recordAttempts(
                    {failure(u"a-d1"_s, u"a"_s, kNow + 1), failure(u"a-d2"_s, u"a"_s, kNow + 2)}, 2,
                    &disabled)
                .ok);
    QCOMPARE(disabled, QStringList{u"a"_s});
    Webhook webhook = stored(u"a"_s);
    QVERIFY(!webhook.enabled);
    QCOMPARE(webhook.consecutiveFailures, 2);
    QVERIFY(pendingIds().isEmpty());

    // Staying disabled keeps the reason and the count.
    webhook.name = u"edited"_s;
    QVERIFY(m_store->update(webhook).ok);
    QCOMPARE(stored(u"a"_s).consecutiveFailures, 2);
    QVERIFY(!stored(u"a"_s).disabledReason.isEmpty());

    webhook.enabled = true;
    QVERIFY(m_store->update(webhook).ok);
    webhook = stored(u"a"_s);
    QVERIFY(webhook.enabled);
    QCOMPARE(webhook.consecutiveFailures, 0);
    QVERIFY(webhook.disabledReason.isEmpty());
    QVERIFY(value(u"SELECT disabled_reason FROM webhooks"_s).isNull());
    QCOMPARE(webhook.stats.failed, 0); // the figures stay
    QCOMPARE(webhook.stats.lastStatusCode, 500);
    QCOMPARE(pendingIds(), (QStringList{u"a-d1"_s, u"a-d2"_s, u"a-d3"_s})); // its queue resumes

    // An update of an enabled webhook does not clear its running count.
    QVERIFY(m_store->recordAttempts({failure(u"a-d3"_s, u"a"_s, kNow + 3)}, 0, nullptr).ok);
    QVERIFY(m_store->update(webhook).ok);
    QCOMPARE(stored(u"a"_s).consecutiveFailures, 1);
}

void WebhookStoreCases::removeCascades()
{
    QVERIFY(m_store->create(makeWebhook(u"a"_s)).ok);
    QVERIFY(m_store->create(makeWebhook(u"b"_s)).ok);
    queue(u"a"_s, 3);
    queue(u"b"_s, 2, 10);
    QVERIFY(m_store->remove(u"a"_s).ok);
    QVERIFY(!m_store->get(u"a"_s));
    QCOMPARE(value(u"SELECT COUNT(*) FROM webhook_deliveries WHERE webhook_id = 'a'"_s).toInt(), 0);
    QCOMPARE(pendingIds(), (QStringList{u"b-d10"_s, u"b-d11"_s}));
    const WebhookStore::Result again = m_store->remove(u"a"_s);
    QVERIFY(!again.ok);
    QVERIFY(again.notFound);
}

void WebhookStoreCases::importMissingIsIdempotent()
{
    QVERIFY(m_store->create(makeWebhook(u"a"_s)).ok);
    Webhook changedA = makeWebhook(u"a"_s);
    changedA.name = u"from file"_s;
    const WebhookList file{changedA, makeWebhook(u"b"_s), makeWebhook(u"c"_s), makeWebhook(u"b"_s)};
    int imported = -1;
    QVERIFY(m_store->importMissing(file, &imported).ok);
    QCOMPARE(imported, 2);
    QCOMPARE(stored(u"a"_s).name, makeWebhook(u"a"_s).name); // an existing webhook is left alone
    QVERIFY(m_store->importMissing(file, &imported).ok);
    QCOMPARE(imported, 0);
    QCOMPARE(m_store->list()->size(), 3);
}

} // namespace hai::test
