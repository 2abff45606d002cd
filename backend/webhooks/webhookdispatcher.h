// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "webhook.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>

#include <deque>
#include <functional>
#include <unordered_map>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace hai {

struct WebhookDispatcherOptions
{
    int timeoutMs = 5000;
    int maxAttempts = 8;           // then the delivery is failed
    double retryBaseSeconds = 30;  // attempt n waits base * 2^(n-1): 8 attempts ≈ 1 hour
    double retryMaxSeconds = 3600; // cap of one wait, Retry-After included
    int inFlightPerWebhook = 4;
    int inFlightTotal = 32;
    bool followRedirects = false; // a 3xx is then a failed attempt, "redirect not followed"
    QByteArray userAgent = "ha-ingestor";
};

// POSTs deliveries with its own QNetworkAccessManager, in the thread it lives in ("webhooks").
// Each webhook has its own queue, sent in seq order with a few requests in flight; a global
// cap bounds the total, and a slow or dead receiver only holds up its own queue. A failed
// attempt puts the delivery back at the head of its queue until its next attempt is due
// (exponential backoff, or Retry-After when the receiver sent one), so a webhook's events are
// delivered in order. Every outcome is reported through attempted(); the owner persists it.
//
// Headers: Content-Type: application/json, X-Webhook-Signature (WebhookSigner over the exact
// payload bytes), X-Webhook-Event, X-Webhook-Timestamp (epoch seconds of the attempt),
// X-Webhook-ID (the delivery id), User-Agent.
class WebhookDispatcher : public QObject
{
    Q_OBJECT
public:
    explicit WebhookDispatcher(const WebhookDispatcherOptions &options, QObject *parent = nullptr);
    ~WebhookDispatcher() override;

    // The webhooks to send for (url, secret, enabled). Deliveries of a webhook that is absent
    // or disabled stay queued, unsent; a removed webhook's queue is dropped.
    void setWebhooks(const WebhookList &webhooks);
    // Appends pending deliveries (any webhooks, seq order within each webhook). A delivery
    // whose nextAttemptAt lies ahead waits until then.
    void enqueue(const WebhookDeliveryList &deliveries);
    // Sends one delivery at once, outside the queues and caps (a test ping); `done` is called
    // with the outcome in this thread. It is not reported through attempted().
    void sendNow(const Webhook &webhook, const WebhookDelivery &delivery,
                 std::function<void(const DeliveryAttempt &)> done);

    int queuedCount() const; // waiting, not in flight
    int inFlightCount() const;

Q_SIGNALS:
    // One attempt's outcome. For a delivery that stays pending, nextAttemptAt says when.
    void attempted(const hai::DeliveryAttempt &attempt);
    // Every queue is empty and nothing is in flight.
    void drained();

private:
    // One webhook's deliveries that wait, in seq order. The head holds the queue while its
    // nextAttemptAt lies ahead, so a later delivery never overtakes one waiting for a retry.
    struct Queue
    {
        std::deque<WebhookDelivery> pending;
        int inFlight = 0;
        quint64 generation = 0; // bumped when the queue is dropped: late answers are ignored
        bool failing = false;   // the last attempt failed; logged once until it recovers
    };
    // A request on the wire.
    struct Sending
    {
        WebhookDelivery delivery;
        QString webhookLabel; // name and host for the log, never the secret or the path
        double startedAt = 0; // epoch seconds, as in X-Webhook-Timestamp
        qint64 startedNs = 0; // m_clock
        quint64 generation = 0;
        std::function<void(const DeliveryAttempt &)> done; // sendNow only
        QStringList tlsErrors;
    };

    void pump();
    bool canStart(const QString &webhookId, const Queue &queue, double now) const;
    void send(const QString &webhookId, Queue &queue);
    void post(const Webhook &webhook, Sending sending);
    DeliveryAttempt outcome(QNetworkReply *reply, const Sending &sending) const;
    QString errorText(QNetworkReply *reply, const Sending &sending) const;
    void finished(QNetworkReply *reply);
    void settle(const QString &webhookId, Sending &sending, const DeliveryAttempt &attempt);
    void requeue(Queue &queue, WebhookDelivery delivery);
    void dropQueue(const QString &webhookId);
    void releaseIfIdle(const QString &webhookId);
    void scheduleWake();
    void emitDrainedIfIdle();

    WebhookDispatcherOptions m_options;
    QNetworkAccessManager *m_network;
    QTimer *m_wake;
    QElapsedTimer m_clock;
    QHash<QString, Webhook> m_webhooks;
    std::unordered_map<QString, Queue> m_queues; // node-based: references stay valid
    std::vector<QString> m_order;                // round-robin order of m_queues
    size_t m_cursor = 0;
    QSet<QString> m_known; // ids queued or in flight, so a repeated enqueue is not sent twice
    QHash<QNetworkReply *, Sending> m_sending;
    int m_queued = 0;
    int m_inFlight = 0; // queue sends only; sendNow is outside the caps
};

} // namespace hai
