// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/settings.h"
#include "status/statussnapshot.h"

#include <QString>

namespace hai {

// The text behind "Copy diagnostics": versions, the settings with every secret masked (HA
// token, InfluxDB password and token, API token, the registry's PostgreSQL password) and all
// counters, for a bug report. A pasted report must never leak a credential, so secrets are
// also scrubbed from the finished text wherever they might appear. The text stays in English
// on purpose: it is read by whoever handles the bug report, not by the user.
class Diagnostics
{
public:
    static constexpr const char *kMask = "********";

    // `settings` may be null (no backend): the settings section then says so.
    static QString collect(const Settings *settings, const StatusSnapshot &snapshot);
    static QString settingsText(const Settings &settings);

private:
    static QString versionsText(const StatusSnapshot &snapshot);
    static QString countersText(const StatusSnapshot &snapshot);
    static QString scrub(QString text, const Settings &settings);
};

} // namespace hai
