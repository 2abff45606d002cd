-- SPDX-License-Identifier: GPL-3.0-or-later
-- Migration 1: the Home Assistant registries. Portable between SQLite and PostgreSQL 15:
-- TEXT, INTEGER, BOOLEAN and DOUBLE PRECISION only, no AUTOINCREMENT, no dialect functions.
-- Released migrations are never edited; add a new numbered file instead.
-- HA timestamps (created_at, modified_at) are float epoch seconds. JSON lists and objects
-- (labels, aliases) are stored as compact JSON text.
-- Columns marked "derived" are computed by RegistryWriter, never sent by HA.

CREATE TABLE schema_version (
    version INTEGER PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    applied_at DOUBLE PRECISION NOT NULL
);

-- config_entries/get
CREATE TABLE integrations (
    entry_id TEXT PRIMARY KEY NOT NULL,
    domain TEXT NOT NULL,
    title TEXT,
    state TEXT,
    source TEXT,
    disabled_by TEXT,
    reason TEXT,
    pref_disable_new_entities BOOLEAN,
    pref_disable_polling BOOLEAN,
    supports_options BOOLEAN,
    supports_unload BOOLEAN,
    supports_remove_device BOOLEAN,
    supports_reconfigure BOOLEAN,
    created_at DOUBLE PRECISION,
    modified_at DOUBLE PRECISION
);
CREATE INDEX integrations_domain ON integrations (domain, entry_id);

-- config/floor_registry/list
CREATE TABLE floors (
    floor_id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    level INTEGER,
    icon TEXT,
    aliases TEXT NOT NULL DEFAULT '[]',
    created_at DOUBLE PRECISION,
    modified_at DOUBLE PRECISION
);

-- config/area_registry/list. floor_id has no foreign key: HA sends the lists separately and
-- in any order, and a registry that is briefly inconsistent must still be stored.
CREATE TABLE areas (
    area_id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    floor_id TEXT,
    icon TEXT,
    aliases TEXT NOT NULL DEFAULT '[]',
    labels TEXT NOT NULL DEFAULT '[]',
    picture TEXT,
    humidity_entity_id TEXT,
    temperature_entity_id TEXT,
    created_at DOUBLE PRECISION,
    modified_at DOUBLE PRECISION
);
CREATE INDEX areas_floor ON areas (floor_id);

-- config/label_registry/list
CREATE TABLE labels (
    label_id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    color TEXT,
    icon TEXT,
    description TEXT,
    created_at DOUBLE PRECISION,
    modified_at DOUBLE PRECISION
);

-- config/device_registry/list. device_id is HA's `id`.
--   config_entry_id  the primary config entry (primary_config_entry, else config_entry_id,
--                    else the first of config_entries)
--   integration      derived: that entry's domain
--   sort_name        derived: lower-cased name_by_user, else name, else ''; the list order
--   search_text      derived: lower-cased names, for the `q` filter
--   last_seen        derived: when this device was last in a snapshot or update (epoch s)
CREATE TABLE devices (
    device_id TEXT PRIMARY KEY NOT NULL,
    name TEXT,
    name_by_user TEXT,
    manufacturer TEXT,
    model TEXT,
    model_id TEXT,
    sw_version TEXT,
    hw_version TEXT,
    serial_number TEXT,
    area_id TEXT,
    integration TEXT,
    config_entry_id TEXT,
    via_device_id TEXT,
    entry_type TEXT,
    disabled_by TEXT,
    labels TEXT NOT NULL DEFAULT '[]',
    configuration_url TEXT,
    created_at DOUBLE PRECISION,
    modified_at DOUBLE PRECISION,
    last_seen DOUBLE PRECISION,
    sort_name TEXT NOT NULL DEFAULT '',
    search_text TEXT NOT NULL DEFAULT ''
);
-- One index per filter, ending in the ORDER BY columns: a filtered page is a range scan with
-- no sort step, and its COUNT(*) is answered from the index alone.
CREATE INDEX devices_order ON devices (sort_name, device_id);
CREATE INDEX devices_manufacturer ON devices (manufacturer, sort_name, device_id);
CREATE INDEX devices_model ON devices (model, sort_name, device_id);
CREATE INDEX devices_area ON devices (area_id, sort_name, device_id);
CREATE INDEX devices_integration ON devices (integration, sort_name, device_id);
CREATE INDEX devices_config_entry ON devices (config_entry_id);

-- config/entity_registry/list. registry_id is HA's `id` (the registry uuid).
--   domain             derived: the part of entity_id before the dot
--   effective_area_id  derived: area_id, else the device's area_id (HA's rule); kept current by
--                      RegistryWriter so that the area filter is an index range scan
--   search_text        derived: lower-cased entity_id, name and original_name
CREATE TABLE entities (
    entity_id TEXT PRIMARY KEY NOT NULL,
    registry_id TEXT,
    device_id TEXT REFERENCES devices (device_id) ON DELETE SET NULL,
    domain TEXT NOT NULL,
    platform TEXT,
    unique_id TEXT,
    area_id TEXT,
    effective_area_id TEXT,
    name TEXT,
    original_name TEXT,
    icon TEXT,
    entity_category TEXT,
    disabled_by TEXT,
    hidden_by TEXT,
    labels TEXT NOT NULL DEFAULT '[]',
    config_entry_id TEXT,
    translation_key TEXT,
    has_entity_name BOOLEAN,
    created_at DOUBLE PRECISION,
    modified_at DOUBLE PRECISION,
    search_text TEXT NOT NULL DEFAULT ''
);
-- Entities are ordered by entity_id (the primary key); each filter index ends in it.
CREATE INDEX entities_domain ON entities (domain, entity_id);
CREATE INDEX entities_device ON entities (device_id, entity_id);
CREATE INDEX entities_area ON entities (effective_area_id, entity_id);
CREATE INDEX entities_platform ON entities (platform, entity_id);
CREATE INDEX entities_config_entry ON entities (config_entry_id);
