// SPDX-License-Identifier: GPL-3.0-or-later
#include "apitestbed.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace hai::test {

QJsonObject jsonObject(std::initializer_list<QPair<QString, QJsonValue>> pairs)
{
    QJsonObject o;
    for (const auto &p : pairs)
        o.insert(p.first, p.second);
    return o;
}

QJsonObject haDevice(const QString &id, const QString &name, const QJsonValue &manufacturer,
                     const QString &model, const QJsonValue &area, const QString &entry)
{
    return jsonObject({{u"id"_s, id},
                       {u"name"_s, name},
                       {u"name_by_user"_s, QJsonValue::Null},
                       {u"manufacturer"_s, manufacturer},
                       {u"model"_s, model},
                       {u"area_id"_s, area},
                       {u"primary_config_entry"_s, entry},
                       {u"config_entries"_s, QJsonArray{entry}},
                       {u"labels"_s, QJsonArray{}},
                       {u"created_at"_s, 1767607200.5},
                       {u"modified_at"_s, 1767607200.5}});
}

QJsonObject haEntity(const QString &id, const QJsonValue &deviceId, const QString &platform,
                     const QJsonValue &area)
{
    return jsonObject({{u"entity_id"_s, id},
                       {u"device_id"_s, deviceId},
                       {u"platform"_s, platform},
                       {u"area_id"_s, area},
                       {u"id"_s, QString(u"reg-"_s + id)},
                       {u"unique_id"_s, QString(u"u-"_s + id)},
                       {u"labels"_s, QJsonArray{}},
                       {u"name"_s, QJsonValue::Null},
                       {u"original_name"_s, id.section(u'.', 1)},
                       {u"config_entry_id"_s,
                        platform == u"sun"_s ? QJsonValue() : QJsonValue(u"e_"_s + platform)}});
}

void ApiTestbed::start()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(dir.isValid());
    settings.dataDir = dir.path();
    settings.registryDb.sqlitePath = dir.filePath(u"metadata.db"_s);
    settings.apiPort = 0;
    settings.apiToken = QString::fromLatin1(kApiToken);
    settings.corsOrigins = {u"http://dash.local:3000"_s};

    registry = std::make_unique<RegistryService>(settings.registryDb);
    QString error;
    QVERIFY2(registry->open(&error), qPrintable(error));
    using Mode = RegistryWriter::Mode;
    const auto ok = [](const RegistryWriter::Outcome &o) { return o.ok ? QString() : o.error; };
    auto &w = *registry;
    const auto apply = [&w](const std::function<RegistryWriter::Outcome(RegistryWriter &)> &f) {
        return w.apply(u"test"_s, f);
    };
    QCOMPARE(
        ok(apply([](auto &wr) {
            return wr.upsertFloors(
                {jsonObject(
                     {{u"floor_id"_s, u"ground"_s}, {u"name"_s, u"Ground"_s}, {u"level"_s, 0}}),
                 jsonObject(
                     {{u"floor_id"_s, u"up"_s}, {u"name"_s, u"Upstairs"_s}, {u"level"_s, 1}})},
                Mode::Full);
        })),
        QString());
    QCOMPARE(ok(apply([](auto &wr) {
                 return wr.upsertAreas({jsonObject({{u"area_id"_s, u"kitchen"_s},
                                                    {u"name"_s, u"Kitchen"_s},
                                                    {u"floor_id"_s, u"ground"_s}}),
                                        jsonObject({{u"area_id"_s, u"living"_s},
                                                    {u"name"_s, u"Living Room"_s},
                                                    {u"floor_id"_s, u"ground"_s}}),
                                        jsonObject({{u"area_id"_s, u"bedroom"_s},
                                                    {u"name"_s, u"Bedroom"_s},
                                                    {u"floor_id"_s, u"up"_s}}),
                                        jsonObject({{u"area_id"_s, u"garage"_s},
                                                    {u"name"_s, u"Garage"_s},
                                                    {u"floor_id"_s, QJsonValue::Null}})},
                                       Mode::Full);
             })),
             QString());
    QCOMPARE(ok(apply([](auto &wr) {
                 return wr.upsertLabels({jsonObject({{u"label_id"_s, u"critical"_s},
                                                     {u"name"_s, u"Critical"_s},
                                                     {u"color"_s, u"red"_s}})},
                                        Mode::Full);
             })),
             QString());
    QCOMPARE(ok(apply([](auto &wr) {
                 return wr.upsertIntegrations({jsonObject({{u"entry_id"_s, u"e_hue"_s},
                                                           {u"domain"_s, u"hue"_s},
                                                           {u"title"_s, u"Hue Bridge"_s},
                                                           {u"state"_s, u"loaded"_s},
                                                           {u"source"_s, u"zeroconf"_s}}),
                                               jsonObject({{u"entry_id"_s, u"e_zha"_s},
                                                           {u"domain"_s, u"zha"_s},
                                                           {u"title"_s, u"Zigbee"_s},
                                                           {u"state"_s, u"loaded"_s},
                                                           {u"source"_s, u"user"_s}}),
                                               jsonObject({{u"entry_id"_s, u"e_met"_s},
                                                           {u"domain"_s, u"met"_s},
                                                           {u"title"_s, u"Home"_s},
                                                           {u"state"_s, u"loaded"_s},
                                                           {u"source"_s, u"user"_s}})},
                                              Mode::Full);
             })),
             QString());
    QCOMPARE(ok(apply([](auto &wr) {
                 return wr.upsertDevices({haDevice(u"d1"_s, u"Kitchen Light"_s, u"Signify"_s,
                                                   u"LCT015"_s, u"kitchen"_s, u"e_hue"_s),
                                          haDevice(u"d2"_s, u"Living Lamp"_s, u"Signify"_s,
                                                   u"LCT016"_s, u"living"_s, u"e_hue"_s),
                                          haDevice(u"d3"_s, u"Door Sensor"_s, u"Aqara"_s,
                                                   u"MCCGQ11LM"_s, u"living"_s, u"e_zha"_s),
                                          haDevice(u"d4"_s, u"Bedroom Thermo"_s, u"Aqara"_s,
                                                   u"WSDCGQ11LM"_s, u"bedroom"_s, u"e_zha"_s),
                                          haDevice(u"d5"_s, u"Weather"_s, QJsonValue::Null,
                                                   u"Met.no"_s, QJsonValue::Null, u"e_met"_s)},
                                         Mode::Full);
             })),
             QString());
    QCOMPARE(ok(apply([](auto &wr) {
                 return wr.upsertEntities(
                     {haEntity(u"light.kitchen"_s, u"d1"_s, u"hue"_s),
                      haEntity(u"sensor.kitchen_power"_s, u"d1"_s, u"hue"_s),
                      haEntity(u"light.living"_s, u"d2"_s, u"hue"_s),
                      haEntity(u"binary_sensor.door"_s, u"d3"_s, u"zha"_s),
                      haEntity(u"sensor.door_battery"_s, u"d3"_s, u"zha"_s, u"garage"_s),
                      haEntity(u"sensor.bedroom_temp"_s, u"d4"_s, u"zha"_s),
                      haEntity(u"sensor.bedroom_humidity"_s, u"d4"_s, u"zha"_s),
                      haEntity(u"weather.home"_s, u"d5"_s, u"met"_s),
                      haEntity(u"sun.sun"_s, QJsonValue::Null, u"sun"_s)},
                     Mode::Full);
             })),
             QString());

    liveStates->replaceAll(QJsonArray{
        QJsonObject{{u"entity_id"_s, u"light.kitchen"_s},
                    {u"state"_s, u"on"_s},
                    {u"attributes"_s, QJsonObject{{u"brightness"_s, 180}}},
                    {u"last_changed"_s, u"2026-01-05T10:00:00.123456+00:00"_s},
                    {u"last_updated"_s, u"2026-01-05T10:00:01+00:00"_s},
                    {u"context"_s, QJsonObject{{u"id"_s, u"01JGXYZ0000000000000000000"_s}}}}});
    haStats->setState(HaState::Live);
    api = std::make_unique<HttpApi>(settings, registry.get());
    api->setHomeAssistant(liveStates, haStats);
    QVERIFY2(api->start(&error), qPrintable(error));
    QVERIFY(api->port() != 0);
    http = std::make_unique<HttpClient>(QUrl(u"http://127.0.0.1:%1/"_s.arg(api->port())));
}

void ApiTestbed::stop()
{
    http.reset();
    api.reset();
    registry.reset();
}

QJsonObject ApiTestbed::getJson(const QString &path, int expectedStatus)
{
    const auto reply = http->get(path);
    if (reply.status != expectedStatus)
        qWarning() << path << reply.status << reply.body.left(300);
    [&] { QCOMPARE(reply.status, expectedStatus); }();
    return reply.json().object();
}

} // namespace hai::test
