// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionstatustext.h"
#include "statussnapshot.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace hai {

// Turns a StatusSnapshot into words: the health of each dependency (Home Assistant, InfluxDB,
// the registry database, the REST API, webhooks) for the Overview page, the short forms for
// the status bar, and the tray's tooltip. One place, so all three always agree.
class HealthReport
{
    Q_DECLARE_TR_FUNCTIONS(HealthReport)
public:
    using Text = ConnectionStatusText::Text;
    using Severity = ConnectionStatusText::Severity;

    struct Item
    {
        QString name; // "Home Assistant", "InfluxDB", ...
        Text text;
    };

    static QList<Item> describe(const StatusSnapshot &snapshot);
    static Text homeAssistant(const StatusSnapshot &snapshot);
    static Text registry(const StatusSnapshot &snapshot);
    static Text restApi(const StatusSnapshot &snapshot);
    static Text webhooks(const StatusSnapshot &snapshot);

    // Status bar words: "Home Assistant 2026.8.0 · live", "5.2 events/s", ...
    static QString haBrief(const StatusSnapshot &snapshot);
    static QString eventRate(double eventsPerSecond);
    static QString apiBrief(const StatusSnapshot &snapshot);
    // Several lines for the tray icon.
    static QString tooltip(const StatusSnapshot &snapshot);
    // The worst severity of all items.
    static Severity overall(const StatusSnapshot &snapshot);
    // The colour that marks a severity (a dot in the status bar and on the Overview page).
    static QString colorName(Severity severity);
};

} // namespace hai
