// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnostics.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace hai {

namespace {
QString secret(const QString &value)
{
    return value.isEmpty() ? u"(not set)"_s : QString::fromLatin1(Diagnostics::kMask);
}

QString flag(bool value)
{
    return value ? u"true"_s : u"false"_s;
}

QString url(const QUrl &value)
{
    return value.isEmpty() ? u"(not set)"_s
                           : value.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
}

QString list(const QStringList &values)
{
    return values.isEmpty() ? u"(none)"_s : values.join(u", "_s);
}

QString json(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)).trimmed();
}

QString logLevel(LogLevel level)
{
    switch (level) {
    case LogLevel::Debug:
        return u"debug"_s;
    case LogLevel::Info:
        return u"info"_s;
    case LogLevel::Warning:
        return u"warning"_s;
    case LogLevel::Error:
        return u"error"_s;
    }
    return {};
}
} // namespace

QString Diagnostics::versionsText(const StatusSnapshot &snapshot)
{
    QStringList lines;
    lines << u"HA Ingestor %1"_s.arg(QStringLiteral(HAI_VERSION));
    lines << u"Qt %1 (built with %2), platform %3"_s.arg(QString::fromLatin1(qVersion()),
                                                         QStringLiteral(QT_VERSION_STR),
                                                         QGuiApplication::platformName());
    lines << u"OS %1, kernel %2 %3, %4"_s.arg(QSysInfo::prettyProductName(), QSysInfo::kernelType(),
                                              QSysInfo::kernelVersion(),
                                              QSysInfo::currentCpuArchitecture());
    lines << u"Home Assistant %1"_s.arg(snapshot.ha.haVersion.isEmpty() ? u"(not connected)"_s
                                                                        : snapshot.ha.haVersion);
    return lines.join(u'\n');
}

QString Diagnostics::settingsText(const Settings &s)
{
    const InfluxOptions &i = s.influx;
    const MappingOptions &m = s.mapping;
    const WebhookOptions &w = s.webhooks;
    QStringList lines{
        u"headless: "_s + flag(s.headless),
        u"demo: "_s + flag(s.demo),
        u"config file: "_s + (s.configFile.isEmpty() ? u"(none)"_s : s.configFile),
        u"data dir: "_s + s.dataDir,
        u"log level: "_s + logLevel(s.logLevel),
        u"ha url: "_s + url(s.haUrl),
        u"ha token: "_s + secret(s.haToken),
        u"influx url: "_s + url(i.url),
        u"influx managed: "_s + flag(i.managed),
        u"influx api: v"_s + QString::number(i.api),
        u"influx database: "_s + i.database,
        u"influx username: "_s + (i.username.isEmpty() ? u"(not set)"_s : i.username),
        u"influx password: "_s + secret(i.password),
        u"influx org: "_s + i.org,
        u"influx bucket: "_s + i.bucket,
        u"influx token: "_s + secret(i.token),
        u"influx create database: "_s + flag(i.createDatabase),
        u"influx batch: %1 points, flush %2 ms, timeout %3 ms, gzip from %4 bytes"_s
            .arg(i.batchSize)
            .arg(i.flushIntervalMs)
            .arg(i.requestTimeoutMs)
            .arg(i.gzipMinBytes),
        u"spool max bytes: "_s + QString::number(i.spoolMaxBytes),
        u"schema: "_s + (m.schema == PointSchema::Ha ? u"ha"_s : u"homeiq"_s),
        u"include: "_s + list(m.include),
        u"exclude: "_s + list(m.exclude),
        u"event types: "_s + list(m.eventTypes),
        u"api listen: "_s + s.apiListenText(),
        u"api token: "_s + secret(s.apiToken),
        u"cors origins: "_s + list(s.corsOrigins),
        u"registry db: "_s + s.registryDb.displayName(),
        u"webhooks: timeout %1 ms, %2 attempts, retry base %3 ms, disable after %4, keep %5 days"_s
            .arg(w.timeoutMs)
            .arg(w.maxAttempts)
            .arg(w.retryBaseMs)
            .arg(w.disableAfter)
            .arg(w.retentionDays),
    };
    return lines.join(u'\n');
}

QString Diagnostics::countersText(const StatusSnapshot &snapshot)
{
    const RegistryFigures &r = snapshot.registry;
    const QJsonObject registry{
        {u"ok"_s, r.ok},           {u"error"_s, r.error},
        {u"devices"_s, r.devices}, {u"entities"_s, r.entities},
        {u"areas"_s, r.areas},     {u"floors"_s, r.floors},
        {u"labels"_s, r.labels},   {u"integrations"_s, r.integrations},
        {u"size_mb"_s, r.sizeMb},  {u"journal_mode"_s, r.journalMode},
    };
    const QJsonObject all{
        {u"home_assistant"_s, snapshot.ha.toJson()},
        {u"ingest"_s, snapshot.ingest},
        {u"influxdb"_s, InfluxWriterStats::toJson(snapshot.influx, snapshot.takenAtUs)},
        {u"webhooks"_s, snapshot.webhooks},
        {u"registry"_s, registry},
        {u"rest_api"_s, snapshot.apiAddress},
    };
    return json(all);
}

QString Diagnostics::scrub(QString text, const Settings &settings)
{
    const QStringList secrets{settings.haToken, settings.influx.password, settings.influx.token,
                              settings.apiToken, settings.registryDb.password};
    for (const QString &value : secrets) {
        if (value.size() >= 4) // shorter ones would mask ordinary words
            text.replace(value, QString::fromLatin1(kMask));
    }
    return text;
}

QString Diagnostics::collect(const Settings *settings, const StatusSnapshot &snapshot)
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    QString text =
        u"HA Ingestor diagnostics, %1\n\n== Versions ==\n%2\n\n== Settings ==\n%3\n\n"
        u"== Counters ==\n%4\n"_s.arg(now, versionsText(snapshot),
                                      settings ? settingsText(*settings) : u"(no backend)"_s,
                                      countersText(snapshot));
    return settings ? scrub(text, *settings) : text;
}

} // namespace hai
