// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace hai {

class ApiMetrics;
class Database;
class HaStats;
class LiveStateCache;
class RegistryReader;
class RegistryService;
struct Settings;

// Reports one dependency for /health: {"status":"healthy"|"degraded"|"unhealthy", ...}.
// Called in the api thread, so it must read only thread-safe snapshots.
struct HealthProbe
{
    QString name;
    bool critical = false; // unhealthy here makes the whole app unhealthy, else degraded
    std::function<QJsonObject()> report;
};

// What the controllers may use. Everything here lives in the api thread except the
// RegistryService, which is reached through invokeIn().
struct ApiContext
{
    const Settings *settings = nullptr;
    Database *readDatabase = nullptr;
    RegistryReader *reader = nullptr;
    RegistryService *registry = nullptr;
    ApiMetrics *metrics = nullptr;
    // Home Assistant views, both safe to read from the api thread; null when no HA is set.
    std::shared_ptr<const LiveStateCache> liveStates;
    std::shared_ptr<const HaStats> haStats;
    QElapsedTimer uptime;
    QList<HealthProbe> probes;
};

} // namespace hai
