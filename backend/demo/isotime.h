// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

class QTimeZone;

namespace hai {

// Time as HA writes it. Times are microseconds since the Unix epoch (UTC) everywhere in the
// demo; this turns them into Python's datetime.isoformat() of an aware UTC datetime
// ("2026-01-05T10:00:00.123456+00:00", no fraction when the microseconds are 0) and into the
// float epoch seconds of compressed states and registries.
class IsoTime
{
public:
    static void appendIso(QByteArray &out, qint64 microseconds);
    static QByteArray toIso(qint64 microseconds);
    // Float seconds, e.g. 1767607200.123456 or 1767607200.0.
    static void appendEpochSeconds(QByteArray &out, qint64 microseconds);
    static double epochSeconds(qint64 microseconds) { return double(microseconds) / 1e6; }

    // HA's dt_util.parse_datetime: "YYYY-MM-DD[(T| )HH:MM[:SS[.ffffff]]][Z|+HH[:MM]|-HH[:MM]]".
    // A time without an offset is read in naiveZone (HA reads it in the configured time zone).
    static std::optional<qint64> parse(const QString &text, const QTimeZone &naiveZone);

    static qint64 nowMicroseconds();
};

} // namespace hai
