// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace hai {

// Everything that shapes a DemoHome. The defaults make a small, quiet home that behaves like
// a current Home Assistant.
struct DemoHomeOptions
{
    quint64 seed = 1;
    int devices = 40;
    int entitiesPerDevice = 5;
    int areas = 8;
    int floors = 2;
    int labels = 5;
    int standaloneEntities = 6; // entities without a device (sun, helpers, templates)

    QString token = QStringLiteral("demo-token");
    QString haVersion = QStringLiteral("2026.8.0");

    double eventsPerSecond = 0;  // steady state_changed traffic; 0 = quiet
    bool alwaysCoalesce = false; // coalesce even if the client never sent supported_features
    int responseDelayMs = 0;     // delay before handling each command
    qint64 hugeStatesBytes = 0;  // pad get_states so its frame reaches this size
    int authTimeoutMs = 10000;   // HA: 10 s
    int recorderCommitMs = 1000; // HA's commit_interval: history lags live states by this; 0 = none
    int historyLimit = 1000000;  // rows kept in memory across all entities (oldest go first)

    // Start of the generated timeline in ms since the epoch; 0 = now. Fix it (with the seed)
    // for byte-identical homes.
    qint64 baseTimeMs = 0;

    // HA version as year * 100 + month (2026.8.0 -> 202608); 0 when unparsable.
    int versionCode() const
    {
        const auto parts = haVersion.split(QLatin1Char('.'));
        if (parts.size() < 2)
            return 0;
        return parts.at(0).toInt() * 100 + parts.at(1).toInt();
    }
};

} // namespace hai
