// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controller.h"

namespace hai {

// POST /internal/{devices,entities}/bulk_upsert: load many registry items in one transaction,
// for scripts and for HomeIQ-style feeders. Upserts only; it never prunes.
class BulkController : public Controller
{
public:
    using Controller::Controller;
    void registerRoutes(Router &router) override;

private:
    ApiResponse bulkUpsert(const ApiRequest &request, const QString &registry);
};

} // namespace hai
