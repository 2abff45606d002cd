// SPDX-License-Identifier: GPL-3.0-or-later
#include "webhooks/webhookeventtypes.h"
#include "webhooks/webhookvalidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace hai;

Q_DECLARE_METATYPE(hai::Webhook)

namespace {

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

// A body that passes in Full mode; each data row breaks one thing.
QJsonObject goodBody()
{
    return object(R"({"url":"https://example.com/hook","events":["state_changed"], )"
                  R"("secret":"0123456789abcdef"})");
}

Webhook goodWebhook()
{
    Webhook webhook;
    webhook.id = u"wh-1"_s;
    webhook.name = u"Kitchen"_s;
    webhook.url = QUrl(u"https://example.com/hook"_s);
    webhook.events = {u"state_changed"_s};
    webhook.secret = u"0123456789abcdef"_s;
    return webhook;
}

QStringList fieldNames(const WebhookFieldErrors &errors)
{
    QStringList names;
    for (const WebhookFieldError &error : errors)
        names << error.field;
    return names;
}

QString describe(const WebhookFieldErrors &errors)
{
    QStringList lines;
    for (const WebhookFieldError &error : errors)
        lines << error.field + u": "_s + error.message;
    return lines.join(u"; "_s);
}

} // namespace

class TestWebhookValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eventTypes();
    void validWebhookPasses();
    void validateReportsEachField_data();
    void validateReportsEachField();
    void fullBodyIsRead();
    void fullModeResetsOmittedFields();
    void fromJsonReportsEachField_data();
    void fromJsonReportsEachField();
    void partialChangesOnlyGivenFields();
    void partialResultIsValidated();
    void filterFromJson();
    void errorBody();
    void webhookJson();
    void deliveryJson();
};

void TestWebhookValidator::eventTypes()
{
    QCOMPARE(WebhookEventTypes::all().size(),
             WebhookEventTypes::homeAssistant().size() + WebhookEventTypes::app().size());
    for (const char *type : {"state_changed", "automation_triggered", "script_started",
                             "call_service", "homeassistant_started", "homeassistant_stop",
                             "device_added", "device_removed", "entity_unavailable"})
        QVERIFY2(WebhookEventTypes::isKnown(QString::fromLatin1(type)), type);
    QVERIFY(!WebhookEventTypes::isKnown(QString::fromLatin1(WebhookEventTypes::kPing)));
    QVERIFY(!WebhookEventTypes::isKnown(u"State_Changed"_s));
    QVERIFY(!WebhookEventTypes::isKnown(QString()));
}

void TestWebhookValidator::validWebhookPasses()
{
    const WebhookFieldErrors errors = WebhookValidator::validate(goodWebhook());
    QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
    Webhook all = goodWebhook();
    all.events = WebhookEventTypes::all();
    all.url = QUrl(u"http://192.168.1.10:8080/path?x=1"_s);
    all.name = QString(200, u'n');
    all.filter.entityIds = {u"sensor.*_temperature"_s, u"light.kitchen_?"_s, u"*"_s};
    all.filter.domains = {u"light"_s};
    all.filter.numericAbove = -5;
    all.filter.numericBelow = 30.5;
    QVERIFY2(WebhookValidator::validate(all).isEmpty(),
             qPrintable(describe(WebhookValidator::validate(all))));
    all.name.clear(); // the caller fills a default
    QVERIFY(WebhookValidator::validate(all).isEmpty());
}

void TestWebhookValidator::validateReportsEachField_data()
{
    QTest::addColumn<Webhook>("webhook");
    QTest::addColumn<QStringList>("fields");
    QTest::addColumn<QString>("messagePart");

    auto with = [](auto change) {
        Webhook webhook = goodWebhook();
        change(webhook);
        return webhook;
    };
    QTest::newRow("no url") << with([](Webhook &w) { w.url = QUrl(); }) << QStringList{u"url"_s}
                            << u"required"_s;
    QTest::newRow("ftp url") << with([](Webhook &w) { w.url = QUrl(u"ftp://example.com/"_s); })
                             << QStringList{u"url"_s} << u"http or https"_s;
    QTest::newRow("no host") << with([](Webhook &w) { w.url = QUrl(u"http:///path"_s); })
                             << QStringList{u"url"_s} << u"host"_s;
    QTest::newRow("relative url") << with([](Webhook &w) { w.url = QUrl(u"/hook"_s); })
                                  << QStringList{u"url"_s} << u"http or https"_s;
    QTest::newRow("short secret") << with([](Webhook &w) { w.secret = u"0123456789abcde"_s; })
                                  << QStringList{u"secret"_s} << u"at least 16 characters"_s;
    QTest::newRow("no events") << with([](Webhook &w) { w.events.clear(); })
                               << QStringList{u"events"_s} << u"at least one"_s;
    QTest::newRow("unknown event") << with([](Webhook &w) { w.events << u"state_change"_s; })
                                   << QStringList{u"events[1]"_s} << u"not a known event type"_s;
    QTest::newRow("ping") << with([](Webhook &w) { w.events = {u"ping"_s}; })
                          << QStringList{u"events[0]"_s} << u"cannot be subscribed"_s;
    QTest::newRow("duplicate event")
        << with([](Webhook &w) { w.events << u"call_service"_s << u"state_changed"_s; })
        << QStringList{u"events[2]"_s} << u"listed twice"_s;
    QTest::newRow("long name") << with([](Webhook &w) { w.name = QString(201, u'x'); })
                               << QStringList{u"name"_s} << u"at most 200"_s;
    QTest::newRow("empty entity id") << with([](Webhook &w) {
        w.filter.entityIds = {u"light.a"_s, QString()};
    }) << QStringList{u"filter.entity_ids[1]"_s}
                                     << u"empty"_s;
    QTest::newRow("bad glob") << with([](Webhook &w) { w.filter.entityIds = {u"Sensor.[a-z]"_s}; })
                              << QStringList{u"filter.entity_ids[0]"_s} << u"wildcards"_s;
    QTest::newRow("glob with space")
        << with([](Webhook &w) { w.filter.entityIds = {u"sensor. x"_s}; })
        << QStringList{u"filter.entity_ids[0]"_s} << u"lower-case"_s;
    QTest::newRow("empty domain") << with([](Webhook &w) { w.filter.domains = {QString()}; })
                                  << QStringList{u"filter.domains[0]"_s} << u"empty"_s;
    QTest::newRow("empty area") << with([](Webhook &w) { w.filter.areaIds = {QString()}; })
                                << QStringList{u"filter.area_ids[0]"_s} << u"empty"_s;
    QTest::newRow("empty device") << with([](Webhook &w) { w.filter.deviceIds = {QString()}; })
                                  << QStringList{u"filter.device_ids[0]"_s} << u"empty"_s;
    QTest::newRow("empty to_state") << with([](Webhook &w) { w.filter.toState = {QString()}; })
                                    << QStringList{u"filter.to_state[0]"_s} << u"empty"_s;
    QTest::newRow("empty from_state") << with([](Webhook &w) { w.filter.fromState = {QString()}; })
                                      << QStringList{u"filter.from_state[0]"_s} << u"empty"_s;
    QTest::newRow("infinite above")
        << with([](Webhook &w) { w.filter.numericAbove = std::numeric_limits<double>::infinity(); })
        << QStringList{u"filter.numeric_above"_s} << u"finite"_s;
    QTest::newRow("nan below") << with([](Webhook &w) {
        w.filter.numericBelow = std::numeric_limits<double>::quiet_NaN();
    }) << QStringList{u"filter.numeric_below"_s}
                               << u"finite"_s;
    QTest::newRow("above >= below") << with([](Webhook &w) {
        w.filter.numericAbove = 10;
        w.filter.numericBelow = 10;
    }) << QStringList{u"filter.numeric_below"_s}
                                    << u"greater than"_s;
    QTest::newRow("several at once") << with([](Webhook &w) {
        w.url = QUrl(u"mailto:a@b.c"_s);
        w.secret = u"short"_s;
        w.events.clear();
    }) << QStringList{u"url"_s, u"secret"_s, u"events"_s}
                                     << u""_s;
}

void TestWebhookValidator::validateReportsEachField()
{
    QFETCH(Webhook, webhook);
    QFETCH(QStringList, fields);
    QFETCH(QString, messagePart);
    const WebhookFieldErrors errors = WebhookValidator::validate(webhook);
    QCOMPARE(fieldNames(errors), fields);
    QVERIFY2(errors.first().message.contains(messagePart), qPrintable(describe(errors)));
}

void TestWebhookValidator::fullBodyIsRead()
{
    const QJsonObject body =
        object(R"({ )"
               R"("url": "https://example.com/hook", "events": ["state_changed", "device_added"], )"
               R"("secret": "0123456789abcdef", "name": "Kitchen lights", "enabled": false, )"
               R"("filter": {"entity_ids": ["light.kitchen_*"], "domains": ["light"], )"
               R"("area_ids": ["kitchen"], "device_ids": ["dev1"], "to_state": ["on"], )"
               R"("from_state": ["off"], "numeric_above": 1.5, "numeric_below": 99}})");
    Webhook webhook;
    webhook.id = u"kept"_s;
    const WebhookFieldErrors errors =
        WebhookValidator::fromJson(body, WebhookValidator::Mode::Full, &webhook);
    QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
    QCOMPARE(webhook.id, u"kept"_s);
    QCOMPARE(webhook.url, QUrl(u"https://example.com/hook"_s));
    QCOMPARE(webhook.events, (QStringList{u"state_changed"_s, u"device_added"_s}));
    QCOMPARE(webhook.secret, u"0123456789abcdef"_s);
    QCOMPARE(webhook.name, u"Kitchen lights"_s);
    QCOMPARE(webhook.enabled, false);
    QCOMPARE(webhook.filter.entityIds, QStringList{u"light.kitchen_*"_s});
    QCOMPARE(webhook.filter.domains, QStringList{u"light"_s});
    QCOMPARE(webhook.filter.areaIds, QStringList{u"kitchen"_s});
    QCOMPARE(webhook.filter.deviceIds, QStringList{u"dev1"_s});
    QCOMPARE(webhook.filter.toState, QStringList{u"on"_s});
    QCOMPARE(webhook.filter.fromState, QStringList{u"off"_s});
    QCOMPARE(webhook.filter.numericAbove, std::optional<double>(1.5));
    QCOMPARE(webhook.filter.numericBelow, std::optional<double>(99));
    // The filter's JSON shape reads back as the same filter.
    WebhookFilter again;
    QVERIFY(WebhookValidator::filterFromJson(webhook.filter.toJson(), &again).isEmpty());
    QVERIFY(again == webhook.filter);
}

void TestWebhookValidator::fullModeResetsOmittedFields()
{
    Webhook webhook = goodWebhook();
    webhook.enabled = false;
    webhook.filter.domains = {u"light"_s};
    const WebhookFieldErrors errors =
        WebhookValidator::fromJson(goodBody(), WebhookValidator::Mode::Full, &webhook);
    QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
    QVERIFY(webhook.name.isEmpty()); // the caller fills a default
    QVERIFY(webhook.enabled);
    QVERIFY(webhook.filter.isEmpty());
}

void TestWebhookValidator::fromJsonReportsEachField_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("fields");
    QTest::addColumn<QString>("messagePart");

    auto row = [](const char *name, const char *mode, const char *body, const QStringList &fields,
                  const QString &part) {
        QTest::newRow(name) << QString::fromLatin1(mode) << QByteArray(body) << fields << part;
    };
    row("empty body", "full", "{}", {u"url"_s, u"events"_s, u"secret"_s}, u"required"_s);
    row("missing secret", "full",
        R"({"url":"https://example.com/hook","events":["state_changed"]})", {u"secret"_s},
        u"required"_s);
    row("unknown field", "full",
        R"({"url":"https://example.com/hook","events":["state_changed"], )"
        R"("secret":"0123456789abcdef","color":"red"})",
        {u"color"_s}, u"not a known field"_s);
    row("unknown field partial", "partial", R"({"webhook_id":"x"})", {u"webhook_id"_s},
        u"not a known field"_s);
    row("url not a string", "partial", R"({"url":42})", {u"url"_s}, u"string"_s);
    row("url with spaces", "partial", R"({"url":"https://exa mple.com/"})", {u"url"_s},
        u"http or https"_s);
    row("url javascript", "partial", R"j({"url":"javascript:alert(1)"})j", {u"url"_s},
        u"http or https"_s);
    row("events not a list", "partial", R"({"events":"state_changed"})", {u"events"_s}, u"list"_s);
    row("event not a string", "partial", R"({"events":["state_changed",7]})", {u"events[1]"_s},
        u"string"_s);
    row("events empty", "partial", R"({"events":[]})", {u"events"_s}, u"at least one"_s);
    row("event unknown", "partial", R"({"events":["nope"]})", {u"events[0]"_s}, u"not a known"_s);
    row("event ping", "partial", R"({"events":["ping"]})", {u"events[0]"_s}, u"ping"_s);
    row("event twice", "partial", R"({"events":["state_changed","state_changed"]})",
        {u"events[1]"_s}, u"twice"_s);
    row("secret not a string", "partial", R"({"secret":1234567890123456})", {u"secret"_s},
        u"string"_s);
    row("secret short", "partial", R"({"secret":"tooshort"})", {u"secret"_s}, u"16 characters"_s);
    row("name not a string", "partial", R"({"name":["a"]})", {u"name"_s}, u"string"_s);
    row("name long", "partial",
        QByteArray(R"({"name":")" + QByteArray(201, 'n') + R"("})").constData(), {u"name"_s},
        u"200"_s);
    row("enabled not a bool", "partial", R"({"enabled":"yes"})", {u"enabled"_s},
        u"true or false"_s);
    row("filter not an object", "partial", R"({"filter":[1]})", {u"filter"_s}, u"object"_s);
    row("filter unknown key", "partial", R"({"filter":{"entity_id":["light.a"]}})",
        {u"filter.entity_id"_s}, u"not a known filter condition"_s);
    row("filter list not a list", "partial", R"({"filter":{"domains":"light"}})",
        {u"filter.domains"_s}, u"list of strings"_s);
    row("filter item not a string", "partial", R"({"filter":{"area_ids":["a",1]}})",
        {u"filter.area_ids[1]"_s}, u"string"_s);
    row("filter item empty", "partial", R"({"filter":{"device_ids":[""]}})",
        {u"filter.device_ids[0]"_s}, u"empty"_s);
    row("filter bad glob", "partial", R"({"filter":{"entity_ids":["light.kitchen/1"]}})",
        {u"filter.entity_ids[0]"_s}, u"wildcards"_s);
    row("filter number as string", "partial", R"({"filter":{"numeric_above":"5"}})",
        {u"filter.numeric_above"_s}, u"number"_s);
    row("filter above not below", "partial",
        R"({"filter":{"numeric_above":30,"numeric_below":20}})", {u"filter.numeric_below"_s},
        u"greater than"_s);
}

void TestWebhookValidator::fromJsonReportsEachField()
{
    QFETCH(QString, mode);
    QFETCH(QByteArray, body);
    QFETCH(QStringList, fields);
    QFETCH(QString, messagePart);
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    QVERIFY(!json.isEmpty() || body == "{}");
    Webhook webhook = goodWebhook();
    const WebhookFieldErrors errors = WebhookValidator::fromJson(
        json, mode == u"full"_s ? WebhookValidator::Mode::Full : WebhookValidator::Mode::Partial,
        &webhook);
    QCOMPARE(fieldNames(errors), fields);
    for (const WebhookFieldError &error : errors) {
        QVERIFY2(error.message.contains(messagePart), qPrintable(describe(errors)));
        QVERIFY(!error.message.isEmpty());
    }
}

void TestWebhookValidator::partialChangesOnlyGivenFields()
{
    Webhook webhook = goodWebhook();
    webhook.filter.domains = {u"light"_s};
    const Webhook before = webhook;
    WebhookFieldErrors errors = WebhookValidator::fromJson(
        object(R"({"name":"Renamed"})"), WebhookValidator::Mode::Partial, &webhook);
    QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
    QCOMPARE(webhook.name, u"Renamed"_s);
    QCOMPARE(webhook.url, before.url);
    QCOMPARE(webhook.events, before.events);
    QCOMPARE(webhook.secret, before.secret);
    QVERIFY(webhook.filter == before.filter);
    QCOMPARE(webhook.enabled, before.enabled);

    errors = WebhookValidator::fromJson(object(R"({"enabled":false,"filter":null})"),
                                        WebhookValidator::Mode::Partial, &webhook);
    QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
    QVERIFY(!webhook.enabled);
    QVERIFY(webhook.filter.isEmpty()); // null clears the filter

    // An empty PATCH is fine and changes nothing.
    const Webhook same = webhook;
    QVERIFY(WebhookValidator::fromJson({}, WebhookValidator::Mode::Partial, &webhook).isEmpty());
    QCOMPARE(webhook.name, same.name);
}

void TestWebhookValidator::partialResultIsValidated()
{
    // The stored webhook is broken (e.g. an older secret rule): a PATCH of another field
    // still reports it, so nothing invalid is written back.
    Webhook webhook = goodWebhook();
    webhook.secret = u"short"_s;
    const WebhookFieldErrors errors = WebhookValidator::fromJson(
        object(R"({"name":"x"})"), WebhookValidator::Mode::Partial, &webhook);
    QCOMPARE(fieldNames(errors), QStringList{u"secret"_s});
}

void TestWebhookValidator::filterFromJson()
{
    WebhookFilter filter;
    QVERIFY(WebhookValidator::filterFromJson(QJsonValue(), &filter).isEmpty());
    QVERIFY(filter.isEmpty());
    QVERIFY(WebhookValidator::filterFromJson(QJsonObject(), &filter).isEmpty());
    QVERIFY(filter.isEmpty());
    QVERIFY(filter.toJson().isEmpty());

    const WebhookFieldErrors errors = WebhookValidator::filterFromJson(
        object(R"({"domains":["light"],"numeric_below":3,"numeric_above":null})"), &filter);
    QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
    QCOMPARE(filter.domains, QStringList{u"light"_s});
    QCOMPARE(filter.numericBelow, std::optional<double>(3));
    QVERIFY(!filter.numericAbove);
    QVERIFY(!filter.isEmpty());
    QCOMPARE(filter.toJson(), object(R"({"domains":["light"],"numeric_below":3})"));

    WebhookFilter other = filter;
    QVERIFY(other == filter);
    other.numericBelow = 4;
    QVERIFY(!(other == filter));

    QCOMPARE(fieldNames(WebhookValidator::filterFromJson(QJsonValue(u"x"_s), &filter)),
             QStringList{u"filter"_s});
    QCOMPARE(fieldNames(WebhookValidator::filterFromJson(
                 object(R"({"zone":["a"],"to_state":[1],"numeric_above":true})"), &filter)),
             (QStringList{u"filter.numeric_above"_s, u"filter.to_state[0]"_s, u"filter.zone"_s}));
}

void TestWebhookValidator::errorBody()
{
    const QJsonObject body =
        WebhookValidator::errorBody({{u"secret"_s, u"must be at least 16 characters long"_s},
                                     {u"events[0]"_s, u"is not a known event type"_s}});
    const QJsonObject error = body.value(u"error"_s).toObject();
    QCOMPARE(error.value(u"code"_s).toString(), u"validation_failed"_s);
    QCOMPARE(error.value(u"message"_s).toString(),
             u"secret: must be at least 16 characters long"_s);
    const QJsonArray fields = error.value(u"fields"_s).toArray();
    QCOMPARE(fields.size(), 2);
    QCOMPARE(fields.at(1).toObject().value(u"field"_s).toString(), u"events[0]"_s);
    QCOMPARE(fields.at(1).toObject().value(u"message"_s).toString(),
             u"is not a known event type"_s);
}

void TestWebhookValidator::webhookJson()
{
    Webhook webhook = goodWebhook();
    webhook.createdAt = 1767607200.123;
    webhook.updatedAt = 1767607260;
    webhook.filter.domains = {u"light"_s};
    QJsonObject json = webhook.toJson();
    QCOMPARE(json.value(u"webhook_id"_s).toString(), u"wh-1"_s);
    QCOMPARE(json.value(u"name"_s).toString(), u"Kitchen"_s);
    QCOMPARE(json.value(u"url"_s).toString(), u"https://example.com/hook"_s);
    QCOMPARE(json.value(u"events"_s).toArray(), QJsonArray{u"state_changed"_s});
    QCOMPARE(json.value(u"secret"_s).toString(), u"***"_s);
    QCOMPARE(json.value(u"filter"_s).toObject(), object(R"({"domains":["light"]})"));
    QCOMPARE(json.value(u"enabled"_s).toBool(), true);
    QCOMPARE(json.value(u"created_at"_s).toString(), u"2026-01-05T10:00:00.123Z"_s);
    QCOMPARE(json.value(u"updated_at"_s).toString(), u"2026-01-05T10:01:00.000Z"_s);
    QCOMPARE(json.value(u"consecutive_failures"_s).toInt(), 0);
    QVERIFY(json.value(u"disabled_reason"_s).isNull());
    const QJsonObject stats = json.value(u"stats"_s).toObject();
    QCOMPARE(stats.value(u"delivered"_s).toInt(), 0);
    QCOMPARE(stats.value(u"failed"_s).toInt(), 0);
    QVERIFY(stats.value(u"last_delivery_at"_s).isNull());
    QVERIFY(stats.value(u"last_status_code"_s).isNull());
    QVERIFY(stats.value(u"last_error"_s).isNull());

    webhook.stats = {7, 2, 1767607300.5, 500, u"HTTP 500"_s};
    webhook.disabledReason = u"disabled"_s;
    json = webhook.toJson(true);
    QCOMPARE(json.value(u"secret"_s).toString(), u"0123456789abcdef"_s);
    QCOMPARE(json.value(u"disabled_reason"_s).toString(), u"disabled"_s);
    QCOMPARE(json.value(u"stats"_s).toObject(),
             object(R"({"delivered":7,"failed":2,"last_delivery_at":"2026-01-05T10:01:40.500Z", )"
                    R"("last_status_code":500,"last_error":"HTTP 500"})"));
}

void TestWebhookValidator::deliveryJson()
{
    QCOMPARE(deliveryStatusName(DeliveryStatus::Pending), u"pending"_s);
    QCOMPARE(deliveryStatusName(DeliveryStatus::Delivered), u"delivered"_s);
    QCOMPARE(deliveryStatusName(DeliveryStatus::Failed), u"failed"_s);
    QCOMPARE(deliveryStatusFromName(u"failed"_s), std::optional(DeliveryStatus::Failed));
    QCOMPARE(deliveryStatusFromName(u"delivered"_s), std::optional(DeliveryStatus::Delivered));
    QCOMPARE(deliveryStatusFromName(u"pending"_s), std::optional(DeliveryStatus::Pending));
    QVERIFY(!deliveryStatusFromName(u"Pending"_s));

    WebhookDelivery delivery;
    delivery.id = u"d-1"_s;
    delivery.webhookId = u"wh-1"_s;
    delivery.eventType = u"state_changed"_s;
    delivery.payload = R"({"event_type":"state_changed","data":{"x":1}})";
    delivery.status = DeliveryStatus::Delivered;
    delivery.attempts = 2;
    delivery.nextAttemptAt = 1767607230;
    delivery.lastStatusCode = 204;
    delivery.createdAt = 1767607200;
    delivery.deliveredAt = 1767607231.25;
    QCOMPARE(
        delivery.toJson(),
        object(
            R"({ )"
            R"("delivery_id":"d-1","webhook_id":"wh-1","event_type":"state_changed", )"
            R"("status":"delivered","attempts":2,"next_attempt_at":null,"last_status_code":204, )"
            R"("last_error":null,"created_at":"2026-01-05T10:00:00.000Z", )"
            R"("delivered_at":"2026-01-05T10:00:31.250Z", )"
            R"("payload":{"event_type":"state_changed","data":{"x":1}}})"));
    QVERIFY(!delivery.toJson(false).contains(u"payload"_s));

    delivery.status = DeliveryStatus::Pending;
    delivery.deliveredAt = 0;
    delivery.lastStatusCode = 0;
    delivery.lastError = u"timed out after 5 s"_s;
    const QJsonObject pending = delivery.toJson(false);
    QCOMPARE(pending.value(u"next_attempt_at"_s).toString(), u"2026-01-05T10:00:30.000Z"_s);
    QVERIFY(pending.value(u"delivered_at"_s).isNull());
    QVERIFY(pending.value(u"last_status_code"_s).isNull());
    QCOMPARE(pending.value(u"last_error"_s).toString(), u"timed out after 5 s"_s);
}

QTEST_GUILESS_MAIN(TestWebhookValidator)
#include "tst_webhookvalidator.moc"
