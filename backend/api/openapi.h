// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "router.h"

#include <QJsonObject>

namespace hai {

// The OpenAPI 3.0 document of the given routes. Built from the route table itself, so the
// document cannot list a route the server lacks or miss one it has.
QJsonObject buildOpenApiDocument(const QList<Route> &routes);

} // namespace hai
