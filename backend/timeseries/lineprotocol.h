// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QStringView>

namespace hai {

// One tag of a point: views into strings that outlive the appendPoint() call.
struct LineTag
{
    QStringView key;
    QStringView value;
};

// One field of a point. The ingestor writes floats and strings only (HA's integration never
// writes integers), so a field never changes type between points.
struct LineField
{
    enum class Type : quint8 { Float, String };

    QStringView key;
    Type type = Type::Float;
    double number = 0;
    QStringView text;

    static LineField real(QStringView key, double number) { return {key, Type::Float, number, {}}; }
    static LineField string(QStringView key, QStringView text)
    {
        return {key, Type::String, 0, text};
    }
};

// Encodes InfluxDB line protocol straight from UTF-16 into the caller's UTF-8 buffer (no
// QString temporaries). Escaping follows docs/home-assistant-protocol.md §7:
// - measurement: comma and space; a leading '#' is written "\#" (a bare '#' starts a comment
//   line, which influxd would skip without an error);
// - tag keys, tag values and field keys: comma, '=' and space;
// - string field values: '"' and '\', inside double quotes.
// Newlines cannot be written: '\n' and '\r' become a space everywhere (then escaped as one).
// A backslash in a measurement, key or tag value is written as is: InfluxDB's parser (1.x and
// 2.x) takes any separator right after a backslash as escaped and never unescapes "\\", so
// "a\ b" reads back exactly. Backslashes at the very end cannot be written at all (the
// separator after them would be escaped and the line rejected), so a trailing run is dropped.
// Keys named "time" are written "time_": InfluxDB refuses the point otherwise.
// String field values are cut at kMaxStringBytes of UTF-8, on a character boundary (the limit
// InfluxDB documents). Lone surrogates become U+FFFD, as QString::toUtf8() does.
class LineProtocol
{
public:
    static constexpr qsizetype kMaxStringBytes = 64 * 1024 - 1;

    // Appends "measurement[,k=v...] f=v[,...] timestampUs\n". Tags are sorted in place by key
    // in UTF-8 byte order; of tags with the same key the last one given wins, and tags with an
    // empty key or value are omitted. Fields are written in the order given (keys must be
    // unique); empty keys and non-finite floats are skipped. Returns false, appending nothing,
    // when the measurement is empty or no field is left.
    static bool appendPoint(QByteArray *out, QStringView measurement, LineTag *tags,
                            qsizetype tagCount, const LineField *fields, qsizetype fieldCount,
                            qint64 timestampUs);

    // The pieces, for callers and tests.
    static void appendMeasurement(QByteArray *out, QStringView name);
    static void appendKey(QByteArray *out, QStringView text);         // tag key or value, field key
    static void appendStringValue(QByteArray *out, QStringView text); // with the quotes
    // Shortest text that reads back as the same double ("21.5", "1e+21"); false, appending
    // nothing, when the value is NaN or infinite.
    static bool appendFloat(QByteArray *out, double value);
    static void appendInteger(QByteArray *out, qint64 value);

    // Orders keys as their UTF-8 bytes would sort (code point order, not UTF-16 order).
    static bool keyLess(QStringView a, QStringView b);
};

} // namespace hai
