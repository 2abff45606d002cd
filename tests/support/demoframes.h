// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

namespace hai::test {

// Real subscribe_events frames of state_changed events, as DemoHome sends them: a generated
// home (seeded, so the same every run) and its traffic generator. `perFrame` > 1 gives
// coalesced frames (JSON arrays), as HA sends after supported_features.
QList<QByteArray> demoEventFrames(int events, int perFrame = 1, int devices = 100,
                                  int subscriptionId = 7);

} // namespace hai::test
