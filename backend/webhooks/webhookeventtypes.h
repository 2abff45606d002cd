// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace hai {

// The event types a webhook may subscribe to: Home Assistant events the client subscribes to,
// and events the app derives itself.
namespace WebhookEventTypes {
// HA events: state_changed, automation_triggered, script_started, call_service,
// homeassistant_started, homeassistant_stop.
const QStringList &homeAssistant();
// App events: device_added and device_removed (from device_registry_updated create/remove),
// entity_unavailable (a state_changed whose new state is "unavailable" and old state was not).
const QStringList &app();
const QStringList &all(); // both lists
bool isKnown(const QString &type);
inline constexpr char kPing[] = "ping"; // the event type of a test delivery; not subscribable
} // namespace WebhookEventTypes

} // namespace hai
