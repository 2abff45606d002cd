// SPDX-License-Identifier: GPL-3.0-or-later
#include "ingestpipeline.h"

#include "core/logging.h"
#include "homeassistant/hatime.h"
#include "ingeststats.h"
#include "registry/database.h"
#include "timeseries/influxwriter.h"
#include "timeseries/managedinfluxd.h"
#include "timeseries/registrytagcache.h"
#include "timeseries/statemapper.h"

#include <QEventLoop>

using namespace Qt::StringLiterals;

namespace hai {

namespace {
constexpr int kRegistryReloadDelayMs = 1000; // registry syncs come in runs
constexpr int kRegistryWaitMs = 30000;       // the longest events wait for a first discovery
} // namespace

IngestPipeline::IngestPipeline(const Settings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_stats(std::make_shared<IngestStats>())
    , m_registryTags(std::make_shared<RegistryTagCache>())
    , m_mapper(std::make_unique<StateMapper>(settings.mapping, m_registryTags.get()))
    , m_writer(new InfluxWriter(settings.influx, settings.dataDir, this))
    , m_registryReload(this) // a child, so it moves to the ingest thread with the pipeline
    , m_registryWait(this)
{
    m_registryWait.setSingleShot(true);
    m_registryWait.setInterval(kRegistryWaitMs);
    connect(&m_registryWait, &QTimer::timeout, this, [this] {
        qCWarning(lcInflux) << "no registry after" << kRegistryWaitMs / 1000
                            << "s: writing points without device, area and integration tags";
        releaseHeldEvents();
    });
    m_registryReload.setSingleShot(true);
    m_registryReload.setInterval(kRegistryReloadDelayMs);
    connect(&m_registryReload, &QTimer::timeout, this, &IngestPipeline::reloadRegistryTags);
    connect(m_writer, &InfluxWriter::acknowledged, this, &IngestPipeline::acknowledged);
    connect(m_writer, &InfluxWriter::statusChanged, this, &IngestPipeline::influxStatusChanged);
}

IngestPipeline::~IngestPipeline()
{
    stop();
}

std::shared_ptr<const InfluxWriterStats> IngestPipeline::writerStats() const
{
    return m_writer->stats();
}

bool IngestPipeline::start(QString *error)
{
    if (!m_writer->start(error))
        return false;
    if (m_settings.influx.managed)
        useManagedInfluxd();
    else if (m_settings.influx.url.isEmpty())
        m_writer->setUrl({}, u"no InfluxDB configured (give --influx-url or --influx-managed); "
                             u"points are kept in the spool"_s);

    m_registry = std::make_unique<Database>();
    QString reason;
    if (!m_registry->open(m_settings.registryDb, Database::Role::Reader, &reason)) {
        qCWarning(lcInflux).noquote() << "points go without registry tags:" << reason;
        m_registry.reset();
    }
    reloadRegistryTags();
    // A registry from an earlier run is good enough to start with; an empty one is not.
    m_registryKnown = !m_registryTags->snapshot().isEmpty();
    if (!m_registryKnown)
        m_registryWait.start();
    return true;
}

void IngestPipeline::useManagedInfluxd()
{
    m_managed = new ManagedInfluxd(m_settings.dataDir, this);
    m_writer->setUrl({}, u"waiting for the local influxd to start"_s);
    connect(m_managed, &ManagedInfluxd::started, this, [this](const QUrl &url) {
        qCInfo(lcInflux).noquote() << "local influxd ready on" << url.toString();
        m_writer->setUrl(url);
    });
    connect(m_managed, &ManagedInfluxd::stopped, this, [this](const QString &why) {
        m_writer->setUrl({}, u"the local influxd stopped (%1); it is being restarted and "
                             u"points are kept in the spool"_s.arg(why));
    });
    connect(m_managed, &ManagedInfluxd::failed, this, [this](const QString &message) {
        m_writer->setUrl({}, message + u"; points are kept in the spool"_s);
    });
    m_managed->start();
}

void IngestPipeline::stop(int timeoutMs)
{
    if (!m_writer || m_writer->isStopped())
        return;
    m_registryReload.stop();
    releaseHeldEvents(); // nothing stays behind in memory
    QEventLoop loop;
    connect(m_writer, &InfluxWriter::stopped, &loop, &QEventLoop::quit);
    m_writer->stop(timeoutMs);
    if (!m_writer->isStopped())
        loop.exec();
    if (m_managed) {
        disconnect(m_managed, nullptr, this, nullptr); // its exit is no news now
        m_managed->stop();
    }
}

void IngestPipeline::ingest(const HaEventList &events, quint64 sequence)
{
    if (!m_registryKnown) {
        m_held.append({events, sequence});
        return;
    }
    process(events, sequence);
}

void IngestPipeline::registryDiscovered()
{
    m_registryReload.stop();
    reloadRegistryTags();
    releaseHeldEvents();
}

void IngestPipeline::releaseHeldEvents()
{
    m_registryWait.stop();
    m_registryKnown = true;
    const auto held = std::exchange(m_held, {});
    for (const auto &[events, sequence] : held)
        process(events, sequence);
}

void IngestPipeline::process(const HaEventList &events, quint64 sequence)
{
    IngestStats::Batch batch;
    m_lines.clear();
    m_eventTimes.clear();
    int points = 0;
    for (const HaEvent &event : events) {
        ++(event.backfill ? batch.backfill : batch.live);
        SkipReason reason{};
        if (m_mapper->map(event, &m_lines, &reason)) {
            ++points;
            m_eventTimes.append(event.lastUpdatedUs);
        } else {
            ++batch.skipped[size_t(reason)];
        }
    }
    batch.points = points;
    batch.events = &events;
    m_stats->record(batch, HaTime::nowMicroseconds());
    // Also with no points: the acknowledgement must flow for the checkpoint to move.
    m_writer->append(m_lines, points, sequence, m_eventTimes);
}

void IngestPipeline::registryChanged()
{
    m_registryReload.start();
}

void IngestPipeline::reloadRegistryTags()
{
    if (!m_registry)
        return;
    QString error;
    std::optional<EntityTagMap> tags = RegistryTagCache::load(*m_registry, &error);
    if (!tags) {
        qCWarning(lcInflux).noquote() << "cannot read registry tags:" << error;
        return;
    }
    m_registryTags->replace(std::move(*tags));
}

} // namespace hai
