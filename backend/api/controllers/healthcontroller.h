// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controller.h"

namespace hai {

// GET /health: the app's status and each dependency's, in one JSON object.
class HealthController : public Controller
{
public:
    using Controller::Controller;
    void registerRoutes(Router &router) override;

private:
    ApiResponse health(const ApiRequest &request);
    QJsonObject registryHealth();
    QJsonObject influxHealth();
    QJsonObject homeAssistantHealth();
};

} // namespace hai
