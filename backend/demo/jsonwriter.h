// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <cstring>

class QJsonValue;

namespace hai {

// Appends JSON tokens to a QByteArray the way HA's orjson writes them: compact, UTF-8 left
// as is, control characters escaped, NaN/Inf as null, floats in their shortest form with ".0"
// on whole numbers. Hot paths build frames with these instead of a QJsonDocument per message.
class JsonWriter
{
public:
    // A quoted, escaped string. The input must be UTF-8.
    static void appendString(QByteArray &out, QByteArrayView utf8);
    // appendString, or null when the array is null (QByteArray() as opposed to "").
    static void appendStringOrNull(QByteArray &out, const QByteArray &utf8);
    // "key": (quoted key and colon).
    static void appendKey(QByteArray &out, QByteArrayView key);
    static void appendInt(QByteArray &out, qint64 value);
    static void appendDouble(QByteArray &out, double value);
    static void appendBool(QByteArray &out, bool value);
    // Any QJsonValue, compact; for small, rare payloads (errors, echoed client values).
    static void appendValue(QByteArray &out, const QJsonValue &value);
    // A JSON array of strings.
    static void appendStringList(QByteArray &out, const QList<QByteArray> &items);

    // Raw bytes; a plain memcpy after a (geometric) resize, cheaper than QByteArray::append.
    static void appendRaw(QByteArray &out, const char *data, qsizetype size)
    {
        const qsizetype old = out.size();
        out.resize(old + size);
        std::memcpy(out.data() + old, data, size_t(size));
    }
    static void appendRaw(QByteArray &out, QByteArrayView bytes)
    {
        appendRaw(out, bytes.data(), bytes.size());
    }
    // A literal token, without strlen.
    template <qsizetype N>
    static void appendLiteral(QByteArray &out, const char (&literal)[N])
    {
        appendRaw(out, literal, N - 1);
    }

    static QByteArray quoted(QByteArrayView utf8);
    static QByteArray number(double value);
};

} // namespace hai
