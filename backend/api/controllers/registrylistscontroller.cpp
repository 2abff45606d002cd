// SPDX-License-Identifier: GPL-3.0-or-later
#include "registrylistscontroller.h"

#include "registry/registryreader.h"

using namespace Qt::StringLiterals;

namespace hai {

namespace {
ApiResponse listing(const QString &key, const QJsonArray &items)
{
    return ApiResponse::json({{key, items}, {u"count"_s, items.size()}});
}
} // namespace

void RegistryListsController::registerRoutes(Router &router)
{
    // GET /api/areas -> {"areas":[{area_id,name,floor_id,device_count,entity_count,...}],"count"}
    router.add(
        {"GET", u"/api/areas"_s,
         [this](const ApiRequest &) { return listing(u"areas"_s, m_context.reader->areas()); },
         u"All areas with device and entity counts"_s, u"registries"_s});
    // GET /api/floors -> {"floors":[{floor_id,name,level,icon,area_count,...}],"count"}
    router.add(
        {"GET", u"/api/floors"_s,
         [this](const ApiRequest &) { return listing(u"floors"_s, m_context.reader->floors()); },
         u"All floors"_s, u"registries"_s});
    // GET /api/labels -> {"labels":[{label_id,name,color,icon,description,...}],"count"}
    router.add(
        {"GET", u"/api/labels"_s,
         [this](const ApiRequest &) { return listing(u"labels"_s, m_context.reader->labels()); },
         u"All labels"_s, u"registries"_s});
    // GET /api/integrations
    // -> {"integrations":[{domain,entry_id,title,state,source,device_count,entity_count}],"count"}
    router.add({"GET", u"/api/integrations"_s,
                [this](const ApiRequest &) {
                    return listing(u"integrations"_s, m_context.reader->integrations());
                },
                u"Integrations (config entries) with device and entity counts"_s, u"registries"_s});
}

} // namespace hai
