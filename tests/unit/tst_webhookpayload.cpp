// SPDX-License-Identifier: GPL-3.0-or-later
#include "hastatesamples.h"
#include "homeassistant/haevent.h"
#include "webhooks/webhookpayload.h"
#include "webhooks/webhookregistryview.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hai;

namespace {

constexpr qint64 kNowUs = 1767607200123456; // 2026-01-05T10:00:00.123456+00:00

WebhookRegistryView sampleView()
{
    WebhookRegistryView view;
    view.entities = {
        {u"sensor.kitchen_temperature"_s, {u"dev_kitchen_sensor"_s, u"kitchen"_s, u"zha"_s}},
        {u"sensor.kitchen_humidity"_s, {u"dev_unnamed"_s, u"kitchen"_s, u"zha"_s}},
        {u"sensor.child_power"_s, {u"dev_child"_s, QString(), u"shelly"_s}},
        {u"sensor.bedroom_motion"_s, {QString(), u"bedroom"_s, u"zha"_s}},
        {u"sensor.outdoor"_s, {QString(), QString(), u"template"_s}},
    };
    view.deviceNames = {{u"dev_kitchen_sensor"_s, u"Kitchen Sensor"_s},
                        {u"dev_child"_s, u"Child Plug"_s}};
    view.deviceAreas = {{u"dev_kitchen_sensor"_s, u"kitchen"_s}, {u"dev_child"_s, u"garage"_s}};
    view.areaNames = {{u"kitchen"_s, u"Kitchen"_s}, {u"garage"_s, u"Garage"_s}};
    return view;
}

HaEvent stateEvent(const QString &entityId, bool withOld = true, bool withNew = true)
{
    HaEvent event;
    event.eventType = u"state_changed"_s;
    event.entityId = entityId;
    if (withOld)
        event.oldState = test::stateRecord(u"21.0"_s, {}, kNowUs - 60000000, kNowUs - 60000000);
    if (withNew) {
        event.newState = test::stateRecord(u"21.5"_s,
                                           {test::str(u"unit_of_measurement"_s, u"°C"_s),
                                            test::str(u"device_class"_s, u"temperature"_s),
                                            test::num(u"battery"_s, 87),
                                            test::str(u"friendly_name"_s, u"Kitchen \"T\""_s)},
                                           kNowUs - 123456, kNowUs);
    }
    event.timeFiredUs = event.lastUpdatedUs = kNowUs;
    return event;
}

QJsonObject parsed(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qWarning("invalid JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

} // namespace

class TestWebhookPayload : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void exactBytes();
    void nullStates();
    void escapedEnvelope();
    void registryNames_data();
    void registryNames();
    void deviceAndOtherData();
    void truncation();
    void sizeLimitIsInclusive();
    void signatureRfc4231_data();
    void signatureRfc4231();
    void signatureMatchesOpenssl();
};

void TestWebhookPayload::exactBytes()
{
    const QByteArray body =
        WebhookPayload::build(u"wh-1"_s, u"d-1"_s, u"state_changed"_s, kNowUs,
                              WebhookPayload::stateChangedData(
                                  stateEvent(u"sensor.kitchen_temperature"_s), sampleView()));
    // Envelope in fixed order; data keys sorted; times as HA writes them.
    const QByteArray expected =
        R"({"webhook_id":"wh-1","delivery_id":"d-1","event_type":"state_changed",)"
        R"("timestamp":"2026-01-05T10:00:00.123456+00:00","data":{"area_id":"kitchen",)"
        R"("area_name":"Kitchen","device_id":"dev_kitchen_sensor","device_name":"Kitchen Sensor",)"
        R"("entity_id":"sensor.kitchen_temperature","new_state":{"attributes":{"battery":87,)"
        R"("device_class":"temperature","friendly_name":"Kitchen \"T\"",)"
        R"("unit_of_measurement":"°C"},"entity_id":"sensor.kitchen_temperature",)"
        R"("last_changed":"2026-01-05T10:00:00+00:00",)"
        R"("last_updated":"2026-01-05T10:00:00.123456+00:00","state":"21.5"},)"
        R"("old_state":{"entity_id":"sensor.kitchen_temperature",)"
        R"("last_changed":"2026-01-05T09:59:00.123456+00:00",)"
        R"("last_updated":"2026-01-05T09:59:00.123456+00:00","state":"21.0"}}})";
    QCOMPARE(body, expected);
    QCOMPARE(parsed(body)
                 .value(u"data"_s)[u"new_state"_s][u"attributes"_s][u"unit_of_measurement"_s]
                 .toString(),
             u"°C"_s);
}

void TestWebhookPayload::nullStates()
{
    const WebhookRegistryView view = sampleView();
    const QJsonObject added =
        WebhookPayload::stateChangedData(stateEvent(u"sensor.outdoor"_s, false, true), view);
    QVERIFY(added.value(u"old_state"_s).isNull());
    QCOMPARE(added.value(u"new_state"_s)[u"state"_s].toString(), u"21.5"_s);
    const QJsonObject removed =
        WebhookPayload::stateChangedData(stateEvent(u"sensor.outdoor"_s, true, false), view);
    QVERIFY(removed.value(u"new_state"_s).isNull());
    // The client keeps no old attributes, so the old state has no "attributes" key at all.
    QVERIFY(!removed.value(u"old_state"_s).toObject().contains(u"attributes"_s));
}

void TestWebhookPayload::escapedEnvelope()
{
    const QByteArray body = WebhookPayload::build(u"a\"b\\c\n\u0001é"_s, u"d"_s, u"ping"_s, 0,
                                                  WebhookPayload::pingData());
    const QJsonObject object = parsed(body);
    QCOMPARE(object.value(u"webhook_id"_s).toString(), u"a\"b\\c\n\u0001é"_s);
    QCOMPARE(object.value(u"timestamp"_s).toString(), u"1970-01-01T00:00:00+00:00"_s);
    QCOMPARE(object.value(u"data"_s)[u"message"_s].toString(), u"test delivery from ha-ingestor"_s);
    QVERIFY(!object.contains(u"truncated"_s));
}

void TestWebhookPayload::registryNames_data()
{
    QTest::addColumn<QString>("entityId");
    QTest::addColumn<QJsonValue>("deviceId");
    QTest::addColumn<QJsonValue>("deviceName");
    QTest::addColumn<QJsonValue>("areaId");
    QTest::addColumn<QJsonValue>("areaName");
    const QJsonValue null(QJsonValue::Null);
    QTest::newRow("all known") << u"sensor.kitchen_temperature"_s
                               << QJsonValue(u"dev_kitchen_sensor"_s)
                               << QJsonValue(u"Kitchen Sensor"_s) << QJsonValue(u"kitchen"_s)
                               << QJsonValue(u"Kitchen"_s);
    QTest::newRow("device without name")
        << u"sensor.kitchen_humidity"_s << QJsonValue(u"dev_unnamed"_s) << null
        << QJsonValue(u"kitchen"_s) << QJsonValue(u"Kitchen"_s);
    QTest::newRow("area from the device")
        << u"sensor.child_power"_s << QJsonValue(u"dev_child"_s) << QJsonValue(u"Child Plug"_s)
        << QJsonValue(u"garage"_s) << QJsonValue(u"Garage"_s);
    QTest::newRow("area without name, no device")
        << u"sensor.bedroom_motion"_s << null << null << QJsonValue(u"bedroom"_s) << null;
    QTest::newRow("neither") << u"sensor.outdoor"_s << null << null << null << null;
    QTest::newRow("unknown entity") << u"sensor.unknown"_s << null << null << null << null;
}

void TestWebhookPayload::registryNames()
{
    QFETCH(QString, entityId);
    QFETCH(QJsonValue, deviceId);
    QFETCH(QJsonValue, deviceName);
    QFETCH(QJsonValue, areaId);
    QFETCH(QJsonValue, areaName);
    const QJsonObject data = WebhookPayload::stateChangedData(stateEvent(entityId), sampleView());
    QCOMPARE(data.value(u"entity_id"_s).toString(), entityId);
    QCOMPARE(data.value(u"device_id"_s), deviceId);
    QCOMPARE(data.value(u"device_name"_s), deviceName);
    QCOMPARE(data.value(u"area_id"_s), areaId);
    QCOMPARE(data.value(u"area_name"_s), areaName);
}

void TestWebhookPayload::deviceAndOtherData()
{
    const WebhookRegistryView view = sampleView();
    QCOMPARE(WebhookPayload::deviceData(u"dev_child"_s, view),
             (QJsonObject{{u"device_id"_s, u"dev_child"_s},
                          {u"device_name"_s, u"Child Plug"_s},
                          {u"area_id"_s, u"garage"_s},
                          {u"area_name"_s, u"Garage"_s}}));
    QCOMPARE(WebhookPayload::deviceData(u"dev_gone"_s, view),
             (QJsonObject{{u"device_id"_s, u"dev_gone"_s},
                          {u"device_name"_s, QJsonValue::Null},
                          {u"area_id"_s, QJsonValue::Null},
                          {u"area_name"_s, QJsonValue::Null}}));
    HaEvent triggered;
    triggered.eventType = u"automation_triggered"_s;
    triggered.data = {{u"name"_s, u"Wake up"_s}, {u"entity_id"_s, u"automation.wake_up"_s}};
    QCOMPARE(WebhookPayload::eventData(triggered), triggered.data);
    QCOMPARE(WebhookPayload::pingData(),
             (QJsonObject{{u"message"_s, u"test delivery from ha-ingestor"_s}}));
}

void TestWebhookPayload::truncation()
{
    const qsizetype limit = WebhookPayload::kMaxBodyBytes;
    const QByteArray prefix = R"({"webhook_id":"wh-1","delivery_id":"d-1","event_type":)";
    const QByteArray suffix = R"(,"truncated":true})";

    // Huge attributes: dropped, the states themselves kept.
    HaEvent event = stateEvent(u"sensor.kitchen_temperature"_s);
    event.newState.attributes.append(test::str(u"blob"_s, QString(1536 * 1024, u'x')));
    QByteArray body = WebhookPayload::build(u"wh-1"_s, u"d-1"_s, u"state_changed"_s, kNowUs,
                                            WebhookPayload::stateChangedData(event, sampleView()));
    QVERIFY(body.size() <= limit);
    QVERIFY(body.startsWith(prefix));
    QVERIFY(body.endsWith(suffix));
    QJsonObject object = parsed(body);
    QCOMPARE(object.value(u"truncated"_s), QJsonValue(true));
    QJsonObject data = object.value(u"data"_s).toObject();
    QVERIFY(!data.value(u"new_state"_s).toObject().contains(u"attributes"_s));
    QCOMPARE(data.value(u"new_state"_s)[u"state"_s].toString(), u"21.5"_s);
    QCOMPARE(data.value(u"device_name"_s).toString(), u"Kitchen Sensor"_s);

    // Huge event data: only the identifying fields stay.
    const QJsonObject call{{u"domain"_s, u"light"_s},
                           {u"service"_s, u"turn_on"_s},
                           {u"service_data"_s, QJsonObject{{u"entity_id"_s, u"light.kitchen"_s},
                                                           {u"effect"_s, QString(2 << 20, u'é')}}}};
    body = WebhookPayload::build(u"wh-1"_s, u"d-1"_s, u"call_service"_s, kNowUs, call);
    QVERIFY(body.size() <= limit);
    QVERIFY(body.startsWith(prefix));
    object = parsed(body);
    QCOMPARE(object.value(u"truncated"_s), QJsonValue(true));
    QCOMPARE(object.value(u"data"_s).toObject(),
             (QJsonObject{{u"domain"_s, u"light"_s}, {u"service"_s, u"turn_on"_s}}));

    // Even an identifying field too large: data is left empty, still valid and flagged.
    body = WebhookPayload::build(u"wh-1"_s, u"d-1"_s, u"call_service"_s, kNowUs,
                                 {{u"entity_id"_s, QString(2 << 20, u'a')}});
    QVERIFY(body.size() <= limit);
    object = parsed(body);
    QCOMPARE(object.value(u"truncated"_s), QJsonValue(true));
    QVERIFY(object.value(u"data"_s).toObject().isEmpty());
    QCOMPARE(object.value(u"event_type"_s).toString(), u"call_service"_s);
}

void TestWebhookPayload::sizeLimitIsInclusive()
{
    const qsizetype limit = WebhookPayload::kMaxBodyBytes;
    const auto build = [](qsizetype padding) {
        return WebhookPayload::build(u"wh-1"_s, u"d-1"_s, u"ping"_s, kNowUs,
                                     {{u"pad"_s, QString(padding, u'p')}});
    };
    const qsizetype overhead = build(0).size();
    const QByteArray full = build(limit - overhead);
    QCOMPARE(full.size(), limit);
    QVERIFY(!parsed(full).contains(u"truncated"_s));
    const QByteArray over = build(limit - overhead + 1);
    QVERIFY(over.size() <= limit);
    QCOMPARE(parsed(over).value(u"truncated"_s), QJsonValue(true));
}

void TestWebhookPayload::signatureRfc4231_data()
{
    // RFC 4231 cases whose keys are valid UTF-8 (the signer keys with the secret's UTF-8).
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("hmac");
    QTest::newRow("test case 1")
        << QString(20, QChar(0x0b)) << QByteArray("Hi There")
        << QByteArray("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    QTest::newRow("test case 2")
        << u"Jefe"_s << QByteArray("what do ya want for nothing?")
        << QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    QString key4;
    for (char16_t c = 0x01; c <= 0x19; ++c)
        key4.append(QChar(c));
    QTest::newRow("test case 4")
        << key4 << QByteArray(50, char(0xcd))
        << QByteArray("82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
}

void TestWebhookPayload::signatureRfc4231()
{
    QFETCH(QString, key);
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, hmac);
    QCOMPARE(WebhookSigner::signature(key, data), "sha256=" + hmac);
}

void TestWebhookPayload::signatureMatchesOpenssl()
{
    const QByteArray body =
        WebhookPayload::build(u"wh-1"_s, u"d-1"_s, u"ping"_s, kNowUs, WebhookPayload::pingData());
    QCOMPARE(body, QByteArray(R"({"webhook_id":"wh-1","delivery_id":"d-1","event_type":"ping",)"
                              R"("timestamp":"2026-01-05T10:00:00.123456+00:00",)"
                              R"("data":{"message":"test delivery from ha-ingestor"}})"));
    // printf '%s' "$body" | openssl dgst -sha256 -hmac 'geheimer-Schlüssel-2026'
    QCOMPARE(WebhookSigner::signature(u"geheimer-Schlüssel-2026"_s, body),
             QByteArray("sha256=7469d6fdbca5a68c85eee55b2c4d95dc6a18f1bba38862ac29928b4e6dda6c2e"));
}

QTEST_GUILESS_MAIN(TestWebhookPayload)
#include "tst_webhookpayload.moc"
