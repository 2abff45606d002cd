// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controller.h"

namespace hai {

// GET /api/v1/stats: the app's counters as JSON (the same figures as /metrics and the log).
class StatsController : public Controller
{
public:
    using Controller::Controller;
    void registerRoutes(Router &router) override;

private:
    ApiResponse stats(const ApiRequest &request);
};

} // namespace hai
