// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A real Backend for the webhook GUI tests: DemoHome in-process (settings.demo), a temp data
// dir, the REST API on a free port with a token. Header-only: each test is one executable.

#include "backend.h"
#include "core/thread.h"
#include "freeport.h"
#include "registry/registryservice.h"
#include "webhooks/webhookclient.h"
#include "webhooks/webhookservice.h"
#include "webhooks/webhookstore.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

namespace hai::test {

inline const QString kTestSecret = QStringLiteral("s3cret-that-is-long-enough");

struct WebhookGuiTestbed
{
    // Call from initTestCase(); `options` tune delivery (e.g. disable after one failure).
    bool start(const WebhookOptions &options = {})
    {
        QStandardPaths::setTestModeEnabled(true);
        if (!dir.isValid())
            return false;
        settings.demo = true;
        settings.dataDir = dir.path();
        settings.registryDb.sqlitePath = dir.filePath(QStringLiteral("metadata.db"));
        settings.apiPort = 0;
        settings.apiToken = QStringLiteral("gui-test-token-0123456789");
        settings.webhooks = options;
        backend = std::make_unique<Backend>(settings);
        QString error;
        if (!backend->start(&error)) {
            qWarning("backend: %s", qPrintable(error));
            return false;
        }
        return true;
    }
    void stop() { backend.reset(); }

    // An http URL on loopback where nobody listens: every request is refused at once.
    static QUrl unreachableUrl()
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/hook").arg(freeLoopbackPort()));
    }

    // A valid draft. `quiet` adds a filter no demo event matches, so that the demo traffic
    // never delivers (or fails) anything for it.
    static Webhook draft(const QString &name, const QUrl &url, bool quiet = true)
    {
        Webhook webhook;
        webhook.name = name;
        webhook.url = url;
        webhook.secret = kTestSecret;
        webhook.events = {QStringLiteral("state_changed")};
        if (quiet)
            webhook.filter.entityIds = {QStringLiteral("nothing.never_matches")};
        return webhook;
    }

    // The webhooks as stored, read on the one writer in the registry thread.
    WebhookList stored() const
    {
        RegistryService *registry = backend->registry();
        return invokeIn(
            registry, [registry] { return registry->webhooks()->list().value_or(WebhookList{}); });
    }
    std::optional<Webhook> storedWebhook(const QString &id) const
    {
        for (const Webhook &webhook : stored()) {
            if (webhook.id == id)
                return webhook;
        }
        return std::nullopt;
    }

    QTemporaryDir dir;
    Settings settings;
    std::unique_ptr<Backend> backend;
};

// Runs one WebhookClient call and spins the event loop until it answers (the GUI thread is
// never blocked by the call itself). A call that does not answer gives Status::Timeout.
template <typename Result, typename Call>
Result await(Call call, int timeoutMs = 20000)
{
    // Shared: a late answer after a timeout must not write into a finished frame.
    auto out = std::make_shared<std::optional<Result>>();
    call([out](const Result &result) { *out = result; });
    if (!QTest::qWaitFor([&out] { return out->has_value(); }, timeoutMs)) {
        Result timedOut;
        timedOut.status = WebhookAdmin::Status::Timeout;
        timedOut.message = QStringLiteral("no answer from the WebhookClient");
        return timedOut;
    }
    return **out;
}

} // namespace hai::test
