// SPDX-License-Identifier: GPL-3.0-or-later
#include "registrycontroller.h"

#include "core/thread.h"
#include "homeassistant/hatime.h"
#include "homeassistant/livestatecache.h"
#include "registry/registryreader.h"
#include "registry/registryservice.h"
#include "writeoutcome.h"

using namespace Qt::StringLiterals;

namespace hai {

namespace {

QJsonObject pageJson(const QString &key, const Page &page, const PageRequest &request)
{
    return {{key, page.items},
            {u"count"_s, page.items.size()},
            {u"total"_s, page.total},
            {u"limit"_s, request.limit},
            {u"offset"_s, request.offset}};
}

} // namespace

// Adds the entity's current state and last_changed from the live cache (null when unknown).
// The cache is memory only: states are never stored in the registry.
QJsonObject RegistryController::withLiveState(QJsonObject entity) const
{
    if (!m_context.liveStates)
        return entity;
    const auto live = m_context.liveStates->state(entity.value(u"entity_id"_s).toString());
    entity.insert(u"state"_s, live ? QJsonValue(live->state) : QJsonValue());
    entity.insert(u"last_changed"_s,
                  live ? QJsonValue(HaTime::toIso(live->lastChangedUs)) : QJsonValue());
    return entity;
}

QJsonArray RegistryController::withLiveStates(const QJsonArray &entities) const
{
    if (!m_context.liveStates)
        return entities;
    QJsonArray out;
    for (const QJsonValue &entity : entities)
        out.append(withLiveState(entity.toObject()));
    return out;
}

void RegistryController::registerRoutes(Router &router)
{
    const QStringList pageParams = {u"limit"_s, u"offset"_s, u"q"_s};
    router.add(
        {"GET", u"/api/devices"_s, [this](const ApiRequest &r) { return listDevices(r); },
         u"List devices, filtered and paginated"_s, u"devices"_s,
         pageParams + QStringList{u"manufacturer"_s, u"model"_s, u"area_id"_s, u"integration"_s}});
    router.add({"POST",
                u"/api/devices"_s,
                [this](const ApiRequest &r) { return createDevice(r); },
                u"Create or replace one device (Home Assistant device registry shape)"_s,
                u"devices"_s,
                {},
                true,
                true,
                201});
    router.add({"GET", u"/api/devices/{device_id}"_s,
                [this](const ApiRequest &r) { return getDevice(r); },
                u"One device with its entities"_s, u"devices"_s});
    router.add(
        {"GET", u"/api/entities"_s, [this](const ApiRequest &r) { return listEntities(r); },
         u"List entities, filtered and paginated"_s, u"entities"_s,
         pageParams + QStringList{u"domain"_s, u"device_id"_s, u"area_id"_s, u"platform"_s}});
    router.add({"GET", u"/api/entities/{entity_id}"_s,
                [this](const ApiRequest &r) { return getEntity(r); }, u"One entity"_s,
                u"entities"_s});
}

// GET /api/devices?manufacturer=&model=&area_id=&integration=&q=&limit=&offset=
// -> 200 {"devices":[{device_id,name,...,entity_count}],"count","total","limit","offset"}
ApiResponse RegistryController::listDevices(const ApiRequest &request)
{
    PageRequest page;
    if (auto error = readPage(request, &page))
        return *error;
    DeviceFilter filter;
    filter.manufacturer = request.queryValue(u"manufacturer"_s);
    filter.model = request.queryValue(u"model"_s);
    filter.areaId = request.queryValue(u"area_id"_s);
    filter.integration = request.queryValue(u"integration"_s);
    filter.query = request.queryValue(u"q"_s);
    return ApiResponse::json(pageJson(u"devices"_s, m_context.reader->devices(filter, page), page));
}

// GET /api/devices/{device_id} -> 200 {device_id,...,entity_count,"entities":[...]} | 404
ApiResponse RegistryController::getDevice(const ApiRequest &request)
{
    const QString id = request.pathParam(u"device_id"_s);
    const auto device = m_context.reader->device(id);
    if (!device)
        return ApiResponse::error(404, u"not_found"_s, u"no device '%1'"_s.arg(id));
    QJsonObject body = *device;
    body.insert(u"entities"_s, withLiveStates(body.value(u"entities"_s).toArray()));
    return ApiResponse::json(body);
}

// POST /api/devices {id|device_id, name, ...} -> 201 the stored device | 400 | 401
ApiResponse RegistryController::createDevice(const ApiRequest &request)
{
    if (!request.json.isObject())
        return ApiResponse::error(400, u"bad_request"_s, u"the body must be one device object"_s);
    const QJsonArray items{request.json.object()};
    RegistryService *registry = m_context.registry;
    const auto outcome = invokeIn(registry, [registry, items] {
        return registry->apply(u"devices"_s, [&items](RegistryWriter &writer) {
            return writer.upsertDevices(items, RegistryWriter::Mode::Partial);
        });
    });
    if (!outcome.ok)
        return writeFailure(outcome);
    const QJsonObject body = request.json.object();
    const QString id = body.value(u"id"_s).toString(body.value(u"device_id"_s).toString());
    const auto stored = m_context.reader->device(id);
    return ApiResponse::json(stored.value_or(QJsonObject{{u"device_id"_s, id}}), 201);
}

// GET /api/entities?domain=&device_id=&area_id=&platform=&q=&limit=&offset=
// -> 200 {"entities":[{entity_id,device_id,domain,...}],"count","total","limit","offset"}
ApiResponse RegistryController::listEntities(const ApiRequest &request)
{
    PageRequest page;
    if (auto error = readPage(request, &page))
        return *error;
    EntityFilter filter;
    filter.domain = request.queryValue(u"domain"_s);
    filter.deviceId = request.queryValue(u"device_id"_s);
    filter.areaId = request.queryValue(u"area_id"_s);
    filter.platform = request.queryValue(u"platform"_s);
    filter.query = request.queryValue(u"q"_s);
    Page result = m_context.reader->entities(filter, page);
    result.items = withLiveStates(result.items);
    return ApiResponse::json(pageJson(u"entities"_s, result, page));
}

// GET /api/entities/{entity_id} -> 200 {entity_id,...} | 404
ApiResponse RegistryController::getEntity(const ApiRequest &request)
{
    const QString id = request.pathParam(u"entity_id"_s);
    const auto entity = m_context.reader->entity(id);
    if (!entity)
        return ApiResponse::error(404, u"not_found"_s, u"no entity '%1'"_s.arg(id));
    return ApiResponse::json(withLiveState(*entity));
}

} // namespace hai
