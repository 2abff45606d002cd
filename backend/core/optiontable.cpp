// SPDX-License-Identifier: GPL-3.0-or-later
#include "optiontable.h"

using namespace Qt::StringLiterals;

namespace hai {

const QList<OptionSpec> &optionTable()
{
    // Environment names: ha-* -> HA_*, influx-* -> INFLUX_*, everything else HAI_*.
    static const QList<OptionSpec> table = {
        {u"headless"_s, u"HAI_HEADLESS"_s, {}, u"Run the backend without a window."_s, {}},
        {u"demo"_s,
         u"HAI_DEMO"_s,
         {},
         u"Connect to a simulated Home Assistant home (no HA needed)."_s,
         {}},
        {u"config"_s, u"HAI_CONFIG"_s, u"FILE"_s, u"INI file to read settings from."_s,
         u"<AppConfigLocation>/ha-ingestor.ini"_s},
        {u"data-dir"_s, u"HAI_DATA_DIR"_s, u"DIR"_s,
         u"Directory for the registry database, logs and the spool."_s, u"<AppDataLocation>"_s},
        {u"ha-url"_s,
         u"HA_URL"_s,
         u"URL"_s,
         u"Home Assistant URL: ws(s)://host:8123/api/websocket or http(s)://host:8123."_s,
         {}},
        {u"ha-token"_s,
         u"HA_TOKEN"_s,
         u"TOKEN"_s,
         u"Home Assistant long-lived access token."_s,
         {},
         true},
        {u"influx-url"_s,
         u"INFLUX_URL"_s,
         u"URL"_s,
         u"InfluxDB base URL, e.g. http://127.0.0.1:8086."_s,
         {}},
        {u"influx-api"_s, u"INFLUX_API"_s, u"1|2"_s, u"InfluxDB write API version."_s, u"1"_s},
        {u"influx-db"_s, u"INFLUX_DB"_s, u"NAME"_s, u"InfluxDB v1 database."_s,
         u"home_assistant"_s},
        {u"influx-org"_s, u"INFLUX_ORG"_s, u"ORG"_s, u"InfluxDB v2 organisation."_s, {}},
        {u"influx-bucket"_s, u"INFLUX_BUCKET"_s, u"B"_s, u"InfluxDB v2 bucket."_s, {}},
        {u"influx-token"_s, u"INFLUX_TOKEN"_s, u"T"_s, u"InfluxDB v2 API token."_s, {}, true},
        {u"api-listen"_s, u"HAI_API_LISTEN"_s, u"HOST:PORT"_s,
         u"Address of the REST API; port 0 picks a free port."_s, u"127.0.0.1:8006"_s},
        {u"api-token"_s,
         u"HAI_API_TOKEN"_s,
         u"T"_s,
         u"Bearer token that REST API writes require; writes are refused without one."_s,
         {},
         true},
        {u"cors-origins"_s,
         u"HAI_CORS_ORIGINS"_s,
         u"LIST"_s,
         u"Comma-separated browser origins allowed to call the REST API."_s,
         {}},
        {u"registry-db"_s, u"HAI_REGISTRY_DB"_s, u"URL"_s,
         u"Registry database: a SQLite path or postgres://user:pass@host:port/db."_s,
         u"<data-dir>/metadata.db"_s},
        {u"log-level"_s, u"HAI_LOG_LEVEL"_s, u"LEVEL"_s, u"debug, info, warning or error."_s,
         u"info"_s},
    };
    return table;
}

const OptionSpec *findOption(const QString &name)
{
    for (const OptionSpec &spec : optionTable()) {
        if (spec.name == name)
            return &spec;
    }
    return nullptr;
}

} // namespace hai
