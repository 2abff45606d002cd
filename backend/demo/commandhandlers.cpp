// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandhandlers.h"

#include "democonnection.h"
#include "demohomeoptions.h"
#include "historyrecorder.h"
#include "historystream.h"
#include "homemodel.h"
#include "isotime.h"
#include "jsonwriter.h"
#include "registryjson.h"
#include "statejson.h"
#include "staticpayloads.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace hai {

namespace {
using Type = CommandSchema::Type;
} // namespace

CommandHandlers::CommandHandlers(HomeModel &model, HistoryRecorder &history,
                                 const DemoHomeOptions &options)
    : m_model(model)
    , m_history(history)
    , m_options(options)
    , m_timeZone(timeZoneName().toUtf8())
{
    const auto typeOnly = [this](const char *type, Handler handler) {
        m_commands.insert(QLatin1String(type), Command{handler, true, {}});
    };
    const auto withSchema = [this](const char *type, Handler handler, CommandSchema schema) {
        m_commands.insert(QLatin1String(type), Command{handler, false, std::move(schema)});
    };
    typeOnly("ping", &CommandHandlers::ping);
    typeOnly("get_states", &CommandHandlers::getStates);
    typeOnly("get_config", &CommandHandlers::getConfig);
    typeOnly("get_services", &CommandHandlers::getServices);
    typeOnly("get_panels", &CommandHandlers::getPanels);
    typeOnly("config/device_registry/list", &CommandHandlers::deviceList);
    typeOnly("config/entity_registry/list", &CommandHandlers::entityList);
    typeOnly("config/entity_registry/list_for_display", &CommandHandlers::entityListForDisplay);
    typeOnly("config/area_registry/list", &CommandHandlers::areaList);
    typeOnly("config/floor_registry/list", &CommandHandlers::floorList);
    typeOnly("config/label_registry/list", &CommandHandlers::labelList);
    withSchema("supported_features", &CommandHandlers::supportedFeatures,
               {{"features", Type::IntMap, true}});
    withSchema("subscribe_events", &CommandHandlers::subscribeEvents,
               {{"event_type", Type::String}});
    withSchema("unsubscribe_events", &CommandHandlers::unsubscribeEvents,
               {{"subscription", Type::PositiveInt, true}});
    withSchema(
        "subscribe_entities", &CommandHandlers::subscribeEntities,
        {{"entity_ids", Type::EntityIds}, {"include", Type::Object}, {"exclude", Type::Object}});
    withSchema("config/entity_registry/get", &CommandHandlers::entityGet,
               {{"entity_id", Type::String, true}});
    withSchema("config/entity_registry/get_entries", &CommandHandlers::entityGetEntries,
               {{"entity_ids", Type::StringList, true}});
    withSchema("config_entries/get", &CommandHandlers::configEntries,
               {{"type_filter", Type::StringOrList}, {"domain", Type::String}});
    const CommandSchema historySchema{{"start_time", Type::String, true},
                                      {"end_time", Type::String},
                                      {"entity_ids", Type::StringList, true},
                                      {"include_start_time_state", Type::Bool},
                                      {"significant_changes_only", Type::Bool},
                                      {"minimal_response", Type::Bool},
                                      {"no_attributes", Type::Bool}};
    withSchema("history/history_during_period", &CommandHandlers::historyDuringPeriod,
               historySchema);
    withSchema("history/stream", &CommandHandlers::historyStream, historySchema);
}

QString CommandHandlers::timeZoneName()
{
    return u"Europe/Amsterdam"_s;
}

bool CommandHandlers::handle(DemoConnection &connection, qint64 id, const QString &type,
                             const QJsonObject &message)
{
    const auto it = m_commands.constFind(type);
    if (it == m_commands.constEnd())
        return false;
    // decorators.websocket_command: a command that declares only `type` takes no other key.
    const QString problem =
        it->typeOnly ? (message.size() > 2 ? CommandSchema::typeOnlyError(message) : QString())
                     : it->schema.validate(message);
    if (!problem.isEmpty()) {
        connection.sendError(QByteArray::number(id), "invalid_format", problem);
        return true;
    }
    (this->*(it->handler))(connection, id, message);
    return true;
}

void CommandHandlers::ping(DemoConnection &connection, qint64 id, const QJsonObject &)
{
    connection.sendMessage("{\"id\":" + QByteArray::number(id) + ",\"type\":\"pong\"}");
}

void CommandHandlers::supportedFeatures(DemoConnection &connection, qint64 id,
                                        const QJsonObject &message)
{
    const QJsonObject features = message.value(u"features"_s).toObject();
    connection.setCoalescing(features.value(u"coalesce_messages"_s).toInt() != 0);
    connection.sendResult(id, "null");
}

void CommandHandlers::getStates(DemoConnection &connection, qint64 id, const QJsonObject &)
{
    qsizetype padding = 0;
    if (m_options.hugeStatesBytes > 0 && m_model.stateCount() > 0) {
        qsizetype normal = 2;
        for (const EntityEntry &entity : m_model.entities())
            normal += entity.stateJson.size() + 1;
        if (normal < m_options.hugeStatesBytes)
            padding = (m_options.hugeStatesBytes - normal) / m_model.stateCount() + 64;
    }
    connection.sendResult(id, m_model.statesJson(padding));
}

void CommandHandlers::getConfig(DemoConnection &connection, qint64 id, const QJsonObject &)
{
    QList<QByteArray> domains;
    for (const ConfigEntryInfo &entry : m_model.configEntries()) {
        if (entry.state == "loaded")
            domains.append(entry.domain);
    }
    connection.sendResult(
        id, StaticPayloads::config(m_options.haVersion.toUtf8(), timeZoneName().toUtf8(), domains));
}

void CommandHandlers::getServices(DemoConnection &connection, qint64 id, const QJsonObject &)
{
    connection.sendResult(id, StaticPayloads::services());
}

void CommandHandlers::getPanels(DemoConnection &connection, qint64 id, const QJsonObject &)
{
    connection.sendResult(id, StaticPayloads::panels());
}

void CommandHandlers::subscribeEvents(DemoConnection &connection, qint64 id,
                                      const QJsonObject &message)
{
    // The demo user is an admin, so SUBSCRIBE_ALLOWLIST does not apply.
    DemoConnection::Subscription subscription;
    subscription.eventType = message.value(u"event_type"_s).toString(u"*"_s).toUtf8();
    connection.addSubscription(id, std::move(subscription));
    connection.sendResult(id, "null");
}

void CommandHandlers::unsubscribeEvents(DemoConnection &connection, qint64 id,
                                        const QJsonObject &message)
{
    const QJsonValue value = message.value(u"subscription"_s);
    const qint64 subscription =
        value.isString() ? value.toString().trimmed().toLongLong() : value.toVariant().toLongLong();
    if (connection.removeSubscription(subscription))
        connection.sendResult(id, "null");
    else
        connection.sendError(QByteArray::number(id), "not_found", u"Subscription not found."_s);
}

void CommandHandlers::subscribeEntities(DemoConnection &connection, qint64 id,
                                        const QJsonObject &message)
{
    DemoConnection::Subscription subscription;
    subscription.kind = DemoConnection::Subscription::Kind::Entities;
    subscription.filter = SubscriptionFilter::fromCommand(message);

    // The result, then at once one snapshot event with every matching state.
    QByteArray snapshot = "{\"a\":{";
    bool first = true;
    for (const EntityEntry &entity : m_model.entities()) {
        if (entity.removed || !entity.state || !subscription.filter.matches(entity.entityId))
            continue;
        if (!first)
            snapshot.append(',');
        first = false;
        JsonWriter::appendKey(snapshot, entity.entityId);
        StateJson::appendCompressedState(snapshot, *entity.state);
    }
    snapshot.append("}}");
    connection.addSubscription(id, std::move(subscription));
    connection.sendResult(id, "null");
    QByteArray event;
    event.reserve(snapshot.size() + 48);
    StateJson::appendEntitiesMessage(event, id, snapshot);
    connection.sendMessage(event);
}

void CommandHandlers::deviceList(DemoConnection &connection, qint64 id, const QJsonObject &)
{
    connection.sendResult(id, RegistryJson::deviceList(m_model));
}

void CommandHandlers::entityList(DemoConnection &connection, qint64 id, const QJsonObject &)
{
    connection.sendResult(id, RegistryJson::entityList(m_model));
}

// config/entity_registry/get {entity_id} -> the extended dict, or not_found "Entity not found".
void CommandHandlers::entityGet(DemoConnection &connection, qint64 id, const QJsonObject &message)
{
    const int index = m_model.findEntity(message.value(u"entity_id"_s).toString().toUtf8());
    if (index < 0) {
        connection.sendError(QByteArray::number(id), "not_found", u"Entity not found"_s);
        return;
    }
    QByteArray out;
    RegistryJson::appendEntityExtended(out, m_model.entities().at(index), m_model.versionCode());
    connection.sendResult(id, out);
}

// config/entity_registry/get_entries {entity_ids} -> {entity_id: extended dict | null}.
void CommandHandlers::entityGetEntries(DemoConnection &connection, qint64 id,
                                       const QJsonObject &message)
{
    QByteArray out = "{";
    const QJsonArray ids = message.value(u"entity_ids"_s).toArray();
    for (const QJsonValue &value : ids) {
        const QByteArray entityId = value.toString().toUtf8();
        if (out.size() > 1)
            out.append(',');
        JsonWriter::appendString(out, entityId);
        out.append(':');
        const int index = m_model.findEntity(entityId);
        if (index < 0)
            out.append("null");
        else
            RegistryJson::appendEntityExtended(out, m_model.entities().at(index),
                                               m_model.versionCode());
    }
    out.append('}');
    connection.sendResult(id, out);
}

void CommandHandlers::entityListForDisplay(DemoConnection &connection, qint64 id,
                                           const QJsonObject &)
{
    connection.sendResult(id, RegistryJson::entityListForDisplay(m_model));
}

void CommandHandlers::areaList(DemoConnection &connection, qint64 id, const QJsonObject &)
{
    connection.sendResult(id, RegistryJson::areaList(m_model));
}

void CommandHandlers::floorList(DemoConnection &connection, qint64 id, const QJsonObject &)
{
    connection.sendResult(id, RegistryJson::floorList(m_model));
}

void CommandHandlers::labelList(DemoConnection &connection, qint64 id, const QJsonObject &)
{
    connection.sendResult(id, RegistryJson::labelList(m_model));
}

void CommandHandlers::configEntries(DemoConnection &connection, qint64 id,
                                    const QJsonObject &message)
{
    QList<QByteArray> types;
    const QJsonValue filter = message.value(u"type_filter"_s);
    if (filter.isString())
        types.append(filter.toString().toUtf8());
    for (const QJsonValue &type : filter.toArray())
        types.append(type.toString().toUtf8());
    const QByteArray domain = message.contains(u"domain"_s)
                                  ? message.value(u"domain"_s).toString().toUtf8()
                                  : QByteArray();
    connection.sendResult(id, RegistryJson::configEntryList(m_model, types, domain));
}

bool CommandHandlers::historyQuery(DemoConnection &connection, qint64 id,
                                   const QJsonObject &message, HistoryRecorder::Query *query,
                                   bool *hasEnd)
{
    // history/websocket_api.py: the checks both history commands make.
    const QByteArray idJson = QByteArray::number(id);
    const auto start = IsoTime::parse(message.value(u"start_time"_s).toString(), m_timeZone);
    if (!start) {
        connection.sendError(idJson, "invalid_start_time", u"Invalid start_time"_s);
        return false;
    }
    query->start = *start;
    const QString endText = message.value(u"end_time"_s).toString();
    *hasEnd = !endText.isEmpty();
    if (*hasEnd) {
        const auto end = IsoTime::parse(endText, m_timeZone);
        if (!end) {
            connection.sendError(idJson, "invalid_end_time", u"Invalid end_time"_s);
            return false;
        }
        query->end = *end;
    }
    for (const QJsonValue &value : message.value(u"entity_ids"_s).toArray()) {
        const QString entityId = value.toString();
        const int index = m_model.findEntity(entityId.toUtf8());
        const bool hasState = index >= 0 && m_model.entities().at(index).state;
        if (!hasState && !CommandSchema::isValidEntityId(entityId)) {
            connection.sendError(idJson, "invalid_entity_ids", u"Invalid entity_ids"_s);
            return false;
        }
        query->entityIds.append(entityId.toUtf8());
    }
    query->includeStartTimeState = message.value(u"include_start_time_state"_s).toBool(true);
    query->significantChangesOnly = message.value(u"significant_changes_only"_s).toBool(true);
    query->minimalResponse = message.value(u"minimal_response"_s).toBool(false);
    query->noAttributes = message.value(u"no_attributes"_s).toBool(false);
    return true;
}

void CommandHandlers::historyDuringPeriod(DemoConnection &connection, qint64 id,
                                          const QJsonObject &message)
{
    HistoryRecorder::Query query;
    bool hasEnd = false;
    if (!historyQuery(connection, id, message, &query, &hasEnd))
        return;
    if (query.start > m_model.clock().now()) {
        connection.sendResult(id, "{}");
        return;
    }
    connection.sendResult(id, m_history.query(query));
}

void CommandHandlers::historyStream(DemoConnection &connection, qint64 id,
                                    const QJsonObject &message)
{
    HistoryRecorder::Query query;
    bool hasEnd = false;
    if (!historyQuery(connection, id, message, &query, &hasEnd))
        return;
    const qint64 now = m_model.clock().now();
    const qint64 requestedEnd = query.end;
    const bool live = !hasEnd || requestedEnd > now;
    query.end = std::min(requestedEnd, now);
    query.includeUncommitted = true;
    if (live) {
        HistoryStream::Options options;
        for (const QByteArray &entityId : std::as_const(query.entityIds))
            options.entityIds.insert(entityId);
        options.significantChangesOnly = query.significantChangesOnly;
        options.noAttributes = query.noAttributes;
        if (hasEnd)
            options.endMs = requestedEnd / 1000;
        DemoConnection *target = &connection;
        auto *stream = new HistoryStream(
            id, options, [target](const QByteArray &m) { target->sendMessage(m); }, &connection);
        QObject::connect(stream, &HistoryStream::ended, &connection, [target](qint64 subscription) {
            target->removeSubscription(subscription);
        });
        DemoConnection::Subscription subscription;
        subscription.kind = DemoConnection::Subscription::Kind::History;
        subscription.history = stream;
        connection.addSubscription(id, std::move(subscription));
    }
    connection.sendResult(id, "null");
    // The history up to now, marked by start_time and end_time; empty states still end it.
    const QByteArray states = query.start > now ? QByteArray("{}") : m_history.query(query);
    QByteArray event = "{\"states\":";
    event.append(states);
    event.append(",\"start_time\":");
    IsoTime::appendEpochSeconds(event, query.start);
    event.append(",\"end_time\":");
    IsoTime::appendEpochSeconds(event, query.end);
    event.append('}');
    QByteArray chunk;
    StateJson::appendEntitiesMessage(chunk, id, event);
    connection.sendMessage(chunk);
}

} // namespace hai
