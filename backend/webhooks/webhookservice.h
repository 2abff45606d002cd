// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/webhooksettings.h"
#include "homeassistant/haevent.h"
#include "webhook.h"
#include "webhookmatcher.h"
#include "webhookregistryview.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>

namespace hai {

class Database;
class RegistryService;
class WebhookDispatcher;
class WebhookStats;
struct Settings;

// Webhooks end to end, in the "webhooks" thread: matches live events against the enabled
// webhooks, stores each delivery in the queue table, hands it to the dispatcher, and records
// every attempt. The database is written only through RegistryService (the one writer, in the
// "registry" thread); calls there are queued, so the event path never waits on a disk.
// After a restart the pending rows are the queue, so nothing accepted is lost.
class WebhookService : public QObject
{
    Q_OBJECT
public:
    WebhookService(const Settings &settings, RegistryService *registry, QObject *parent = nullptr);
    ~WebhookService() override;

    // In the owning thread: opens a reader connection, imports a legacy webhooks.json, loads
    // the webhooks and the pending queue and prunes old log rows. False with `error` set when
    // the database cannot be read.
    bool start(QString *error);
    void stop();

    std::shared_ptr<const WebhookStats> stats() const { return m_stats; }

    struct TestResult
    {
        bool found = false; // the webhook exists
        DeliveryAttempt attempt;
        QString deliveryId;
    };
    // Sends a ping to one webhook now (even a disabled one) and logs it as a delivery.
    void sendTest(const QString &webhookId, std::function<void(const TestResult &)> done);

    struct RedeliverResult
    {
        enum class Outcome { Queued, NotFound, AlreadyPending, StorageError };
        Outcome outcome = Outcome::NotFound;
        WebhookDelivery delivery; // as queued again
        QString error;
    };
    // Queues a delivered or failed delivery again, with its original bytes and id (receivers
    // deduplicate by X-Webhook-ID), after everything already queued for its webhook.
    RedeliverResult redeliver(const QString &deliveryId);

public Q_SLOTS:
    // HaClient::eventsReceived: every batch, live and backfilled (backfill never matches).
    void handleEvents(const hai::HaEventList &events);
    // The webhook rows changed (REST API, GUI): reload them and the queue. A burst of changes
    // (thousands of registrations a second) costs one reload per kReloadDelayMs.
    void reloadWebhooks();
    // A registry sync finished: the area and device facts are read again before next use.
    void registryChanged();

private:
    void onAttempted(const DeliveryAttempt &attempt);
    void flushAttempts();
    void persistAndSend(WebhookDeliveryList deliveries);
    void reloadNow();
    void applyWebhooks(const WebhookList &webhooks);
    bool ensureRegistryView();
    void prune();
    void updateQueueFigures();
    qint64 nextSeq() { return ++m_seq; }

    const Settings &m_settings;
    QPointer<RegistryService> m_registry;
    std::unique_ptr<Database> m_database; // reader, this thread
    std::shared_ptr<WebhookStats> m_stats;
    WebhookDispatcher *m_dispatcher = nullptr;
    WebhookMatcher m_matcher;
    WebhookRegistryView m_view;
    bool m_viewDirty = true;
    bool m_queueLoaded = false; // the pending rows were handed to the dispatcher
    qint64 m_seq = 0;
    QList<DeliveryAttempt> m_attempts; // reported, not yet recorded
    QTimer m_flushTimer{this};         // children, so they move to the worker thread with this
    QTimer m_pruneTimer{this};
    QTimer m_reloadTimer{this};
};

} // namespace hai
