// SPDX-License-Identifier: GPL-3.0-or-later
#include "healthcontroller.h"

#include "homeassistant/hastats.h"
#include "registry/database.h"
#include "timeseries/influxwriterstats.h"
#include "webhooks/webhookstats.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace hai {

void HealthController::registerRoutes(Router &router)
{
    router.add({"GET", u"/health"_s, [this](const ApiRequest &r) { return health(r); },
                u"Overall status and the status of each dependency"_s, u"meta"_s});
}

// GET /health
// -> 200 {"status":"healthy"|"degraded"|"unhealthy","version","uptime_seconds",
//         "dependencies":{"sqlite"|"postgresql":{"status","journal_mode","wal_enabled",
//         "database_size_mb"}, "home_assistant":{...},
//         "influxdb":{"status","state","url","api","target","last_success","last_error",
//         "last_error_at","spool_points"}}}
ApiResponse HealthController::health(const ApiRequest &)
{
    QJsonObject dependencies;
    QString overall = u"healthy"_s;
    const auto fold = [&overall](const QString &status, bool critical) {
        if (status == u"healthy"_s)
            return;
        if (critical && status == u"unhealthy"_s)
            overall = u"unhealthy"_s;
        else if (overall == u"healthy"_s)
            overall = u"degraded"_s;
    };

    const QJsonObject registry = registryHealth();
    fold(registry.value(u"status"_s).toString(), true);
    dependencies.insert(m_context.readDatabase->isPostgres() ? u"postgresql"_s : u"sqlite"_s,
                        registry);
    if (m_context.haStats) {
        const QJsonObject ha = homeAssistantHealth();
        fold(ha.value(u"status"_s).toString(), false);
        dependencies.insert(u"home_assistant"_s, ha);
    }
    if (m_context.influxStats) {
        const QJsonObject influx = influxHealth();
        fold(influx.value(u"status"_s).toString(), false);
        dependencies.insert(u"influxdb"_s, influx);
    }
    if (m_context.webhookStats) {
        // A disabled webhook or a failed import needs the user, but the rest works on.
        const QStringList warnings = m_context.webhookStats->warnings();
        fold(warnings.isEmpty() ? u"healthy"_s : u"degraded"_s, false);
        dependencies.insert(
            u"webhooks"_s,
            QJsonObject{{u"status"_s, warnings.isEmpty() ? u"healthy"_s : u"degraded"_s},
                        {u"warnings"_s, QJsonArray::fromStringList(warnings)}});
    }
    return ApiResponse::json({{u"status"_s, overall},
                              {u"version"_s, QStringLiteral(HAI_VERSION)},
                              {u"uptime_seconds"_s, double(m_context.uptime.elapsed()) / 1000.0},
                              {u"dependencies"_s, dependencies}});
}

// Live or catching up from history is healthy; on the way there, degraded; a refused token
// is unhealthy because only the user can fix it.
QJsonObject HealthController::homeAssistantHealth()
{
    const HaStatsSnapshot snapshot = m_context.haStats->snapshot();
    const QJsonObject full = snapshot.toJson();
    QString status = u"degraded"_s;
    if (snapshot.status == u"auth_failed"_s)
        status = u"unhealthy"_s;
    else if (snapshot.state == HaState::Live || snapshot.state == HaState::Backfilling)
        status = u"healthy"_s;
    QJsonObject report{{u"status"_s, status}};
    for (const char *key :
         {"state", "url", "ha_version", "connected_since", "reconnects", "last_error", "backfill"})
        report.insert(QLatin1String(key), full.value(QLatin1String(key)));
    return report;
}

// Writing is healthy; anything else is degraded, not unhealthy: points wait in the spool.
QJsonObject HealthController::influxHealth()
{
    const QJsonObject full = m_context.influxStats->toJson();
    const QString state = full.value(u"status"_s).toString();
    QJsonObject report{
        {u"status"_s, state == u"ok"_s ? u"healthy"_s : u"degraded"_s},
        {u"state"_s, state},
    };
    for (const char *key : {"url", "api", "target", "last_success", "last_error", "last_error_at"})
        report.insert(QLatin1String(key), full.value(QLatin1String(key)));
    report.insert(u"spool_points"_s, full.value(u"spool"_s)[u"points"_s]);
    return report;
}

QJsonObject HealthController::registryHealth()
{
    const Database::Health health = m_context.readDatabase->health();
    QJsonObject report{{u"status"_s, health.ok ? u"healthy"_s : u"unhealthy"_s},
                       {u"journal_mode"_s, health.journalMode},
                       {u"wal_enabled"_s, health.walEnabled},
                       {u"database_size_mb"_s, std::round(health.sizeMb * 100.0) / 100.0}};
    if (!health.ok)
        report.insert(u"error"_s, health.error);
    return report;
}

} // namespace hai
