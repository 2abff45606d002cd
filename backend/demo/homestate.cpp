// SPDX-License-Identifier: GPL-3.0-or-later
#include "homestate.h"

#include "jsonwriter.h"

#include <QHash>

namespace hai {

namespace {

// Attribute keys repeat across every state; share one copy of each (per thread, bounded).
QByteArray internKey(QByteArrayView key)
{
    thread_local QHash<QByteArray, QByteArray> keys;
    const auto it = keys.constFind(QByteArray::fromRawData(key.data(), key.size()));
    if (it != keys.constEnd())
        return *it;
    QByteArray owned = key.toByteArray();
    if (keys.size() < 4096)
        keys.insert(owned, owned);
    return owned;
}

} // namespace

Attribute Attribute::string(QByteArrayView key, QByteArrayView utf8)
{
    return {internKey(key), JsonWriter::quoted(utf8)};
}

Attribute Attribute::number(QByteArrayView key, double value)
{
    return {internKey(key), JsonWriter::number(value)};
}

Attribute Attribute::integer(QByteArrayView key, qint64 value)
{
    QByteArray json;
    JsonWriter::appendInt(json, value);
    return {internKey(key), json};
}

Attribute Attribute::boolean(QByteArrayView key, bool value)
{
    return {internKey(key),
            value ? QByteArray::fromRawData("true", 4) : QByteArray::fromRawData("false", 5)};
}

Attribute Attribute::null(QByteArrayView key)
{
    return {internKey(key), QByteArray::fromRawData("null", 4)};
}

Attribute Attribute::raw(QByteArrayView key, QByteArrayView json)
{
    return {internKey(key), json.toByteArray()};
}

AttributeSet::Builder::Builder(qsizetype expectedBytes)
    : m_set(std::make_shared<AttributeSet>())
{
    m_set->m_json.reserve(expectedBytes);
    m_set->m_json.append('{');
}

QByteArray &AttributeSet::Builder::beginValue(QByteArrayView key)
{
    QByteArray &json = m_set->m_json;
    if (!m_set->m_spans.empty())
        json.append(',');
    Span span;
    span.keyStart = quint32(json.size());
    JsonWriter::appendString(json, key);
    span.keyLength = quint32(json.size()) - span.keyStart;
    json.append(':');
    span.valueStart = quint32(json.size());
    span.valueLength = 0;
    m_set->m_spans.push_back(span);
    return json;
}

void AttributeSet::Builder::endValue()
{
    Span &span = m_set->m_spans.back();
    span.valueLength = quint32(m_set->m_json.size()) - span.valueStart;
}

AttributeSet::Builder &AttributeSet::Builder::string(QByteArrayView key, QByteArrayView utf8)
{
    JsonWriter::appendString(beginValue(key), utf8);
    endValue();
    return *this;
}

AttributeSet::Builder &AttributeSet::Builder::number(QByteArrayView key, double value)
{
    JsonWriter::appendDouble(beginValue(key), value);
    endValue();
    return *this;
}

AttributeSet::Builder &AttributeSet::Builder::integer(QByteArrayView key, qint64 value)
{
    JsonWriter::appendInt(beginValue(key), value);
    endValue();
    return *this;
}

AttributeSet::Builder &AttributeSet::Builder::boolean(QByteArrayView key, bool value)
{
    JsonWriter::appendBool(beginValue(key), value);
    endValue();
    return *this;
}

AttributeSet::Builder &AttributeSet::Builder::null(QByteArrayView key)
{
    JsonWriter::appendLiteral(beginValue(key), "null");
    endValue();
    return *this;
}

AttributeSet::Builder &AttributeSet::Builder::raw(QByteArrayView key, QByteArrayView json)
{
    JsonWriter::appendRaw(beginValue(key), json);
    endValue();
    return *this;
}

std::shared_ptr<const AttributeSet> AttributeSet::Builder::build()
{
    m_set->m_json.append('}');
    return std::move(m_set);
}

std::shared_ptr<const AttributeSet> AttributeSet::make(const QList<Attribute> &items)
{
    qsizetype size = 2;
    for (const Attribute &item : items)
        size += item.key.size() + item.json.size() + 4;
    Builder builder(size);
    for (const Attribute &item : items)
        builder.raw(item.key, item.json);
    return builder.build();
}

QByteArrayView AttributeSet::quotedKey(qsizetype i) const
{
    const Span &span = m_spans[size_t(i)];
    return QByteArrayView(m_json.constData() + span.keyStart, span.keyLength);
}

QByteArrayView AttributeSet::key(qsizetype i) const
{
    const Span &span = m_spans[size_t(i)];
    return QByteArrayView(m_json.constData() + span.keyStart + 1, span.keyLength - 2);
}

QByteArrayView AttributeSet::valueAt(qsizetype i) const
{
    const Span &span = m_spans[size_t(i)];
    return QByteArrayView(m_json.constData() + span.valueStart, span.valueLength);
}

QByteArrayView AttributeSet::value(QByteArrayView wanted) const
{
    for (qsizetype i = 0; i < size(); ++i) {
        if (key(i) == wanted)
            return valueAt(i);
    }
    return {};
}

QList<Attribute> AttributeSet::items() const
{
    QList<Attribute> list;
    list.reserve(size());
    for (qsizetype i = 0; i < size(); ++i)
        list.append({key(i).toByteArray(), valueAt(i).toByteArray()});
    return list;
}

} // namespace hai
