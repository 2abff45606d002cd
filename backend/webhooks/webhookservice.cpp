// SPDX-License-Identifier: GPL-3.0-or-later
#include "webhookservice.h"

#include "core/logging.h"
#include "core/settings.h"
#include "core/thread.h"
#include "homeassistant/hatime.h"
#include "legacywebhookimport.h"
#include "registry/database.h"
#include "registry/registryservice.h"
#include "webhookdispatcher.h"
#include "webhookeventtypes.h"
#include "webhookpayload.h"
#include "webhookstats.h"
#include "webhookstore.h"

#include <QDateTime>
#include <QSet>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace hai {

namespace {
constexpr int kAttemptFlushMs = 50;           // attempts are recorded in batches
constexpr int kPruneIntervalMs = 3600 * 1000; // the log is pruned hourly
constexpr int kReloadDelayMs = 50;            // webhook changes are read in batches

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

WebhookDispatcherOptions dispatcherOptions(const WebhookOptions &options)
{
    WebhookDispatcherOptions out;
    out.timeoutMs = options.timeoutMs;
    out.maxAttempts = options.maxAttempts;
    out.retryBaseSeconds = options.retryBaseMs / 1000.0;
    out.followRedirects = options.followRedirects;
    out.inFlightPerWebhook = options.inFlightPerWebhook;
    out.userAgent = "ha-ingestor/" + QByteArray(HAI_VERSION);
    return out;
}
} // namespace

WebhookService::WebhookService(const Settings &settings, RegistryService *registry, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_registry(registry)
    , m_stats(std::make_shared<WebhookStats>())
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kAttemptFlushMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &WebhookService::flushAttempts);
    m_pruneTimer.setInterval(kPruneIntervalMs);
    connect(&m_pruneTimer, &QTimer::timeout, this, &WebhookService::prune);
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(kReloadDelayMs);
    connect(&m_reloadTimer, &QTimer::timeout, this, &WebhookService::reloadNow);
}

WebhookService::~WebhookService()
{
    stop();
}

bool WebhookService::start(QString *error)
{
    m_database = std::make_unique<Database>();
    if (!m_database->open(m_settings.registryDb, Database::Role::Reader, error))
        return false;
    m_dispatcher = new WebhookDispatcher(dispatcherOptions(m_settings.webhooks), this);
    connect(m_dispatcher, &WebhookDispatcher::attempted, this, &WebhookService::onAttempted);

    // The legacy file is imported through the one writer, before anything reads the table.
    RegistryService *registry = m_registry;
    const QString dataDir = m_settings.dataDir;
    const LegacyWebhookImport::Report report = invokeIn(registry, [registry, &dataDir] {
        WebhookStore *store = registry->webhooks();
        return store ? LegacyWebhookImport::run(dataDir, *store, HaTime::nowSeconds())
                     : LegacyWebhookImport::Report{};
    });
    if (report.found && report.ok) {
        m_stats->setImportMessage(
            u"imported %1 of %2 webhooks from webhooks.json (backup: %3)"_s.arg(report.imported)
                .arg(report.entries)
                .arg(report.backupPath),
            false);
    } else if (report.found) {
        qCWarning(lcWebhooks).noquote() << "webhooks.json was not imported:" << report.error;
        m_stats->setImportMessage(u"webhooks.json was not imported: "_s + report.error, true);
    }

    WebhookStore reader(*m_database);
    m_seq = reader.maxSeq(error);
    const auto webhooks = reader.list(error);
    const auto pending = webhooks ? reader.pending(error) : std::nullopt;
    if (!webhooks || !pending)
        return false;
    applyWebhooks(*webhooks);
    m_dispatcher->enqueue(*pending);
    m_queueLoaded = true;
    if (!pending->isEmpty())
        qCInfo(lcWebhooks) << "resuming" << pending->size() << "pending webhook deliveries";
    updateQueueFigures();
    prune();
    m_pruneTimer.start();
    return true;
}

void WebhookService::stop()
{
    if (!m_database)
        return;
    flushAttempts();
    m_pruneTimer.stop();
    delete m_dispatcher; // aborts requests in flight; their rows stay pending
    m_dispatcher = nullptr;
    m_database.reset();
}

void WebhookService::handleEvents(const HaEventList &events)
{
    if (m_matcher.isEmpty() || !m_dispatcher)
        return;
    if (m_viewDirty && !ensureRegistryView())
        return;
    WebhookDeliveryList deliveries;
    QList<WebhookMatcher::Match> matches;
    const double now = HaTime::nowSeconds();
    for (const HaEvent &event : events) {
        matches.clear();
        m_matcher.match(event, m_view, &matches);
        if (matches.isEmpty())
            continue;
        m_stats->eventsMatched.fetch_add(1, std::memory_order_relaxed);
        for (const WebhookMatcher::Match &match : std::as_const(matches)) {
            const Webhook &webhook = m_matcher.webhooks().at(match.webhook);
            QJsonObject data;
            if (match.eventType == u"device_added" || match.eventType == u"device_removed")
                data =
                    WebhookPayload::deviceData(event.data.value(u"device_id"_s).toString(), m_view);
            else if (event.isStateChanged())
                data = WebhookPayload::stateChangedData(event, m_view);
            else
                data = WebhookPayload::eventData(event);
            WebhookDelivery delivery;
            delivery.id = newId();
            delivery.webhookId = webhook.id;
            delivery.eventType = match.eventType;
            delivery.payload = WebhookPayload::build(webhook.id, delivery.id, match.eventType,
                                                     event.timeFiredUs, data);
            delivery.createdAt = now;
            delivery.nextAttemptAt = now;
            delivery.seq = nextSeq();
            deliveries.append(std::move(delivery));
        }
    }
    if (!deliveries.isEmpty())
        persistAndSend(std::move(deliveries));
}

// The rows are committed before the first attempt, so every reported attempt finds its row
// and a restart in between resends from the table.
void WebhookService::persistAndSend(WebhookDeliveryList deliveries)
{
    m_stats->deliveriesCreated.fetch_add(deliveries.size(), std::memory_order_relaxed);
    QPointer<WebhookService> self(this);
    RegistryService *registry = m_registry;
    if (!registry)
        return;
    QMetaObject::invokeMethod(
        registry,
        [registry, self, deliveries = std::move(deliveries)] {
            WebhookStore *store = registry->webhooks();
            const WebhookStore::Result result =
                store ? store->enqueue(deliveries) : WebhookStore::Result{};
            QMetaObject::invokeMethod(
                self.data(),
                [self, result, deliveries] {
                    if (!self || !self->m_dispatcher)
                        return;
                    if (!result.ok) {
                        // Sent anyway: losing the event would be worse than an unlogged send.
                        self->m_stats->storeErrors.fetch_add(1, std::memory_order_relaxed);
                        qCWarning(lcWebhooks).noquote() << "could not store" << deliveries.size()
                                                        << "webhook deliveries:" << result.error;
                    }
                    self->m_dispatcher->enqueue(deliveries);
                    self->updateQueueFigures();
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void WebhookService::onAttempted(const DeliveryAttempt &attempt)
{
    if (attempt.delivered)
        m_stats->delivered.fetch_add(1, std::memory_order_relaxed);
    else if (attempt.finalFailure)
        m_stats->failedDeliveries.fetch_add(1, std::memory_order_relaxed);
    else
        m_stats->failedAttempts.fetch_add(1, std::memory_order_relaxed);
    m_attempts.append(attempt);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
    updateQueueFigures();
}

void WebhookService::flushAttempts()
{
    if (m_attempts.isEmpty() || !m_registry)
        return;
    QList<DeliveryAttempt> attempts;
    attempts.swap(m_attempts);
    QPointer<WebhookService> self(this);
    RegistryService *registry = m_registry;
    const int disableAfter = m_settings.webhooks.disableAfter;
    QMetaObject::invokeMethod(
        registry,
        [registry, self, attempts = std::move(attempts), disableAfter] {
            QStringList disabled;
            WebhookStore *store = registry->webhooks();
            const WebhookStore::Result result =
                store ? store->recordAttempts(attempts, disableAfter, &disabled)
                      : WebhookStore::Result{};
            QMetaObject::invokeMethod(
                self.data(),
                [self, result, disabled] {
                    if (!self)
                        return;
                    if (!result.ok) {
                        self->m_stats->storeErrors.fetch_add(1, std::memory_order_relaxed);
                        qCWarning(lcWebhooks).noquote()
                            << "could not record webhook attempts:" << result.error;
                    }
                    if (!disabled.isEmpty())
                        self->reloadNow();
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void WebhookService::reloadWebhooks()
{
    if (!m_reloadTimer.isActive())
        m_reloadTimer.start();
}

void WebhookService::reloadNow()
{
    if (!m_database)
        return;
    QString error;
    WebhookStore reader(*m_database);
    const auto webhooks = reader.list(&error);
    if (!webhooks) {
        qCWarning(lcWebhooks).noquote() << "could not read the webhooks:" << error;
        return;
    }
    applyWebhooks(*webhooks);
}

void WebhookService::applyWebhooks(const WebhookList &webhooks)
{
    QSet<QString> wasEnabled;
    for (const Webhook &known : m_matcher.webhooks())
        wasEnabled.insert(known.id);
    // Rows of a webhook that was disabled when the queue was loaded join it when the webhook
    // is enabled again.
    QSet<QString> newlyEnabled;
    QSet<QString> autoDisabled;
    qint64 enabled = 0;
    for (const Webhook &webhook : webhooks) {
        if (!webhook.enabled && !webhook.disabledReason.isEmpty())
            autoDisabled.insert(webhook.id);
        if (webhook.enabled) {
            ++enabled;
            if (m_queueLoaded && !wasEnabled.contains(webhook.id))
                newlyEnabled.insert(webhook.id);
        } else if (!webhook.disabledReason.isEmpty()) {
            // Shown until it is enabled again, also after a restart; logged when it happens.
            if (wasEnabled.contains(webhook.id))
                qCWarning(lcWebhooks).noquote() << "webhook" << webhook.name << webhook.id
                                                << "disabled:" << webhook.disabledReason;
            m_stats->noteDisabled(webhook.id, webhook.name + u": "_s + webhook.disabledReason);
        }
    }
    m_stats->retainDisabled(autoDisabled);
    m_matcher = WebhookMatcher(webhooks);
    m_stats->webhooksEnabled.store(enabled, std::memory_order_relaxed);
    if (!m_dispatcher)
        return;
    m_dispatcher->setWebhooks(webhooks);
    if (newlyEnabled.isEmpty())
        return;
    QString error;
    const auto pending = WebhookStore(*m_database).pending(&error);
    if (!pending) {
        qCWarning(lcWebhooks).noquote() << "could not read the webhook queue:" << error;
        return;
    }
    WebhookDeliveryList resumed;
    for (const WebhookDelivery &delivery : *pending) {
        if (newlyEnabled.contains(delivery.webhookId))
            resumed.append(delivery);
    }
    m_dispatcher->enqueue(resumed);
    updateQueueFigures();
}

void WebhookService::registryChanged()
{
    m_viewDirty = true;
}

bool WebhookService::ensureRegistryView()
{
    QString error;
    auto view = WebhookRegistryView::load(*m_database, &error);
    if (!view) {
        qCWarning(lcWebhooks).noquote() << "could not read the registry for webhooks:" << error;
        return false;
    }
    m_view = std::move(*view);
    m_viewDirty = false;
    return true;
}

void WebhookService::sendTest(const QString &webhookId,
                              std::function<void(const TestResult &)> done)
{
    TestResult result;
    const auto webhook = m_database ? WebhookStore(*m_database).get(webhookId) : std::nullopt;
    if (!webhook || !m_dispatcher) {
        done(result);
        return;
    }
    result.found = true;
    WebhookDelivery delivery;
    delivery.id = newId();
    delivery.webhookId = webhook->id;
    delivery.eventType = QString::fromLatin1(WebhookEventTypes::kPing);
    const double now = HaTime::nowSeconds();
    delivery.payload = WebhookPayload::build(webhook->id, delivery.id, delivery.eventType,
                                             qint64(now * 1e6), WebhookPayload::pingData());
    delivery.createdAt = now;
    delivery.nextAttemptAt = now;
    delivery.seq = nextSeq();
    result.deliveryId = delivery.id;
    QPointer<WebhookService> self(this);
    m_dispatcher->sendNow(*webhook, delivery,
                          [self, delivery, result, done](DeliveryAttempt attempt) mutable {
                              attempt.finalFailure = !attempt.delivered; // a ping is not retried
                              result.attempt = attempt;
                              if (self && self->m_registry) {
                                  RegistryService *registry = self->m_registry;
                                  invokeIn(registry, [registry, &delivery, &attempt] {
                                      WebhookStore *store = registry->webhooks();
                                      if (!store || !store->enqueue({delivery}).ok)
                                          return false;
                                      QStringList disabled;
                                      return store->recordAttempts({attempt}, 0, &disabled).ok;
                                  });
                              }
                              done(result);
                          });
}

WebhookService::RedeliverResult WebhookService::redeliver(const QString &deliveryId)
{
    using Outcome = RedeliverResult::Outcome;
    RedeliverResult result;
    if (!m_database || !m_dispatcher)
        return result;
    WebhookStore reader(*m_database);
    const auto before = reader.delivery(deliveryId, &result.error);
    if (!before) {
        result.outcome = result.error.isEmpty() ? Outcome::NotFound : Outcome::StorageError;
        return result;
    }
    if (before->status == DeliveryStatus::Pending) {
        result.outcome = Outcome::AlreadyPending;
        result.delivery = *before;
        return result;
    }
    RegistryService *registry = m_registry;
    const qint64 seq = nextSeq();
    const WebhookStore::Result stored = invokeIn(registry, [registry, &deliveryId, seq] {
        WebhookStore *store = registry->webhooks();
        return store ? store->redeliver(deliveryId, HaTime::nowSeconds(), seq)
                     : WebhookStore::Result{};
    });
    const auto after = stored.ok ? reader.delivery(deliveryId, &result.error) : std::nullopt;
    if (!after) {
        result.outcome = stored.notFound ? Outcome::NotFound : Outcome::StorageError;
        if (result.error.isEmpty())
            result.error = stored.error;
        return result;
    }
    result.outcome = Outcome::Queued;
    result.delivery = *after;
    m_dispatcher->enqueue({*after});
    updateQueueFigures();
    return result;
}

void WebhookService::prune()
{
    RegistryService *registry = m_registry;
    if (!registry)
        return;
    const double before = HaTime::nowSeconds() - m_settings.webhooks.retentionDays * 86400.0;
    QMetaObject::invokeMethod(
        registry,
        [registry, before] {
            qint64 deleted = 0;
            if (WebhookStore *store = registry->webhooks()) {
                const WebhookStore::Result result = store->pruneDelivered(before, &deleted);
                if (!result.ok)
                    qCWarning(lcWebhooks).noquote()
                        << "could not prune the webhook log:" << result.error;
                else if (deleted > 0)
                    qCInfo(lcWebhooks) << "pruned" << deleted << "delivered webhook log rows";
            }
        },
        Qt::QueuedConnection);
}

void WebhookService::updateQueueFigures()
{
    if (!m_dispatcher)
        return;
    m_stats->queued.store(m_dispatcher->queuedCount(), std::memory_order_relaxed);
    m_stats->inFlight.store(m_dispatcher->inFlightCount(), std::memory_order_relaxed);
}

} // namespace hai
