// SPDX-License-Identifier: GPL-3.0-or-later
#include "webhookregistryview.h"

#include "registry/database.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

// Runs a constant statement (nothing to bind) forward-only and hands each row to `row`.
template <typename Row>
bool readAll(Database &database, const QString &sql, QString *error, Row row)
{
    QSqlQuery query(database.connection());
    query.setForwardOnly(true);
    if (!query.exec(sql)) {
        if (error)
            *error = query.lastError().text();
        return false;
    }
    while (query.next())
        row(query);
    if (query.lastError().isValid()) {
        if (error)
            *error = query.lastError().text();
        return false;
    }
    return true;
}

} // namespace

std::optional<WebhookRegistryView> WebhookRegistryView::load(Database &database, QString *error)
{
    // RegistryTagCache::load reports a closed connection itself.
    std::optional<EntityTagMap> entities = RegistryTagCache::load(database, error);
    if (!entities)
        return std::nullopt;

    WebhookRegistryView view;
    view.entities = std::move(*entities);

    // A 2026.9 child device without its own area inherits its parent's (HA's rule), so a
    // device filter and the payload see the area HA shows.
    const bool devicesRead =
        readAll(database,
                u"SELECT d.device_id, d.name_by_user, d.name, COALESCE(d.area_id, p.area_id) "
                u"FROM devices d LEFT JOIN devices p ON p.device_id = d.parent_device_id"_s,
                error, [&view](const QSqlQuery &query) {
                    const QString deviceId = query.value(0).toString();
                    const QString byUser = query.value(1).toString();
                    const QString name = byUser.isEmpty() ? query.value(2).toString() : byUser;
                    if (!name.isEmpty())
                        view.deviceNames.insert(deviceId, name);
                    const QString areaId = query.value(3).toString();
                    if (!areaId.isEmpty())
                        view.deviceAreas.insert(deviceId, areaId);
                });
    if (!devicesRead)
        return std::nullopt;

    const bool areasRead = readAll(
        database, u"SELECT area_id, name FROM areas"_s, error, [&view](const QSqlQuery &query) {
            view.areaNames.insert(query.value(0).toString(), query.value(1).toString());
        });
    if (!areasRead)
        return std::nullopt;
    return view;
}

} // namespace hai
