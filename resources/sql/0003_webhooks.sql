-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 3: webhook subscriptions and their persistent delivery queue and log.
-- Portable between SQLite and PostgreSQL (see migration 1). Times are float epoch seconds;
-- events and filter are compact JSON text. Delivery figures live in the webhooks row, so
-- pruning old delivered rows does not change them.

CREATE TABLE webhooks (
    webhook_id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    url TEXT NOT NULL,
    events TEXT NOT NULL,
    secret TEXT NOT NULL,
    filter TEXT NOT NULL DEFAULT '{}',
    enabled BOOLEAN NOT NULL DEFAULT TRUE,
    created_at DOUBLE PRECISION NOT NULL,
    updated_at DOUBLE PRECISION NOT NULL,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    disabled_reason TEXT,
    delivered_count BIGINT NOT NULL DEFAULT 0,
    failed_count BIGINT NOT NULL DEFAULT 0,
    last_delivery_at DOUBLE PRECISION,
    last_status_code INTEGER,
    last_error TEXT
);

-- The queue (status pending) and the log (delivered, failed). seq orders deliveries the way
-- their events happened; the dispatcher sends each webhook's queue in seq order.
CREATE TABLE webhook_deliveries (
    delivery_id TEXT PRIMARY KEY NOT NULL,
    webhook_id TEXT NOT NULL REFERENCES webhooks (webhook_id) ON DELETE CASCADE,
    event_type TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at DOUBLE PRECISION NOT NULL,
    last_status_code INTEGER,
    last_error TEXT,
    created_at DOUBLE PRECISION NOT NULL,
    delivered_at DOUBLE PRECISION,
    seq BIGINT NOT NULL
);
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (webhook_id, seq);
CREATE INDEX webhook_deliveries_status ON webhook_deliveries (status, seq);
