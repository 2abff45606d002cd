// SPDX-License-Identifier: GPL-3.0-or-later
#include "webhooktext.h"

#include <QDateTime>
#include <QLocale>
#include <QRandomGenerator>

#include <cmath>

using namespace Qt::StringLiterals;

namespace hai {

QString WebhookText::displayUrl(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment)
        .toDisplayString();
}

QString WebhookText::time(double epochSeconds)
{
    if (epochSeconds <= 0)
        return {};
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(qint64(std::llround(epochSeconds * 1000)));
    return QLocale().toString(at.toLocalTime(), QLocale::ShortFormat);
}

QString WebhookText::deliveryStatus(DeliveryStatus status)
{
    switch (status) {
    case DeliveryStatus::Pending:
        return tr("Pending");
    case DeliveryStatus::Delivered:
        return tr("Delivered");
    case DeliveryStatus::Failed:
        return tr("Failed");
    }
    return {};
}

QString WebhookText::lastStatus(int statusCode, const QString &error)
{
    if (statusCode > 0)
        return tr("HTTP %1").arg(statusCode);
    return error;
}

QString WebhookText::testOutcome(const DeliveryAttempt &attempt)
{
    const QString ms = QLocale().toString(qRound(attempt.elapsedMs));
    if (attempt.statusCode > 0) {
        const QString text = tr("HTTP %1 in %2 ms").arg(attempt.statusCode).arg(ms);
        // The dispatcher's error for a non-2xx answer is "HTTP <code>": nothing to add.
        if (attempt.delivered || attempt.error.isEmpty() ||
            attempt.error == u"HTTP "_s + QString::number(attempt.statusCode))
            return text;
        return tr("%1: %2").arg(text, attempt.error);
    }
    return tr("Failed after %1 ms: %2").arg(ms, attempt.error);
}

QString WebhookText::failure(const WebhookAdmin::Outcome &outcome)
{
    using Status = WebhookAdmin::Status;
    switch (outcome.status) {
    case Status::Ok:
        return {};
    case Status::Invalid:
        return tr("The webhook is not valid: %1").arg(outcome.message);
    case Status::NotFound:
        return tr("It no longer exists; it may have been deleted elsewhere.");
    case Status::Conflict:
        return tr("This delivery is still queued; it will be sent.");
    case Status::Unavailable:
        return tr("Webhook delivery is not running.");
    case Status::Timeout:
        return tr("The receiver did not answer in time.");
    case Status::StorageError:
        break;
    }
    return tr("The database refused: %1").arg(outcome.message);
}

QString WebhookText::generateSecret()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                          bytes.size() / int(sizeof(quint32)));
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace hai
