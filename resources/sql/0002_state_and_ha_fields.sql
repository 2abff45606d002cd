-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 2: small app state (checkpoints), user preferences, and registry fields that
-- migration 1 dropped: device identifiers/connections/config_entries, the 2026.8 subentry
-- and 2026.9 child-device fields, entity categories/options, config entry subentries.
-- Existing rows keep their data; new JSON columns start as empty lists/objects.

-- Key/value state owned by the app, e.g. the backfill checkpoint per HA instance.
CREATE TABLE app_state (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL,
    updated_at DOUBLE PRECISION NOT NULL
);

-- User preferences; value is JSON text (any JSON value).
CREATE TABLE user_preferences (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL,
    updated_at DOUBLE PRECISION NOT NULL
);

ALTER TABLE devices ADD COLUMN identifiers TEXT NOT NULL DEFAULT '[]';
ALTER TABLE devices ADD COLUMN connections TEXT NOT NULL DEFAULT '[]';
ALTER TABLE devices ADD COLUMN config_entries TEXT NOT NULL DEFAULT '[]';
ALTER TABLE devices ADD COLUMN config_subentry_id TEXT;
ALTER TABLE devices ADD COLUMN parent_device_id TEXT;
CREATE INDEX devices_parent ON devices (parent_device_id);

ALTER TABLE entities ADD COLUMN config_subentry_id TEXT;
ALTER TABLE entities ADD COLUMN categories TEXT NOT NULL DEFAULT '{}';
ALTER TABLE entities ADD COLUMN options TEXT NOT NULL DEFAULT '{}';

ALTER TABLE integrations ADD COLUMN num_subentries INTEGER;
ALTER TABLE integrations ADD COLUMN error_reason_translation_key TEXT;
