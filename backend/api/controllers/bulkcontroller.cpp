// SPDX-License-Identifier: GPL-3.0-or-later
#include "bulkcontroller.h"

#include "core/thread.h"
#include "registry/registryservice.h"
#include "writeoutcome.h"

using namespace Qt::StringLiterals;

namespace hai {

void BulkController::registerRoutes(Router &router)
{
    router.add({"POST",
                u"/internal/devices/bulk_upsert"_s,
                [this](const ApiRequest &r) { return bulkUpsert(r, u"devices"_s); },
                u"Upsert many devices in one transaction"_s,
                u"internal"_s,
                {},
                true,
                true});
    router.add({"POST",
                u"/internal/entities/bulk_upsert"_s,
                [this](const ApiRequest &r) { return bulkUpsert(r, u"entities"_s); },
                u"Upsert many entities in one transaction"_s,
                u"internal"_s,
                {},
                true,
                true});
}

// POST /internal/<registry>/bulk_upsert  {"<registry>":[...]} or [...]
// -> 200 {"status":"success","count":N} | 400 (nothing written) | 401
ApiResponse BulkController::bulkUpsert(const ApiRequest &request, const QString &registry)
{
    QJsonArray items;
    if (request.json.isArray()) {
        items = request.json.array();
    } else if (request.json.isObject() && request.json.object().value(registry).isArray()) {
        items = request.json.object().value(registry).toArray();
    } else {
        return ApiResponse::error(
            400, u"bad_request"_s,
            u"%1: expected {\"%1\":[...]} or a bare JSON array"_s.arg(registry));
    }
    RegistryService *service = m_context.registry;
    const bool devices = registry == u"devices"_s;
    const auto outcome = invokeIn(service, [service, &items, &registry, devices] {
        return service->apply(registry, [&items, devices](RegistryWriter &writer) {
            return devices ? writer.upsertDevices(items, RegistryWriter::Mode::Partial)
                           : writer.upsertEntities(items, RegistryWriter::Mode::Partial);
        });
    });
    if (!outcome.ok)
        return writeFailure(outcome);
    return ApiResponse::json({{u"status"_s, u"success"_s}, {u"count"_s, outcome.upserted}});
}

} // namespace hai
