// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controller.h"

namespace hai {

// The small registries, listed whole: areas, floors, labels and integrations.
class RegistryListsController : public Controller
{
public:
    using Controller::Controller;
    void registerRoutes(Router &router) override;
};

} // namespace hai
