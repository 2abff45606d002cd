// SPDX-License-Identifier: GPL-3.0-or-later
#include "legacywebhookimport.h"

#include "core/logging.h"
#include "webhookstore.h"
#include "webhookvalidator.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

const QString kFileName = u"webhooks.json"_s;

// Fixed for good: changing it would give every id-less seed webhook a new id, and a restored
// file would then be imported a second time.
const QUuid kIdNamespace(u"6f1d2c3e-8b4a-4e5f-9a7b-2c1d0e9f8a76"_s);

QString entryField(int index, const QString &field)
{
    return kFileName + u'[' + QString::number(index) + u"]."_s + field;
}

bool parseCreatedAt(const QJsonValue &value, double now, double *createdAt)
{
    if (value.isUndefined() || value.isNull()) {
        *createdAt = now;
        return true;
    }
    if (value.isDouble()) {
        *createdAt = value.toDouble();
        return std::isfinite(*createdAt) && *createdAt > 0;
    }
    if (!value.isString())
        return false;
    QDateTime time = QDateTime::fromString(value.toString().trimmed(), Qt::ISODateWithMs);
    if (!time.isValid())
        return false;
    // Python's datetime.utcnow().isoformat() has no offset; the seeds meant UTC.
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC);
    *createdAt = double(time.toMSecsSinceEpoch()) / 1000.0;
    return true;
}

// A stable id for an entry without one: the same url, events and secret give the same id.
QString derivedId(const Webhook &webhook)
{
    QStringList events = webhook.events;
    events.sort();
    const QString name = webhook.url.toString(QUrl::FullyEncoded) + u'\n' + events.join(u',') +
                         u'\n' + webhook.secret;
    return QUuid::createUuidV5(kIdNamespace, name).toString(QUuid::WithoutBraces);
}

bool parseEntry(const QJsonValue &value, int index, double now, Webhook *webhook, QString *error)
{
    if (!value.isObject()) {
        *error = kFileName + u'[' + QString::number(index) + u"]: must be an object"_s;
        return false;
    }
    const QJsonObject entry = value.toObject();
    // Only the fields the seed versions wrote are read; others they may have left are ignored.
    QJsonObject body;
    for (const QString &key : {u"url"_s, u"events"_s, u"secret"_s}) {
        if (entry.contains(key))
            body.insert(key, entry.value(key));
    }
    const QJsonValue team = entry.value(u"team"_s);
    if (!team.isUndefined() && !team.isNull() && !team.isString()) {
        *error = entryField(index, u"team"_s) + u": must be a string"_s;
        return false;
    }
    if (!team.toString().trimmed().isEmpty())
        body.insert(u"name"_s, team.toString().trimmed());

    const WebhookFieldErrors errors =
        WebhookValidator::fromJson(body, WebhookValidator::Mode::Full, webhook);
    if (!errors.isEmpty()) {
        const WebhookFieldError &first = errors.first();
        const QString field = first.field == u"name"_s ? u"team"_s : first.field;
        *error = entryField(index, field) + u": "_s + first.message;
        return false;
    }
    if (webhook->name.isEmpty())
        webhook->name = webhook->url.host();

    const QJsonValue id = entry.value(u"webhook_id"_s);
    if (!id.isUndefined() && !id.isNull() && !id.isString()) {
        *error = entryField(index, u"webhook_id"_s) + u": must be a string"_s;
        return false;
    }
    webhook->id = id.toString().trimmed();
    if (webhook->id.isEmpty())
        webhook->id = derivedId(*webhook);

    if (!parseCreatedAt(entry.value(u"created_at"_s), now, &webhook->createdAt)) {
        *error = entryField(index, u"created_at"_s) +
                 u": must be epoch seconds or an ISO 8601 time, e.g. 2024-01-05T10:00:00Z"_s;
        return false;
    }
    webhook->updatedAt = webhook->createdAt;
    webhook->enabled = true;
    return true;
}

// A backup name that does not exist yet: two imports in the same second keep both files.
QString backupPath(const QString &path, double now)
{
    const QString stamp = QDateTime::fromMSecsSinceEpoch(qint64(now * 1000.0), Qt::UTC)
                              .toString(u"yyyyMMddTHHmmss"_s);
    QString candidate = path + u".bak-"_s + stamp;
    for (int n = 1; QFile::exists(candidate); ++n)
        candidate = path + u".bak-"_s + stamp + u'-' + QString::number(n);
    return candidate;
}

} // namespace

bool LegacyWebhookImport::parse(const QByteArray &json, double now, WebhookList *webhooks,
                                QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = kFileName + u" is not valid JSON: "_s + parseError.errorString() +
                 u" at offset "_s + QString::number(parseError.offset);
        return false;
    }
    if (!document.isArray()) {
        *error = kFileName + u" must hold a JSON list of webhooks, [{\"url\": ...}, ...]"_s;
        return false;
    }
    const QJsonArray entries = document.array();
    WebhookList result;
    for (int i = 0; i < entries.size(); ++i) {
        Webhook webhook;
        if (!parseEntry(entries.at(i), i, now, &webhook, error))
            return false;
        result.append(webhook);
    }
    *webhooks = result;
    return true;
}

LegacyWebhookImport::Report LegacyWebhookImport::run(const QString &dataDir, WebhookStore &store,
                                                     double now)
{
    Report report;
    const QString path = QDir(dataDir).filePath(kFileName);
    QFile file(path);
    if (!file.exists())
        return report;
    report.found = true;
    if (!file.open(QIODevice::ReadOnly)) {
        report.error = u"cannot read "_s + path + u": "_s + file.errorString();
        return report;
    }
    const QByteArray json = file.readAll();
    file.close();

    WebhookList webhooks;
    QString error;
    if (!parse(json, now, &webhooks, &error)) {
        report.error = u"cannot import "_s + path + u": "_s + error;
        return report;
    }
    report.entries = int(webhooks.size());
    const WebhookStore::Result stored = store.importMissing(webhooks, &report.imported);
    if (!stored.ok) {
        report.imported = 0;
        report.error = u"cannot import "_s + path + u": "_s + stored.error;
        return report;
    }
    const QString backup = backupPath(path, now);
    if (!file.rename(backup)) {
        // Stored already; a later start imports nothing twice, but keeps trying to rename.
        report.error = u"imported the webhooks of "_s + path + u" but cannot rename it to "_s +
                       backup + u": "_s + file.errorString();
        return report;
    }
    report.backupPath = backup;
    report.ok = true;

    qCInfo(lcCore).noquote() << u"imported %1 new of %2 webhooks from %3; the file is now %4"_s
                                    .arg(report.imported)
                                    .arg(report.entries)
                                    .arg(path, backup);
    for (const Webhook &webhook : std::as_const(webhooks)) {
        // Never the secret, nor a token that a URL may carry in its user info or query.
        qCInfo(lcCore).noquote() << u"  webhook %1 \"%2\" -> %3, events %4"_s.arg(
            webhook.id, webhook.name,
            webhook.url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery),
            webhook.events.join(u", "_s));
    }
    return report;
}

} // namespace hai
