// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controller.h"

namespace hai {

// GET /metrics: Prometheus text format (request counts and latencies, registry sizes).
class MetricsController : public Controller
{
public:
    using Controller::Controller;
    void registerRoutes(Router &router) override;

private:
    ApiResponse metrics(const ApiRequest &request);
};

} // namespace hai
