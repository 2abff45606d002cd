// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controller.h"

namespace hai {

// Devices and entities: filtered pages, single lookups, and POST /api/devices.
class RegistryController : public Controller
{
public:
    using Controller::Controller;
    void registerRoutes(Router &router) override;

private:
    ApiResponse listDevices(const ApiRequest &request);
    ApiResponse getDevice(const ApiRequest &request);
    ApiResponse createDevice(const ApiRequest &request);
    ApiResponse listEntities(const ApiRequest &request);
    ApiResponse getEntity(const ApiRequest &request);
    QJsonObject withLiveState(QJsonObject entity) const;
    QJsonArray withLiveStates(const QJsonArray &entities) const;
};

} // namespace hai
