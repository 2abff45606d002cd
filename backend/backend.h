// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/settings.h"
#include "core/thread.h"

#include <QObject>

namespace hai {

class DemoHome;
class HaClient;
class HttpApi;
class IngestPipeline;
class RegistryService;
class WebhookService;

// The facade the app talks to. It owns the worker threads ("registry", "demo", "ha", "ingest",
// "webhooks", "api") and wires the modules together; the GUI and the headless main only see
// this class.
class Backend : public QObject
{
    Q_OBJECT
public:
    explicit Backend(const Settings &settings, QObject *parent = nullptr);
    ~Backend() override;

    // Opens and migrates the registry, starts the demo home when asked, the Home Assistant
    // client when there is an HA to talk to, then the REST API. On failure `error` is one line
    // that names the option at fault, and nothing is left running.
    bool start(QString *error);
    // Stops every module in reverse order; safe to call twice.
    void stop();

    const Settings &settings() const { return m_settings; }
    quint16 apiPort() const { return m_apiPort; }
    RegistryService *registry() const { return m_registry; }
    HaClient *haClient() const { return m_haClient; }
    IngestPipeline *ingest() const { return m_ingest; }
    WebhookService *webhooks() const { return m_webhooks; }

private:
    bool startDemoHome(QString *error);
    bool startIngest(QString *error);
    bool startWebhooks(QString *error);
    void startHaClient();
    void stopIngestAndHa();

    Settings m_settings;
    ThreadPtr m_registryThread;
    ThreadPtr m_demoThread;
    ThreadPtr m_haThread;
    ThreadPtr m_ingestThread;
    ThreadPtr m_webhookThread;
    ThreadPtr m_apiThread;
    RegistryService *m_registry = nullptr; // lives in m_registryThread
    DemoHome *m_demoHome = nullptr;        // lives in m_demoThread
    HaClient *m_haClient = nullptr;        // lives in m_haThread
    IngestPipeline *m_ingest = nullptr;    // lives in m_ingestThread
    WebhookService *m_webhooks = nullptr;  // lives in m_webhookThread
    HttpApi *m_api = nullptr;              // lives in m_apiThread
    quint16 m_apiPort = 0;
};

} // namespace hai
