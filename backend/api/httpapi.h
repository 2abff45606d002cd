// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apicontext.h"
#include "apimetrics.h"
#include "apitypes.h"
#include "bearerauth.h"
#include "router.h"

#include <QObject>

#include <memory>
#include <vector>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;

namespace hai {

class Controller;
class Database;
class RegistryReader;
class RegistryService;
struct Settings;

// The REST API. Lives in the "api" thread: start() opens the thread's own registry reader,
// builds the route table and binds. dispatch() is the whole request pipeline (routing,
// CORS, auth, body checks, metrics) and is public so tests can drive it without sockets.
class HttpApi : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kMaxBodyBytes = 16 * 1024 * 1024;

    HttpApi(const Settings &settings, RegistryService *registry, QObject *parent = nullptr);
    ~HttpApi() override;

    // Must run in the thread the object lives in. On failure `error` names the cause,
    // e.g. "--api-listen: 127.0.0.1:8006 is already in use".
    bool start(QString *error);
    void stop();
    quint16 port() const { return m_port; }

    // Call before start(): the live states and connection figures of the HA client.
    void setHomeAssistant(std::shared_ptr<const LiveStateCache> liveStates,
                          std::shared_ptr<const HaStats> stats);
    // Call before start(): the ingest pipeline's and the InfluxDB writer's figures.
    void setIngest(std::shared_ptr<const IngestStats> ingest,
                   std::shared_ptr<const InfluxWriterStats> influx);
    // Call before start(): webhook delivery, for the test and redeliver routes and the figures.
    void setWebhooks(WebhookService *service, std::shared_ptr<const WebhookStats> stats);
    ApiResponse dispatch(ApiRequest request);
    const Router &router() const { return m_router; }

private:
    void registerRoutes();
    void handle(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    // The error response for a body that is too large, not JSON or malformed.
    std::optional<ApiResponse> rejectBody(ApiRequest *request, const Route &route) const;
    void addCorsHeaders(const ApiRequest &request, ApiResponse *response) const;
    ApiResponse preflight(const ApiRequest &request, const Router::Match &match) const;

    const Settings &m_settings;
    BearerAuth m_auth;
    Router m_router;
    ApiMetrics m_metrics;
    ApiContext m_context;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<RegistryReader> m_reader;
    std::vector<std::unique_ptr<Controller>> m_controllers;
    QHttpServer *m_server = nullptr;
    quint16 m_port = 0;
};

} // namespace hai
