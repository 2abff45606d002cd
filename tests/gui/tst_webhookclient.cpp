// SPDX-License-Identifier: GPL-3.0-or-later
// WebhookClient (and through it WebhookAdmin) against a real Backend: every operation answers
// in the GUI thread through the worker thread, writes reach the store and announce
// webhooksChanged, failures come back as data, and a deleted context gets no answer.
#include "webhookguitestbed.h"

#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace hai;
using namespace hai::test;

namespace {
using Status = WebhookAdmin::Status;
}

class TestWebhookClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_bed.start());
        m_client = std::make_unique<WebhookClient>(m_bed.backend.get());
    }
    void cleanupTestCase()
    {
        m_client.reset(); // before the backend it calls into
        m_bed.stop();
    }
    void createValidatesAndFillsDefaults();
    void updateEnableDisableRemove();
    void testPingIsLoggedAndRedelivered();
    void testDraftOfUnsavedWebhook();
    void filterChoicesComeFromTheRegistry();
    void withoutBackendEverythingIsUnavailable();
    void deletedContextGetsNoAnswer();

private:
    WebhookAdmin::WebhookResult create(const Webhook &draft)
    {
        return await<WebhookAdmin::WebhookResult>(
            [&](auto done) { m_client->create(draft, nullptr, done); });
    }

    WebhookGuiTestbed m_bed;
    std::unique_ptr<WebhookClient> m_client;
};

void TestWebhookClient::createValidatesAndFillsDefaults()
{
    QSignalSpy changed(m_client.get(), &WebhookClient::webhooksChanged);
    Webhook draft = WebhookGuiTestbed::draft(QString(), QUrl(u"https://hooks.example.com/in"_s));
    const WebhookAdmin::WebhookResult created = create(draft);
    QVERIFY2(created.ok(), qPrintable(created.message));
    QVERIFY(!created.value.id.isEmpty());
    QCOMPARE(created.value.name, u"hooks.example.com"_s); // the host, like the REST API
    QVERIFY(created.value.createdAt > 0);
    QCOMPARE(changed.count(), 1);
    const auto stored = m_bed.storedWebhook(created.value.id);
    QVERIFY(stored);
    QCOMPARE(stored->url, draft.url);
    QCOMPARE(stored->secret, kTestSecret);
    QCOMPARE(stored->filter, draft.filter);

    // The same validator as the REST API, every field named.
    draft.secret = u"short"_s;
    draft.events.clear();
    const WebhookAdmin::WebhookResult refused = create(draft);
    QCOMPARE(refused.status, Status::Invalid);
    QStringList fields;
    for (const WebhookFieldError &error : refused.fields)
        fields << error.field;
    QVERIFY2(fields.contains(u"secret"_s) && fields.contains(u"events"_s),
             qPrintable(fields.join(u", "_s)));
    QCOMPARE(changed.count(), 1);
}

void TestWebhookClient::updateEnableDisableRemove()
{
    const auto created =
        create(WebhookGuiTestbed::draft(u"Edit me"_s, QUrl(u"http://127.0.0.1:9/a"_s)));
    QVERIFY(created.ok());
    Webhook edited = created.value;
    edited.name = u"Edited"_s;
    edited.filter.domains = {u"light"_s};
    const auto updated = await<WebhookAdmin::WebhookResult>(
        [&](auto done) { m_client->update(edited, nullptr, done); });
    QVERIFY2(updated.ok(), qPrintable(updated.message));
    QCOMPARE(m_bed.storedWebhook(edited.id)->name, u"Edited"_s);
    QCOMPARE(m_bed.storedWebhook(edited.id)->filter.domains, QStringList{u"light"_s});

    const auto disabled = await<WebhookAdmin::WebhookResult>(
        [&](auto done) { m_client->setEnabled(edited.id, false, nullptr, done); });
    QVERIFY(disabled.ok());
    QVERIFY(!disabled.value.enabled);
    QVERIFY(!m_bed.storedWebhook(edited.id)->enabled);
    QCOMPARE(m_bed.storedWebhook(edited.id)->name, u"Edited"_s); // the rest is kept
    const auto enabled = await<WebhookAdmin::WebhookResult>(
        [&](auto done) { m_client->setEnabled(edited.id, true, nullptr, done); });
    QVERIFY(enabled.ok());
    QVERIFY(m_bed.storedWebhook(edited.id)->enabled);

    const auto removed = await<WebhookAdmin::Outcome>(
        [&](auto done) { m_client->remove(edited.id, nullptr, done); });
    QVERIFY(removed.ok());
    QVERIFY(!m_bed.storedWebhook(edited.id));
    const auto gone = await<WebhookAdmin::WebhookResult>(
        [&](auto done) { m_client->get(edited.id, nullptr, done); });
    QCOMPARE(gone.status, Status::NotFound);
    const auto again = await<WebhookAdmin::Outcome>(
        [&](auto done) { m_client->remove(edited.id, nullptr, done); });
    QCOMPARE(again.status, Status::NotFound);
}

void TestWebhookClient::testPingIsLoggedAndRedelivered()
{
    const auto created =
        create(WebhookGuiTestbed::draft(u"Ping"_s, WebhookGuiTestbed::unreachableUrl()));
    QVERIFY(created.ok());
    const QString id = created.value.id;
    const auto tested =
        await<WebhookAdmin::TestResult>([&](auto done) { m_client->test(id, nullptr, done); });
    QVERIFY2(tested.ok(), qPrintable(tested.message));
    QVERIFY(tested.value.logged);
    QVERIFY(!tested.value.attempt.delivered);
    QCOMPARE(tested.value.attempt.statusCode, 0);
    QCOMPARE(tested.value.attempt.error, u"connection refused"_s);

    // The ping is in the log; the attempt is recorded in the registry thread right after.
    WebhookAdmin::DeliveriesResult log;
    QTRY_VERIFY_WITH_TIMEOUT((log = await<WebhookAdmin::DeliveriesResult>([&](auto done) {
                                  m_client->deliveries(id, DeliveryStatus::Failed, 50, 0, nullptr,
                                                       done);
                              })).value.total == 1,
                             10000);
    QCOMPARE(log.value.rows.size(), 1);
    const WebhookDelivery &row = log.value.rows.first();
    QCOMPARE(row.id, tested.value.deliveryId);
    QCOMPARE(row.eventType, u"ping"_s);
    QCOMPARE(row.lastError, u"connection refused"_s);

    const auto redelivered = await<WebhookAdmin::DeliveryResult>(
        [&](auto done) { m_client->redeliver(row.id, nullptr, done); });
    QVERIFY2(redelivered.ok(), qPrintable(redelivered.message));
    QCOMPARE(redelivered.value.id, row.id);
    QCOMPARE(redelivered.value.status, DeliveryStatus::Pending);
    const auto twice = await<WebhookAdmin::DeliveryResult>(
        [&](auto done) { m_client->redeliver(row.id, nullptr, done); });
    QCOMPARE(twice.status, Status::Conflict); // still queued: sending it twice helps nobody
    const auto unknown = await<WebhookAdmin::DeliveryResult>(
        [&](auto done) { m_client->redeliver(u"no-such-delivery"_s, nullptr, done); });
    QCOMPARE(unknown.status, Status::NotFound);
    const auto missing = await<WebhookAdmin::DeliveriesResult>(
        [&](auto done) { m_client->deliveries(u"nope"_s, {}, 10, 0, nullptr, done); });
    QCOMPARE(missing.status, Status::NotFound);
}

void TestWebhookClient::testDraftOfUnsavedWebhook()
{
    const int before = int(m_bed.stored().size());
    bool answered = false;
    WebhookAdmin::TestResult result;
    m_client->testDraft(WebhookGuiTestbed::draft(u"Draft"_s, WebhookGuiTestbed::unreachableUrl()),
                        nullptr, [&](const WebhookAdmin::TestResult &r) {
                            result = r;
                            answered = true;
                        });
    QVERIFY(!answered); // the call returns before the receiver was even asked
    QTRY_VERIFY_WITH_TIMEOUT(answered, 15000);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QVERIFY(!result.value.logged);
    QCOMPARE(result.value.attempt.error, u"connection refused"_s);
    QCOMPARE(m_bed.stored().size(), before); // nothing stored for a draft

    Webhook invalid = WebhookGuiTestbed::draft(u"Bad"_s, QUrl(u"ftp://example.com/x"_s));
    const auto refused = await<WebhookAdmin::TestResult>(
        [&](auto done) { m_client->testDraft(invalid, nullptr, done); });
    QCOMPARE(refused.status, Status::Invalid);
}

void TestWebhookClient::filterChoicesComeFromTheRegistry()
{
    // The demo home's registry arrives through discovery shortly after the start.
    WebhookClient::ChoicesResult choices;
    QTRY_VERIFY_WITH_TIMEOUT((choices = await<WebhookClient::ChoicesResult>([&](auto done) {
                                  m_client->filterChoices(nullptr, done);
                              })).value.entityIds.size() > 10,
                             20000);
    QVERIFY(choices.ok());
    QVERIFY(!choices.value.domains.isEmpty());
    QVERIFY(!choices.value.devices.isEmpty());
    for (const QString &entity : std::as_const(choices.value.entityIds))
        QVERIFY2(choices.value.domains.contains(entity.section(u'.', 0, 0)), qPrintable(entity));
    QVERIFY(std::is_sorted(choices.value.entityIds.cbegin(), choices.value.entityIds.cend()));
}

void TestWebhookClient::withoutBackendEverythingIsUnavailable()
{
    WebhookClient client(static_cast<Backend *>(nullptr));
    const auto listed =
        await<WebhookAdmin::ListResult>([&](auto done) { client.list(nullptr, done); });
    QCOMPARE(listed.status, Status::Unavailable);
    const auto created = await<WebhookAdmin::WebhookResult>([&](auto done) {
        client.create(WebhookGuiTestbed::draft(u"x"_s, QUrl(u"http://a/b"_s)), nullptr, done);
    });
    QCOMPARE(created.status, Status::Unavailable);
}

void TestWebhookClient::deletedContextGetsNoAnswer()
{
    auto *context = new QObject;
    bool answered = false;
    m_client->list(context, [&answered](const WebhookAdmin::ListResult &) { answered = true; });
    delete context;
    // A later call answers after the first (one worker, in order): by then the first is due.
    const auto listed =
        await<WebhookAdmin::ListResult>([&](auto done) { m_client->list(nullptr, done); });
    QVERIFY(listed.ok());
    QVERIFY(!answered);
}

QTEST_MAIN(TestWebhookClient)
#include "tst_webhookclient.moc"
