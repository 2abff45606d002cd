// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonwriter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <charconv>
#include <cmath>

namespace hai {

namespace {

// 1 for bytes that need an escape in a JSON string.
struct EscapeTable
{
    bool needs[256] = {};
    constexpr EscapeTable()
    {
        for (int i = 0; i < 0x20; ++i)
            needs[i] = true;
        needs[int('"')] = true;
        needs[int('\\')] = true;
    }
};
constexpr EscapeTable kEscape;

void appendEscaped(QByteArray &out, char c)
{
    static const char hex[] = "0123456789abcdef";
    switch (c) {
    case '"':
        out.append("\\\"", 2);
        return;
    case '\\':
        out.append("\\\\", 2);
        return;
    case '\b':
        out.append("\\b", 2);
        return;
    case '\f':
        out.append("\\f", 2);
        return;
    case '\n':
        out.append("\\n", 2);
        return;
    case '\r':
        out.append("\\r", 2);
        return;
    case '\t':
        out.append("\\t", 2);
        return;
    default: {
        const auto u = static_cast<unsigned char>(c);
        const char buffer[6] = {'\\', 'u', '0', '0', hex[u >> 4], hex[u & 0xF]};
        out.append(buffer, 6);
    }
    }
}

} // namespace

namespace {

// Index of the first byte that needs an escape, or size: eight bytes at a time while none
// of them is a control character, '"' or '\\'.
qsizetype firstEscape(const char *data, qsizetype size)
{
    constexpr quint64 ones = 0x0101010101010101ULL;
    constexpr quint64 highs = 0x8080808080808080ULL;
    qsizetype i = 0;
    for (; i + 8 <= size; i += 8) {
        quint64 word;
        std::memcpy(&word, data + i, 8);
        const quint64 control = (word - ones * 0x20) & ~word & highs;
        const quint64 quote = word ^ (ones * '"');
        const quint64 backslash = word ^ (ones * '\\');
        const quint64 special =
            ((quote - ones) & ~quote & highs) | ((backslash - ones) & ~backslash & highs);
        if (control | special)
            break;
    }
    while (i < size && !kEscape.needs[static_cast<unsigned char>(data[i])])
        ++i;
    return i;
}

} // namespace

void JsonWriter::appendString(QByteArray &out, QByteArrayView utf8)
{
    const char *data = utf8.data();
    const qsizetype size = utf8.size();
    qsizetype i = firstEscape(data, size);
    if (i == size) {
        // The common case: nothing to escape.
        const qsizetype old = out.size();
        out.resize(old + size + 2);
        char *to = out.data() + old;
        to[0] = '"';
        std::memcpy(to + 1, data, size_t(size));
        to[size + 1] = '"';
        return;
    }
    out.append('"');
    qsizetype start = 0;
    for (; i < size; ++i) {
        if (!kEscape.needs[static_cast<unsigned char>(data[i])])
            continue;
        appendRaw(out, data + start, i - start);
        appendEscaped(out, data[i]);
        start = i + 1;
    }
    appendRaw(out, data + start, size - start);
    out.append('"');
}

void JsonWriter::appendStringOrNull(QByteArray &out, const QByteArray &utf8)
{
    if (utf8.isNull())
        out.append("null", 4);
    else
        appendString(out, utf8);
}

void JsonWriter::appendKey(QByteArray &out, QByteArrayView key)
{
    appendString(out, key);
    out.append(':');
}

void JsonWriter::appendInt(QByteArray &out, qint64 value)
{
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    appendRaw(out, buffer, result.ptr - buffer);
}

void JsonWriter::appendDouble(QByteArray &out, double value)
{
    if (!std::isfinite(value)) {
        out.append("null", 4);
        return;
    }
    char buffer[40];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    const qsizetype length = result.ptr - buffer;
    bool hasDot = false;
    qsizetype exponent = -1;
    for (qsizetype i = 0; i < length; ++i) {
        if (buffer[i] == '.')
            hasDot = true;
        else if (buffer[i] == 'e')
            exponent = i;
    }
    if (exponent < 0) {
        appendRaw(out, buffer, length);
        if (!hasDot)
            appendLiteral(out, ".0");
        return;
    }
    // orjson writes 1e16 and 1e-7: no '+' and no leading zeros in the exponent.
    out.append(buffer, exponent + 1);
    qsizetype i = exponent + 1;
    if (buffer[i] == '+')
        ++i;
    else if (buffer[i] == '-')
        out.append(buffer[i++]);
    while (i < length - 1 && buffer[i] == '0')
        ++i;
    out.append(buffer + i, length - i);
}

void JsonWriter::appendBool(QByteArray &out, bool value)
{
    if (value)
        out.append("true", 4);
    else
        out.append("false", 5);
}

void JsonWriter::appendValue(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out.append("null", 4);
        return;
    case QJsonValue::Bool:
        appendBool(out, value.toBool());
        return;
    case QJsonValue::Double: {
        const QVariant variant = value.toVariant();
        if (variant.typeId() == QMetaType::LongLong)
            appendInt(out, variant.toLongLong());
        else
            appendDouble(out, value.toDouble());
        return;
    }
    case QJsonValue::String:
        appendString(out, value.toString().toUtf8());
        return;
    case QJsonValue::Array: {
        out.append('[');
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i)
                out.append(',');
            appendValue(out, array.at(i));
        }
        out.append(']');
        return;
    }
    case QJsonValue::Object: {
        out.append('{');
        const QJsonObject object = value.toObject();
        bool first = true;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!first)
                out.append(',');
            first = false;
            appendKey(out, it.key().toUtf8());
            appendValue(out, it.value());
        }
        out.append('}');
        return;
    }
    }
}

void JsonWriter::appendStringList(QByteArray &out, const QList<QByteArray> &items)
{
    out.append('[');
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i)
            out.append(',');
        appendString(out, items.at(i));
    }
    out.append(']');
}

QByteArray JsonWriter::quoted(QByteArrayView utf8)
{
    QByteArray out;
    out.reserve(utf8.size() + 2);
    appendString(out, utf8);
    return out;
}

QByteArray JsonWriter::number(double value)
{
    QByteArray out;
    appendDouble(out, value);
    return out;
}

} // namespace hai
