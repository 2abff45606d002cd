// SPDX-License-Identifier: GPL-3.0-or-later
#include "homecatalog.h"

#include "demorandom.h"

namespace hai {

namespace {

// Config entries of the home. Entries without devices show other states and sources.
const HomeCatalog::Integration kIntegrations[] = {
    {"met", "Home", "service", "onboarding", "loaded", nullptr},
    {"hue", "Hue Bridge", "hub", "zeroconf", "loaded", nullptr},
    {"zha", "Sonoff Zigbee 3.0 USB Dongle Plus", "hub", "usb", "loaded", nullptr},
    {"mqtt", "Mosquitto broker", "hub", "hassio", "loaded", nullptr},
    {"shelly", "Shelly Plug S", "device", "zeroconf", "loaded", nullptr},
    {"ecobee", "ecobee", "hub", "user", "loaded", nullptr},
    {"esphome", "energy-meter", "device", "zeroconf", "loaded", nullptr},
    {"sun", "Sun", "service", "import", "loaded", nullptr},
    {"sonos", "Sonos", "hub", "zeroconf", "setup_retry", "Unable to connect to 192.168.1.40"},
    {"cast", "Living Room speaker", "hub", "ignore", "not_loaded", nullptr},
};

const HomeCatalog::EntitySpec kTemperature = {"sensor",
                                              "temperature",
                                              "Temperature",
                                              StateKind::Numeric,
                                              "temperature",
                                              "°C",
                                              "measurement",
                                              15,
                                              28,
                                              0.3,
                                              1,
                                              false,
                                              false};
const HomeCatalog::EntitySpec kHumidity = {"sensor",
                                           "humidity",
                                           "Humidity",
                                           StateKind::Numeric,
                                           "humidity",
                                           "%",
                                           "measurement",
                                           30,
                                           70,
                                           1.0,
                                           1,
                                           false,
                                           false};
const HomeCatalog::EntitySpec kBattery = {
    "sensor", "battery", "Battery", StateKind::Numeric, "battery", "%", "measurement", 5, 100, 1,
    0,        true,      false};
const HomeCatalog::EntitySpec kIlluminance = {"sensor",
                                              "illuminance",
                                              "Illuminance",
                                              StateKind::Numeric,
                                              "illuminance",
                                              "lx",
                                              "measurement",
                                              0,
                                              800,
                                              40,
                                              0,
                                              false,
                                              false};
const HomeCatalog::EntitySpec kPower = {
    "sensor", "power", "Power", StateKind::Numeric, "power", "W", "measurement", 0, 2000, 25,
    1,        false,   false};
const HomeCatalog::EntitySpec kEnergy = {"sensor",
                                         "energy",
                                         "Energy",
                                         StateKind::Counter,
                                         "energy",
                                         "kWh",
                                         "total_increasing",
                                         10,
                                         5000,
                                         0.01,
                                         3,
                                         false,
                                         false};
const HomeCatalog::EntitySpec kVoltage = {"sensor",
                                          "voltage",
                                          "Voltage",
                                          StateKind::Numeric,
                                          "voltage",
                                          "V",
                                          "measurement",
                                          225,
                                          240,
                                          0.4,
                                          1,
                                          false,
                                          false};
const HomeCatalog::EntitySpec kSignal = {"sensor",
                                         "signal_strength",
                                         "Signal strength",
                                         StateKind::Numeric,
                                         "signal_strength",
                                         "dBm",
                                         "measurement",
                                         -90,
                                         -40,
                                         2,
                                         0,
                                         true,
                                         true};

const QList<HomeCatalog::DeviceKind> &kindList()
{
    static const QList<HomeCatalog::DeviceKind> kinds = {
        {"Light",
         "hue",
         "Signify Netherlands B.V.",
         "Hue color lamp",
         "LCA001",
         nullptr,
         25,
         {{"light", "", nullptr, StateKind::Light, nullptr, nullptr, nullptr, 1, 255, 20, 0, false,
           false},
          kSignal}},
        {"Climate Sensor",
         "zha",
         "LUMI",
         "Aqara temperature and humidity sensor",
         "lumi.weather",
         "zigbee",
         20,
         {kTemperature,
          kHumidity,
          {"sensor", "pressure", "Pressure", StateKind::Numeric, "atmospheric_pressure", "hPa",
           "measurement", 990, 1030, 0.5, 1, false, false},
          kBattery}},
        {"Motion Sensor",
         "hue",
         "Signify Netherlands B.V.",
         "Hue motion sensor",
         "SML001",
         nullptr,
         12,
         {{"binary_sensor", "motion", "Motion", StateKind::Binary, "motion", nullptr, nullptr, 0, 1,
           0, 0, false, false},
          kIlluminance,
          kTemperature,
          kBattery}},
        {"Door Sensor",
         "zha",
         "LUMI",
         "Aqara door and window sensor",
         "lumi.sensor_magnet.aq2",
         "zigbee",
         12,
         {{"binary_sensor", "door", "Door", StateKind::Binary, "door", nullptr, nullptr, 0, 1, 0, 0,
           false, false},
          kBattery}},
        {"Smart Plug",
         "shelly",
         "Shelly",
         "Shelly Plug S",
         "SHPLG-S",
         "mac",
         12,
         {{"switch", "", nullptr, StateKind::Switch, "outlet", nullptr, nullptr, 0, 1, 0, 0, false,
           false},
          kPower,
          kEnergy,
          {"sensor", "device_temperature", "Device temperature", StateKind::Numeric, "temperature",
           "°C", "measurement", 30, 55, 0.5, 1, true, false}}},
        {"Thermostat",
         "ecobee",
         "ecobee Inc.",
         "ecobee3 lite Smart",
         "ecobee3 lite",
         nullptr,
         5,
         {{"climate", "", nullptr, StateKind::Climate, nullptr, nullptr, nullptr, 7, 35, 0.2, 1,
           false, false},
          {"sensor", "current_temperature", "Current temperature", StateKind::Numeric,
           "temperature", "°C", "measurement", 17, 24, 0.2, 1, false, false},
          {"sensor", "current_humidity", "Current humidity", StateKind::Numeric, "humidity", "%",
           "measurement", 30, 60, 1, 0, false, false}}},
        {"Door Lock",
         "zha",
         "Danalock",
         "V3-BTZB",
         "V3-BTZB",
         "zigbee",
         6,
         {{"lock", "", nullptr, StateKind::Lock, nullptr, nullptr, nullptr, 0, 1, 0, 0, false,
           false},
          kBattery}},
        {"Energy Meter",
         "mqtt",
         "Tibber",
         "Pulse",
         "pulse-ir",
         nullptr,
         8,
         {kPower,
          kEnergy,
          kVoltage,
          {"sensor", "current", "Current", StateKind::Numeric, "current", "A", "measurement", 0, 16,
           0.3, 2, false, false}}},
    };
    return kinds;
}

// Extra entities when a device needs more than its kind has.
const HomeCatalog::EntitySpec kExtras[] = {kSignal, kTemperature, kHumidity, kIlluminance,
                                           kPower,  kEnergy,      kVoltage,  kBattery};

const char *const kAreaNames[] = {"Living Room", "Kitchen",     "Bedroom",   "Bathroom",
                                  "Büro",        "Hallway",     "Garage",    "Garden",
                                  "Kids Room",   "Dining Room", "Attic",     "Basement",
                                  "Laundry",     "Guest Room",  "Küche Süd", "Patio"};
const char *const kAreaIcons[] = {"mdi:sofa",   "mdi:silverware-fork-knife",
                                  "mdi:bed",    "mdi:shower",
                                  "mdi:desk",   nullptr,
                                  "mdi:garage", "mdi:flower",
                                  nullptr,      nullptr};
const char *const kFloorNames[] = {"Ground Floor", "First Floor", "Second Floor", "Attic Floor"};
const char *const kLabelNames[] = {"Critical", "Energy",     "Security",     "Battery Powered",
                                   "Outdoor",  "Night Mode", "Guest Access", "Voice"};
const char *const kLabelColors[] = {"red",         "green",       "indigo", "amber",
                                    "light-green", "deep-purple", "cyan",   "pink"};
const char *const kWeather[] = {"sunny", "partlycloudy", "cloudy", "rainy", "clear-night"};

const HomeCatalog::Standalone kStandalone[] = {
    {"sun.sun", "sun", "Sun", StateKind::Static, nullptr, nullptr},
    {"input_boolean.guest_mode", "input_boolean", "Guest mode", StateKind::Switch, nullptr,
     nullptr},
    {"sensor.house_total_power", "template", "House total power", StateKind::Numeric, "W", "power"},
    {"binary_sensor.anyone_home", "template", "Anyone home", StateKind::Binary, nullptr,
     "occupancy"},
    {"input_number.target_temperature", "input_number", "Target temperature", StateKind::Numeric,
     "°C", nullptr},
    {"sensor.outdoor_temperature_average", "template", "Outdoor temperature average",
     StateKind::Numeric, "°C", "temperature"},
};

QByteArray nameOrNumbered(const char *const *names, int count, int index, const char *fallback)
{
    if (index < count)
        return names[index];
    return QByteArray(fallback) + ' ' + QByteArray::number(index + 1);
}

} // namespace

const QList<HomeCatalog::Integration> &HomeCatalog::integrations()
{
    static const QList<Integration> list(std::begin(kIntegrations), std::end(kIntegrations));
    return list;
}

const QList<HomeCatalog::DeviceKind> &HomeCatalog::deviceKinds()
{
    return kindList();
}

QList<HomeCatalog::EntitySpec> HomeCatalog::forecastEntities()
{
    return {{"weather", "", nullptr, StateKind::Weather, nullptr, nullptr, nullptr, -10, 35, 0.3, 1,
             false, false},
            {"sensor", "temperature", "Temperature", StateKind::Numeric, "temperature", "°C",
             "measurement", -5, 25, 0.2, 1, false, false}};
}

const HomeCatalog::EntitySpec &HomeCatalog::extra(int index)
{
    return kExtras[index % extraCount()];
}

int HomeCatalog::extraCount()
{
    return int(std::size(kExtras));
}

const HomeCatalog::Standalone &HomeCatalog::standalone(int index)
{
    return kStandalone[index % standaloneCount()];
}

int HomeCatalog::standaloneCount()
{
    return int(std::size(kStandalone));
}

QByteArray HomeCatalog::areaName(int index)
{
    return nameOrNumbered(kAreaNames, int(std::size(kAreaNames)), index, "Room");
}

QByteArray HomeCatalog::areaIcon(int index)
{
    const char *icon = kAreaIcons[index % std::size(kAreaIcons)];
    return literal(icon);
}

QByteArray HomeCatalog::floorName(int index)
{
    return nameOrNumbered(kFloorNames, int(std::size(kFloorNames)), index, "Floor");
}

QByteArray HomeCatalog::labelName(int index)
{
    return nameOrNumbered(kLabelNames, int(std::size(kLabelNames)), index, "Label");
}

QByteArray HomeCatalog::labelColor(int index)
{
    return literal(kLabelColors[index % std::size(kLabelColors)]);
}

const char *HomeCatalog::weatherCondition(int index)
{
    return kWeather[index % std::size(kWeather)];
}

int HomeCatalog::weatherConditionCount()
{
    return int(std::size(kWeather));
}

QByteArray HomeCatalog::literal(const char *text)
{
    return text ? QByteArray::fromRawData(text, qsizetype(qstrlen(text))) : QByteArray();
}

QByteArray HomeCatalog::hexBytes(DemoRandom &random, int count, char separator)
{
    static const char hex[] = "0123456789abcdef";
    QByteArray out;
    out.reserve(count * 3);
    for (int i = 0; i < count; ++i) {
        if (i && separator)
            out.append(separator);
        const int byte = random.bounded(256);
        out.append(hex[byte >> 4]);
        out.append(hex[byte & 15]);
    }
    return out;
}

} // namespace hai
