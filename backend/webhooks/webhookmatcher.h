// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "webhook.h"

#include <QList>
#include <QSet>
#include <QString>

#include <vector>

namespace hai {

struct HaEvent;
struct WebhookRegistryView;

// Decides which webhooks an event goes to. Built once per change of the webhook list from the
// enabled webhooks, with each filter compiled (globs, sets); match() runs on every event and
// allocates nothing when nothing matches. One HA event may yield several webhook events: a
// state_changed to "unavailable" is also an entity_unavailable, a device_registry_updated with
// action create/remove is a device_added/device_removed.
class WebhookMatcher
{
public:
    struct Match
    {
        int webhook = -1;  // index into webhooks()
        QString eventType; // the webhook event type that matched
    };

    WebhookMatcher(); // matches nothing
    explicit WebhookMatcher(const WebhookList &webhooks);
    ~WebhookMatcher();
    WebhookMatcher(WebhookMatcher &&) noexcept;
    WebhookMatcher &operator=(WebhookMatcher &&) noexcept;

    // Appends the matches of `event` to `out`.
    void match(const HaEvent &event, const WebhookRegistryView &registry, QList<Match> *out) const;

    const WebhookList &webhooks() const { return m_webhooks; } // the enabled ones
    bool isEmpty() const { return m_webhooks.isEmpty(); }

    // A glob with * (any run) and ? (one character); no other special characters.
    static bool globMatches(QStringView pattern, QStringView text);

private:
    struct Compiled;
    WebhookList m_webhooks;
    std::vector<Compiled> m_compiled; // same order as m_webhooks
    quint8 m_kinds = 0;               // derived event types any webhook wants (bits)
    QSet<QString> m_otherTypes;       // other HA event types any webhook wants
};

} // namespace hai
