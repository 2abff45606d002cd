// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionstatustext.h"

using namespace Qt::StringLiterals;

namespace hai {

ConnectionStatusText::Text ConnectionStatusText::describe(const HaStatsSnapshot &snapshot)
{
    if (snapshot.status == u"auth_failed"_s) {
        return {Severity::Problem, tr("Home Assistant refused the access token"),
                tr("Create a new long-lived access token in your Home Assistant profile "
                   "(Security tab) and enter it in Settings → Home Assistant.")};
    }
    if (snapshot.status == u"stopped"_s)
        return {Severity::Working, tr("Not connected to Home Assistant (stopped)"), {}};

    switch (snapshot.state) {
    case HaState::Live:
        return {Severity::Ok, tr("Connected to Home Assistant %1").arg(snapshot.haVersion), {}};
    case HaState::Backfilling:
        return {Severity::Ok,
                tr("Connected to Home Assistant %1, catching up on missed states (%2 of %3)")
                    .arg(snapshot.haVersion)
                    .arg(snapshot.backfillChunksDone)
                    .arg(snapshot.backfillChunksTotal),
                {}};
    case HaState::Discovering:
        return {Severity::Working, tr("Reading the Home Assistant registries…"), {}};
    case HaState::Connecting:
    case HaState::Authenticating:
        return {Severity::Working, tr("Connecting to Home Assistant…"), {}};
    case HaState::Disconnected:
        break;
    }
    if (snapshot.url.isEmpty()) {
        return {Severity::Problem, tr("No Home Assistant is configured"),
                tr("Enter your Home Assistant URL and token in Settings → Home Assistant, "
                   "or try the demo home.")};
    }
    const QString why = snapshot.lastError.isEmpty() ? tr("no answer") : snapshot.lastError;
    return {Severity::Problem, tr("Cannot reach Home Assistant: %1").arg(why),
            tr("Check that Home Assistant runs and that the URL %1 is right; the app keeps "
               "retrying.")
                .arg(snapshot.url)};
}

} // namespace hai
