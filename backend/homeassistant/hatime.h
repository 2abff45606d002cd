// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string_view>

#include <QString>
#include <QStringView>

namespace hai {

// Home Assistant's two time formats, as microseconds since the Unix epoch (UTC), the key of
// every point we write. Live events carry Python isoformat() strings; history and compressed
// states carry float epoch seconds. Both must map to the same integer for the same state, so
// floats are rounded (never truncated) to the microsecond. Hand-written because QDateTime
// parsing is far too slow for 100k events/s.
class HaTime
{
public:
    // "2026-01-05T10:00:00.123456+00:00", "…T10:00:00+00:00", "…Z", a space instead of the T,
    // 1 to 9 fraction digits (rounded to µs), any ±HH:MM offset. False on anything else.
    static bool parseIso(QStringView text, qint64 *microseconds);
    static bool parseIso(std::string_view utf8, qint64 *microseconds);
    // Python's datetime.isoformat() of an aware UTC datetime: the fraction is omitted when
    // the microseconds are 0.
    static QString toIso(qint64 microseconds);
    // Float epoch seconds rounded to the nearest microsecond; nullopt for a value no datetime
    // can hold (not finite, or beyond year 9999), so bad input cannot overflow.
    static std::optional<qint64> fromEpochSeconds(double seconds);
    static qint64 nowMicroseconds();
    // Epoch seconds with millisecond precision, the unit of the stored created_at/updated_at.
    static double nowSeconds();
};

} // namespace hai
