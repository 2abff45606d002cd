// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/settings.h"
#include "homeassistant/haevent.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace hai {

class Database;
class IngestStats;
class InfluxWriter;
class InfluxWriterStats;
class ManagedInfluxd;
class RegistryTagCache;
class StateMapper;

// The "ingest" thread's worker: Home Assistant event batches in, line protocol out to the
// InfluxDB writer, acknowledgements back to the HA client once the points are written or
// spooled (that, and only that, moves HA's backfill checkpoint). It also runs the managed
// local influxd when asked, and keeps the registry tags of points current after each
// registry sync.
//
// Threads: construct, moveToThread(), then start() there. stats() and writerStats() are for
// any thread; everything else runs in the ingest thread.
class IngestPipeline : public QObject
{
    Q_OBJECT
public:
    explicit IngestPipeline(const Settings &settings, QObject *parent = nullptr);
    ~IngestPipeline() override;

    std::shared_ptr<const IngestStats> stats() const { return m_stats; }
    std::shared_ptr<const InfluxWriterStats> writerStats() const;

    // Opens the spool, the registry reader and, with --influx-managed, starts influxd.
    // False (with `error`) only when nothing can be kept safe: the spool cannot be opened.
    bool start(QString *error);
    // Writes what it can within `timeoutMs`, spools the rest, sends the final
    // acknowledgement and stops the managed influxd. Blocks this thread for at most that long.
    void stop(int timeoutMs = 5000);

public Q_SLOTS:
    void ingest(const hai::HaEventList &events, quint64 sequence);
    // The registry changed: reload the tags of points (debounced).
    void registryChanged();
    // Discovery wrote the whole registry: reload now, and map what was held back.
    void registryDiscovered();

Q_SIGNALS:
    // Every batch up to `sequence` is written or spooled.
    void acknowledged(quint64 sequence);
    void influxStatusChanged(const QString &status, const QString &message);

private:
    void reloadRegistryTags();
    void releaseHeldEvents();
    void process(const HaEventList &events, quint64 sequence);
    void useManagedInfluxd();

    Settings m_settings;
    std::shared_ptr<IngestStats> m_stats;
    std::shared_ptr<RegistryTagCache> m_registryTags;
    std::unique_ptr<StateMapper> m_mapper;
    std::unique_ptr<Database> m_registry;
    InfluxWriter *m_writer = nullptr;
    ManagedInfluxd *m_managed = nullptr;
    QTimer m_registryReload;
    // A point's tags (device, area, integration) are part of its series key, so events are
    // held until the registry is known: otherwise a state written before discovery and the
    // same state backfilled later would land in two series. Bounded by a timeout.
    bool m_registryKnown = false;
    QTimer m_registryWait;
    QList<std::pair<HaEventList, quint64>> m_held;
    QByteArray m_lines; // reused between batches
    QList<qint64> m_eventTimes;
};

} // namespace hai
