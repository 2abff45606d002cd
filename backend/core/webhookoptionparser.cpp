// SPDX-License-Identifier: GPL-3.0-or-later
#include "webhookoptionparser.h"

#include "optionreader.h"

using namespace Qt::StringLiterals;

namespace hai {

bool parseWebhookOptions(const RawOptions &raw, WebhookOptions *options, QString *error)
{
    OptionReader in(raw, error);
    return in.readInt(u"webhook-timeout-ms"_s, 100, 120000, &options->timeoutMs) &&
           in.readInt(u"webhook-max-attempts"_s, 1, 100, &options->maxAttempts) &&
           in.readInt(u"webhook-retry-base-ms"_s, 10, 3600000, &options->retryBaseMs) &&
           in.readInt(u"webhook-disable-after"_s, 0, 100000, &options->disableAfter) &&
           in.readInt(u"webhook-retention-days"_s, 1, 3650, &options->retentionDays) &&
           in.readInt(u"webhook-in-flight"_s, 1, 16, &options->inFlightPerWebhook) &&
           in.readBool(u"webhook-follow-redirects"_s, &options->followRedirects);
}

} // namespace hai
