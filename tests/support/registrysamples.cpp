// SPDX-License-Identifier: GPL-3.0-or-later
#include "registrysamples.h"

#include "registry/database.h"
#include "registry/migrator.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <utility>

using namespace Qt::StringLiterals;

namespace hai::test {

// What smallHome() holds, as the tests count on it:
//   6 devices (3 Signify: hue bridge, kitchen light, living lamp "Reading Lamp"; 2 Aeotec;
//     1 Met.no service), integrations hue 3 / zwave_js 2 / met 1, areas kitchen, living_room,
//     bedroom, garage with 1 device each; the bridge and the forecast have no area.
//   15 entities; effective areas kitchen 3, living_room 2, bedroom 4, garage 2, none 4.
//   Domains sensor 8, light 3, binary_sensor/cover/weather/input_boolean 1 each.
//   Platforms hue 5, zwave_js 5, template 2, met/input_boolean/shelly 1 each.
//   4 areas (kitchen and living_room on ground, bedroom on first, garage on none),
//   3 floors (ground 0, first 1, attic null), 2 labels, 3 config entries.
RegistrySample smallHome()
{
    static const char json[] = R"json({
"integrations": [
 {"entry_id": "e_hue", "domain": "hue", "title": "Philips Hue", "state": "loaded",
  "source": "zeroconf", "disabled_by": null, "reason": null, "supports_options": true,
  "supports_unload": true, "supports_remove_device": true, "supports_reconfigure": false,
  "pref_disable_new_entities": false, "pref_disable_polling": false, "num_subentries": 0,
  "created_at": 1700000000.0, "modified_at": 1700000001.5},
 {"entry_id": "e_zwave", "domain": "zwave_js", "title": "Z-Wave JS", "state": "loaded",
  "source": "user", "disabled_by": null, "created_at": 1700000002.0, "modified_at": 1700000003.0},
 {"entry_id": "e_met", "domain": "met", "title": "Home", "state": "setup_retry",
  "source": "onboarding", "reason": "timeout", "error_reason_translation_key": "timeout"}
],
"floors": [
 {"floor_id": "ground", "name": "Ground Floor", "level": 0, "icon": "mdi:home-floor-0",
  "aliases": ["downstairs"], "created_at": 1700000010.0, "modified_at": 1700000010.0},
 {"floor_id": "first", "name": "First Floor", "level": 1, "icon": null, "aliases": []},
 {"floor_id": "attic", "name": "Attic", "level": null}
],
"areas": [
 {"area_id": "kitchen", "name": "Kitchen", "floor_id": "ground", "icon": "mdi:stove",
  "aliases": ["cuisine"], "labels": [], "picture": null, "humidity_entity_id": null,
  "temperature_entity_id": null, "created_at": 1700000020.25, "modified_at": 1700000021.75},
 {"area_id": "living_room", "name": "Living Room", "floor_id": "ground", "aliases": [],
  "labels": []},
 {"area_id": "bedroom", "name": "Bedroom", "floor_id": "first", "aliases": [],
  "labels": ["critical"], "temperature_entity_id": "sensor.bedroom_temperature",
  "humidity_entity_id": "sensor.bedroom_humidity"},
 {"area_id": "garage", "name": "Garage", "floor_id": null, "aliases": [], "labels": []}
],
"labels": [
 {"label_id": "critical", "name": "Critical", "color": "red", "icon": "mdi:alert",
  "description": null, "created_at": 1700000030.0, "modified_at": 1700000030.0},
 {"label_id": "outdoor", "name": "Outdoor", "color": null, "icon": null,
  "description": "Outside sensors"}
],
"devices": [
 {"id": "dev_hue_bridge", "name": "Hue Bridge", "name_by_user": null, "manufacturer": "Signify",
  "model": "BSB002", "model_id": "BSB002", "sw_version": "1.60", "hw_version": null,
  "serial_number": "0017880aabbcc", "area_id": null, "config_entries": ["e_hue"],
  "config_entries_subentries": {"e_hue": [null]}, "primary_config_entry": "e_hue",
  "connections": [["mac", "00:17:88:aa:bb:cc"]], "identifiers": [["hue", "bridge-1"]],
  "via_device_id": null, "entry_type": null, "disabled_by": null, "labels": [],
  "configuration_url": "http://192.168.1.2", "created_at": 1700000100.5,
  "modified_at": 1700000200.25},
 {"id": "dev_kitchen_light", "name": "Kitchen Light", "manufacturer": "Signify",
  "model": "LCT015", "area_id": "kitchen", "config_entries": ["e_hue"],
  "identifiers": [["hue", "light-1"]], "via_device_id": "dev_hue_bridge",
  "labels": ["critical"], "created_at": 1700000101.0, "modified_at": 1700000101.0},
 {"id": "dev_living_lamp", "name": "Living Lamp", "name_by_user": "Reading Lamp",
  "manufacturer": "Signify", "model": "LCT015", "area_id": "living_room",
  "config_entry_id": "e_hue", "config_subentry_id": null, "parent_device_id": null,
  "identifiers": [["hue", "light-2"]], "via_device_id": "dev_hue_bridge", "labels": []},
 {"id": "dev_bedroom_sensor", "name": "Bedroom Multisensor", "manufacturer": "Aeotec",
  "model": "ZW100", "area_id": "bedroom", "primary_config_entry": "e_zwave",
  "config_entries": ["e_zwave"], "identifiers": [["zwave_js", "4001-5"]], "labels": []},
 {"id": "dev_garage_door", "name": "Garage Door", "manufacturer": "Aeotec", "model": "ZW062",
  "area_id": "garage", "primary_config_entry": "e_zwave", "config_entries": ["e_zwave"],
  "disabled_by": "user", "labels": []},
 {"id": "dev_weather", "name": "Forecast", "manufacturer": "Met.no", "model": "Forecast",
  "area_id": null, "primary_config_entry": "e_met", "config_entries": ["e_met"],
  "entry_type": "service", "labels": []}
],
"entities": [
 {"entity_id": "light.kitchen", "id": "r01", "device_id": "dev_kitchen_light",
  "platform": "hue", "unique_id": "hue-1", "area_id": null, "config_entry_id": "e_hue",
  "original_name": "Kitchen Light", "has_entity_name": true, "labels": [],
  "created_at": 1700000300.0, "modified_at": 1700000300.0,
  "categories": {}, "options": {"light": {"favorite_colors": []}}},
 {"entity_id": "sensor.kitchen_light_power", "id": "r02", "device_id": "dev_kitchen_light",
  "platform": "hue", "config_entry_id": "e_hue", "original_name": "Power",
  "entity_category": "diagnostic", "has_entity_name": true},
 {"entity_id": "light.living_lamp", "id": "r03", "device_id": "dev_living_lamp",
  "platform": "hue", "config_entry_id": "e_hue", "original_name": "Living Lamp"},
 {"entity_id": "light.living_lamp_nightlight", "id": "r04", "device_id": "dev_living_lamp",
  "area_id": "bedroom", "platform": "hue", "config_entry_id": "e_hue",
  "original_name": "Nightlight"},
 {"entity_id": "sensor.bedroom_temperature", "id": "r05", "device_id": "dev_bedroom_sensor",
  "platform": "zwave_js", "config_entry_id": "e_zwave", "name": "Bedroom Temp",
  "original_name": "Air temperature", "options": {"sensor": {"display_precision": 1}}},
 {"entity_id": "sensor.bedroom_humidity", "id": "r06", "device_id": "dev_bedroom_sensor",
  "platform": "zwave_js", "config_entry_id": "e_zwave", "original_name": "Humidity"},
 {"entity_id": "binary_sensor.bedroom_motion", "id": "r07", "device_id": "dev_bedroom_sensor",
  "platform": "zwave_js", "config_entry_id": "e_zwave", "original_name": "Motion",
  "labels": ["critical"]},
 {"entity_id": "cover.garage_door", "id": "r08", "device_id": "dev_garage_door",
  "platform": "zwave_js", "config_entry_id": "e_zwave", "original_name": "Garage Door"},
 {"entity_id": "sensor.garage_door_battery", "id": "r09", "device_id": "dev_garage_door",
  "area_id": "garage", "platform": "zwave_js", "config_entry_id": "e_zwave",
  "original_name": "Battery", "entity_category": "diagnostic"},
 {"entity_id": "weather.forecast_home", "id": "r10", "device_id": "dev_weather",
  "platform": "met", "config_entry_id": "e_met", "original_name": "Forecast Home"},
 {"entity_id": "sensor.outdoor_temperature", "id": "r11", "device_id": null,
  "platform": "template", "name": "Outdoor Temperature", "labels": ["outdoor"]},
 {"entity_id": "input_boolean.guest_mode", "id": "r12", "area_id": "living_room",
  "platform": "input_boolean", "name": "Guest Mode"},
 {"entity_id": "sensor.kitchen_plug_power", "id": "r13", "area_id": "kitchen",
  "platform": "shelly", "original_name": "Küche Steckdose"},
 {"entity_id": "sensor.load_percent", "id": "r14", "platform": "template",
  "name": "Load 100%_now"},
 {"entity_id": "sensor.hue_bridge_status", "id": "r15", "device_id": "dev_hue_bridge",
  "platform": "hue", "config_entry_id": "e_hue", "original_name": "Bridge status",
  "disabled_by": "integration", "hidden_by": null, "categories": {"helpers": "01J0"}}
]
})json";
    const QJsonObject all = QJsonDocument::fromJson(QByteArray(json)).object();
    Q_ASSERT(!all.isEmpty());
    RegistrySample sample;
    sample.integrations = all.value(u"integrations"_s).toArray();
    sample.floors = all.value(u"floors"_s).toArray();
    sample.areas = all.value(u"areas"_s).toArray();
    sample.labels = all.value(u"labels"_s).toArray();
    sample.devices = all.value(u"devices"_s).toArray();
    sample.entities = all.value(u"entities"_s).toArray();
    return sample;
}

namespace {

QString numbered(const QString &prefix, int number, int width)
{
    return prefix + u"%1"_s.arg(number, width, 10, QLatin1Char('0'));
}

const QStringList &entityDomains()
{
    // Half sensors, as in real homes.
    static const QStringList domains = {
        u"sensor"_s, u"sensor"_s, u"sensor"_s, u"sensor"_s, u"sensor"_s,        u"binary_sensor"_s,
        u"switch"_s, u"light"_s,  u"number"_s, u"button"_s, u"binary_sensor"_s, u"select"_s};
    return domains;
}

} // namespace

RegistrySample generatedHome(int devices, int entitiesPerDevice)
{
    static const QStringList integrationDomains = {
        u"hue"_s,    u"zwave_js"_s, u"zha"_s,    u"mqtt"_s,  u"esphome"_s,
        u"shelly"_s, u"tuya"_s,     u"tplink"_s, u"sonos"_s, u"cast"_s};
    RegistrySample sample;
    const int entries = 50;
    const int floors = 5;
    const int areas = 100;
    const int labels = 20;
    const double created = 1700000000.0;
    for (int i = 0; i < entries; ++i) {
        sample.integrations.append(QJsonObject{
            {u"entry_id"_s, numbered(u"entry_"_s, i, 2)},
            {u"domain"_s, integrationDomains.at(i % integrationDomains.size())},
            {u"title"_s, numbered(u"Integration "_s, i, 2)},
            {u"state"_s, u"loaded"_s},
            {u"source"_s, u"user"_s},
            {u"disabled_by"_s, QJsonValue::Null},
            {u"created_at"_s, created + i},
            {u"modified_at"_s, created + i},
        });
    }
    for (int i = 0; i < floors; ++i) {
        sample.floors.append(QJsonObject{{u"floor_id"_s, numbered(u"floor_"_s, i, 1)},
                                         {u"name"_s, numbered(u"Floor "_s, i, 1)},
                                         {u"level"_s, i},
                                         {u"aliases"_s, QJsonArray()}});
    }
    for (int i = 0; i < areas; ++i) {
        sample.areas.append(QJsonObject{{u"area_id"_s, numbered(u"area_"_s, i, 3)},
                                        {u"name"_s, numbered(u"Area "_s, i, 3)},
                                        {u"floor_id"_s, numbered(u"floor_"_s, i % floors, 1)},
                                        {u"aliases"_s, QJsonArray()},
                                        {u"labels"_s, QJsonArray()}});
    }
    for (int i = 0; i < labels; ++i) {
        sample.labels.append(QJsonObject{{u"label_id"_s, numbered(u"label_"_s, i, 2)},
                                         {u"name"_s, numbered(u"Label "_s, i, 2)},
                                         {u"color"_s, u"blue"_s}});
    }
    const QStringList &domains = entityDomains();
    for (int d = 0; d < devices; ++d) {
        const QString deviceId = numbered(u"dev_"_s, d, 5);
        const QString entry = numbered(u"entry_"_s, d % entries, 2);
        const QString platform = integrationDomains.at((d % entries) % integrationDomains.size());
        const QJsonValue area = d % 10 == 0 ? QJsonValue(QJsonValue::Null)
                                            : QJsonValue(numbered(u"area_"_s, (d * 7) % areas, 3));
        sample.devices.append(QJsonObject{
            {u"id"_s, deviceId},
            {u"name"_s, numbered(u"Device "_s, d, 5)},
            {u"name_by_user"_s, d % 7 == 0 ? QJsonValue(numbered(u"My device "_s, d, 5))
                                           : QJsonValue(QJsonValue::Null)},
            {u"manufacturer"_s, numbered(u"Maker "_s, d % 40, 2)},
            {u"model"_s, numbered(u"Model "_s, d % 200, 3)},
            {u"model_id"_s, numbered(u"M"_s, d % 200, 3)},
            {u"sw_version"_s, u"1.2.3"_s},
            {u"hw_version"_s, QJsonValue::Null},
            {u"serial_number"_s, numbered(u"SN"_s, d, 8)},
            {u"area_id"_s, area},
            {u"config_entries"_s, QJsonArray{entry}},
            {u"primary_config_entry"_s, entry},
            {u"connections"_s, QJsonArray{QJsonArray{u"mac"_s, numbered(u"02:00:00:"_s, d, 6)}}},
            {u"identifiers"_s, QJsonArray{QJsonArray{platform, deviceId}}},
            {u"via_device_id"_s, QJsonValue::Null},
            {u"entry_type"_s, QJsonValue::Null},
            {u"disabled_by"_s, QJsonValue::Null},
            {u"labels"_s,
             d % 13 == 0 ? QJsonArray{numbered(u"label_"_s, d % labels, 2)} : QJsonArray()},
            {u"configuration_url"_s, QJsonValue::Null},
            {u"created_at"_s, created + d},
            {u"modified_at"_s, created + d + 0.5},
        });
        for (int e = 0; e < entitiesPerDevice; ++e) {
            const QString domain = domains.at((d + e) % domains.size());
            const QString objectId = numbered(u"dev_"_s, d, 5) + u'_' + QString::number(e);
            sample.entities.append(QJsonObject{
                {u"entity_id"_s, QString(domain + u'.' + objectId)},
                {u"id"_s, numbered(u"reg"_s, d * entitiesPerDevice + e, 8)},
                {u"device_id"_s, deviceId},
                {u"platform"_s, platform},
                {u"unique_id"_s, objectId},
                {u"area_id"_s, e == 9 ? QJsonValue(numbered(u"area_"_s, (d * 3) % areas, 3))
                                      : QJsonValue(QJsonValue::Null)},
                {u"config_entry_id"_s, entry},
                {u"name"_s, QJsonValue::Null},
                {u"original_name"_s, QString(u"Value "_s + QString::number(e))},
                {u"icon"_s, QJsonValue::Null},
                {u"entity_category"_s,
                 e >= 8 ? QJsonValue(u"diagnostic"_s) : QJsonValue(QJsonValue::Null)},
                {u"disabled_by"_s, QJsonValue::Null},
                {u"hidden_by"_s, QJsonValue::Null},
                {u"labels"_s, QJsonArray()},
                {u"translation_key"_s, QJsonValue::Null},
                {u"has_entity_name"_s, true},
                {u"categories"_s, QJsonObject()},
                {u"options"_s, QJsonObject()},
                {u"created_at"_s, created + d},
                {u"modified_at"_s, created + d + 0.25},
            });
        }
    }
    return sample;
}

bool writeSample(RegistryWriter &writer, const RegistrySample &sample, RegistryWriter::Mode mode,
                 QString *error)
{
    using Step =
        RegistryWriter::Outcome (RegistryWriter::*)(const QJsonArray &, RegistryWriter::Mode);
    const std::pair<Step, const QJsonArray *> steps[] = {
        {&RegistryWriter::upsertIntegrations, &sample.integrations},
        {&RegistryWriter::upsertFloors, &sample.floors},
        {&RegistryWriter::upsertAreas, &sample.areas},
        {&RegistryWriter::upsertLabels, &sample.labels},
        {&RegistryWriter::upsertDevices, &sample.devices},
        {&RegistryWriter::upsertEntities, &sample.entities},
    };
    for (const auto &[step, items] : steps) {
        const RegistryWriter::Outcome outcome = (writer.*step)(*items, mode);
        if (!outcome.ok) {
            *error = outcome.error;
            return false;
        }
    }
    return true;
}

bool openMigrated(Database &database, const DatabaseLocation &location, QString *error)
{
    return database.open(location, Database::Role::Writer, error) &&
           Migrator::migrate(database, error);
}

} // namespace hai::test
