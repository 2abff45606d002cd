// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/apicontext.h"
#include "api/router.h"

namespace hai {

// A controller owns the routes of one resource. It is created once per HttpApi and its
// handlers run in the api thread.
class Controller
{
public:
    explicit Controller(ApiContext &context)
        : m_context(context)
    {}
    virtual ~Controller() = default;
    Controller(const Controller &) = delete;
    Controller &operator=(const Controller &) = delete;

    virtual void registerRoutes(Router &router) = 0;

protected:
    ApiContext &m_context;
};

} // namespace hai
