// SPDX-License-Identifier: GPL-3.0-or-later
#include "lineprotocol.h"

#include <array>
#include <charconv>
#include <cmath>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace hai {

namespace {

enum class Part { Measurement, Key, String };

// ASCII characters that need more than a copy: escaped ones, '\n' and '\r' (written as a space),
// and for names the backslash (a trailing run is dropped).
constexpr std::array<bool, 128> specialTable(Part part)
{
    std::array<bool, 128> table{};
    table[size_t('\n')] = table[size_t('\r')] = true;
    if (part == Part::String) {
        table[size_t('"')] = table[size_t('\\')] = true;
    } else {
        table[size_t(',')] = table[size_t(' ')] = table[size_t('\\')] = true;
        table[size_t('=')] = part == Part::Key;
    }
    return table;
}

template <Part P>
constexpr std::array<bool, 128> kSpecial = specialTable(P);

inline char *putUtf8(char *p, char32_t c)
{
    if (c < 0x800) {
        *p++ = char(0xc0 | (c >> 6));
    } else if (c < 0x10000) {
        *p++ = char(0xe0 | (c >> 12));
        *p++ = char(0x80 | ((c >> 6) & 0x3f));
    } else {
        *p++ = char(0xf0 | (c >> 18));
        *p++ = char(0x80 | ((c >> 12) & 0x3f));
        *p++ = char(0x80 | ((c >> 6) & 0x3f));
    }
    *p++ = char(0x80 | (c & 0x3f));
    return p;
}

// Copies the leading run of plain ASCII (nothing to escape or replace), 8 units at a time,
// and returns its length; the caller goes on one character at a time from there.
template <Part P>
inline qsizetype copyPlainAscii(char *p, const char16_t *s, qsizetype n)
{
    qsizetype i = 0;
#if defined(__SSE2__)
    const __m128i nonAscii = _mm_set1_epi16(short(0xff80));
    const auto is = [](__m128i v, char c) { return _mm_cmpeq_epi16(v, _mm_set1_epi16(c)); };
    for (; i + 8 <= n; i += 8) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(s + i));
        __m128i bad = _mm_or_si128(is(v, '\n'), is(v, '\r'));
        if constexpr (P == Part::String) {
            bad = _mm_or_si128(bad, _mm_or_si128(is(v, '"'), is(v, '\\')));
        } else {
            bad = _mm_or_si128(bad, _mm_or_si128(is(v, ','), is(v, ' ')));
            bad = _mm_or_si128(bad, is(v, '\\'));
            if constexpr (P == Part::Key)
                bad = _mm_or_si128(bad, is(v, '='));
        }
        const __m128i ascii = _mm_cmpeq_epi16(_mm_and_si128(v, nonAscii), _mm_setzero_si128());
        if (_mm_movemask_epi8(_mm_andnot_si128(bad, ascii)) != 0xffff)
            break;
        _mm_storel_epi64(reinterpret_cast<__m128i *>(p + i), _mm_packus_epi16(v, v));
    }
#endif
    for (; i < n; ++i) {
        const char16_t c = s[i];
        if (c >= 0x80 || kSpecial<P>[c])
            break;
        p[i] = char(c);
    }
    return i;
}

// Writes `text` as escaped UTF-8 at p, which has room for 3 bytes per UTF-16 unit (an escaped
// ASCII character takes 2, a BMP character 3, a surrogate pair 4). Returns the new end.
// Counted: a String value that might pass kMaxStringBytes counts its bytes to cut it.
template <Part P, bool Counted = false>
char *writeEscaped(char *p, QStringView text)
{
    const char16_t *s = text.utf16();
    const qsizetype n = text.size();
    [[maybe_unused]] qsizetype contentBytes = 0;
    qsizetype i = 0;
    if constexpr (P == Part::Measurement) {
        if (n > 0 && s[0] == u'#') { // a line starting with '#' is a comment
            *p++ = '\\';
            *p++ = '#';
            i = 1;
        }
    }
    if constexpr (!Counted) {
        const qsizetype plain = copyPlainAscii<P>(p, s + i, n - i);
        p += plain;
        i += plain;
    }
    for (; i < n; ++i) {
        const char16_t c = s[i];
        if (c < 0x80) {
            if constexpr (Counted) {
                if (++contentBytes > LineProtocol::kMaxStringBytes)
                    break;
            }
            if (!kSpecial<P>[c]) {
                *p++ = char(c);
            } else if (c == u'\n' || c == u'\r') {
                if constexpr (P != Part::String)
                    *p++ = '\\';
                *p++ = ' ';
            } else if (P == Part::String || c != u'\\') {
                *p++ = '\\';
                *p++ = char(c);
            } else {
                qsizetype end = i;
                while (end < n && s[end] == u'\\')
                    ++end;
                if (end == n)
                    break; // a trailing run cannot be written
                for (; i < end; ++i)
                    *p++ = '\\';
                --i;
            }
            continue;
        }
        char32_t code = c;
        if (QChar::isSurrogate(c)) {
            if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(s[i + 1]))
                code = QChar::surrogateToUcs4(c, s[++i]);
            else
                code = 0xfffd;
        }
        if constexpr (Counted) {
            contentBytes += code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
            if (contentBytes > LineProtocol::kMaxStringBytes)
                break;
        }
        p = putUtf8(p, code);
    }
    return p;
}

inline char *writeStringValue(char *p, QStringView text)
{
    *p++ = '"';
    p = text.size() * 3 <= LineProtocol::kMaxStringBytes
            ? writeEscaped<Part::String>(p, text)
            : writeEscaped<Part::String, true>(p, text);
    *p++ = '"';
    return p;
}

// A tag or field key; "time" is refused by InfluxDB ("invalid field name"), so it is written
// "time_". Needs 3 bytes per unit and one more.
inline char *writeName(char *p, QStringView key)
{
    p = writeEscaped<Part::Key>(p, key);
    if (key == u"time")
        *p++ = '_';
    return p;
}

inline char *writeFloat(char *p, double value)
{
    return std::to_chars(p, p + 32, value).ptr;
}

inline char *writeInteger(char *p, qint64 value)
{
    return std::to_chars(p, p + 24, value).ptr;
}

// Grows `out` by `room` bytes, lets `write` fill some of them, and keeps what it wrote.
template <typename Write>
void appendWith(QByteArray *out, qsizetype room, Write write)
{
    const qsizetype start = out->size();
    out->resize(start + room);
    char *const base = out->data();
    out->resize(write(base + start) - base);
}

inline int rank(char16_t c)
{
    // Surrogates (code points above U+FFFF) sort after U+E000..U+FFFF in UTF-8.
    return c >= 0xd800 && c <= 0xdfff ? c + 0x2000 : c >= 0xe000 ? c - 0x800 : c;
}

} // namespace

void LineProtocol::appendMeasurement(QByteArray *out, QStringView name)
{
    appendWith(out, name.size() * 3,
               [name](char *p) { return writeEscaped<Part::Measurement>(p, name); });
}

void LineProtocol::appendKey(QByteArray *out, QStringView text)
{
    appendWith(out, text.size() * 3, [text](char *p) { return writeEscaped<Part::Key>(p, text); });
}

void LineProtocol::appendStringValue(QByteArray *out, QStringView text)
{
    appendWith(out, text.size() * 3 + 2, [text](char *p) { return writeStringValue(p, text); });
}

bool LineProtocol::appendFloat(QByteArray *out, double value)
{
    if (!std::isfinite(value))
        return false;
    appendWith(out, 32, [value](char *p) { return writeFloat(p, value); });
    return true;
}

void LineProtocol::appendInteger(QByteArray *out, qint64 value)
{
    appendWith(out, 24, [value](char *p) { return writeInteger(p, value); });
}

bool LineProtocol::keyLess(QStringView a, QStringView b)
{
    const qsizetype n = qMin(a.size(), b.size());
    const char16_t *x = a.utf16();
    const char16_t *y = b.utf16();
    for (qsizetype i = 0; i < n; ++i) {
        if (x[i] != y[i])
            return rank(x[i]) < rank(y[i]);
    }
    return a.size() < b.size();
}

bool LineProtocol::appendPoint(QByteArray *out, QStringView measurement, LineTag *tags,
                               qsizetype tagCount, const LineField *fields, qsizetype fieldCount,
                               qint64 timestampUs)
{
    // Stable insertion sort: a handful of tags, mostly in order already.
    for (qsizetype i = 1; i < tagCount; ++i) {
        const LineTag tag = tags[i];
        qsizetype j = i;
        for (; j > 0 && keyLess(tag.key, tags[j - 1].key); --j)
            tags[j] = tags[j - 1];
        tags[j] = tag;
    }

    // Room for the worst case, then one pass of raw writes and one cut.
    qsizetype room = measurement.size() * 3 + 2 + 24;
    for (qsizetype i = 0; i < tagCount; ++i)
        room += (tags[i].key.size() + tags[i].value.size()) * 3 + 3;
    for (qsizetype i = 0; i < fieldCount; ++i) {
        const LineField &field = fields[i];
        room += field.key.size() * 3 + 3 +
                (field.type == LineField::Type::Float ? 32 : field.text.size() * 3 + 2);
    }
    const qsizetype start = out->size();
    out->resize(start + room);
    char *const base = out->data();
    char *p = writeEscaped<Part::Measurement>(base + start, measurement);
    if (p == base + start) {
        out->resize(start);
        return false;
    }

    for (qsizetype i = 0; i < tagCount; ++i) {
        const LineTag &tag = tags[i];
        if (i + 1 < tagCount && tags[i + 1].key == tag.key)
            continue; // a later tag with this key wins
        char *const mark = p;
        *p++ = ',';
        char *const keyStart = p;
        p = writeName(p, tag.key);
        if (p == keyStart) {
            p = mark;
            continue;
        }
        *p++ = '=';
        char *const valueStart = p;
        p = writeEscaped<Part::Key>(p, tag.value);
        if (p == valueStart)
            p = mark; // an empty tag value is not allowed: no tag
    }

    bool wroteField = false;
    for (qsizetype i = 0; i < fieldCount; ++i) {
        const LineField &field = fields[i];
        if (field.type == LineField::Type::Float && !std::isfinite(field.number))
            continue;
        char *const mark = p;
        *p++ = wroteField ? ',' : ' ';
        char *const keyStart = p;
        p = writeName(p, field.key);
        if (p == keyStart) {
            p = mark;
            continue;
        }
        *p++ = '=';
        p = field.type == LineField::Type::Float ? writeFloat(p, field.number)
                                                 : writeStringValue(p, field.text);
        wroteField = true;
    }
    if (!wroteField) {
        out->resize(start);
        return false;
    }
    *p++ = ' ';
    p = writeInteger(p, timestampUs);
    *p++ = '\n';
    out->resize(p - base);
    return true;
}

} // namespace hai
