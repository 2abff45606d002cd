// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "haevent.h"

#include <QJsonObject>
#include <QString>

namespace hai {

// Reads the `event` object of an HA event message (already parsed by QJsonDocument) into an
// HaEvent, checking the fields the ingest path relies on. The hot path for state_changed is
// HaFastEventParser; this one takes every other event and any frame the fast one declines, and
// both give the same HaEvent for the same input (tst_hafasteventparser checks it).
class HaEventParser
{
public:
    // False, with `why` set, when a field the event type needs is missing or mistyped (the
    // caller counts it and drops the event).
    static bool parse(const QJsonObject &event, HaEvent *out, QString *why);
    // A context object, or a bare id string as compressed history sends it.
    static HaContext readContext(const QJsonValue &value);
};

} // namespace hai
