// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controller.h"

#include <memory>

namespace hai {

class WebhookAdmin;

// /api/v1/webhooks: register, list, read, edit, delete, test and the delivery log. Every
// route needs the API token. The operations are WebhookAdmin's (shared with the GUI): reads
// use the api thread's connection; writes go to the one writer (the registry thread) and then
// tell the WebhookService to reload. This class maps them to HTTP.
class WebhooksController : public Controller
{
public:
    explicit WebhooksController(ApiContext &context);
    ~WebhooksController() override;
    void registerRoutes(Router &router) override;

private:
    ApiResponse registerWebhook(const ApiRequest &request);
    ApiResponse list(const ApiRequest &request);
    ApiResponse get(const ApiRequest &request);
    ApiResponse replace(const ApiRequest &request, bool partial);
    ApiResponse remove(const ApiRequest &request);
    ApiResponse test(const ApiRequest &request);
    ApiResponse deliveries(const ApiRequest &request);
    ApiResponse redeliver(const ApiRequest &request);

    WebhookAdmin &admin();

    std::unique_ptr<WebhookAdmin> m_admin; // made on first use, in the api thread
};

} // namespace hai
