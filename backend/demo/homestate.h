// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

#include <memory>
#include <vector>

namespace hai {

// One state attribute: its key and its value already serialised as JSON, so states can be
// written by concatenation and compared attribute by attribute for subscribe_entities diffs.
struct Attribute
{
    QByteArray key;
    QByteArray json;

    static Attribute string(QByteArrayView key, QByteArrayView utf8);
    static Attribute number(QByteArrayView key, double value);
    static Attribute integer(QByteArrayView key, qint64 value);
    static Attribute boolean(QByteArrayView key, bool value);
    static Attribute null(QByteArrayView key);
    static Attribute raw(QByteArrayView key, QByteArrayView json);
};

// An immutable, ordered attribute set, kept as its serialised object plus the positions of
// each key and value in it: states are written by concatenation, subscribe_entities diffs
// compare attribute by attribute, and a set costs one allocation for its text. Shared between
// the successive states of an entity while the attributes do not change. Keys are compared in
// their JSON-escaped form (the same as the raw key for ordinary keys).
class AttributeSet
{
public:
    // Writes the attributes straight into the set's text, without an Attribute per value.
    class Builder
    {
    public:
        explicit Builder(qsizetype expectedBytes = 256);
        Builder &string(QByteArrayView key, QByteArrayView utf8);
        Builder &number(QByteArrayView key, double value);
        Builder &integer(QByteArrayView key, qint64 value);
        Builder &boolean(QByteArrayView key, bool value);
        Builder &null(QByteArrayView key);
        Builder &raw(QByteArrayView key, QByteArrayView json);
        std::shared_ptr<const AttributeSet> build();

    private:
        QByteArray &beginValue(QByteArrayView key);
        void endValue();

        std::shared_ptr<AttributeSet> m_set;
    };

    static std::shared_ptr<const AttributeSet> make(const QList<Attribute> &items);

    // {"key":value,...}
    const QByteArray &json() const { return m_json; }
    qsizetype size() const { return qsizetype(m_spans.size()); }
    // The key with its quotes ("key"), ready to append to JSON.
    QByteArrayView quotedKey(qsizetype i) const;
    QByteArrayView key(qsizetype i) const;
    QByteArrayView valueAt(qsizetype i) const;
    // The serialised value of key, or a null view when absent.
    QByteArrayView value(QByteArrayView key) const;
    bool contains(QByteArrayView key) const { return !value(key).isNull(); }
    // A copy as a list (for building a changed set).
    QList<Attribute> items() const;

private:
    struct Span
    {
        quint32 keyStart;  // the opening quote
        quint32 keyLength; // with both quotes
        quint32 valueStart;
        quint32 valueLength;
    };
    QByteArray m_json;
    std::vector<Span> m_spans;
};
using AttributesPtr = std::shared_ptr<const AttributeSet>;

// HA's Context. A null QByteArray is JSON null.
struct StateContext
{
    QByteArray id;
    QByteArray parentId;
    QByteArray userId;

    bool operator==(const StateContext &other) const
    {
        return id == other.id && parentId == other.parentId && userId == other.userId &&
               parentId.isNull() == other.parentId.isNull() &&
               userId.isNull() == other.userId.isNull();
    }
};

// HA's State: what get_states, state_changed and subscribe_entities carry. Times are
// microseconds since the epoch; last_changed <= last_updated <= last_reported.
struct EntityState
{
    QByteArray entityId;
    QByteArray state;
    AttributesPtr attributes;
    qint64 lastChanged = 0;
    qint64 lastUpdated = 0;
    qint64 lastReported = 0;
    StateContext context;
};
using StatePtr = std::shared_ptr<const EntityState>;

} // namespace hai
