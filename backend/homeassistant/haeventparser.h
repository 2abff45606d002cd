// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "haevent.h"

#include <QJsonObject>
#include <QString>

namespace hai {

// Reads the `event` object of an HA event message into an HaEvent, checking the fields the
// ingest path relies on. Only pointers into the already parsed frame are kept (QJsonObject
// shares the data), so a 100k events/s stream costs one parse per frame and a few lookups per
// event.
class HaEventParser
{
public:
    // False, with `why` set, when a field the event type needs is missing or mistyped (the
    // caller counts it and drops the event).
    static bool parse(const QJsonObject &event, HaEvent *out, QString *why);
};

} // namespace hai
