// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionstatustext.h"
#include "timeseries/influxresponse.h"
#include "timeseries/influxwriterstats.h"

#include <QCoreApplication>

namespace hai {

// InfluxDB in plain words, with what to do about it, like ConnectionStatusText does for Home
// Assistant: e.g. "InfluxDB refused the token (401)" with "Check the token in Settings →
// InfluxDB". `lastKind` is the kind of the newest failed write (StatusSnapshot tracks it);
// the writer's own message goes into the hint so nothing is hidden.
class InfluxStatusText
{
    Q_DECLARE_TR_FUNCTIONS(InfluxStatusText)
public:
    using Text = ConnectionStatusText::Text;
    using Severity = ConnectionStatusText::Severity;

    static Text describe(const InfluxWriterFigures &figures,
                         InfluxErrorKind lastKind = InfluxErrorKind::None);
    // A few words for the status bar: "InfluxDB OK", "InfluxDB: spooling 1,234 points".
    static QString brief(const InfluxWriterFigures &figures);

private:
    static Text failure(const InfluxWriterFigures &figures, InfluxErrorKind kind);
    static QString spoolNote(const InfluxWriterFigures &figures);
};

} // namespace hai
