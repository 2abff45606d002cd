// SPDX-License-Identifier: GPL-3.0-or-later
#include "influxstatustext.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace hai {

namespace {
QString number(qint64 value)
{
    return QLocale().toString(value);
}

// Appends the writer's own words, which name the URL and the server's message.
QString withDetail(const QString &hint, const QString &detail)
{
    if (detail.isEmpty())
        return hint;
    return hint + u"\n"_s + InfluxStatusText::tr("InfluxDB said: %1").arg(detail);
}
} // namespace

QString InfluxStatusText::spoolNote(const InfluxWriterFigures &figures)
{
    if (figures.spoolPoints <= 0)
        return {};
    return tr("%1 points wait in the spool and are written once InfluxDB accepts them.")
        .arg(number(figures.spoolPoints));
}

InfluxStatusText::Text InfluxStatusText::describe(const InfluxWriterFigures &figures,
                                                  InfluxErrorKind lastKind)
{
    const QString &status = figures.status;
    if (status == u"no_target"_s) {
        return {Severity::Working, tr("No InfluxDB is configured: points are kept in the spool"),
                tr("Enter your InfluxDB in Settings → InfluxDB, or let the app start a local "
                   "one. %1")
                    .arg(spoolNote(figures))
                    .trimmed()};
    }
    if (status == u"stopped"_s)
        return {Severity::Working, tr("The InfluxDB writer is stopped"), {}};
    if (status == u"connecting"_s)
        return {Severity::Working, tr("Connecting to InfluxDB at %1…").arg(figures.url), {}};
    if (status == u"ok"_s) {
        QStringList notes;
        if (figures.spoolPoints > 0)
            notes << tr("Writing %1 spooled points.").arg(number(figures.spoolPoints));
        if (figures.pointsDeadLettered > 0)
            notes << tr("%1 points were refused as bad data and kept in the dead-letter file "
                        "in the data folder.")
                         .arg(number(qint64(figures.pointsDeadLettered)));
        return {Severity::Ok, tr("Writing to InfluxDB at %1 (%2)").arg(figures.url, figures.target),
                notes.join(u' ')};
    }
    return failure(figures, lastKind);
}

InfluxStatusText::Text InfluxStatusText::failure(const InfluxWriterFigures &figures,
                                                 InfluxErrorKind kind)
{
    const QString spool = spoolNote(figures);
    const QString &detail = figures.lastError;
    const bool misconfigured = figures.status == u"misconfigured"_s;
    if (kind == InfluxErrorKind::None ||
        (misconfigured && kind != InfluxErrorKind::Auth && kind != InfluxErrorKind::NotFound))
        kind = misconfigured ? InfluxErrorKind::NotFound : InfluxErrorKind::Network;

    switch (kind) {
    case InfluxErrorKind::Auth:
        if (detail.contains(u"(403)"_s)) {
            return {Severity::Problem,
                    tr("InfluxDB denies writing to %1 (403)").arg(figures.target),
                    withDetail(tr("Give the token write access to it, or choose another one in "
                                  "Settings → InfluxDB. %1")
                                   .arg(spool)
                                   .trimmed(),
                               detail)};
        }
        if (figures.api == 2) {
            return {
                Severity::Problem, tr("InfluxDB refused the token (401)"),
                withDetail(tr("Check the token in Settings → InfluxDB. %1").arg(spool).trimmed(),
                           detail)};
        }
        return {Severity::Problem, tr("InfluxDB refused the username or password (401)"),
                withDetail(tr("Check the username and password in Settings → InfluxDB. %1")
                               .arg(spool)
                               .trimmed(),
                           detail)};
    case InfluxErrorKind::NotFound:
        return {
            Severity::Problem, tr("InfluxDB has no %1 (404)").arg(figures.target),
            withDetail(
                tr("Check the URL and the names in Settings → InfluxDB. %1").arg(spool).trimmed(),
                detail)};
    case InfluxErrorKind::Timeout:
        return {
            Severity::Problem, tr("InfluxDB at %1 does not answer in time").arg(figures.url),
            withDetail(tr("It may be overloaded; the app keeps retrying. %1").arg(spool).trimmed(),
                       detail)};
    case InfluxErrorKind::ServerError:
        return {Severity::Problem, tr("InfluxDB reports a server error"),
                withDetail(tr("Look at the InfluxDB server's log; the app keeps retrying. %1")
                               .arg(spool)
                               .trimmed(),
                           detail)};
    case InfluxErrorKind::RateLimited:
        return {Severity::Working, tr("InfluxDB asks the app to slow down"),
                withDetail(tr("The app waits as asked, then goes on. %1").arg(spool).trimmed(),
                           detail)};
    case InfluxErrorKind::BadData:
    case InfluxErrorKind::Network:
    case InfluxErrorKind::None:
        break;
    }
    return {Severity::Problem, tr("Cannot reach InfluxDB at %1").arg(figures.url),
            withDetail(tr("Check that InfluxDB runs and that the URL in Settings → InfluxDB is "
                          "right; the app keeps retrying. %1")
                           .arg(spool)
                           .trimmed(),
                       detail)};
}

QString InfluxStatusText::brief(const InfluxWriterFigures &figures)
{
    const QString &status = figures.status;
    if (status == u"ok"_s) {
        if (figures.spoolPoints > 0)
            return tr("InfluxDB: replaying %1 points").arg(number(figures.spoolPoints));
        return tr("InfluxDB OK");
    }
    if (status == u"connecting"_s)
        return tr("InfluxDB: connecting…");
    if (status == u"stopped"_s)
        return tr("InfluxDB: stopped");
    if (figures.spoolPoints > 0)
        return tr("InfluxDB: spooling %1 points").arg(number(figures.spoolPoints));
    if (status == u"no_target"_s)
        return tr("InfluxDB: not configured");
    return tr("InfluxDB: error");
}

} // namespace hai
