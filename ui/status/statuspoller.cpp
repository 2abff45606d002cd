// SPDX-License-Identifier: GPL-3.0-or-later
#include "statuspoller.h"

#include "backend.h"
#include "homeassistant/haclient.h"
#include "homeassistant/haconnection.h"
#include "homeassistant/hatime.h"
#include "ingest/ingestpipeline.h"
#include "ingest/ingeststats.h"
#include "registry/registryservice.h"
#include "registryprobe.h"
#include "webhooks/webhookservice.h"
#include "webhooks/webhookstats.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace hai {

StatusPoller::StatusPoller(Backend *backend, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
{
    qRegisterMetaType<hai::StatusSnapshot>();
    qRegisterMetaType<hai::RegistryFigures>();
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &StatusPoller::pollNow);
    m_registryDebounce.setSingleShot(true);
    m_registryDebounce.setInterval(kRegistryDebounceMs);
    connect(&m_registryDebounce, &QTimer::timeout, this, &StatusPoller::requestRegistryRead);
    if (m_backend) {
        connectBackend();
        startProbe();
    }
    m_timer.start();
    // The first snapshot as soon as the event loop runs, not half a second later.
    QTimer::singleShot(0, this, &StatusPoller::pollNow);
}

StatusPoller::~StatusPoller()
{
    m_probeThread.reset(); // quits and waits; the probe is deleted in its thread as it ends
}

// Signals from worker threads arrive queued: the lambdas run in the GUI thread.
void StatusPoller::connectBackend()
{
    if (HaClient *client = m_backend->haClient()) {
        connect(client, &HaClient::connectionStateChanged, this, &StatusPoller::pollNow,
                Qt::QueuedConnection);
        connect(
            client, &HaClient::discoveryProgressed, this,
            [this](const QString &, int done, int total) {
                m_discoveryDone = done;
                m_discoveryTotal = total;
            },
            Qt::QueuedConnection);
        connect(
            client, &HaClient::discoveryFinished, this,
            [this] {
                m_discoveryDone = m_discoveryTotal = 0;
                refreshRegistry();
                pollNow();
            },
            Qt::QueuedConnection);
        connect(client, &HaClient::backfillFinished, this, &StatusPoller::pollNow,
                Qt::QueuedConnection);
        connect(
            client->connection(), &HaConnection::reconnectScheduled, this,
            [this](int delayMs) { m_reconnectAt = QDeadlineTimer(delayMs); }, Qt::QueuedConnection);
    }
    if (RegistryService *registry = m_backend->registry()) {
        connect(registry, &RegistryService::registryChanged, this, &StatusPoller::refreshRegistry,
                Qt::QueuedConnection);
    }
}

void StatusPoller::startProbe()
{
    m_probeThread = startNamedThread(u"gui-registry"_s);
    m_probe = new RegistryProbe(m_backend->settings().registryDb);
    m_probe->moveToThread(m_probeThread.get());
    connect(m_probeThread.get(), &QThread::finished, m_probe, &QObject::deleteLater);
    connect(m_probe, &RegistryProbe::figuresRead, this, &StatusPoller::onRegistryRead,
            Qt::QueuedConnection);
    requestRegistryRead();
}

void StatusPoller::refreshRegistry()
{
    if (m_probe && !m_registryDebounce.isActive())
        m_registryDebounce.start();
}

// One read in flight at a time; changes during a read cause one more read after it.
void StatusPoller::requestRegistryRead()
{
    if (m_readPending) {
        m_readAgain = true;
        return;
    }
    m_readPending = true;
    QMetaObject::invokeMethod(m_probe, &RegistryProbe::read, Qt::QueuedConnection);
}

void StatusPoller::onRegistryRead(const RegistryFigures &figures)
{
    m_readPending = false;
    m_registry = figures;
    if (m_readAgain) {
        m_readAgain = false;
        requestRegistryRead();
    }
    pollNow();
}

void StatusPoller::trackInfluxErrorKind(const InfluxWriterFigures &figures)
{
    for (int kind = 1; kind < kInfluxErrorKinds; ++kind) {
        if (figures.errors[size_t(kind)] > m_influxErrors[size_t(kind)])
            m_influxErrorKind = InfluxErrorKind(kind);
    }
    m_influxErrors = figures.errors;
    if (figures.status == u"ok"_s || figures.status == u"no_target"_s)
        m_influxErrorKind = InfluxErrorKind::None;
}

void StatusPoller::pollNow()
{
    StatusSnapshot s;
    s.takenAtUs = HaTime::nowMicroseconds();
    s.registry = m_registry;
    s.discoveryDone = m_discoveryDone;
    s.discoveryTotal = m_discoveryTotal;
    if (m_backend) {
        if (HaClient *client = m_backend->haClient()) {
            s.haConfigured = true;
            s.ha = client->statusSnapshot();
            if (s.ha.state == HaState::Disconnected && !m_reconnectAt.isForever() &&
                !m_reconnectAt.hasExpired())
                s.reconnectInSeconds = int(std::ceil(double(m_reconnectAt.remainingTime()) / 1000));
        }
        if (IngestPipeline *ingest = m_backend->ingest()) {
            const std::shared_ptr<const IngestStats> stats = ingest->stats();
            s.ingest = stats->toJson(s.takenAtUs);
            s.eventsReceived = stats->eventsTotal();
            s.eventsPerSecond = stats->eventsPerSecond(10, s.takenAtUs);
            const QJsonObject skipped = s.ingest.value(u"skipped"_s).toObject();
            for (auto it = skipped.begin(); it != skipped.end(); ++it)
                s.eventsSkipped += it.value().toInteger();
            s.influx = ingest->writerStats()->snapshot();
            trackInfluxErrorKind(s.influx);
            s.influxErrorKind = m_influxErrorKind;
        }
        if (WebhookService *webhooks = m_backend->webhooks()) {
            const std::shared_ptr<const WebhookStats> stats = webhooks->stats();
            s.webhooks = stats->toJson();
            s.webhookWarnings = stats->warnings();
        }
        if (m_backend->apiPort() != 0) {
            Settings listen = m_backend->settings();
            listen.apiPort = m_backend->apiPort();
            s.apiAddress = u"http://"_s + listen.apiListenText();
        }
    }
    m_current = s;
    Q_EMIT updated(m_current);
}

} // namespace hai
