// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricscontroller.h"

#include "homeassistant/hatime.h"
#include "ingest/ingeststats.h"
#include "timeseries/influxwriterstats.h"
#include "webhooks/webhookstats.h"

#include "api/apimetrics.h"
#include "registry/registryreader.h"

using namespace Qt::StringLiterals;

namespace hai {

void MetricsController::registerRoutes(Router &router)
{
    Route route{"GET", u"/metrics"_s, [this](const ApiRequest &r) { return metrics(r); },
                u"Prometheus metrics"_s, u"meta"_s};
    route.contentType = u"text/plain"_s;
    router.add(std::move(route));
}

// GET /metrics -> 200 text/plain; version=0.0.4
ApiResponse MetricsController::metrics(const ApiRequest &)
{
    QByteArray out;
    out.reserve(16 * 1024);
    const RegistryReader::Counts counts = m_context.reader->counts();
    out.append("# HELP hai_registry_items Rows in each registry table.\n"
               "# TYPE hai_registry_items gauge\n");
    const auto gauge = [&out](const char *registry, qint64 value) {
        out.append("hai_registry_items{registry=\"" + QByteArray(registry) + "\"} " +
                   QByteArray::number(value) + '\n');
    };
    gauge("devices", counts.devices);
    gauge("entities", counts.entities);
    gauge("areas", counts.areas);
    gauge("floors", counts.floors);
    gauge("labels", counts.labels);
    gauge("integrations", counts.integrations);
    out.append("# HELP hai_uptime_seconds Seconds since the REST API started.\n"
               "# TYPE hai_uptime_seconds gauge\n"
               "hai_uptime_seconds " +
               QByteArray::number(double(m_context.uptime.elapsed()) / 1000.0) + '\n');
    if (m_context.ingestStats)
        out.append(m_context.ingestStats->toPrometheus(HaTime::nowMicroseconds()));
    if (m_context.influxStats)
        out.append(m_context.influxStats->toPrometheus());
    if (m_context.webhookStats)
        out.append(m_context.webhookStats->toPrometheus());
    m_context.metrics->render(&out);
    return ApiResponse::text(out, "text/plain; version=0.0.4; charset=utf-8");
}

} // namespace hai
