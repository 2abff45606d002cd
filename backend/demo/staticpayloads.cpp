// SPDX-License-Identifier: GPL-3.0-or-later
#include "staticpayloads.h"

#include "jsonwriter.h"

namespace hai {

QByteArray StaticPayloads::config(const QByteArray &version, const QByteArray &timeZone,
                                  const QList<QByteArray> &integrations)
{
    // core_config.py Config.as_dict, in its key order.
    QList<QByteArray> components = {"api",      "auth",          "config", "frontend",
                                    "history",  "homeassistant", "http",   "logbook",
                                    "recorder", "websocket_api"};
    for (const QByteArray &domain : integrations) {
        if (!components.contains(domain))
            components.append(domain);
    }
    for (const char *platform :
         {"sensor", "binary_sensor", "light", "switch", "lock", "climate", "weather"})
        components.append(platform);
    QByteArray out = "{\"allowlist_external_dirs\":[\"/config/www\",\"/media\"],"
                     "\"allowlist_external_urls\":[],\"components\":";
    JsonWriter::appendStringList(out, components);
    out += ",\"config_dir\":\"/config\",\"config_source\":\"storage\",\"country\":\"NL\","
           "\"currency\":\"EUR\",\"debug\":false,\"elevation\":4,\"external_url\":null,"
           "\"internal_url\":null,\"language\":\"en\",\"latitude\":52.3731339,"
           "\"location_name\":\"Demo Home\",\"longitude\":4.8903147,\"radius\":100,"
           "\"recovery_mode\":false,\"safe_mode\":false,\"state\":\"RUNNING\",\"time_zone\":";
    JsonWriter::appendString(out, timeZone);
    out += ",\"unit_system\":{\"length\":\"km\",\"accumulated_precipitation\":\"mm\","
           "\"area\":\"m²\",\"mass\":\"g\",\"pressure\":\"Pa\",\"temperature\":\"°C\","
           "\"volume\":\"L\",\"wind_speed\":\"m/s\"},\"version\":";
    JsonWriter::appendString(out, version);
    out += ",\"whitelist_external_dirs\":[\"/config/www\",\"/media\"]}";
    return out;
}

QByteArray StaticPayloads::services()
{
    return QByteArrayLiteral(
        "{\"homeassistant\":{\"restart\":{\"name\":\"Restart\",\"description\":\"Restarts Home "
        "Assistant.\",\"fields\":{}},\"stop\":{\"name\":\"Stop\",\"description\":\"Stops Home "
        "Assistant.\",\"fields\":{}},\"turn_on\":{\"name\":\"Generic turn on\",\"description\":"
        "\"Generic action to turn devices on under any domain.\",\"fields\":{},\"target\":"
        "{\"entity\":[{}]}}},"
        "\"light\":{\"turn_on\":{\"name\":\"Turn on\",\"description\":\"Turns on one or more "
        "lights and adjusts their properties.\",\"fields\":{\"brightness\":{\"filter\":"
        "{\"attribute\":{\"supported_color_modes\":[\"brightness\",\"color_temp\",\"hs\",\"xy\","
        "\"rgb\"]}},\"selector\":{\"number\":{\"min\":0,\"max\":255}},\"name\":\"Brightness "
        "value\"}},\"target\":{\"entity\":[{\"domain\":[\"light\"]}]}},\"turn_off\":{\"name\":"
        "\"Turn off\",\"description\":\"Turns off one or more lights.\",\"fields\":{},\"target\":"
        "{\"entity\":[{\"domain\":[\"light\"]}]}},\"toggle\":{\"name\":\"Toggle\",\"description\":"
        "\"Toggles one or more lights.\",\"fields\":{},\"target\":{\"entity\":[{\"domain\":"
        "[\"light\"]}]}}},"
        "\"switch\":{\"turn_on\":{\"name\":\"Turn on\",\"description\":\"Turns a switch on.\","
        "\"fields\":{},\"target\":{\"entity\":[{\"domain\":[\"switch\"]}]}},\"turn_off\":"
        "{\"name\":\"Turn off\",\"description\":\"Turns a switch off.\",\"fields\":{},\"target\":"
        "{\"entity\":[{\"domain\":[\"switch\"]}]}}},"
        "\"lock\":{\"lock\":{\"name\":\"Lock\",\"description\":\"Locks a lock.\",\"fields\":"
        "{\"code\":{\"example\":\"1234\",\"selector\":{\"text\":{}},\"name\":\"Code\"}},"
        "\"target\":{\"entity\":[{\"domain\":[\"lock\"]}]}},\"unlock\":{\"name\":\"Unlock\","
        "\"description\":\"Unlocks a lock.\",\"fields\":{},\"target\":{\"entity\":[{\"domain\":"
        "[\"lock\"]}]}}},"
        "\"climate\":{\"set_temperature\":{\"name\":\"Set target temperature\",\"description\":"
        "\"Sets the temperature setpoint.\",\"fields\":{\"temperature\":{\"filter\":"
        "{\"supported_features\":[1]},\"selector\":{\"number\":{\"min\":0,\"max\":250,\"step\":"
        "0.1,\"mode\":\"box\"}},\"name\":\"Target temperature\"}},\"target\":{\"entity\":"
        "[{\"domain\":[\"climate\"]}]}}},"
        "\"weather\":{\"get_forecasts\":{\"name\":\"Get forecasts\",\"description\":\"Get "
        "weather forecasts.\",\"fields\":{\"type\":{\"required\":true,\"selector\":{\"select\":"
        "{\"options\":[\"daily\",\"hourly\",\"twice_daily\"]}},\"name\":\"Forecast type\"}},"
        "\"target\":{\"entity\":[{\"domain\":[\"weather\"]}]},\"response\":{\"optional\":"
        "false}}}}");
}

QByteArray StaticPayloads::panels()
{
    // frontend get_panels: an object keyed by URL path.
    return QByteArrayLiteral(
        "{\"lovelace\":{\"component_name\":\"lovelace\",\"icon\":null,\"title\":null,\"config\":"
        "{\"mode\":\"storage\"},\"url_path\":\"lovelace\",\"require_admin\":false,"
        "\"config_panel_domain\":null},"
        "\"energy\":{\"component_name\":\"energy\",\"icon\":\"mdi:lightning-bolt\",\"title\":"
        "\"energy\",\"config\":null,\"url_path\":\"energy\",\"require_admin\":false,"
        "\"config_panel_domain\":null},"
        "\"map\":{\"component_name\":\"map\",\"icon\":\"mdi:tooltip-account\",\"title\":\"map\","
        "\"config\":null,\"url_path\":\"map\",\"require_admin\":false,\"config_panel_domain\":"
        "null},"
        "\"logbook\":{\"component_name\":\"logbook\",\"icon\":\"mdi:format-list-bulleted-type\","
        "\"title\":\"logbook\",\"config\":null,\"url_path\":\"logbook\",\"require_admin\":false,"
        "\"config_panel_domain\":null},"
        "\"history\":{\"component_name\":\"history\",\"icon\":\"mdi:chart-box\",\"title\":"
        "\"history\",\"config\":null,\"url_path\":\"history\",\"require_admin\":false,"
        "\"config_panel_domain\":null},"
        "\"config\":{\"component_name\":\"config\",\"icon\":\"hass:cog\",\"title\":\"config\","
        "\"config\":null,\"url_path\":\"config\",\"require_admin\":true,\"config_panel_domain\":"
        "null},"
        "\"developer-tools\":{\"component_name\":\"developer-tools\",\"icon\":\"hass:hammer\","
        "\"title\":\"developer_tools\",\"config\":null,\"url_path\":\"developer-tools\","
        "\"require_admin\":true,\"config_panel_domain\":null}}");
}

} // namespace hai
