// SPDX-License-Identifier: GPL-3.0-or-later
#include "hastats.h"

#include "core/logging.h"
#include "hatime.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

QJsonValue isoOrNull(qint64 us)
{
    return us ? QJsonValue(HaTime::toIso(us)) : QJsonValue(QJsonValue::Null);
}

QString statusFor(HaState state)
{
    switch (state) {
    case HaState::Live:
    case HaState::Backfilling:
        return u"connected"_s;
    case HaState::Connecting:
    case HaState::Authenticating:
    case HaState::Discovering:
        return u"connecting"_s;
    case HaState::Disconnected:
        break;
    }
    return u"disconnected"_s;
}

} // namespace

quint64 HaStatsSnapshot::badInputTotal() const
{
    quint64 total = 0;
    for (quint64 n : badInput)
        total += n;
    return total;
}

QJsonObject HaStatsSnapshot::toJson() const
{
    QJsonObject bad;
    for (int i = 0; i < kHaBadInputKinds; ++i)
        bad.insert(HaStats::badInputName(HaBadInput(i)), qint64(badInput[size_t(i)]));
    bad.insert(u"total"_s, qint64(badInputTotal()));
    return QJsonObject{
        {u"status"_s, status},
        {u"state"_s, HaStats::stateName(state)},
        {u"url"_s, url},
        {u"ha_version"_s, haVersion.isEmpty() ? QJsonValue() : QJsonValue(haVersion)},
        {u"connected_since"_s, isoOrNull(connectedSinceUs)},
        {u"reconnects"_s, qint64(reconnects)},
        {u"connect_failures"_s, qint64(connectFailures)},
        {u"last_error"_s, lastError.isEmpty() ? QJsonValue() : QJsonValue(lastError)},
        {u"frames"_s, qint64(frames)},
        {u"messages"_s, qint64(messages)},
        {u"events"_s, qint64(events)},
        {u"state_changed"_s, qint64(stateChanged)},
        {u"batches"_s, qint64(batches)},
        {u"command_errors"_s, qint64(commandErrors)},
        {u"live_states"_s, liveStates},
        {u"discovery"_s, QJsonObject{{u"at"_s, isoOrNull(discoveredAtUs)},
                                     {u"seconds"_s, discoverySeconds},
                                     {u"devices"_s, devices},
                                     {u"entities"_s, entities},
                                     {u"areas"_s, areas},
                                     {u"floors"_s, floors},
                                     {u"labels"_s, labels},
                                     {u"integrations"_s, integrations}}},
        {u"registry_sync"_s, QJsonObject{{u"events"_s, qint64(registryEvents)},
                                         {u"syncs"_s, qint64(registrySyncs)},
                                         {u"errors"_s, qint64(registryErrors)},
                                         {u"last_latency_ms"_s, lastSyncLatencyMs},
                                         {u"max_latency_ms"_s, maxSyncLatencyMs}}},
        {u"backfill"_s, QJsonObject{{u"running"_s, backfillRunning},
                                    {u"chunks_done"_s, backfillChunksDone},
                                    {u"chunks_total"_s, backfillChunksTotal},
                                    {u"from"_s, isoOrNull(backfillFromUs)},
                                    {u"to"_s, isoOrNull(backfillToUs)},
                                    {u"recovered_last"_s, qint64(backfillRecoveredLast)},
                                    {u"recovered_total"_s, qint64(backfillRecoveredTotal)},
                                    {u"runs"_s, qint64(backfills)},
                                    {u"last_seconds"_s, backfillSeconds},
                                    {u"checkpoint"_s, isoOrNull(checkpointUs)}}},
        {u"bad_input"_s, bad},
    };
}

QString HaStats::stateName(HaState state)
{
    switch (state) {
    case HaState::Disconnected:
        return u"disconnected"_s;
    case HaState::Connecting:
        return u"connecting"_s;
    case HaState::Authenticating:
        return u"authenticating"_s;
    case HaState::Discovering:
        return u"discovering"_s;
    case HaState::Live:
        return u"live"_s;
    case HaState::Backfilling:
        return u"backfilling"_s;
    }
    return u"unknown"_s;
}

QString HaStats::badInputName(HaBadInput kind)
{
    static const char16_t *const names[kHaBadInputKinds] = {
        u"malformed_json",  u"not_an_object", u"missing_field",      u"wrong_type",
        u"unknown_type",    u"unmatched_id",  u"unexpected_message", u"binary_frame",
        u"oversized_frame", u"bad_event",     u"bad_history",        u"bad_registry_item",
        u"unknown_device"};
    const int i = int(kind);
    return i >= 0 && i < kHaBadInputKinds ? QString::fromUtf16(names[i]) : u"unknown"_s;
}

void HaStats::countBadInput(HaBadInput kind, const QString &detail)
{
    bool first = false;
    {
        QMutexLocker lock(&m_mutex);
        ++m_data.badInput[size_t(kind)];
        first = !m_logged[size_t(kind)];
        m_logged[size_t(kind)] = true;
    }
    if (first) {
        qCWarning(lcHa).noquote() << u"bad input from Home Assistant ("_s + badInputName(kind) +
                                         u"):"_s
                                  << detail.left(300)
                                  << "- further cases of this kind are only counted";
    }
}

quint64 HaStats::badInput(HaBadInput kind) const
{
    QMutexLocker lock(&m_mutex);
    return m_data.badInput[size_t(kind)];
}

HaStatsSnapshot HaStats::snapshot() const
{
    QMutexLocker lock(&m_mutex);
    HaStatsSnapshot copy = m_data;
    copy.status = m_override.isEmpty() || m_data.state != HaState::Disconnected
                      ? statusFor(m_data.state)
                      : m_override;
    return copy;
}

void HaStats::setState(HaState state)
{
    QMutexLocker lock(&m_mutex);
    m_data.state = state;
    if (state == HaState::Disconnected || state == HaState::Connecting ||
        state == HaState::Authenticating)
        m_data.connectedSinceUs = 0;
}

void HaStats::setStatusOverride(const QString &status)
{
    QMutexLocker lock(&m_mutex);
    m_override = status;
}

void HaStats::setUrl(const QString &url)
{
    QMutexLocker lock(&m_mutex);
    m_data.url = url;
}

void HaStats::setConnected(const QString &haVersion, qint64 sinceUs, bool reconnect)
{
    QMutexLocker lock(&m_mutex);
    m_data.haVersion = haVersion;
    m_data.connectedSinceUs = sinceUs;
    if (reconnect)
        ++m_data.reconnects;
}

void HaStats::addConnectFailure()
{
    QMutexLocker lock(&m_mutex);
    ++m_data.connectFailures;
}

void HaStats::setLastError(const QString &error)
{
    QMutexLocker lock(&m_mutex);
    m_data.lastError = error;
}

void HaStats::addTraffic(quint64 frames, quint64 messages)
{
    QMutexLocker lock(&m_mutex);
    m_data.frames += frames;
    m_data.messages += messages;
}

void HaStats::addEvents(quint64 events, quint64 stateChanged, quint64 batches)
{
    QMutexLocker lock(&m_mutex);
    m_data.events += events;
    m_data.stateChanged += stateChanged;
    m_data.batches += batches;
}

void HaStats::addCommandError()
{
    QMutexLocker lock(&m_mutex);
    ++m_data.commandErrors;
}

void HaStats::setLiveStates(qint64 count)
{
    QMutexLocker lock(&m_mutex);
    m_data.liveStates = count;
}

void HaStats::setDiscovery(qint64 atUs, double seconds, const HaStatsSnapshot &counts)
{
    QMutexLocker lock(&m_mutex);
    m_data.discoveredAtUs = atUs;
    m_data.discoverySeconds = seconds;
    m_data.devices = counts.devices;
    m_data.entities = counts.entities;
    m_data.areas = counts.areas;
    m_data.floors = counts.floors;
    m_data.labels = counts.labels;
    m_data.integrations = counts.integrations;
}

void HaStats::addRegistryEvent()
{
    QMutexLocker lock(&m_mutex);
    ++m_data.registryEvents;
}

void HaStats::addRegistrySync(double latencyMs, bool ok)
{
    QMutexLocker lock(&m_mutex);
    ++m_data.registrySyncs;
    if (!ok)
        ++m_data.registryErrors;
    m_data.lastSyncLatencyMs = latencyMs;
    m_data.maxSyncLatencyMs = std::max(m_data.maxSyncLatencyMs, latencyMs);
}

void HaStats::setBackfillProgress(bool running, int done, int total, qint64 fromUs, qint64 toUs)
{
    QMutexLocker lock(&m_mutex);
    m_data.backfillRunning = running;
    m_data.backfillChunksDone = done;
    m_data.backfillChunksTotal = total;
    m_data.backfillFromUs = fromUs;
    m_data.backfillToUs = toUs;
}

void HaStats::addBackfillResult(quint64 recovered, double seconds)
{
    QMutexLocker lock(&m_mutex);
    m_data.backfillRecoveredLast = recovered;
    m_data.backfillRecoveredTotal += recovered;
    m_data.backfillSeconds = seconds;
    ++m_data.backfills;
    m_data.backfillRunning = false;
}

void HaStats::setCheckpoint(qint64 us)
{
    QMutexLocker lock(&m_mutex);
    m_data.checkpointUs = us;
}

} // namespace hai
