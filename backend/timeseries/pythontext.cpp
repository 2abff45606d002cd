// SPDX-License-Identifier: GPL-3.0-or-later
#include "pythontext.h"

#include "pythonjsonrepr.h"

#include "homeassistant/hastaterecord.h"

#include <QVarLengthArray>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

using Ascii = QVarLengthArray<char, 64>;

// Py_UNICODE_ISSPACE.
inline bool isPythonSpace(char32_t c)
{
    if (c < 0x80)
        return c == u' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
    return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 ||
           c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

// The code point at i (a lone surrogate stands for itself); *units gets its UTF-16 length.
inline char32_t codePointAt(QStringView text, qsizetype i, qsizetype *units)
{
    const char16_t c = text.utf16()[i];
    if (QChar::isHighSurrogate(c) && i + 1 < text.size() &&
        QChar::isLowSurrogate(text.utf16()[i + 1])) {
        *units = 2;
        return QChar::surrogateToUcs4(c, text.utf16()[i + 1]);
    }
    *units = 1;
    return c;
}

// Python's \d (Unicode decimal digits), quick for ASCII.
inline bool isDigit(char32_t c)
{
    return c < 0x80 ? (c >= u'0' && c <= u'9') : QChar::isDigit(c);
}

inline int digitValue(char32_t c)
{
    return c < 0x80 ? int(c - u'0') : QChar::digitValue(c);
}

// Whether float() could accept a text starting with this (stripped) character; lets the
// many texts that are plainly not numbers ("Kitchen", "hs") fail at once.
inline bool mayStartNumber(char32_t c)
{
    return (c >= u'0' && c <= u'9') || c == u'+' || c == u'-' || c == u'.' || c == u'i' ||
           c == u'I' || c == u'n' || c == u'N' || (c >= 0x80 && QChar::isDigit(c));
}

// from_chars leaves the value alone on overflow and underflow; Python gives ±inf or 0.
bool parseAsciiFloat(const char *begin, const char *end, double *out)
{
    bool negative = false;
    if (begin != end && (*begin == '+' || *begin == '-')) {
        negative = *begin == '-';
        ++begin;
    }
    if (begin == end || !((*begin >= '0' && *begin <= '9') || *begin == '.'))
        return false;
    double value = 0;
    const auto result = std::from_chars(begin, end, value, std::chars_format::general);
    if (result.ptr != end)
        return false;
    if (result.ec == std::errc::result_out_of_range) {
        // Decimal magnitude: digits before the point (less leading zeros) plus the exponent.
        long magnitude = 0;
        const char *p = begin;
        while (p != end && (*p == '0' || *p == '.'))
            ++p;
        const char *point = std::find(begin, end, '.');
        const char *exponent =
            std::find_if(begin, end, [](char c) { return c == 'e' || c == 'E'; });
        magnitude = p < point ? long(std::min(point, exponent) - p) : -long(p - point);
        if (exponent != end) {
            long e = 0;
            std::from_chars(exponent + 1 + (exponent[1] == '+'), end, e);
            magnitude += e;
        }
        value = magnitude > 0 ? std::numeric_limits<double>::infinity() : 0.0;
    } else if (result.ec != std::errc()) {
        return false;
    }
    *out = negative ? -value : value;
    return true;
}

bool equalsIgnoringCase(const char *begin, const char *end, const char *lower)
{
    for (; begin != end && *lower; ++begin, ++lower) {
        if ((*begin | 0x20) != *lower)
            return false;
    }
    return begin == end && !*lower;
}

void appendHex(QString *out, char prefix, char32_t code, int digits)
{
    out->append(u'\\');
    out->append(QLatin1Char(prefix));
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
        out->append(QLatin1Char("0123456789abcdef"[(code >> shift) & 0xf]));
}

// Str.isprintable() for a code point above ASCII.
bool isPrintable(char32_t code)
{
    switch (QChar::category(code)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
    case QChar::Separator_Space:
        return false;
    default:
        return true;
    }
}

} // namespace

bool PythonText::toFloat(QStringView text, double *out)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && isPythonSpace(text[begin].unicode()))
        ++begin;
    while (end > begin && isPythonSpace(text[end - 1].unicode()))
        --end;
    if (begin == end)
        return false;
    qsizetype firstUnits = 1;
    if (!mayStartNumber(codePointAt(text, begin, &firstUnits)))
        return false;

    // As CPython: Unicode digits become ASCII, '_' is allowed only between digits.
    Ascii ascii;
    char previous = 0;
    for (qsizetype i = begin; i < end;) {
        qsizetype units = 1;
        const char32_t code = codePointAt(text, i, &units);
        i += units;
        char c = 0;
        if (code < 0x80)
            c = char(code);
        else if (isDigit(code))
            c = char('0' + digitValue(code));
        else
            return false;
        const bool digit = c >= '0' && c <= '9';
        if (c == '_' ? !(previous >= '0' && previous <= '9') : (previous == '_' && !digit))
            return false;
        if (c != '_')
            ascii.append(c);
        previous = c;
    }
    if (previous == '_')
        return false;

    const char *first = ascii.cbegin();
    const char *last = ascii.cend();
    const char *word = first + (*first == '+' || *first == '-');
    if (equalsIgnoringCase(word, last, "inf") || equalsIgnoringCase(word, last, "infinity")) {
        *out = *first == '-' ? -std::numeric_limits<double>::infinity()
                             : std::numeric_limits<double>::infinity();
        return true;
    }
    if (equalsIgnoringCase(word, last, "nan")) {
        *out = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    return parseAsciiFloat(first, last, out);
}

void PythonText::appendFloatRepr(QString *out, double value)
{
    if (std::isnan(value)) {
        out->append(u"nan"_s);
        return;
    }
    if (std::isinf(value)) {
        out->append(value < 0 ? u"-inf"_s : u"inf"_s);
        return;
    }
    // The shortest round-trip digits, then Python's layout ('r' format, Py_DTSF_ADD_DOT_0):
    // positional for exponents -4..15, else d.ddde±XX.
    char buffer[40];
    const auto result =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    const char *p = buffer;
    if (*p == '-') {
        out->append(u'-');
        ++p;
    }
    const char *end = result.ptr;
    const char *e = std::find(p, end, 'e');
    QVarLengthArray<char, 24> digits;
    for (const char *d = p; d < e; ++d) {
        if (*d != '.')
            digits.append(*d);
    }
    int exponent = 0;
    std::from_chars(e + 1 + (e[1] == '+'), end, exponent);
    const int count = int(digits.size());
    if (exponent >= -4 && exponent < 16) {
        if (exponent < 0) {
            out->append(u"0."_s);
            for (int i = exponent + 1; i < 0; ++i)
                out->append(u'0');
            out->append(QLatin1StringView(digits.data(), count));
            return;
        }
        for (int i = 0; i <= exponent; ++i)
            out->append(QLatin1Char(i < count ? digits[i] : '0'));
        out->append(u'.');
        if (count > exponent + 1)
            out->append(QLatin1StringView(digits.data() + exponent + 1, count - exponent - 1));
        else
            out->append(u'0');
        return;
    }
    out->append(QLatin1Char(digits[0]));
    if (count > 1) {
        out->append(u'.');
        out->append(QLatin1StringView(digits.data() + 1, count - 1));
    }
    out->append(QLatin1StringView(e, end - e)); // "e+16", "e-05": already 2+ digits
}

void PythonText::appendStringRepr(QString *out, QStringView text)
{
    const bool doubleQuotes = text.contains(u'\'') && !text.contains(u'"');
    const char16_t quote = doubleQuotes ? u'"' : u'\'';
    out->append(QChar(quote));
    for (qsizetype i = 0; i < text.size();) {
        qsizetype units = 1;
        const char32_t code = codePointAt(text, i, &units);
        if (code == quote || code == u'\\') {
            out->append(u'\\');
            out->append(QChar(char16_t(code)));
        } else if (code == u'\t') {
            out->append(u"\\t"_s);
        } else if (code == u'\n') {
            out->append(u"\\n"_s);
        } else if (code == u'\r') {
            out->append(u"\\r"_s);
        } else if (code < 0x20 || code == 0x7f) {
            appendHex(out, 'x', code, 2);
        } else if (code < 0x7f || isPrintable(code)) {
            out->append(text.mid(i, units));
        } else if (code <= 0xff) {
            appendHex(out, 'x', code, 2);
        } else if (code <= 0xffff) {
            appendHex(out, 'u', code, 4);
        } else {
            appendHex(out, 'U', code, 8);
        }
        i += units;
    }
    out->append(QChar(quote));
}

void PythonText::appendStr(QString *out, const HaAttributeValue &value)
{
    switch (value.kind) {
    case HaAttributeValue::Kind::Null:
        out->append(u"None"_s);
        break;
    case HaAttributeValue::Kind::Bool:
        out->append(value.boolean ? u"True"_s : u"False"_s);
        break;
    case HaAttributeValue::Kind::Number:
        if (value.number == std::trunc(value.number) &&
            std::fabs(value.number) < 9007199254740992.0)
            out->append(QString::number(qint64(value.number)));
        else
            appendFloatRepr(out, value.number);
        break;
    case HaAttributeValue::Kind::String:
        out->append(value.text);
        break;
    case HaAttributeValue::Kind::Composite:
        if (!appendJsonRepr(out, value.text))
            out->append(value.text);
        break;
    }
}

bool PythonText::appendJsonRepr(QString *out, QStringView json)
{
    const qsizetype start = out->size();
    PythonJsonRepr reader(json, out);
    if (reader.run())
        return true;
    out->truncate(start);
    return false;
}

bool PythonText::hasDigitTail(QStringView text)
{
    // One dot at most; with one, digits right before and after it; without, two adjacent digits.
    bool previousDigit = false;
    bool adjacentDigits = false;
    bool afterDot = false; // the character before is the dot, which had a digit before it
    int dots = 0;
    bool dotBetweenDigits = false;
    for (qsizetype i = 0; i < text.size();) {
        qsizetype units = 1;
        const char32_t code = codePointAt(text, i, &units);
        i += units;
        if (code == u'.') {
            if (++dots > 1)
                return false;
            afterDot = previousDigit;
            previousDigit = false;
            continue;
        }
        const bool digit = isDigit(code);
        if (afterDot && digit)
            dotBetweenDigits = true;
        adjacentDigits = adjacentDigits || (digit && previousDigit);
        previousDigit = digit;
        afterDot = false;
    }
    return dots == 0 ? adjacentDigits : dotBetweenDigits;
}

double PythonText::digitTailValue(QStringView text)
{
    Ascii ascii;
    for (qsizetype i = 0; i < text.size();) {
        qsizetype units = 1;
        const char32_t code = codePointAt(text, i, &units);
        i += units;
        if (code == u'.')
            ascii.append('.');
        else if (isDigit(code))
            ascii.append(char('0' + digitValue(code)));
    }
    double value = 0;
    return parseAsciiFloat(ascii.cbegin(), ascii.cend(), &value) ? value : 0.0;
}

} // namespace hai
