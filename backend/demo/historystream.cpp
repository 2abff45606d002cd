// SPDX-License-Identifier: GPL-3.0-or-later
#include "historystream.h"

#include "isotime.h"
#include "jsonwriter.h"

#include <QDateTime>

namespace hai {

namespace {

bool significantDomain(QByteArrayView domain)
{
    return domain == "climate" || domain == "device_tracker" || domain == "humidifier" ||
           domain == "thermostat" || domain == "water_heater";
}

// history NEED_ATTRIBUTE_DOMAINS: attributes are sent even with no_attributes.
bool needsAttributes(QByteArrayView domain)
{
    return domain == "climate" || domain == "humidifier" || domain == "input_datetime" ||
           domain == "thermostat" || domain == "water_heater" || domain == "person" ||
           domain == "device_tracker";
}

} // namespace

HistoryStream::HistoryStream(qint64 subscriptionId, Options options,
                             std::function<void(const QByteArray &)> send, QObject *parent)
    : QObject(parent)
    , m_id(subscriptionId)
    , m_options(std::move(options))
    , m_send(std::move(send))
    , m_coalesce(this)
    , m_end(this)
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(kCoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &HistoryStream::flush);
    if (m_options.endMs < std::numeric_limits<qint64>::max()) {
        const qint64 left = m_options.endMs - QDateTime::currentMSecsSinceEpoch();
        m_end.setSingleShot(true);
        connect(&m_end, &QTimer::timeout, this, [this] {
            flush();
            Q_EMIT ended(m_id);
        });
        m_end.start(int(std::clamp<qint64>(left, 0, std::numeric_limits<int>::max())));
    }
}

void HistoryStream::add(const HomeEvent &event)
{
    if (!event.isStateChanged() || !event.newState || !m_options.entityIds.contains(event.entityId))
        return;
    const EntityState &state = *event.newState;
    const QByteArrayView domain =
        QByteArrayView(state.entityId).first(std::max<qsizetype>(0, state.entityId.indexOf('.')));
    if (m_options.significantChangesOnly && !significantDomain(domain) && event.oldState &&
        event.oldState->state == state.state)
        return;
    QByteArray &rows = m_rows[state.entityId];
    if (rows.isEmpty())
        m_order.append(state.entityId);
    else
        rows.append(',');
    JsonWriter::appendLiteral(rows, "{\"s\":");
    JsonWriter::appendString(rows, state.state);
    if (!m_options.noAttributes || needsAttributes(domain)) {
        JsonWriter::appendLiteral(rows, ",\"a\":");
        JsonWriter::appendRaw(rows, state.attributes->json());
    }
    JsonWriter::appendLiteral(rows, ",\"lu\":");
    IsoTime::appendEpochSeconds(rows, state.lastUpdated);
    if (state.lastChanged != state.lastUpdated) {
        JsonWriter::appendLiteral(rows, ",\"lc\":");
        IsoTime::appendEpochSeconds(rows, state.lastChanged);
    }
    rows.append('}');
    if (!m_coalesce.isActive())
        m_coalesce.start();
}

void HistoryStream::flush()
{
    if (m_order.isEmpty())
        return;
    QByteArray message = "{\"id\":";
    JsonWriter::appendInt(message, m_id);
    JsonWriter::appendLiteral(message, ",\"type\":\"event\",\"event\":{\"states\":{");
    for (qsizetype i = 0; i < m_order.size(); ++i) {
        if (i)
            message.append(',');
        JsonWriter::appendKey(message, m_order.at(i));
        message.append('[');
        JsonWriter::appendRaw(message, m_rows.value(m_order.at(i)));
        message.append(']');
    }
    JsonWriter::appendLiteral(message, "}}}");
    m_order.clear();
    m_rows.clear();
    m_send(message);
}

} // namespace hai
