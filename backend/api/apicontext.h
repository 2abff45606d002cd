// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>

#include <memory>

namespace hai {

class ApiMetrics;
class Database;
class HaStats;
class IngestStats;
class InfluxWriterStats;
class LiveStateCache;
class RegistryReader;
class RegistryService;
class WebhookService;
class WebhookStats;
struct Settings;

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
    // Ingestion views (thread-safe snapshots); null in tests without a pipeline.
    std::shared_ptr<const IngestStats> ingestStats;
    std::shared_ptr<const InfluxWriterStats> influxStats;
    // Webhook delivery (lives in the "webhooks" thread; reached through queued calls) and its
    // figures; null in tests without it.
    WebhookService *webhooks = nullptr;
    std::shared_ptr<const WebhookStats> webhookStats;
    QElapsedTimer uptime;
};

} // namespace hai
