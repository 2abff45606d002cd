// SPDX-License-Identifier: GPL-3.0-or-later
#include "historyrecorder.h"

#include "isotime.h"
#include "jsonwriter.h"

#include <algorithm>

namespace hai {

namespace {

// Domains whose attribute-only rows count as significant (recorder SIGNIFICANT_DOMAINS).
bool isSignificantDomain(QByteArrayView domain)
{
    return domain == "climate" || domain == "device_tracker" || domain == "humidifier" ||
           domain == "thermostat" || domain == "water_heater";
}

// Domains that keep full rows with minimal_response (history NEED_ATTRIBUTE_DOMAINS).
bool needsAttributes(QByteArrayView domain)
{
    return domain == "climate" || domain == "humidifier" || domain == "input_datetime" ||
           domain == "thermostat" || domain == "water_heater";
}

} // namespace

HistoryRecorder::HistoryRecorder(int rowLimit)
    : m_rowLimit(std::max(1, rowLimit))
{}

void HistoryRecorder::record(const EntityState &state)
{
    EntityHistory &history = m_entities[state.entityId];
    history.rows.append({state.lastUpdated, state.lastChanged, state.state, state.attributes});
    m_order.push_back(state.entityId);
    ++m_rowCount;
    while (m_rowCount > m_rowLimit && !m_order.empty()) {
        auto it = m_entities.find(m_order.front());
        m_order.pop_front();
        if (it == m_entities.end() || it->head >= it->rows.size())
            continue;
        it->forgotten = std::move(it->rows[it->head]);
        it->hasForgotten = true;
        ++it->head;
        --m_rowCount;
        if (it->head > 64 && it->head * 2 > it->rows.size()) {
            it->rows.remove(0, it->head);
            it->head = 0;
        }
    }
}

void HistoryRecorder::renameEntity(const QByteArray &oldEntityId, const QByteArray &newEntityId)
{
    auto it = m_entities.find(oldEntityId);
    if (it == m_entities.end())
        return;
    EntityHistory moved = std::move(*it);
    m_entities.erase(it);
    m_entities.insert(newEntityId, std::move(moved));
    // Rows waiting to be forgotten keep the old key; they are skipped when met.
    for (QByteArray &entity : m_order) {
        if (entity == oldEntityId)
            entity = newEntityId;
    }
}

QByteArray HistoryRecorder::query(const Query &query) const
{
    QByteArray out = "{";
    QList<QByteArray> seen;
    for (const QByteArray &entityId : query.entityIds) {
        if (seen.contains(entityId))
            continue;
        seen.append(entityId);
        const auto it = m_entities.constFind(entityId);
        if (it == m_entities.constEnd())
            continue;
        appendRows(out, entityId, *it, query);
    }
    out.append('}');
    return out;
}

void HistoryRecorder::appendRows(QByteArray &out, const QByteArray &entityId,
                                 const EntityHistory &history, const Query &query) const
{
    const QByteArrayView domain =
        QByteArrayView(entityId).first(std::max<qsizetype>(0, entityId.indexOf('.')));
    const bool keepAttributeRows = !query.significantChangesOnly || isSignificantDomain(domain);
    const bool minimal = query.minimalResponse && !needsAttributes(domain);
    // Rows after the commit watermark are not in the database yet.
    const qint64 committed =
        query.includeUncommitted ? std::numeric_limits<qint64>::max() : m_committedUntil;
    const qint64 end = committed < std::numeric_limits<qint64>::max()
                           ? std::min(query.end, committed + 1)
                           : query.end;

    QByteArray rows;
    int count = 0;
    QByteArray previousState;
    const auto appendRow = [&](const Row &row, qint64 lastUpdated, bool startState) {
        if (count++)
            rows.append(',');
        rows.append("{\"s\":", 5);
        JsonWriter::appendString(rows, row.state);
        if (!(minimal && count > 1)) {
            if (!query.noAttributes) {
                rows.append(",\"a\":", 5);
                rows.append(row.attributes->json());
            }
        }
        rows.append(",\"lu\":", 6);
        IsoTime::appendEpochSeconds(rows, lastUpdated);
        if (!startState && !(minimal && count > 1) && row.lastChanged != row.lastUpdated) {
            rows.append(",\"lc\":", 6);
            IsoTime::appendEpochSeconds(rows, row.lastChanged);
        }
        rows.append('}');
        previousState = row.state;
    };

    // Rows are in time order: find the first one after start.
    const auto begin = history.rows.cbegin() + history.head;
    const auto first =
        std::upper_bound(begin, history.rows.cend(), query.start,
                         [](qint64 t, const Row &row) { return t < row.lastUpdated; });
    if (query.includeStartTimeState) {
        const Row *before = nullptr;
        if (first != begin) {
            auto previous = first;
            --previous;
            // The state at start is the newest row strictly before it.
            while (previous->lastUpdated >= query.start && previous != begin)
                --previous;
            if (previous->lastUpdated < query.start && previous->lastUpdated <= committed)
                before = &*previous;
        } else if (history.hasForgotten && history.forgotten.lastUpdated < query.start) {
            before = &history.forgotten;
        }
        if (before)
            appendRow(*before, query.start, true);
    }
    for (auto it = first; it != history.rows.cend() && it->lastUpdated < end; ++it) {
        if (!keepAttributeRows && it->lastChanged != it->lastUpdated)
            continue;
        if (minimal && count > 0 && it->state == previousState)
            continue;
        appendRow(*it, it->lastUpdated, false);
    }
    if (count == 0)
        return;
    if (out.size() > 1)
        out.append(',');
    JsonWriter::appendKey(out, entityId);
    out.append('[');
    out.append(rows);
    out.append(']');
}

} // namespace hai
