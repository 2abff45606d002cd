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
namespace od = simdjson::ondemand;

namespace hai {

namespace {

QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

bool readString(od::value value, QString *out, Utf8Interner *interner = nullptr)
{
    std::string_view text;
    if (value.get_string().get(text))
        return false;
    *out = interner ? interner->intern(text) : toQString(text);
    return true;
}

bool readTime(od::value value, qint64 *out)
{
    std::string_view text;
    return !value.get_string().get(text) && HaTime::parseIso(text, out);
}

// A string or null (HA's optional context ids).
bool readOptionalString(od::value value, QString *out)
{
    if (value.is_null()) {
        out->clear();
        return true;
    }
    return readString(value, out);
}

bool readContext(od::value value, HaContext *out)
{
    od::json_type type;
    if (value.type().get(type))
        return false;
    if (type == od::json_type::string)
        return readString(value, &out->id); // the compressed form: a bare id
    od::object object;
    if (value.get_object().get(object))
        return false;
    for (auto field : object) {
        std::string_view key;
        od::value item;
        if (field.unescaped_key().get(key) || field.value().get(item))
            return false;
        QString *target = key == "id"          ? &out->id
                          : key == "parent_id" ? &out->parentId
                          : key == "user_id"   ? &out->userId
                                               : nullptr;
        if (target && !readOptionalString(item, target))
            return false; // other keys are skipped; stage 1 has validated their syntax
    }
    return true;
}

bool readAttributeValue(od::value value, HaAttributeValue *out, Utf8Interner &interner)
{
    od::json_type type;
    if (value.type().get(type))
        return false;
    switch (type) {
    case od::json_type::null:
        out->kind = HaAttributeValue::Kind::Null;
        return value.is_null();
    case od::json_type::boolean:
        out->kind = HaAttributeValue::Kind::Bool;
        return !value.get_bool().get(out->boolean);
    case od::json_type::number:
        out->kind = HaAttributeValue::Kind::Number;
        return !value.get_double().get(out->number);
    case od::json_type::string:
        out->kind = HaAttributeValue::Kind::String;
        return readString(value, &out->text, &interner);
    case od::json_type::array:
    case od::json_type::object: {
        out->kind = HaAttributeValue::Kind::Composite;
        std::string_view raw;
        if (simdjson::to_json_string(value).get(raw))
            return false;
        out->text = toQString(raw);
        return true;
    }
    }
    return false;
}

bool readAttributes(od::value value, HaAttributes *out, Utf8Interner &interner)
{
    if (value.is_null())
        return true;
    od::object object;
    if (value.get_object().get(object))
        return false;
    out->reserve(8);
    for (auto field : object) {
        std::string_view key;
        od::value item;
        HaAttribute attribute;
        if (field.unescaped_key().get(key) || field.value().get(item) ||
            !readAttributeValue(item, &attribute.value, interner))
            return false;
        attribute.key = interner.intern(key);
        out->append(std::move(attribute));
    }
    return true;
}

// An old state's attributes are left out: nothing downstream reads them (see HaEvent).
bool readState(od::value value, HaStateRecord *out, Utf8Interner &interner, bool withAttributes)
{
    if (value.is_null())
        return true; // a new (old_state) or removed (new_state) entity
    od::object object;
    if (value.get_object().get(object))
        return false;
    bool hasState = false, hasUpdated = false, hasChanged = false;
    for (auto field : object) {
        std::string_view key;
        od::value item;
        if (field.unescaped_key().get(key) || field.value().get(item))
            return false;
        if (key == "state")
            hasState = readString(item, &out->state); // numbers rarely repeat: not interned
        else if (key == "attributes") {
            od::json_type type;
            if (withAttributes ? !readAttributes(item, &out->attributes, interner)
                               : (item.type().get(type) ||
                                  (type != od::json_type::object && type != od::json_type::null)))
                return false;
        } else if (key == "last_updated")
            hasUpdated = readTime(item, &out->lastUpdatedUs);
        else if (key == "last_changed")
            hasChanged = readTime(item, &out->lastChangedUs);
        else if (key != "last_reported" && key != "entity_id" && key != "context") {
            return false; // unknown: let the general parser look at it
        }
        if ((key == "state" && !hasState) || (key == "last_updated" && !hasUpdated) ||
            (key == "last_changed" && !hasChanged))
            return false;
    }
    if (!hasState || !hasUpdated)
        return false;
    if (!hasChanged)
        out->lastChangedUs = out->lastUpdatedUs;
    out->valid = true;
    return true;
}

bool readStateChangedData(od::value value, HaEvent *event, Utf8Interner &interner)
{
    od::object object;
    if (value.get_object().get(object))
        return false;
    for (auto field : object) {
        std::string_view key;
        od::value item;
        if (field.unescaped_key().get(key) || field.value().get(item))
            return false;
        bool ok = false;
        if (key == "entity_id")
            ok = readString(item, &event->entityId, &interner) && !event->entityId.isEmpty();
        else if (key == "new_state")
            ok = readState(item, &event->newState, interner, true);
        else if (key == "old_state")
            ok = readState(item, &event->oldState, interner, false);
        if (!ok)
            return false;
    }
    return !event->entityId.isEmpty();
}

bool readEvent(od::value value, HaEvent *event, Utf8Interner &interner)
{
    od::object object;
    if (value.get_object().get(object))
        return false;
    bool stateChanged = false, hasData = false, hasTime = false;
    for (auto field : object) {
        std::string_view key;
        od::value item;
        if (field.unescaped_key().get(key) || field.value().get(item))
            return false;
        if (key == "event_type") {
            std::string_view type;
            if (item.get_string().get(type) || type != "state_changed")
                return false;
            stateChanged = true;
        } else if (key == "data") {
            hasData = readStateChangedData(item, event, interner);
            if (!hasData)
                return false;
        } else if (key == "time_fired") {
            hasTime = readTime(item, &event->timeFiredUs);
            if (!hasTime)
                return false;
        } else if (key == "context") {
            if (!readContext(item, &event->context))
                return false;
        } else if (key != "origin") {
            return false;
        }
    }
    if (!stateChanged || !hasData || !hasTime)
        return false;
    event->eventType = u"state_changed"_s;
    event->lastUpdatedUs =
        event->newState.valid ? event->newState.lastUpdatedUs : event->timeFiredUs;
    return true;
}

// {"id":N,"type":"event","event":{...}}
bool readMessage(od::object message, HaFastEventParser::Parsed *out, Utf8Interner &interner)
{
    qint64 id = -1;
    bool isEvent = false;
    HaEvent event;
    bool hasEvent = false;
    for (auto field : message) {
        std::string_view key;
        od::value item;
        if (field.unescaped_key().get(key) || field.value().get(item))
            return false;
        if (key == "id") {
            int64_t number = 0;
            if (item.get_int64().get(number) || number < 1 || number > INT_MAX)
                return false;
            id = number;
        } else if (key == "type") {
            std::string_view type;
            if (item.get_string().get(type) || type != "event")
                return false;
            isEvent = true;
        } else if (key == "event") {
            hasEvent = readEvent(item, &event, interner);
            if (!hasEvent)
                return false;
        } else {
            return false;
        }
    }
    if (id < 0 || !isEvent || !hasEvent)
        return false;
    out->append({int(id), std::move(event)});
    return true;
}

} // namespace

struct HaFastEventParser::Impl
{
    od::parser parser;
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
    od::document document;
    if (d->parser.iterate(d->buffer.data(), size, d->buffer.size()).get(document))
        return decline();
    od::json_type type;
    if (document.type().get(type))
        return decline();
    if (type == od::json_type::object) {
        od::object message;
        if (document.get_object().get(message) || !readMessage(message, out, d->interner))
            return decline();
    } else if (type == od::json_type::array) {
        od::array messages;
        if (document.get_array().get(messages))
            return decline();
        for (auto element : messages) {
            od::object message;
            if (element.get_object().get(message) || !readMessage(message, out, d->interner))
                return decline();
        }
    } else {
        return decline();
    }
    // Trailing garbage after the document: the general parser reports it.
    if (document.current_location().error() != simdjson::OUT_OF_BOUNDS)
        return decline();
    return out->size() > before;
}

} // namespace hai
