// SPDX-License-Identifier: GPL-3.0-or-later
#include "statscontroller.h"

#include "homeassistant/hastats.h"
#include "homeassistant/hatime.h"
#include "ingest/ingeststats.h"
#include "registry/registryreader.h"
#include "timeseries/influxwriterstats.h"
#include "webhooks/webhookstats.h"

using namespace Qt::StringLiterals;

namespace hai {

void StatsController::registerRoutes(Router &router)
{
    router.add(
        {"GET", u"/api/v1/stats"_s, [this](const ApiRequest &r) { return stats(r); },
         u"Counters: registry sizes, Home Assistant connection, discovery, backfill, ingestion "
         u"and InfluxDB writes"_s,
         u"meta"_s});
}

// GET /api/v1/stats
// -> 200 {"registry":{devices,entities,areas,floors,labels,integrations},
//         "home_assistant":{status,state,ha_version,connected_since,reconnects,last_error,
//                           events,discovery:{...},backfill:{running,recovered_last,...},...},
//         "ingest":{events:{live,backfill,total},points,skipped:{reason:n},
//                   events_per_second:{10s,60s}},
//         "influxdb":{status,url,points:{written,spooled,...},spool:{...},errors:{...},
//                     dropped:{...},lag_ms:{p50,p99},...}}  (see InfluxWriterStats::toJson)
ApiResponse StatsController::stats(const ApiRequest &)
{
    const RegistryReader::Counts counts = m_context.reader->counts();
    QJsonObject body{{u"registry"_s, QJsonObject{{u"devices"_s, counts.devices},
                                                 {u"entities"_s, counts.entities},
                                                 {u"areas"_s, counts.areas},
                                                 {u"floors"_s, counts.floors},
                                                 {u"labels"_s, counts.labels},
                                                 {u"integrations"_s, counts.integrations}}}};
    if (m_context.haStats)
        body.insert(u"home_assistant"_s, m_context.haStats->snapshot().toJson());
    if (m_context.ingestStats)
        body.insert(u"ingest"_s, m_context.ingestStats->toJson(HaTime::nowMicroseconds()));
    if (m_context.influxStats)
        body.insert(u"influxdb"_s, m_context.influxStats->toJson());
    if (m_context.webhookStats)
        body.insert(u"webhooks"_s, m_context.webhookStats->toJson());
    return ApiResponse::json(body);
}

} // namespace hai
