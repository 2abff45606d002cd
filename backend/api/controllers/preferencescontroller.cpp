// SPDX-License-Identifier: GPL-3.0-or-later
#include "preferencescontroller.h"

#include "core/thread.h"
#include "registry/registryreader.h"
#include "registry/registryservice.h"
#include "writeoutcome.h"

using namespace Qt::StringLiterals;

namespace hai {

void PreferencesController::registerRoutes(Router &router)
{
    router.add({"GET",
                u"/api/user/preferences"_s,
                [this](const ApiRequest &r) { return get(r); },
                u"The stored user preferences"_s,
                u"preferences"_s,
                {},
                true});
    router.add({"PUT",
                u"/api/user/preferences"_s,
                [this](const ApiRequest &r) { return put(r); },
                u"Replace the user preferences"_s,
                u"preferences"_s,
                {},
                true,
                true});
}

// GET /api/user/preferences -> 200 {"preferences":{...}}
ApiResponse PreferencesController::get(const ApiRequest &)
{
    return ApiResponse::json({{u"preferences"_s, m_context.reader->preferences()}});
}

// PUT /api/user/preferences {"key":<any JSON>,...} -> 200 {"preferences":{...}} | 400
ApiResponse PreferencesController::put(const ApiRequest &request)
{
    if (!request.json.isObject()) {
        return ApiResponse::error(400, u"bad_request"_s, u"preferences: expected a JSON object"_s);
    }
    const QJsonObject preferences = request.json.object();
    RegistryService *service = m_context.registry;
    const auto outcome = invokeIn(service, [service, &preferences] {
        return service->apply(u"preferences"_s, [&preferences](RegistryWriter &writer) {
            return writer.setPreferences(preferences);
        });
    });
    if (!outcome.ok)
        return writeFailure(outcome);
    return ApiResponse::json({{u"preferences"_s, m_context.reader->preferences()}});
}

} // namespace hai
