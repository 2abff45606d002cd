// SPDX-License-Identifier: GPL-3.0-or-later
#include "backend.h"

#include "api/httpapi.h"
#include "core/logging.h"
#include "demo/demohome.h"
#include "homeassistant/haclient.h"
#include "ingest/ingestpipeline.h"
#include "registry/registryservice.h"
#include "webhooks/webhookeventtypes.h"
#include "webhooks/webhookservice.h"

using namespace Qt::StringLiterals;

namespace hai {

namespace {
// Deletes a worker in its own thread, so its connections and sockets close where they live.
template <typename Worker>
void destroyIn(Worker *&worker)
{
    if (!worker)
        return;
    Worker *doomed = worker;
    worker = nullptr;
    invokeIn(doomed, [doomed] {
        delete doomed;
        return true;
    });
}

// The --demo home: small enough to read in the GUI, busy enough to show live traffic.
DemoHomeOptions demoOptions()
{
    DemoHomeOptions options;
    options.devices = 40;
    options.entitiesPerDevice = 5;
    options.eventsPerSecond = 5;
    return options;
}

// HA events the ingest path or a webhook may want, besides state_changed (always on).
QStringList extraEventTypes(const Settings &settings)
{
    QStringList types = settings.mapping.eventTypes;
    for (const QString &type : WebhookEventTypes::homeAssistant()) {
        if (!types.contains(type))
            types.append(type);
    }
    types.removeAll(u"state_changed"_s);
    return types;
}
} // namespace

Backend::Backend(const Settings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{}

Backend::~Backend()
{
    stop();
}

bool Backend::start(QString *error)
{
    m_registryThread = startNamedThread(u"registry"_s);
    m_registry = new RegistryService(m_settings.registryDb);
    m_registry->moveToThread(m_registryThread.get());
    RegistryService *registry = m_registry;
    QString reason;
    if (!invokeIn(registry, [registry, &reason] { return registry->open(&reason); })) {
        *error = u"--registry-db: "_s + reason;
        stop();
        return false;
    }

    if (m_settings.demo && !startDemoHome(error)) {
        stop();
        return false;
    }
    if (!startWebhooks(error) || !startIngest(error)) {
        stop();
        return false;
    }
    if (m_settings.haUrl.isValid())
        startHaClient();
    else
        qCWarning(lcCore)
            << "no Home Assistant configured: give --ha-url and --ha-token, or --demo";

    m_apiThread = startNamedThread(u"api"_s);
    m_api = new HttpApi(m_settings, m_registry);
    if (m_haClient)
        m_api->setHomeAssistant(m_haClient->liveStates(), m_haClient->stats());
    m_api->setIngest(m_ingest->stats(), m_ingest->writerStats());
    m_api->setWebhooks(m_webhooks, m_webhooks->stats());
    m_api->moveToThread(m_apiThread.get());
    HttpApi *api = m_api;
    if (!invokeIn(api, [api, &reason] { return api->start(&reason); })) {
        *error = reason;
        stop();
        return false;
    }
    m_apiPort = api->port();
    qCInfo(lcCore).noquote() << "started: registry" << m_settings.registryDb.displayName()
                             << "| REST API"
                             << m_settings.apiHost.toString() + u':' + QString::number(m_apiPort);
    return true;
}

bool Backend::startDemoHome(QString *error)
{
    m_demoThread = startNamedThread(u"demo"_s);
    m_demoHome = new DemoHome(demoOptions());
    m_demoHome->moveToThread(m_demoThread.get());
    DemoHome *demo = m_demoHome;
    if (!invokeIn(demo, [demo] { return demo->listen(); })) {
        *error = u"--demo: cannot start the demo home: "_s + demo->errorString();
        return false;
    }
    m_settings.haUrl = demo->url();
    m_settings.haToken = demo->token();
    qCInfo(lcCore).noquote() << "demo home with" << demo->deviceCount() << "devices and"
                             << demo->entityCount() << "entities on" << demo->url().toString();
    return true;
}

bool Backend::startIngest(QString *error)
{
    m_ingestThread = startNamedThread(u"ingest"_s);
    m_ingest = new IngestPipeline(m_settings);
    m_ingest->moveToThread(m_ingestThread.get());
    IngestPipeline *ingest = m_ingest;
    QString reason;
    if (!invokeIn(ingest, [ingest, &reason] { return ingest->start(&reason); })) {
        *error = u"--data-dir: cannot open the spool: "_s + reason;
        return false;
    }
    return true;
}

bool Backend::startWebhooks(QString *error)
{
    m_webhookThread = startNamedThread(u"webhooks"_s);
    m_webhooks = new WebhookService(m_settings, m_registry);
    m_webhooks->moveToThread(m_webhookThread.get());
    WebhookService *webhooks = m_webhooks;
    QString reason;
    if (!invokeIn(webhooks, [webhooks, &reason] { return webhooks->start(&reason); })) {
        *error = u"--registry-db: cannot read the webhooks: "_s + reason;
        return false;
    }
    connect(m_registry, &RegistryService::registryChanged, m_webhooks,
            &WebhookService::registryChanged);
    return true;
}

void Backend::startHaClient()
{
    HaClientOptions options;
    options.url = m_settings.haUrl;
    options.token = m_settings.haToken;
    options.registryDb = m_settings.registryDb;
    options.autoAcknowledge = false; // the ingest pipeline acknowledges what is durable
    options.extraEventTypes = extraEventTypes(m_settings);
    m_haThread = startNamedThread(u"ha"_s);
    m_haClient = new HaClient(options, m_registry);
    m_haClient->moveToThread(m_haThread.get());
    connect(m_haClient, &HaClient::eventsReceived, m_ingest, &IngestPipeline::ingest);
    connect(m_haClient, &HaClient::eventsReceived, m_webhooks, &WebhookService::handleEvents);
    connect(m_ingest, &IngestPipeline::acknowledged, m_haClient, &HaClient::acknowledge);
    connect(m_haClient, &HaClient::registrySynced, m_ingest, &IngestPipeline::registryChanged);
    connect(m_haClient, &HaClient::discoveryFinished, m_ingest,
            &IngestPipeline::registryDiscovered);
    QMetaObject::invokeMethod(m_haClient, &HaClient::start, Qt::QueuedConnection);
}

// The order keeps every event: HA hands over its last batch, the pipeline writes or spools it
// and acknowledges, then the client stores the checkpoint that acknowledgement allows.
void Backend::stopIngestAndHa()
{
    if (HaClient *client = m_haClient)
        invokeIn(client, [client] {
            client->stop();
            return true;
        });
    if (IngestPipeline *ingest = m_ingest)
        invokeIn(ingest, [ingest] {
            ingest->stop();
            return true;
        });
    if (HaClient *client = m_haClient)
        invokeIn(client, [client] {
            client->storeCheckpoint(); // the acknowledgements queued before this call
            return true;
        });
    destroyIn(m_haClient);
    m_haThread.reset();
    destroyIn(m_ingest);
    m_ingestThread.reset();
}

void Backend::stop()
{
    destroyIn(m_api);
    m_apiThread.reset();
    stopIngestAndHa();     // before the registry: the checkpoint is stored there
    destroyIn(m_webhooks); // before the registry: it records the last attempts there
    m_webhookThread.reset();
    destroyIn(m_demoHome);
    m_demoThread.reset();
    destroyIn(m_registry);
    m_registryThread.reset();
}

} // namespace hai
