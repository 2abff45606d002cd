// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace hai {

// The point layout: HomeIQ's measurement with our fixes, or exactly HA's own integration.
enum class PointSchema { HomeIq, Ha };

// Which attributes become fields. SchemaDefault is None for homeiq and All for ha.
enum class AttributeFields { SchemaDefault, None, Numeric, All };

// How a Home Assistant event becomes a point (--influx-schema and the filter/tag options).
struct MappingOptions
{
    PointSchema schema = PointSchema::HomeIq;
    // Patterns: a glob when it has * or ?, an entity id when it has a dot, else a domain.
    QStringList include; // empty: everything
    QStringList exclude;
    QList<QPair<QString, QString>> staticTags; // key, value; override computed tags
    QStringList attributeTags;                 // attributes written as tags
    AttributeFields attributeFields = AttributeFields::SchemaDefault;
    QString measurement; // override; empty uses the schema's rule
    QStringList eventTypes{QStringLiteral("state_changed")};

    AttributeFields effectiveAttributeFields() const
    {
        if (attributeFields != AttributeFields::SchemaDefault)
            return attributeFields;
        return schema == PointSchema::Ha ? AttributeFields::All : AttributeFields::None;
    }
};

// Where points go and how they are batched and spooled.
struct InfluxOptions
{
    QUrl url;             // empty: no server given (managed or spool only)
    bool managed = false; // run a local influxd under <data-dir>/influxdb
    int api = 1;
    QString database = QStringLiteral("home_assistant"); // v1
    QString username;                                    // v1, basic auth when set
    QString password;                                    // secret
    QString org;                                         // v2
    QString bucket;                                      // v2
    QString token;                                       // v2, secret
    bool createDatabase = true;                          // v1 CREATE DATABASE when missing

    int batchSize = 5000;
    int flushIntervalMs = 250;
    // Bodies at least this big are gzipped; 0 = never. kGzipAuto: 64 KiB, but never to a
    // loopback address, where compressing costs CPU and saves nothing.
    static constexpr qint64 kGzipAuto = -1;
    qint64 gzipMinBytes = kGzipAuto;
    int requestTimeoutMs = 10000;
    qint64 spoolMaxBytes = qint64(2) * 1024 * 1024 * 1024;

    bool hasTarget() const { return managed || !url.isEmpty(); }
};

} // namespace hai
