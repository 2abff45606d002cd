// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "optionparsing.h"
#include "webhooksettings.h"

namespace hai {

// Validates the webhook-* options into `options`.
bool parseWebhookOptions(const RawOptions &raw, WebhookOptions *options, QString *error);

} // namespace hai
