// SPDX-License-Identifier: GPL-3.0-or-later
#include "entitytablemodel.h"

#include "homeassistant/livestatecache.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <QSet>

#include <numeric>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

int compareText(const QString &a, const QString &b)
{
    return a.compare(b, Qt::CaseInsensitive);
}

QStringList sortedValues(QSet<QString> values)
{
    values.remove(QString());
    QStringList list(values.begin(), values.end());
    list.sort(Qt::CaseInsensitive);
    return list;
}

} // namespace

EntityTableModel::EntityTableModel(QObject *parent)
    : RowTableModel<EntityRow>(parent)
{}

EntityTableModel::~EntityTableModel() = default;

void EntityTableModel::setLiveStates(std::shared_ptr<const LiveStateCache> states)
{
    m_live = std::move(states);
    refreshAllLiveStates(true);
}

void EntityTableModel::refreshLiveStates(const QList<int> &rows, bool notify)
{
    if (!m_live || rows.isEmpty())
        return;
    QStringList ids;
    ids.reserve(rows.size());
    for (const int row : rows)
        ids.append(m_rows.at(row).entityId);
    // In the order asked for, without the ids the cache does not know: walk both at once.
    const QList<LiveStateCache::Entry> entries = m_live->states(ids);
    qsizetype next = 0;
    QList<int> changed;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        EntityRow &item = m_rows[rows.at(i)];
        const LiveStateCache::Entry *entry = nullptr;
        if (next < entries.size() && entries.at(next).entityId == ids.at(i))
            entry = &entries.at(next++);
        const QString state = entry ? entry->state : QString();
        const qint64 changedUs = entry ? entry->lastChangedUs : 0;
        if (item.liveState == state && item.liveChangedUs == changedUs)
            continue;
        item.liveState = state;
        item.liveChangedUs = changedUs;
        changed.append(rows.at(i));
    }
    if (notify)
        notifyRows(changed, State, LastChanged);
}

void EntityTableModel::refreshAllLiveStates(bool notify)
{
    QList<int> rows(m_rows.size());
    std::iota(rows.begin(), rows.end(), 0);
    refreshLiveStates(rows, notify);
}

void EntityTableModel::announceLiveStates()
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, State), index(rowCount() - 1, LastChanged));
}

int EntityTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EntityTableModel::formatMicroseconds(qint64 us)
{
    if (us <= 0)
        return {};
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(us / 1000).toLocalTime();
    const QLocale locale;
    // Today's changes need the seconds; older ones the date.
    if (time.date() == QDate::currentDate())
        return locale.toString(time.time(), u"HH:mm:ss"_s);
    return locale.toString(time, QLocale::ShortFormat);
}

QVariant EntityTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const EntityRow &row = m_rows.at(index.row());
    if (role == KeyRole)
        return row.entityId;
    if (role == Qt::ToolTipRole && index.column() == LastChanged && row.liveChangedUs > 0)
        return QDateTime::fromMSecsSinceEpoch(row.liveChangedUs / 1000)
            .toLocalTime()
            .toString(Qt::ISODateWithMs);
    if (role == Qt::ForegroundRole && (row.disabled || row.hidden))
        return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case EntityId:
        return row.entityId;
    case Name:
        return row.name;
    case Domain:
        return row.domain;
    case Device:
        return row.deviceName;
    case Area:
        return row.areaName;
    case State:
        return row.liveState;
    case LastChanged:
        return formatMicroseconds(row.liveChangedUs);
    case Platform:
        return row.platform;
    }
    return {};
}

QVariant EntityTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case EntityId:
        return tr("Entity ID");
    case Name:
        return tr("Name");
    case Domain:
        return tr("Domain");
    case Device:
        return tr("Device");
    case Area:
        return tr("Area");
    case State:
        return tr("State");
    case LastChanged:
        return tr("Last changed");
    case Platform:
        return tr("Platform");
    }
    return {};
}

bool EntityTableModel::lessThan(int left, int right, int column) const
{
    const EntityRow &a = m_rows.at(left);
    const EntityRow &b = m_rows.at(right);
    int order = 0;
    switch (column) {
    case Name:
        order = compareText(a.name, b.name);
        break;
    case Domain: // HA identifiers are lower case: a plain compare is enough, and faster
        order = a.domain.compare(b.domain);
        break;
    case Device:
        order = compareText(a.deviceName, b.deviceName);
        break;
    case Area:
        order = compareText(a.areaName, b.areaName);
        break;
    case State:
        order = compareText(a.liveState, b.liveState);
        break;
    case LastChanged:
        order = a.liveChangedUs < b.liveChangedUs ? -1 : (a.liveChangedUs > b.liveChangedUs);
        break;
    case Platform:
        order = a.platform.compare(b.platform);
        break;
    }
    // entity_id is unique: ties end here, in the order HA's own lists use.
    if (order == 0)
        order = a.entityId.compare(b.entityId);
    return order < 0;
}

QStringList EntityTableModel::distinctDomains() const
{
    QSet<QString> values;
    for (const EntityRow &row : m_rows)
        values.insert(row.domain);
    return sortedValues(values);
}

QStringList EntityTableModel::distinctIntegrations() const
{
    QSet<QString> values;
    for (const EntityRow &row : m_rows)
        values.insert(row.integration);
    return sortedValues(values);
}

quint32 EntityTableModel::changedColumns(const EntityRow &a, const EntityRow &b) const
{
    quint32 bits = 0;
    const auto mark = [&bits](bool differs, Column column) {
        if (differs)
            bits |= 1u << column;
    };
    mark(a.name != b.name, Name);
    mark(a.domain != b.domain, Domain);
    mark(a.deviceName != b.deviceName || a.deviceId != b.deviceId, Device);
    mark(a.areaName != b.areaName || a.areaId != b.areaId, Area);
    mark(a.platform != b.platform, Platform);
    return bits;
}

void EntityTableModel::carryOver(const EntityRow &before, EntityRow *after) const
{
    after->liveState = before.liveState;
    after->liveChangedUs = before.liveChangedUs;
}

void EntityTableModel::prepareNewRows(QList<EntityRow> *rows) const
{
    if (!m_live)
        return;
    QStringList ids;
    ids.reserve(rows->size());
    for (const EntityRow &row : std::as_const(*rows))
        ids.append(row.entityId);
    const QList<LiveStateCache::Entry> entries = m_live->states(ids);
    qsizetype next = 0; // entries come in the order asked for (see refreshLiveStates)
    for (EntityRow &row : *rows) {
        if (next < entries.size() && entries.at(next).entityId == row.entityId) {
            row.liveState = entries.at(next).state;
            row.liveChangedUs = entries.at(next).lastChangedUs;
            ++next;
        }
    }
}

} // namespace hai
