// SPDX-License-Identifier: GPL-3.0-or-later
#include "statejson.h"

#include "isotime.h"
#include "jsonwriter.h"

namespace hai {

namespace {

void appendQuotedIso(QByteArray &out, qint64 microseconds)
{
    out.append('"');
    IsoTime::appendIso(out, microseconds);
    out.append('"');
}

} // namespace

void StateJson::appendContext(QByteArray &out, const StateContext &context)
{
    JsonWriter::appendLiteral(out, "{\"id\":");
    JsonWriter::appendStringOrNull(out, context.id);
    JsonWriter::appendLiteral(out, ",\"parent_id\":");
    JsonWriter::appendStringOrNull(out, context.parentId);
    JsonWriter::appendLiteral(out, ",\"user_id\":");
    JsonWriter::appendStringOrNull(out, context.userId);
    out.append('}');
}

void StateJson::appendState(QByteArray &out, const EntityState &state, bool withLastReported,
                            qsizetype paddingBytes)
{
    JsonWriter::appendLiteral(out, "{\"entity_id\":");
    JsonWriter::appendString(out, state.entityId);
    JsonWriter::appendLiteral(out, ",\"state\":");
    JsonWriter::appendString(out, state.state);
    JsonWriter::appendLiteral(out, ",\"attributes\":");
    const QByteArray &attributes = state.attributes->json();
    if (paddingBytes > 0) {
        JsonWriter::appendRaw(out, attributes.constData(), attributes.size() - 1);
        if (attributes.size() > 2)
            out.append(',');
        JsonWriter::appendLiteral(out, "\"demo_padding\":\"");
        out.append(QByteArray(paddingBytes, 'x'));
        JsonWriter::appendLiteral(out, "\"}");
    } else {
        JsonWriter::appendRaw(out, attributes);
    }

    // Equal times share one string, as in HA.
    const qsizetype changedStart = out.size() + 16;
    JsonWriter::appendLiteral(out, ",\"last_changed\":");
    appendQuotedIso(out, state.lastChanged);
    const QByteArray changed = out.mid(changedStart);
    const auto appendTime = [&](qint64 t) {
        if (t == state.lastChanged)
            JsonWriter::appendRaw(out, changed);
        else
            appendQuotedIso(out, t);
    };
    if (withLastReported) {
        JsonWriter::appendLiteral(out, ",\"last_reported\":");
        appendTime(state.lastReported);
    }
    JsonWriter::appendLiteral(out, ",\"last_updated\":");
    appendTime(state.lastUpdated);
    JsonWriter::appendLiteral(out, ",\"context\":");
    appendContext(out, state.context);
    out.append('}');
}

QByteArray StateJson::stateJson(const EntityState &state, bool withLastReported)
{
    QByteArray out;
    out.reserve(state.attributes->json().size() + state.entityId.size() + state.state.size() + 400);
    appendState(out, state, withLastReported);
    return out;
}

void StateJson::appendEventBody(QByteArray &out, const HomeEvent &event)
{
    JsonWriter::appendLiteral(out, "{\"event_type\":");
    JsonWriter::appendString(out, event.eventType);
    JsonWriter::appendLiteral(out, ",\"data\":");
    if (event.isStateChanged()) {
        JsonWriter::appendLiteral(out, "{\"entity_id\":");
        JsonWriter::appendString(out, event.entityId);
        JsonWriter::appendLiteral(out, ",\"old_state\":");
        if (event.oldState)
            JsonWriter::appendRaw(out, event.oldStateJson);
        else
            JsonWriter::appendLiteral(out, "null");
        JsonWriter::appendLiteral(out, ",\"new_state\":");
        if (event.newState)
            JsonWriter::appendRaw(out, event.newStateJson);
        else
            JsonWriter::appendLiteral(out, "null");
        out.append('}');
    } else {
        out.append(event.dataJson.isEmpty() ? QByteArray("{}") : event.dataJson);
    }
    JsonWriter::appendLiteral(out, ",\"origin\":\"LOCAL\",\"time_fired\":");
    appendQuotedIso(out, event.timeFired);
    JsonWriter::appendLiteral(out, ",\"context\":");
    appendContext(out, event.context);
    out.append('}');
}

void StateJson::appendEventMessage(QByteArray &out, QByteArrayView body, qint64 subscriptionId)
{
    JsonWriter::appendLiteral(out, "{\"type\":\"event\",\"event\":");
    JsonWriter::appendRaw(out, body);
    JsonWriter::appendLiteral(out, ",\"id\":");
    JsonWriter::appendInt(out, subscriptionId);
    out.append('}');
}

void StateJson::appendCompressedState(QByteArray &out, const EntityState &state)
{
    JsonWriter::appendLiteral(out, "{\"s\":");
    JsonWriter::appendString(out, state.state);
    JsonWriter::appendLiteral(out, ",\"a\":");
    JsonWriter::appendRaw(out, state.attributes->json());
    JsonWriter::appendLiteral(out, ",\"c\":");
    if (state.context.parentId.isNull() && state.context.userId.isNull())
        JsonWriter::appendStringOrNull(out, state.context.id);
    else
        appendContext(out, state.context);
    JsonWriter::appendLiteral(out, ",\"lc\":");
    IsoTime::appendEpochSeconds(out, state.lastChanged);
    if (state.lastUpdated != state.lastChanged) {
        JsonWriter::appendLiteral(out, ",\"lu\":");
        IsoTime::appendEpochSeconds(out, state.lastUpdated);
    }
    out.append('}');
}

void StateJson::appendCompressedDiff(QByteArray &out, const EntityState &oldState,
                                     const EntityState &newState)
{
    // Mirrors messages.py::_state_diff: s, lc|lu, c, a in "+"; removed keys in "-".
    JsonWriter::appendLiteral(out, "{\"+\":{");
    bool first = true;
    const auto separator = [&]() {
        if (!first)
            out.append(',');
        first = false;
    };
    if (oldState.state != newState.state) {
        separator();
        JsonWriter::appendLiteral(out, "\"s\":");
        JsonWriter::appendString(out, newState.state);
    }
    if (oldState.lastChanged != newState.lastChanged) {
        separator();
        JsonWriter::appendLiteral(out, "\"lc\":");
        IsoTime::appendEpochSeconds(out, newState.lastChanged);
    } else if (oldState.lastUpdated != newState.lastUpdated) {
        separator();
        JsonWriter::appendLiteral(out, "\"lu\":");
        IsoTime::appendEpochSeconds(out, newState.lastUpdated);
    }
    const StateContext &oldContext = oldState.context;
    const StateContext &newContext = newState.context;
    const bool parentChanged = oldContext.parentId != newContext.parentId ||
                               oldContext.parentId.isNull() != newContext.parentId.isNull();
    const bool userChanged = oldContext.userId != newContext.userId ||
                             oldContext.userId.isNull() != newContext.userId.isNull();
    const bool idChanged = oldContext.id != newContext.id;
    if (parentChanged || userChanged) {
        separator();
        JsonWriter::appendLiteral(out, "\"c\":{");
        bool firstKey = true;
        if (parentChanged) {
            JsonWriter::appendLiteral(out, "\"parent_id\":");
            JsonWriter::appendStringOrNull(out, newContext.parentId);
            firstKey = false;
        }
        if (userChanged) {
            if (!firstKey)
                out.append(',');
            JsonWriter::appendLiteral(out, "\"user_id\":");
            JsonWriter::appendStringOrNull(out, newContext.userId);
            firstKey = false;
        }
        if (idChanged) {
            if (!firstKey)
                out.append(',');
            JsonWriter::appendLiteral(out, "\"id\":");
            JsonWriter::appendStringOrNull(out, newContext.id);
        }
        out.append('}');
    } else if (idChanged) {
        separator();
        JsonWriter::appendLiteral(out, "\"c\":");
        JsonWriter::appendStringOrNull(out, newContext.id);
    }

    QList<QByteArrayView> removed;
    const AttributeSet &before = *oldState.attributes;
    const AttributeSet &after = *newState.attributes;
    if (&before != &after && before.json() != after.json()) {
        bool anyChanged = false;
        for (qsizetype i = 0; i < after.size(); ++i) {
            // Like HA's old.get(key) != value: an absent key counts as null.
            const QByteArrayView previous = before.value(after.key(i));
            if ((previous.isNull() ? QByteArrayView("null") : previous) == after.valueAt(i))
                continue;
            if (!anyChanged) {
                separator();
                JsonWriter::appendLiteral(out, "\"a\":{");
                anyChanged = true;
            } else {
                out.append(',');
            }
            JsonWriter::appendRaw(out, after.quotedKey(i));
            out.append(':');
            JsonWriter::appendRaw(out, after.valueAt(i));
        }
        if (anyChanged)
            out.append('}');
        for (qsizetype i = 0; i < before.size(); ++i) {
            if (!after.contains(before.key(i)))
                removed.append(before.quotedKey(i));
        }
    }
    out.append('}');
    if (!removed.isEmpty()) {
        JsonWriter::appendLiteral(out, ",\"-\":{\"a\":[");
        for (qsizetype i = 0; i < removed.size(); ++i) {
            if (i)
                out.append(',');
            JsonWriter::appendRaw(out, removed.at(i));
        }
        JsonWriter::appendLiteral(out, "]}");
    }
    out.append('}');
}

void StateJson::appendEntitiesPayload(QByteArray &out, const HomeEvent &event)
{
    if (!event.oldState && event.newState) {
        JsonWriter::appendLiteral(out, "{\"a\":{");
        JsonWriter::appendKey(out, event.entityId);
        appendCompressedState(out, *event.newState);
        JsonWriter::appendLiteral(out, "}}");
    } else if (event.oldState && !event.newState) {
        JsonWriter::appendLiteral(out, "{\"r\":[");
        JsonWriter::appendString(out, event.entityId);
        JsonWriter::appendLiteral(out, "]}");
    } else if (event.oldState && event.newState) {
        JsonWriter::appendLiteral(out, "{\"c\":{");
        JsonWriter::appendKey(out, event.entityId);
        appendCompressedDiff(out, *event.oldState, *event.newState);
        JsonWriter::appendLiteral(out, "}}");
    }
}

void StateJson::appendEntitiesMessage(QByteArray &out, qint64 subscriptionId,
                                      QByteArrayView payload)
{
    JsonWriter::appendLiteral(out, "{\"id\":");
    JsonWriter::appendInt(out, subscriptionId);
    JsonWriter::appendLiteral(out, ",\"type\":\"event\",\"event\":");
    JsonWriter::appendRaw(out, payload);
    out.append('}');
}

} // namespace hai
