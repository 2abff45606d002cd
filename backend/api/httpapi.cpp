// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpapi.h"

#include "controllers/bulkcontroller.h"
#include "controllers/healthcontroller.h"
#include "controllers/metricscontroller.h"
#include "controllers/preferencescontroller.h"
#include "controllers/registrycontroller.h"
#include "controllers/registrylistscontroller.h"
#include "controllers/statscontroller.h"
#include "controllers/webhookscontroller.h"
#include "core/logging.h"
#include "core/settings.h"
#include "nodelaytcpserver.h"
#include "openapi.h"
#include "registry/database.h"
#include "registry/registryreader.h"

#include <QElapsedTimer>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QTcpServer>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "OTHER";
    }
}

} // namespace

HttpApi::HttpApi(const Settings &settings, RegistryService *registry, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_auth(settings.apiToken)
{
    m_context.settings = &m_settings;
    m_context.registry = registry;
    m_context.metrics = &m_metrics;
    m_context.uptime.start();
}

HttpApi::~HttpApi()
{
    stop();
}

void HttpApi::setHomeAssistant(std::shared_ptr<const LiveStateCache> liveStates,
                               std::shared_ptr<const HaStats> stats)
{
    m_context.liveStates = std::move(liveStates);
    m_context.haStats = std::move(stats);
}

void HttpApi::setIngest(std::shared_ptr<const IngestStats> ingest,
                        std::shared_ptr<const InfluxWriterStats> influx)
{
    m_context.ingestStats = std::move(ingest);
    m_context.influxStats = std::move(influx);
}

void HttpApi::setWebhooks(WebhookService *service, std::shared_ptr<const WebhookStats> stats)
{
    m_context.webhooks = service;
    m_context.webhookStats = std::move(stats);
}

bool HttpApi::start(QString *error)
{
    m_database = std::make_unique<Database>();
    QString reason;
    if (!m_database->open(m_settings.registryDb, Database::Role::Reader, &reason)) {
        *error = u"--registry-db: "_s + reason;
        return false;
    }
    m_reader = std::make_unique<RegistryReader>(*m_database);
    m_context.readDatabase = m_database.get();
    m_context.reader = m_reader.get();
    registerRoutes();

    m_server = new QHttpServer(this);
    m_server->setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            handle(request, std::move(responder));
        });
    auto *tcp = new NoDelayTcpServer(m_server);
    if (!tcp->listen(m_settings.apiHost, m_settings.apiPort)) {
        *error = u"--api-listen: cannot listen on %1 (%2)"_s.arg(m_settings.apiListenText(),
                                                                 tcp->errorString());
        delete m_server;
        m_server = nullptr;
        return false;
    }
    m_server->bind(tcp);
    m_port = tcp->serverPort();
    qCInfo(lcApi) << "REST API listening on"
                  << qUtf8Printable(m_settings.apiHost.toString() + u':' + QString::number(m_port));
    return true;
}

void HttpApi::stop()
{
    delete m_server;
    m_server = nullptr;
    m_controllers.clear();
    m_reader.reset();
    m_database.reset();
}

void HttpApi::registerRoutes()
{
    m_controllers.clear();
    m_router = Router();
    m_controllers.push_back(std::make_unique<HealthController>(m_context));
    m_controllers.push_back(std::make_unique<RegistryController>(m_context));
    m_controllers.push_back(std::make_unique<RegistryListsController>(m_context));
    m_controllers.push_back(std::make_unique<BulkController>(m_context));
    m_controllers.push_back(std::make_unique<PreferencesController>(m_context));
    m_controllers.push_back(std::make_unique<MetricsController>(m_context));
    m_controllers.push_back(std::make_unique<StatsController>(m_context));
    m_controllers.push_back(std::make_unique<WebhooksController>(m_context));
    for (const auto &controller : m_controllers)
        controller->registerRoutes(m_router);

    // GET /api/openapi.json -> the OpenAPI 3 document of every route, built from the table.
    m_router.add({"GET", u"/api/openapi.json"_s,
                  [this](const ApiRequest &) {
                      return ApiResponse::json(buildOpenApiDocument(m_router.routes()));
                  },
                  u"OpenAPI 3 description of this API"_s, u"meta"_s});
}

void HttpApi::handle(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    ApiRequest apiRequest;
    apiRequest.method = methodName(request.method());
    apiRequest.path = request.url().path(QUrl::FullyDecoded);
    apiRequest.query = request.query();
    const auto headers = request.headers();
    for (const auto &header : headers)
        apiRequest.headers.insert(header.first.toLower(), header.second);
    apiRequest.body = request.body();

    const ApiResponse response = dispatch(std::move(apiRequest));
    QHttpServerResponse out(response.contentType, response.body,
                            QHttpServerResponder::StatusCode(response.status));
    for (const auto &header : response.headers)
        out.addHeader(header.first, header.second);
    out.write(std::move(responder));
}

ApiResponse HttpApi::dispatch(ApiRequest request)
{
    QElapsedTimer timer;
    timer.start();
    const Router::Match match = m_router.match(request.method, request.path);
    QString routeLabel = u"unmatched"_s;
    ApiResponse response;
    if (request.method == "OPTIONS" && match.kind != Router::MatchKind::NotFound) {
        response = preflight(request, match);
    } else if (match.kind == Router::MatchKind::NotFound) {
        response = ApiResponse::error(404, u"not_found"_s, u"no route for %1"_s.arg(request.path));
    } else if (match.kind == Router::MatchKind::MethodNotAllowed) {
        response = ApiResponse::error(
            405, u"method_not_allowed"_s,
            u"%1 is not allowed here; use %2"_s.arg(QString::fromLatin1(request.method),
                                                    match.allowedMethods.join(u", "_s)));
        response.addHeader("Allow", match.allowedMethods.join(u", "_s).toLatin1());
    } else {
        const Route &route = *match.route;
        routeLabel = route.pattern;
        request.pathParams = match.params;
        if (route.requiresAuth && !m_auth.accepts(request.headers.value("authorization"))) {
            response = ApiResponse::error(
                401, u"unauthorized"_s,
                m_auth.isConfigured()
                    ? u"this route needs 'Authorization: Bearer <api token>'"_s
                    : u"writes are disabled: start the app with --api-token to allow them"_s);
            response.addHeader("WWW-Authenticate", "Bearer");
        } else {
            auto rejection = rejectUnknownQuery(request, route.queryParams);
            if (!rejection)
                rejection = rejectBody(&request, route);
            response = rejection ? *rejection : route.handler(request);
        }
    }
    addCorsHeaders(request, &response);
    m_metrics.record(routeLabel, request.method, response.status, timer.nsecsElapsed() / 1000);
    return response;
}

std::optional<ApiResponse> HttpApi::rejectBody(ApiRequest *request, const Route &route) const
{
    if (request->body.size() > kMaxBodyBytes) {
        return ApiResponse::error(
            413, u"payload_too_large"_s,
            u"the body is %1 bytes; the limit is 16 MiB"_s.arg(request->body.size()));
    }
    if (!route.takesJsonBody)
        return std::nullopt;
    const QByteArray contentType = request->headers.value("content-type").toLower();
    if (!contentType.startsWith("application/json")) {
        return ApiResponse::error(415, u"unsupported_media_type"_s,
                                  u"the body must be JSON (Content-Type: application/json)"_s);
    }
    QJsonParseError parseError;
    request->json = QJsonDocument::fromJson(request->body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return ApiResponse::error(
            400, u"bad_json"_s,
            u"malformed JSON at offset %1: %2"_s.arg(QString::number(parseError.offset),
                                                     parseError.errorString()));
    }
    return std::nullopt;
}

ApiResponse HttpApi::preflight(const ApiRequest &request, const Router::Match &match) const
{
    ApiResponse response = ApiResponse::noContent();
    QStringList methods = match.allowedMethods;
    methods.append(u"OPTIONS"_s);
    response.addHeader("Allow", methods.join(u", "_s).toLatin1());
    if (request.headers.contains("origin")) {
        response.addHeader("Access-Control-Allow-Methods", methods.join(u", "_s).toLatin1());
        response.addHeader("Access-Control-Allow-Headers", "Authorization, Content-Type");
        response.addHeader("Access-Control-Max-Age", "600");
    }
    return response;
}

void HttpApi::addCorsHeaders(const ApiRequest &request, ApiResponse *response) const
{
    const QByteArray origin = request.headers.value("origin");
    if (origin.isEmpty())
        return;
    const bool allowed = m_settings.corsOrigins.contains(QString::fromUtf8(origin)) ||
                         m_settings.corsOrigins.contains(u"*"_s);
    if (!allowed)
        return;
    response->addHeader("Access-Control-Allow-Origin", origin);
    response->addHeader("Vary", "Origin");
}

} // namespace hai
