// SPDX-License-Identifier: GPL-3.0-or-later
#include "hafasteventparser.h"

#include "hatime.h"
#include "utf8interner.h"

#include <simdjson.h>

#include <climits>
#include <cstring>
#include <string_view>
#include <vector>

using namespace Qt::StringLiterals;
namespace dom = simdjson::dom;

namespace hai {

namespace {

QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

bool readString(dom::element value, QString *out, Utf8Interner *interner = nullptr)
{
    std::string_view text;
    if (value.get_string().get(text))
        return false;
    *out = interner ? interner->intern(text) : toQString(text);
    return true;
}

bool readTime(dom::element value, qint64 *out)
{
    std::string_view text;
    return !value.get_string().get(text) && HaTime::parseIso(text, out);
}

// Calls readField(key, value) for each field of an object, in document order. False when the
// value is no object or readField refuses a field (which makes the whole frame go to the
// general parser).
template <typename ReadField>
bool forEachField(dom::object object, ReadField &&readField)
{
    for (const dom::key_value_pair field : object) {
        if (!readField(field.key, field.value))
            return false;
    }
    return true;
}

template <typename ReadField>
bool forEachField(dom::element value, ReadField &&readField)
{
    dom::object object;
    return !value.get_object().get(object) &&
           forEachField(object, std::forward<ReadField>(readField));
}

// A string or null (HA's optional context ids).
bool readOptionalString(dom::element value, QString *out)
{
    if (value.is_null()) {
        out->clear();
        return true;
    }
    return readString(value, out);
}

bool readContext(dom::element value, HaContext *out)
{
    if (value.is_string())
        return readString(value, &out->id); // the compressed form: a bare id
    return forEachField(value, [out](std::string_view key, dom::element item) {
        QString *target = key == "id"          ? &out->id
                          : key == "parent_id" ? &out->parentId
                          : key == "user_id"   ? &out->userId
                                               : nullptr;
        // Other keys are skipped (the whole frame was validated when it was parsed).
        return !target || readOptionalString(item, target);
    });
}

bool readAttributeValue(dom::element value, HaAttributeValue *out, Utf8Interner &interner)
{
    switch (value.type()) {
    case dom::element_type::NULL_VALUE:
        out->kind = HaAttributeValue::Kind::Null;
        return true;
    case dom::element_type::BOOL:
        out->kind = HaAttributeValue::Kind::Bool;
        return !value.get_bool().get(out->boolean);
    case dom::element_type::INT64:
    case dom::element_type::UINT64:
    case dom::element_type::DOUBLE:
        out->kind = HaAttributeValue::Kind::Number;
        return !value.get_double().get(out->number);
    case dom::element_type::STRING:
        out->kind = HaAttributeValue::Kind::String;
        return readString(value, &out->text, &interner);
    case dom::element_type::ARRAY:
    case dom::element_type::OBJECT: {
        out->kind = HaAttributeValue::Kind::Composite;
        const std::string raw = simdjson::minify(value);
        out->text = toQString(raw);
        return true;
    }
    }
    return false;
}

bool readAttributes(dom::element value, HaAttributes *out, Utf8Interner &interner)
{
    if (value.is_null())
        return true;
    out->reserve(8);
    return forEachField(value, [out, &interner](std::string_view key, dom::element item) {
        HaAttribute attribute;
        if (!readAttributeValue(item, &attribute.value, interner))
            return false;
        attribute.key = interner.intern(key);
        out->append(std::move(attribute));
        return true;
    });
}

// An old state's attributes are left out: nothing downstream reads them (see HaEvent).
bool readState(dom::element value, HaStateRecord *out, Utf8Interner &interner, bool withAttributes)
{
    if (value.is_null())
        return true; // a new (old_state) or removed (new_state) entity
    bool hasState = false, hasUpdated = false, hasChanged = false;
    const bool read = forEachField(value, [&](std::string_view key, dom::element item) {
        if (key == "state")
            return hasState = readString(item, &out->state); // numbers rarely repeat: not interned
        if (key == "attributes") {
            if (withAttributes)
                return readAttributes(item, &out->attributes, interner);
            return item.is_object() || item.is_null();
        }
        if (key == "last_updated")
            return hasUpdated = readTime(item, &out->lastUpdatedUs);
        if (key == "last_changed")
            return hasChanged = readTime(item, &out->lastChangedUs);
        // Anything unknown: let the general parser look at it.
        return key == "last_reported" || key == "entity_id" || key == "context";
    });
    if (!read || !hasState || !hasUpdated)
        return false;
    if (!hasChanged)
        out->lastChangedUs = out->lastUpdatedUs;
    out->valid = true;
    return true;
}

bool readStateChangedData(dom::element value, HaEvent *event, Utf8Interner &interner)
{
    return forEachField(value,
                        [event, &interner](std::string_view key, dom::element item) {
                            if (key == "entity_id")
                                return readString(item, &event->entityId, &interner) &&
                                       !event->entityId.isEmpty();
                            if (key == "new_state")
                                return readState(item, &event->newState, interner, true);
                            if (key == "old_state")
                                return readState(item, &event->oldState, interner, false);
                            return false;
                        }) &&
           !event->entityId.isEmpty();
}

bool readEvent(dom::element value, HaEvent *event, Utf8Interner &interner)
{
    bool stateChanged = false, hasData = false, hasTime = false;
    const bool read = forEachField(value, [&](std::string_view key, dom::element item) {
        if (key == "event_type") {
            std::string_view type;
            return stateChanged = !item.get_string().get(type) && type == "state_changed";
        }
        if (key == "data")
            return hasData = readStateChangedData(item, event, interner);
        if (key == "time_fired")
            return hasTime = readTime(item, &event->timeFiredUs);
        if (key == "context")
            return readContext(item, &event->context);
        return key == "origin";
    });
    if (!read || !stateChanged || !hasData || !hasTime)
        return false;
    event->eventType = u"state_changed"_s;
    event->lastUpdatedUs =
        event->newState.valid ? event->newState.lastUpdatedUs : event->timeFiredUs;
    return true;
}

// {"id":N,"type":"event","event":{...}}
bool readMessage(dom::object message, HaFastEventParser::Parsed *out, Utf8Interner &interner)
{
    qint64 id = -1;
    bool isEvent = false;
    HaEvent event;
    bool hasEvent = false;
    const bool read = forEachField(message, [&](std::string_view key, dom::element item) {
        if (key == "id") {
            int64_t number = 0;
            if (item.get_int64().get(number) || number < 1 || number > INT_MAX)
                return false;
            id = number;
            return true;
        }
        if (key == "type") {
            std::string_view type;
            return isEvent = !item.get_string().get(type) && type == "event";
        }
        if (key == "event")
            return hasEvent = readEvent(item, &event, interner);
        return false;
    });
    if (!read || id < 0 || !isEvent || !hasEvent)
        return false;
    out->append({int(id), std::move(event)});
    return true;
}

} // namespace

struct HaFastEventParser::Impl
{
    dom::parser parser;
    std::vector<char> buffer; // the frame plus simdjson's padding
    Utf8Interner interner;
};

HaFastEventParser::HaFastEventParser()
    : d(std::make_unique<Impl>())
{}
HaFastEventParser::~HaFastEventParser() = default;

bool HaFastEventParser::parseFrame(const QByteArray &utf8, Parsed *out)
{
    const size_t size = size_t(utf8.size());
    if (d->buffer.size() < size + simdjson::SIMDJSON_PADDING)
        d->buffer.resize(size + simdjson::SIMDJSON_PADDING);
    std::memcpy(d->buffer.data(), utf8.constData(), size);

    const qsizetype before = out->size();
    const auto decline = [out, before] {
        out->resize(before);
        return false;
    };
    // The DOM parse validates the whole frame (grammar and UTF-8), also the parts that are
    // skipped below, so a frame accepted here is one QJsonDocument accepts too.
    dom::element document;
    if (d->parser.parse(reinterpret_cast<const uint8_t *>(d->buffer.data()), size, false)
            .get(document))
        return decline();
    dom::object single;
    dom::array messages; // a local: iterating a temporary result would dangle
    if (!document.get_object().get(single)) {
        if (!readMessage(single, out, d->interner))
            return decline();
    } else if (!document.get_array().get(messages)) {
        for (const dom::element element : messages) {
            dom::object message;
            if (element.get_object().get(message) || !readMessage(message, out, d->interner))
                return decline();
        }
    } else {
        return decline();
    }
    return out->size() > before;
}

} // namespace hai
