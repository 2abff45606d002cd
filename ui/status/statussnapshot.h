// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "homeassistant/hastats.h"
#include "timeseries/influxresponse.h"
#include "timeseries/influxwriterstats.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace hai {

// What the registry reader found: counts for the Overview page and the database's health.
struct RegistryFigures
{
    bool known = false; // false until the first read finished
    bool ok = false;
    QString error;       // why the last read failed
    QString location;    // safe to show: never a password
    QString journalMode; // "wal", "postgres", ...
    double sizeMb = 0;
    qint64 devices = 0, entities = 0, areas = 0, floors = 0, labels = 0, integrations = 0;
};

// Every figure the status bar, the tray and the Overview page show, copied from the
// backend's thread-safe stats at one moment. A value type, so widgets never reach into the
// backend and tests can build one by hand.
struct StatusSnapshot
{
    qint64 takenAtUs = 0;

    bool haConfigured = false; // there is a Home Assistant client at all
    HaStatsSnapshot ha;
    int reconnectInSeconds = -1;               // while disconnected and a retry is scheduled
    int discoveryDone = 0, discoveryTotal = 0; // while a discovery runs

    InfluxWriterFigures influx;
    // The kind of the newest failed write, told apart by which error counter moved.
    InfluxErrorKind influxErrorKind = InfluxErrorKind::None;

    QJsonObject ingest; // IngestStats::toJson()
    qint64 eventsReceived = 0;
    qint64 eventsSkipped = 0;   // events that made no point (filters, unmappable states)
    double eventsPerSecond = 0; // over the last 10 s

    QJsonObject webhooks; // WebhookStats::toJson()
    QStringList webhookWarnings;

    QString apiAddress; // "http://127.0.0.1:8006"; empty when the API does not run

    RegistryFigures registry;

    // Points lost for good, all reasons together (each is also counted on its own).
    quint64 pointsDropped() const
    {
        return influx.droppedSpoolFull + influx.droppedSpoolCorrupt + influx.droppedSpoolError +
               influx.droppedDeadLetterError;
    }
};

} // namespace hai

Q_DECLARE_METATYPE(hai::StatusSnapshot)
Q_DECLARE_METATYPE(hai::RegistryFigures)
