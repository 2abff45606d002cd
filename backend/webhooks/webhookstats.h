// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QMutex>
#include <QSet>
#include <QString>
#include <QStringList>

#include <atomic>

namespace hai {

// Webhook figures for /api/v1/stats, /metrics, /health and the GUI. Written by the
// "webhooks" thread, read from any thread.
class WebhookStats
{
public:
    std::atomic<qint64> eventsMatched{0}; // events that produced at least one delivery
    std::atomic<qint64> deliveriesCreated{0};
    std::atomic<qint64> delivered{0};
    std::atomic<qint64> failedAttempts{0};   // attempts that will be retried
    std::atomic<qint64> failedDeliveries{0}; // deliveries that used up their attempts
    std::atomic<qint64> storeErrors{0};      // queue or log writes the database refused
    std::atomic<qint64> queued{0};           // pending, not in flight
    std::atomic<qint64> inFlight{0};
    std::atomic<qint64> webhooksEnabled{0};

    // A webhook the app disabled after too many failures, kept for the status display.
    void noteDisabled(const QString &webhookId, const QString &reason);
    // Drops the warnings of webhooks not in `stillDisabled` (enabled again, or deleted).
    void retainDisabled(const QSet<QString> &stillDisabled);
    // What the legacy webhooks.json import did at startup, in words (empty when no file).
    void setImportMessage(const QString &message, bool failed);

    QJsonObject toJson() const;
    QByteArray toPrometheus() const;
    QStringList warnings() const; // one line per disabled webhook and a failed import

private:
    mutable QMutex m_mutex;
    QStringList m_disabled;
    QString m_importMessage;
    bool m_importFailed = false;
};

} // namespace hai
