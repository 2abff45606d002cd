// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace hai {

struct HaAttributeValue;

// The few Python behaviours the ha schema copies from HA's InfluxDB integration: float() of a
// string, str() and repr() of attribute values (lists and dicts arrive as compact JSON text),
// and the RE_DIGIT_TAIL / RE_DECIMAL extraction (docs/home-assistant-protocol.md §7).
class PythonText
{
public:
    // float(text): surrounding whitespace, a sign, '_' between digits, any Unicode decimal
    // digits, "inf", "infinity" and "nan" in any case; overflow gives ±inf, as in Python.
    static bool toFloat(QStringView text, double *out);

    // repr(float): "21.5", "1.0", "1e+16", "1.5e-05", "inf", "nan".
    static void appendFloatRepr(QString *out, double value);
    // repr(str): single quotes unless the text has ' and no ", escapes as CPython prints them.
    static void appendStringRepr(QString *out, QStringView text);
    // str(value). A Number's int-or-float type is not kept by HaAttributeValue: an integral
    // value below 2^53 prints as an int ("5"), any other as a float ("5.5", "1e+300").
    static void appendStr(QString *out, const HaAttributeValue &value);
    // repr() of what json.loads() builds from `json` (True, None, 'text', [1, 2.0], {'k': v}),
    // JSON integers as ints and other numbers as floats. False, appending nothing, when the
    // text is not JSON.
    static bool appendJsonRepr(QString *out, QStringView json);

    // RE_DIGIT_TAIL.match(text): ^[^\.]*\d+\.?\d+[^\.]*$ with Unicode digits.
    static bool hasDigitTail(QStringView text);
    // float(RE_DECIMAL.sub("", text)) for a text that hasDigitTail(): the digits and the dot.
    static double digitTailValue(QStringView text);
};

} // namespace hai
