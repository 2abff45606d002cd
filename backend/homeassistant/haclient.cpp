// SPDX-License-Identifier: GPL-3.0-or-later
#include "haclient.h"

#include "backfill.h"
#include "core/logging.h"
#include "discovery.h"
#include "haconnection.h"
#include "haeventparser.h"
#include "haregistry.h"
#include "hatime.h"
#include "livestatecache.h"
#include "registry/database.h"
#include "registry/registryreader.h"
#include "registryapplier.h"
#include "registryloader.h"
#include "registrysync.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace hai {

HaClient::HaClient(const HaClientOptions &options, RegistryService *registry, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_stats(std::make_shared<HaStats>())
    , m_cache(std::make_shared<LiveStateCache>())
    , m_flushTimer(this)
    , m_saveTimer(this)
{
    qRegisterMetaType<hai::HaEvent>();
    qRegisterMetaType<hai::HaEventList>();
    qRegisterMetaType<hai::HaState>();

    m_connection = new HaConnection(options, m_stats.get(), this);
    m_applier = new RegistryApplier(registry, m_stats, this);
    m_loader = new RegistryLoader(m_connection, m_applier, m_stats, this);
    m_discovery = new Discovery(m_loader, m_stats, this);
    m_registrySync = new RegistrySync(m_loader, options.registryDebounceMs, m_stats, this);
    m_backfill = new Backfill(m_connection, options, m_stats, this);

    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0); // when the event loop has handled what the socket had
    connect(&m_flushTimer, &QTimer::timeout, this, &HaClient::flush);
    m_saveTimer.setInterval(std::max(100, options.checkpointSaveIntervalMs));
    connect(&m_saveTimer, &QTimer::timeout, this, &HaClient::saveCheckpoint);

    connect(m_connection, &HaConnection::stateChanged, this, [this](HaConnection::State state) {
        switch (state) {
        case HaConnection::State::Disconnected:
            setState(HaState::Disconnected);
            break;
        case HaConnection::State::Connecting:
            setState(HaState::Connecting);
            break;
        case HaConnection::State::Authenticating:
            setState(HaState::Authenticating);
            break;
        case HaConnection::State::Connected:
            break; // onAuthenticated moves on to Discovering
        }
    });
    connect(m_connection, &HaConnection::authenticated, this, &HaClient::onAuthenticated);
    connect(m_connection, &HaConnection::disconnected, this, &HaClient::onDisconnected);
    connect(m_connection, &HaConnection::authenticationFailed, this,
            &HaClient::authenticationFailed);

    connect(m_discovery, &Discovery::progressed, this, &HaClient::discoveryProgressed);
    // get_states (as large as the entity list) after the lists, not in the same frames.
    connect(m_discovery, &Discovery::listsRead, this, &HaClient::requestStates);
    connect(m_discovery, &Discovery::finished, this, [this](bool ok, const QString &summary) {
        m_discovered = true;
        Q_EMIT discoveryFinished(ok, summary);
        maybeGoLive();
    });
    connect(m_registrySync, &RegistrySync::synced, this, &HaClient::registrySynced);
    connect(m_backfill, &Backfill::progressed, this, &HaClient::backfillProgressed);
    connect(m_backfill, &Backfill::finished, this,
            [this](bool complete, qint64 recovered, double seconds) {
                flush();
                if (complete) {
                    m_checkpoint.releaseHold();
                    m_stats->setCheckpoint(m_checkpoint.value());
                }
                if (m_state == HaState::Backfilling)
                    setState(HaState::Live);
                Q_EMIT backfillFinished(complete, recovered, seconds);
            });
}

HaClient::~HaClient()
{
    stop(); // flushes the last batch and stores the checkpoint (queued to the registry)
    // The children hold callbacks into each other; stop the link first.
    m_backfill->cancel();
    m_discovery->cancel();
    m_registrySync->reset();
}

std::shared_ptr<const LiveStateCache> HaClient::liveStates() const
{
    return m_cache;
}

void HaClient::start()
{
    if (m_started)
        return;
    m_started = true;
    loadCheckpoint();
    m_saveTimer.start();
    m_connection->open();
}

void HaClient::stop()
{
    if (!m_started)
        return;
    m_started = false;
    flush();
    m_backfill->cancel();
    m_discovery->cancel();
    m_registrySync->reset();
    m_connection->close();
    m_saveTimer.stop();
    saveCheckpoint();
}

void HaClient::setCredentials(const QUrl &url, const QString &token)
{
    m_connection->setCredentials(url, token);
    if (!m_started)
        return;
    m_connection->close();
    m_connection->open();
}

void HaClient::loadCheckpoint()
{
    const DatabaseLocation &location = m_options.registryDb;
    if (!location.isPostgres() &&
        (location.sqlitePath.isEmpty() || !QFileInfo::exists(location.sqlitePath)))
        return;
    Database database;
    QString error;
    if (!database.open(location, Database::Role::Reader, &error)) {
        qCWarning(lcHa).noquote() << "cannot read the backfill checkpoint:" << error;
        return;
    }
    std::optional<QString> stored;
    {
        RegistryReader reader(database);
        stored = reader.state(m_options.checkpointKey);
    }
    database.close();
    const std::optional<qint64> value = stored ? CheckpointTracker::parse(*stored) : std::nullopt;
    if (!value)
        return;
    m_checkpoint.load(*value);
    m_stats->setCheckpoint(*value);
    qCInfo(lcHa).noquote() << "backfill checkpoint" << HaTime::toIso(*value);
}

void HaClient::saveCheckpoint()
{
    if (!m_checkpoint.isDirty())
        return;
    m_checkpoint.markSaved();
    m_applier->setState(m_options.checkpointKey, CheckpointTracker::format(m_checkpoint.value()));
}

void HaClient::setState(HaState state)
{
    if (m_state == state)
        return;
    m_state = state;
    m_stats->setState(state);
    qCDebug(lcHa).noquote() << "state:" << HaStats::stateName(state);
    Q_EMIT connectionStateChanged(state);
}

void HaClient::onAuthenticated(const QString &)
{
    ++m_session;
    m_discovered = false;
    m_statesLoaded = false;
    m_stateSubscribed = false;
    m_subscribedAtUs = 0;
    m_filter.beginConnection();
    m_registrySync->reset();
    m_registrySync->setPaused(true);
    if (m_options.backfillEnabled && m_checkpoint.hasValue())
        m_checkpoint.hold(); // until the gap is backfilled
    setState(HaState::Discovering);

    // state_changed first: from here on nothing is missed, the backfill covers what came
    // before. Then the registry events, so no change slips between list and subscription.
    subscribe(u"state_changed"_s);
    for (const QString &type : HaRegistryInfo::updatedEvents())
        subscribe(type);
    for (const QString &type : std::as_const(m_options.extraEventTypes)) {
        if (type == u"*" || type.isEmpty()) // would deliver every state_changed twice
            qCWarning(lcHa) << "not subscribing to '*': list the extra event types instead";
        else if (type != u"state_changed" && !HaRegistryInfo::fromUpdatedEvent(type))
            subscribe(type);
    }

    m_discovery->start();
}

void HaClient::requestStates()
{
    const quint64 session = m_session;
    QPointer<HaClient> self(this);
    m_connection->request(
        QJsonObject{{u"type"_s, u"get_states"_s}}, [self, session](const HaResult &answer) {
            if (!self || session != self->m_session)
                return;
            if (!answer.success) {
                qCWarning(lcHa).noquote() << "get_states failed:" << answer.describe();
                if (answer.errorCode == u"disconnected")
                    return;
            }
            self->onStatesLoaded(answer.result);
        });
}

void HaClient::subscribe(const QString &eventType)
{
    const quint64 session = m_session;
    const bool isState = eventType == u"state_changed";
    QPointer<HaClient> self(this);
    m_connection->subscribeEvents(
        eventType, [this](const QJsonObject &event) { onEvent(event); },
        [self, session, eventType, isState](const HaResult &answer) {
            if (!self || session != self->m_session)
                return;
            if (!answer.success) {
                if (answer.errorCode == u"disconnected")
                    return;
                const QString error =
                    u"cannot subscribe to "_s + eventType + u": "_s + answer.describe();
                qCWarning(lcHa).noquote() << error;
                self->m_stats->setLastError(error);
            }
            if (isState) {
                self->m_stateSubscribed = true;
                self->m_subscribedAtUs = HaTime::nowMicroseconds();
                self->maybeGoLive();
            }
        },
        isState
            ? HaParsedEventCallback([this](HaEvent &&event) { onParsedEvent(std::move(event)); })
            : HaParsedEventCallback());
}

void HaClient::onEvent(const QJsonObject &eventObject)
{
    HaEvent event;
    QString why;
    if (!HaEventParser::parse(eventObject, &event, &why)) {
        m_stats->countBadInput(HaBadInput::BadEvent, why);
        // A registry event is still a reason to re-read, even if its time is unreadable.
        m_registrySync->handleEvent(eventObject);
        return;
    }
    if (event.isStateChanged())
        m_filter.noteLive(event.entityId, event.lastUpdatedUs);
    else
        m_registrySync->handleEvent(eventObject);
    append(std::move(event));
}

void HaClient::onParsedEvent(HaEvent &&event)
{
    m_filter.noteLive(event.entityId, event.lastUpdatedUs);
    append(std::move(event));
}

void HaClient::onStatesLoaded(const QJsonValue &states)
{
    if (!states.isArray()) {
        if (!states.isUndefined())
            m_stats->countBadInput(HaBadInput::WrongType, u"get_states returned no list"_s);
    } else {
        flush(); // events received before the answer are older than it
        const LiveStateCache::ReplaceResult result = m_cache->replaceAll(states.toArray());
        if (result.skipped)
            m_stats->countBadInput(HaBadInput::BadEvent,
                                   QString::number(result.skipped) +
                                       u" get_states items are not valid states"_s);
        m_stats->setLiveStates(result.stored);
        Q_EMIT liveStatesLoaded(result.stored);
    }
    m_statesLoaded = true;
    maybeGoLive();
}

void HaClient::maybeGoLive()
{
    if (m_state != HaState::Discovering || !m_discovered || !m_statesLoaded || !m_stateSubscribed)
        return;
    setState(HaState::Live);
    m_registrySync->setPaused(false);
    if (m_checkpoint.isHeld())
        startBackfill();
}

void HaClient::startBackfill()
{
    QStringList ids = m_cache->entityIds();
    ids += m_previousEntityIds;
    const qint64 now = HaTime::nowMicroseconds();
    const qint64 from = std::max(m_checkpoint.value() - qint64(m_options.backfillMarginMs) * 1000,
                                 now - m_options.backfillMaxSeconds * 1000000);
    setState(HaState::Backfilling);
    QPointer<HaClient> self(this);
    m_backfill->start(ids, from, m_subscribedAtUs, [self](HaEventList &&events) -> qsizetype {
        return self ? self->deliverBackfill(std::move(events)) : 0;
    });
}

qsizetype HaClient::deliverBackfill(HaEventList &&events)
{
    qsizetype accepted = 0;
    for (HaEvent &event : events) {
        if (!m_filter.acceptBackfill(event.entityId, event.lastUpdatedUs))
            continue;
        append(std::move(event));
        ++accepted;
    }
    return accepted;
}

void HaClient::append(HaEvent &&event)
{
    if (event.isStateChanged())
        ++m_batchStateChanged;
    m_batch.append(std::move(event));
    if (m_batch.size() >= std::max(1, m_options.maxBatchEvents))
        flush();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void HaClient::flush()
{
    m_flushTimer.stop();
    if (m_batch.isEmpty())
        return;
    HaEventList batch;
    batch.swap(m_batch);
    m_cache->apply(batch);
    qint64 newestLive = 0;
    for (const HaEvent &event : std::as_const(batch))
        if (!event.backfill)
            newestLive = std::max(newestLive, event.timeFiredUs);
    const quint64 sequence = m_checkpoint.registerBatch(newestLive);
    m_stats->addEvents(quint64(batch.size()), m_batchStateChanged, 1);
    m_stats->setLiveStates(m_cache->size());
    m_batchStateChanged = 0;
    Q_EMIT eventsReceived(batch, sequence);
    if (m_options.autoAcknowledge)
        acknowledge(sequence);
}

void HaClient::acknowledge(quint64 sequence)
{
    if (!m_checkpoint.acknowledge(sequence))
        return;
    m_stats->setCheckpoint(m_checkpoint.value());
    Q_EMIT checkpointAdvanced(m_checkpoint.value());
}

void HaClient::onDisconnected()
{
    flush();
    m_backfill->cancel();
    m_discovery->cancel();
    m_registrySync->reset();
    m_previousEntityIds = m_cache->entityIds();
    ++m_session; // late answers of the old connection are ignored
    saveCheckpoint();
}

} // namespace hai
