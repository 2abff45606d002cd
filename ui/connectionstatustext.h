// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "homeassistant/hastats.h"

#include <QCoreApplication>
#include <QString>

namespace hai {

// The Home Assistant connection in plain words, with what to do about it: one sentence for
// the status bar and tray, and a hint for the Overview page. Strings go through tr() so they
// are translated with the rest of the GUI.
class ConnectionStatusText
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionStatusText)
public:
    enum class Severity { Ok, Working, Problem };

    struct Text
    {
        Severity severity = Severity::Working;
        QString summary; // e.g. "Connected to Home Assistant 2026.8.0"
        QString hint;    // what the user can do; empty when nothing is needed
    };

    static Text describe(const HaStatsSnapshot &snapshot);
};

} // namespace hai
