// SPDX-License-Identifier: GPL-3.0-or-later
#include "webhookstats.h"

#include <QJsonArray>
#include <QMutexLocker>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hai {

namespace {
qint64 read(const std::atomic<qint64> &counter)
{
    return counter.load(std::memory_order_relaxed);
}

void metric(QByteArray *out, const char *name, const char *type, const char *help, qint64 value)
{
    *out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n' +
            name + ' ' + QByteArray::number(value) + '\n';
}
} // namespace

void WebhookStats::noteDisabled(const QString &webhookId, const QString &reason)
{
    QMutexLocker lock(&m_mutex);
    m_disabled.removeIf([&webhookId](const QString &line) { return line.contains(webhookId); });
    m_disabled.append(u"webhook %1 (%2)"_s.arg(webhookId, reason));
}

void WebhookStats::retainDisabled(const QSet<QString> &stillDisabled)
{
    QMutexLocker lock(&m_mutex);
    m_disabled.removeIf([&stillDisabled](const QString &line) {
        return std::none_of(stillDisabled.cbegin(), stillDisabled.cend(),
                            [&line](const QString &id) { return line.contains(id); });
    });
}

void WebhookStats::setImportMessage(const QString &message, bool failed)
{
    QMutexLocker lock(&m_mutex);
    m_importMessage = message;
    m_importFailed = failed;
}

QStringList WebhookStats::warnings() const
{
    QMutexLocker lock(&m_mutex);
    QStringList out = m_disabled;
    if (m_importFailed)
        out.append(m_importMessage);
    return out;
}

QJsonObject WebhookStats::toJson() const
{
    QJsonObject out{
        {u"webhooks_enabled"_s, read(webhooksEnabled)},
        {u"events_matched"_s, read(eventsMatched)},
        {u"deliveries_created"_s, read(deliveriesCreated)},
        {u"delivered"_s, read(delivered)},
        {u"failed_attempts"_s, read(failedAttempts)},
        {u"failed_deliveries"_s, read(failedDeliveries)},
        {u"store_errors"_s, read(storeErrors)},
        {u"queued"_s, read(queued)},
        {u"in_flight"_s, read(inFlight)},
        {u"warnings"_s, QJsonArray::fromStringList(warnings())},
    };
    QMutexLocker lock(&m_mutex);
    if (!m_importMessage.isEmpty())
        out.insert(u"legacy_import"_s, m_importMessage);
    return out;
}

QByteArray WebhookStats::toPrometheus() const
{
    QByteArray out;
    metric(&out, "hai_webhooks_enabled", "gauge", "Enabled webhooks.", read(webhooksEnabled));
    metric(&out, "hai_webhook_deliveries_created_total", "counter",
           "Deliveries created for matching events.", read(deliveriesCreated));
    out += "# HELP hai_webhook_attempts_total Delivery attempts by outcome.\n"
           "# TYPE hai_webhook_attempts_total counter\n";
    out += "hai_webhook_attempts_total{outcome=\"delivered\"} " +
           QByteArray::number(read(delivered)) + '\n';
    out += "hai_webhook_attempts_total{outcome=\"retry\"} " +
           QByteArray::number(read(failedAttempts)) + '\n';
    out += "hai_webhook_attempts_total{outcome=\"failed\"} " +
           QByteArray::number(read(failedDeliveries)) + '\n';
    metric(&out, "hai_webhook_store_errors_total", "counter",
           "Webhook queue or log writes the database refused.", read(storeErrors));
    metric(&out, "hai_webhook_queue_length", "gauge", "Deliveries waiting to be sent.",
           read(queued));
    metric(&out, "hai_webhook_in_flight", "gauge", "Deliveries being sent.", read(inFlight));
    return out;
}

} // namespace hai
