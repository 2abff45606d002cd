// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apitypes.h"

#include <QStringList>

#include <functional>

namespace hai {

// One REST route. The table of routes is the single source for dispatch, 405 answers,
// CORS preflight, the OpenAPI document and the metrics labels.
struct Route
{
    using Handler = std::function<ApiResponse(const ApiRequest &)>;

    QByteArray method; // GET, POST, PUT, PATCH, DELETE
    QString pattern;   // e.g. /api/devices/{device_id}
    Handler handler;
    QString summary;         // one line for the OpenAPI document
    QString tag;             // OpenAPI grouping
    QStringList queryParams; // accepted query parameters
    bool requiresAuth = false;
    bool takesJsonBody = false;
    int successStatus = 200;
    QString contentType = QStringLiteral("application/json");
};

class Router
{
public:
    enum class MatchKind { Found, MethodNotAllowed, NotFound };
    struct Match
    {
        MatchKind kind = MatchKind::NotFound;
        const Route *route = nullptr;
        QHash<QString, QString> params;
        QStringList allowedMethods; // for 405 and preflight
    };

    void add(Route route);
    Match match(const QByteArray &method, const QString &path) const;
    const QList<Route> &routes() const { return m_routes; }

private:
    static bool matchPattern(const QStringList &pattern, const QStringList &path,
                             QHash<QString, QString> *params);

    QList<Route> m_routes;
    QList<QStringList> m_segments; // pattern split per route, same order as m_routes
};

} // namespace hai
