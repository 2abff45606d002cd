// SPDX-License-Identifier: GPL-3.0-or-later
#include "healthreport.h"

#include "influxstatustext.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace hai {

namespace {
qint64 jsonCount(const QJsonObject &object, const QString &key)
{
    return object.value(key).toInteger();
}
} // namespace

HealthReport::Text HealthReport::homeAssistant(const StatusSnapshot &snapshot)
{
    Text text = ConnectionStatusText::describe(snapshot.ha);
    if (!snapshot.haConfigured && snapshot.ha.url.isEmpty())
        return text; // "No Home Assistant is configured" with its hint
    if (snapshot.reconnectInSeconds > 0 && snapshot.ha.state == HaState::Disconnected &&
        snapshot.ha.status != u"auth_failed"_s) {
        text.summary += u' ' + tr("(next try in %n s)", nullptr, snapshot.reconnectInSeconds);
    }
    return text;
}

HealthReport::Text HealthReport::registry(const StatusSnapshot &snapshot)
{
    const RegistryFigures &r = snapshot.registry;
    if (!r.known)
        return {Severity::Working, tr("Reading the registry database…"), {}};
    if (!r.ok) {
        return {Severity::Problem, tr("Cannot read the registry database: %1").arg(r.error),
                tr("Check that the disk is not full and that %1 is reachable (--registry-db).")
                    .arg(r.location)};
    }
    return {Severity::Ok,
            tr("Registry database %1 (%2, %3 MB)")
                .arg(r.location, r.journalMode, QLocale().toString(r.sizeMb, 'f', 1)),
            {}};
}

HealthReport::Text HealthReport::restApi(const StatusSnapshot &snapshot)
{
    if (snapshot.apiAddress.isEmpty())
        return {Severity::Working, tr("The REST API is not running"), {}};
    return {Severity::Ok, tr("Serving the REST API at %1").arg(snapshot.apiAddress),
            tr("Scripts and dashboards can read %1/api/v1/stats and the registry there.")
                .arg(snapshot.apiAddress)};
}

HealthReport::Text HealthReport::webhooks(const StatusSnapshot &snapshot)
{
    const QJsonObject &w = snapshot.webhooks;
    const qint64 enabled = jsonCount(w, u"webhooks_enabled"_s);
    const qint64 failed = jsonCount(w, u"failed_deliveries"_s);
    const qint64 storeErrors = jsonCount(w, u"store_errors"_s);
    const QString summary = tr("%n webhooks enabled", nullptr, int(enabled)) + u", "_s +
                            tr("%1 delivered, %2 queued")
                                .arg(QLocale().toString(jsonCount(w, u"delivered"_s)),
                                     QLocale().toString(jsonCount(w, u"queued"_s)));
    if (!snapshot.webhookWarnings.isEmpty() || storeErrors > 0) {
        QStringList lines = snapshot.webhookWarnings;
        if (storeErrors > 0)
            lines << tr("%n delivery records could not be stored.", nullptr, int(storeErrors));
        return {Severity::Problem, summary,
                tr("Look at the Webhooks page: %1").arg(lines.join(u"; "_s))};
    }
    if (failed > 0) {
        return {Severity::Working, summary,
                tr("%n deliveries failed after all attempts; the Webhooks page can send them "
                   "again.",
                   nullptr, int(failed))};
    }
    return {Severity::Ok, summary, {}};
}

QList<HealthReport::Item> HealthReport::describe(const StatusSnapshot &snapshot)
{
    return {
        {tr("Home Assistant"), homeAssistant(snapshot)},
        {tr("InfluxDB"), InfluxStatusText::describe(snapshot.influx, snapshot.influxErrorKind)},
        {tr("Registry"), registry(snapshot)},
        {tr("REST API"), restApi(snapshot)},
        {tr("Webhooks"), webhooks(snapshot)},
    };
}

QString HealthReport::haBrief(const StatusSnapshot &snapshot)
{
    const HaStatsSnapshot &ha = snapshot.ha;
    if (!snapshot.haConfigured)
        return tr("Home Assistant: not configured");
    if (ha.status == u"auth_failed"_s)
        return tr("Home Assistant: token refused");
    switch (ha.state) {
    case HaState::Live:
        return tr("Home Assistant %1 · live").arg(ha.haVersion);
    case HaState::Backfilling:
        return tr("Home Assistant %1 · catching up %2/%3")
            .arg(ha.haVersion)
            .arg(ha.backfillChunksDone)
            .arg(ha.backfillChunksTotal);
    case HaState::Discovering:
        return tr("Home Assistant: reading registries…");
    case HaState::Connecting:
    case HaState::Authenticating:
        return tr("Home Assistant: connecting…");
    case HaState::Disconnected:
        break;
    }
    if (ha.status == u"stopped"_s)
        return tr("Home Assistant: stopped");
    if (snapshot.reconnectInSeconds > 0)
        return tr("Home Assistant: offline, retry in %n s", nullptr, snapshot.reconnectInSeconds);
    return tr("Home Assistant: offline");
}

QString HealthReport::eventRate(double eventsPerSecond)
{
    return tr("%1 events/s").arg(QLocale().toString(eventsPerSecond, 'f', 1));
}

QString HealthReport::apiBrief(const StatusSnapshot &snapshot)
{
    if (snapshot.apiAddress.isEmpty())
        return tr("REST API: off");
    return tr("REST API %1").arg(snapshot.apiAddress);
}

QString HealthReport::tooltip(const StatusSnapshot &snapshot)
{
    return QStringList{
        tr("HA Ingestor"), homeAssistant(snapshot).summary,
        InfluxStatusText::describe(snapshot.influx, snapshot.influxErrorKind).summary,
        eventRate(snapshot.eventsPerSecond), apiBrief(snapshot)}
        .join(u'\n');
}

HealthReport::Severity HealthReport::overall(const StatusSnapshot &snapshot)
{
    Severity worst = Severity::Ok;
    for (const Item &item : describe(snapshot)) {
        if (int(item.text.severity) > int(worst))
            worst = item.text.severity;
    }
    return worst;
}

QString HealthReport::colorName(Severity severity)
{
    switch (severity) {
    case Severity::Ok:
        return u"#2e7d32"_s; // green
    case Severity::Working:
        return u"#ef8f00"_s; // amber
    case Severity::Problem:
        return u"#c62828"_s; // red
    }
    return u"#757575"_s;
}

} // namespace hai
