// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/databaselocation.h"

#include <QStringList>
#include <QUrl>

namespace hai {

// Everything that shapes the Home Assistant client. The defaults are the production values;
// tests shorten the timers.
struct HaClientOptions
{
    QUrl url; // ws://, wss://, or an http(s):// base (…/api/websocket is appended)
    QString token;

    // Liveness: an HA-level ping every pingIntervalMs; no pong (and no other frame) within
    // pongTimeoutMs means a dead link. auth_ok must come within authTimeoutMs of the socket
    // opening, the socket within connectTimeoutMs.
    int pingIntervalMs = 30000;
    int pongTimeoutMs = 10000;
    int authTimeoutMs = 10000;
    int connectTimeoutMs = 15000;

    // Reconnect forever: backoffInitialMs doubling to backoffMaxMs, ±backoffJitter; the
    // sequence starts over once a connection stayed up for stableAfterMs.
    int backoffInitialMs = 1000;
    int backoffMaxMs = 60000;
    double backoffJitter = 0.2;
    int stableAfterMs = 60000;
    quint32 backoffSeed = 0; // 0 = random

    // HA sends get_states and registry lists as single frames of many MB.
    qint64 maxMessageBytes = 256LL * 1024 * 1024;

    // Event types forwarded to the ingest path besides state_changed (which is always on).
    // The registry *_updated events are always subscribed (for registry sync) and forwarded.
    QStringList extraEventTypes;

    int registryDebounceMs = 300; // registry-updated events → re-read after this long

    // Backfill after a gap: from the stored checkpoint minus a margin to now, in chunks of
    // entity ids; again after the recorder's commit interval, for the tail.
    bool backfillEnabled = true;
    int backfillChunkSize = 500;
    int backfillMarginMs = 5000;
    int backfillTailDelayMs = 1500;         // HA's recorder commits every 1 s
    qint64 backfillMaxSeconds = 10 * 86400; // HA's recorder keeps 10 days by default

    // Where the checkpoint is kept (RegistryWriter::setState) and read back at start
    // (a RegistryReader on registryDb). An empty sqlitePath (and not Postgres) = no reading.
    QString checkpointKey = QStringLiteral("ha.checkpoint");
    DatabaseLocation registryDb;
    int checkpointSaveIntervalMs = 2000;
    // Until a durable sink acknowledges batches itself, every batch counts as handed on as
    // soon as it is emitted.
    bool autoAcknowledge = true;

    int maxBatchEvents = 5000; // a batch is flushed at this size or when the event loop idles
};

} // namespace hai
