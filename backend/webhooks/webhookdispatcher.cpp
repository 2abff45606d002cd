// SPDX-License-Identifier: GPL-3.0-or-later
#include "webhookdispatcher.h"

#include "core/logging.h"
#include "homeassistant/hatime.h"
#include "timeseries/influxresponse.h"
#include "webhookpayload.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#if QT_CONFIG(ssl)
#include <QSslError>
#endif

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

// "https://host:port" and the name: enough to say which receiver, without the path or query,
// which often carry a token.
QString webhookLabel(const Webhook &webhook)
{
    const QString origin = webhook.url
                               .adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath |
                                         QUrl::RemoveQuery | QUrl::RemoveFragment)
                               .toString();
    return u"'%1' (%2)"_s.arg(webhook.name.isEmpty() ? webhook.id : webhook.name, origin);
}

QString seconds(double value)
{
    return QString::number(value, 'g', 3) + u" s"_s;
}

} // namespace

WebhookDispatcher::WebhookDispatcher(const WebhookDispatcherOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_network(new QNetworkAccessManager(this))
    , m_wake(new QTimer(this))
{
    m_options.maxAttempts = qMax(1, m_options.maxAttempts);
    m_options.inFlightPerWebhook = qMax(1, m_options.inFlightPerWebhook);
    m_options.inFlightTotal = qMax(1, m_options.inFlightTotal);
    // A redirect usually means a wrong URL: say so rather than post the event elsewhere.
    m_network->setRedirectPolicy(m_options.followRedirects
                                     ? QNetworkRequest::NoLessSafeRedirectPolicy
                                     : QNetworkRequest::ManualRedirectPolicy);
    m_wake->setSingleShot(true);
    m_wake->setTimerType(Qt::PreciseTimer);
    connect(m_wake, &QTimer::timeout, this, [this] { pump(); });
    m_clock.start();
}

WebhookDispatcher::~WebhookDispatcher()
{
    // Nobody is told about requests cut short here; the owner still has them as pending.
    const QList<QNetworkReply *> replies = m_sending.keys();
    for (QNetworkReply *reply : replies) {
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
    }
}

void WebhookDispatcher::setWebhooks(const WebhookList &webhooks)
{
    QHash<QString, Webhook> next;
    for (const Webhook &webhook : webhooks)
        next.insert(webhook.id, webhook);
    bool dropped = false;
    for (auto it = m_webhooks.cbegin(); it != m_webhooks.cend(); ++it) {
        if (!next.contains(it.key()) && m_queues.count(it.key())) {
            dropQueue(it.key());
            dropped = true;
        }
    }
    m_webhooks = std::move(next);
    pump();
    if (dropped)
        emitDrainedIfIdle();
}

void WebhookDispatcher::enqueue(const WebhookDeliveryList &deliveries)
{
    for (const WebhookDelivery &delivery : deliveries) {
        if (m_known.contains(delivery.id))
            continue; // already queued or on the wire
        auto [it, created] = m_queues.try_emplace(delivery.webhookId);
        if (created)
            m_order.push_back(delivery.webhookId);
        requeue(it->second, delivery);
        m_known.insert(delivery.id);
        ++m_queued;
    }
    pump();
}

void WebhookDispatcher::sendNow(const Webhook &webhook, const WebhookDelivery &delivery,
                                std::function<void(const DeliveryAttempt &)> done)
{
    Sending sending;
    sending.delivery = delivery;
    sending.done = std::move(done);
    post(webhook, std::move(sending));
}

int WebhookDispatcher::queuedCount() const
{
    return m_queued;
}

int WebhookDispatcher::inFlightCount() const
{
    return m_inFlight;
}

bool WebhookDispatcher::canStart(const QString &webhookId, const Queue &queue, double now) const
{
    if (queue.pending.empty() || queue.inFlight >= m_options.inFlightPerWebhook ||
        queue.pending.front().nextAttemptAt > now)
        return false;
    const auto webhook = m_webhooks.constFind(webhookId);
    return webhook != m_webhooks.cend() && webhook->enabled;
}

void WebhookDispatcher::pump()
{
    const double now = HaTime::nowSeconds();
    // Round robin, one request per queue per turn, so one busy webhook cannot starve the
    // others; the cursor carries over to the next pump. Stops after a whole idle turn.
    size_t idle = 0;
    while (m_inFlight < m_options.inFlightTotal && !m_order.empty() && idle < m_order.size()) {
        m_cursor %= m_order.size();
        const QString webhookId = m_order[m_cursor++];
        Queue &queue = m_queues.at(webhookId);
        if (canStart(webhookId, queue, now)) {
            send(webhookId, queue);
            idle = 0;
        } else {
            ++idle;
        }
    }
    scheduleWake();
}

void WebhookDispatcher::send(const QString &webhookId, Queue &queue)
{
    Sending sending;
    sending.delivery = std::move(queue.pending.front());
    sending.generation = queue.generation;
    queue.pending.pop_front();
    --m_queued;
    ++queue.inFlight;
    ++m_inFlight;
    post(m_webhooks.value(webhookId), std::move(sending));
}

void WebhookDispatcher::post(const Webhook &webhook, Sending sending)
{
    const WebhookDelivery &delivery = sending.delivery;
    sending.webhookLabel = webhookLabel(webhook);
    sending.startedAt = HaTime::nowSeconds();
    sending.startedNs = m_clock.nsecsElapsed();

    QNetworkRequest request(webhook.url);
    request.setTransferTimeout(m_options.timeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("X-Webhook-Signature",
                         WebhookSigner::signature(webhook.secret, delivery.payload));
    request.setRawHeader("X-Webhook-Event", delivery.eventType.toUtf8());
    request.setRawHeader("X-Webhook-Timestamp",
                         QByteArray::number(qint64(std::floor(sending.startedAt))));
    request.setRawHeader("X-Webhook-ID", delivery.id.toUtf8());
    request.setHeader(QNetworkRequest::UserAgentHeader, m_options.userAgent);

    QNetworkReply *reply = m_network->post(request, delivery.payload);
    m_sending.insert(reply, std::move(sending)); // `delivery` is gone from here on
    connect(reply, &QNetworkReply::finished, this, [this, reply] { finished(reply); });
#if QT_CONFIG(ssl)
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        const auto it = m_sending.find(reply);
        if (it == m_sending.end())
            return;
        for (const QSslError &error : errors)
            it->tlsErrors.append(error.errorString());
    });
#endif
}

QString WebhookDispatcher::errorText(QNetworkReply *reply, const Sending &sending) const
{
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        return u"connection refused"_s;
    case QNetworkReply::HostNotFoundError:
        return u"host not found"_s;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // what the transfer timeout reports in Qt 6.4
        return u"timed out after "_s + seconds(m_options.timeoutMs / 1000.0);
    case QNetworkReply::RemoteHostClosedError:
        return u"connection closed by the receiver"_s;
    case QNetworkReply::SslHandshakeFailedError:
        if (!sending.tlsErrors.isEmpty())
            return u"TLS error: "_s + sending.tlsErrors.join(u"; "_s);
        return u"TLS handshake failed: "_s + reply->errorString();
    case QNetworkReply::TooManyRedirectsError:
        return u"too many redirects"_s;
    case QNetworkReply::InsecureRedirectError:
        return u"redirect to a less safe URL refused"_s;
    case QNetworkReply::ProtocolUnknownError:
        return u"unsupported URL scheme '%1'"_s.arg(reply->url().scheme());
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        return u"network unavailable"_s;
    default:
        break;
    }
    if (!sending.tlsErrors.isEmpty())
        return u"TLS error: "_s + sending.tlsErrors.join(u"; "_s);
    // Qt's text may quote the URL, whose path or query can hold a token.
    QString text = reply->errorString();
    text.replace(reply->url().toString(), reply->url().host());
    return text;
}

DeliveryAttempt WebhookDispatcher::outcome(QNetworkReply *reply, const Sending &sending) const
{
    const WebhookDelivery &delivery = sending.delivery;
    DeliveryAttempt attempt;
    attempt.deliveryId = delivery.id;
    attempt.webhookId = delivery.webhookId;
    attempt.attemptedAt = sending.startedAt;
    attempt.elapsedMs = double(m_clock.nsecsElapsed() - sending.startedNs) / 1e6;
    attempt.statusCode = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // Any 2xx counts, even if the connection broke after it: the receiver took the event.
    if (attempt.statusCode >= 200 && attempt.statusCode < 300) {
        attempt.delivered = true;
        return attempt;
    }
    const bool redirectRefused = reply->error() == QNetworkReply::InsecureRedirectError ||
                                 reply->error() == QNetworkReply::TooManyRedirectsError;
    if (attempt.statusCode >= 300 && attempt.statusCode < 400 && !redirectRefused) {
        const QByteArray location = reply->rawHeader("Location");
        attempt.error = u"redirect to %1 not followed"_s.arg(
            location.isEmpty() ? u"nowhere"_s : QString::fromUtf8(location));
    } else if (attempt.statusCode != 0 && !redirectRefused) {
        attempt.error = u"HTTP "_s + QString::number(attempt.statusCode);
    } else {
        attempt.error = errorText(reply, sending);
    }

    const int attempts = delivery.attempts + 1;
    if (attempts >= m_options.maxAttempts) {
        attempt.finalFailure = true;
        return attempt;
    }
    double wait = m_options.retryBaseSeconds * std::ldexp(1.0, qMin(attempts - 1, 60));
    if (attempt.statusCode != 0) {
        const int retryAfter = InfluxResponse::parseRetryAfter(reply->rawHeader("Retry-After"));
        if (retryAfter >= 0)
            wait = retryAfter;
    }
    attempt.nextAttemptAt = HaTime::nowSeconds() + qBound(0.0, wait, m_options.retryMaxSeconds);
    return attempt;
}

void WebhookDispatcher::finished(QNetworkReply *reply)
{
    reply->deleteLater();
    auto it = m_sending.find(reply);
    if (it == m_sending.end())
        return;
    Sending sending = std::move(*it);
    m_sending.erase(it);
    const DeliveryAttempt attempt = outcome(reply, sending);
    if (sending.done) {
        sending.done(attempt);
        return;
    }
    settle(sending.delivery.webhookId, sending, attempt);
    Q_EMIT attempted(attempt);
    pump();
    emitDrainedIfIdle();
}

// Updates the queue before attempted() is emitted, so a slot that enqueues sees it settled.
void WebhookDispatcher::settle(const QString &webhookId, Sending &sending,
                               const DeliveryAttempt &attempt)
{
    --m_inFlight;
    const auto it = m_queues.find(webhookId);
    Queue *queue = it == m_queues.end() ? nullptr : &it->second;
    if (queue)
        --queue->inFlight;
    const bool current = queue && queue->generation == sending.generation;
    if (attempt.delivered || attempt.finalFailure || !current)
        m_known.remove(sending.delivery.id);

    if (attempt.delivered) {
        if (current && queue->failing)
            qCInfo(lcWebhooks).noquote()
                << u"webhook %1 answers again (HTTP %2)"_s.arg(sending.webhookLabel)
                       .arg(attempt.statusCode);
        if (current)
            queue->failing = false;
    } else if (attempt.finalFailure) {
        qCWarning(lcWebhooks).noquote()
            << u"webhook %1: delivery %2 failed after %3 attempts: %4"_s.arg(
                   sending.webhookLabel, sending.delivery.id,
                   QString::number(sending.delivery.attempts + 1), attempt.error);
        if (current)
            queue->failing = true;
    } else if (current) {
        const QString message = u"webhook %1: %2; next attempt in %3"_s.arg(
            sending.webhookLabel, attempt.error,
            seconds(attempt.nextAttemptAt - HaTime::nowSeconds()));
        if (queue->failing)
            qCDebug(lcWebhooks).noquote() << message;
        else
            qCWarning(lcWebhooks).noquote() << message;
        queue->failing = true;
        WebhookDelivery delivery = std::move(sending.delivery);
        delivery.attempts += 1;
        delivery.nextAttemptAt = attempt.nextAttemptAt;
        delivery.lastStatusCode = attempt.statusCode;
        delivery.lastError = attempt.error;
        requeue(*queue, std::move(delivery));
        ++m_queued;
    }
    releaseIfIdle(webhookId);
}

// Inserts by seq: a retried delivery goes back before every later one of its webhook.
void WebhookDispatcher::requeue(Queue &queue, WebhookDelivery delivery)
{
    if (queue.pending.empty() || queue.pending.back().seq <= delivery.seq) {
        queue.pending.push_back(std::move(delivery));
        return;
    }
    const auto at =
        std::upper_bound(queue.pending.begin(), queue.pending.end(), delivery.seq,
                         [](qint64 seq, const WebhookDelivery &other) { return seq < other.seq; });
    queue.pending.insert(at, std::move(delivery));
}

void WebhookDispatcher::dropQueue(const QString &webhookId)
{
    Queue &queue = m_queues.at(webhookId);
    for (const WebhookDelivery &delivery : queue.pending)
        m_known.remove(delivery.id);
    if (!queue.pending.empty())
        qCInfo(lcWebhooks).noquote()
            << u"webhook %1 was removed: %2 queued deliveries dropped"_s.arg(webhookId).arg(
                   queue.pending.size());
    m_queued -= int(queue.pending.size());
    queue.pending.clear();
    ++queue.generation;
    releaseIfIdle(webhookId);
}

void WebhookDispatcher::releaseIfIdle(const QString &webhookId)
{
    const auto it = m_queues.find(webhookId);
    if (it == m_queues.end() || !it->second.pending.empty() || it->second.inFlight > 0)
        return;
    m_queues.erase(it);
    const auto at = std::find(m_order.begin(), m_order.end(), webhookId);
    const size_t index = size_t(at - m_order.begin());
    m_order.erase(at);
    if (index < m_cursor)
        --m_cursor; // the next queue in turn stays next
}

void WebhookDispatcher::scheduleWake()
{
    // Only queues held by their head's due time need a wake; the rest move on answers or on
    // setWebhooks()/enqueue().
    const double now = HaTime::nowSeconds();
    double earliest = 0;
    for (const auto &[webhookId, queue] : m_queues) {
        if (queue.pending.empty() || queue.inFlight >= m_options.inFlightPerWebhook)
            continue;
        const double due = queue.pending.front().nextAttemptAt;
        if (due <= now)
            continue; // startable now: waits for a free slot, not for time
        const auto webhook = m_webhooks.constFind(webhookId);
        if (webhook == m_webhooks.cend() || !webhook->enabled)
            continue;
        if (earliest == 0 || due < earliest)
            earliest = due;
    }
    if (earliest == 0) {
        m_wake->stop();
        return;
    }
    // A timer may fire a little early; pump() then re-arms for the rest.
    const qint64 ms = qMax<qint64>(1, qint64(std::ceil((earliest - now) * 1000)));
    m_wake->start(int(qMin<qint64>(ms, std::numeric_limits<int>::max())));
}

void WebhookDispatcher::emitDrainedIfIdle()
{
    if (m_queued == 0 && m_inFlight == 0)
        Q_EMIT drained();
}

} // namespace hai
