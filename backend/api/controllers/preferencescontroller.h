// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controller.h"

namespace hai {

// GET/PUT /api/user/preferences: a JSON object of the user's dashboard preferences.
class PreferencesController : public Controller
{
public:
    using Controller::Controller;
    void registerRoutes(Router &router) override;

private:
    ApiResponse get(const ApiRequest &request);
    ApiResponse put(const ApiRequest &request);
};

} // namespace hai
