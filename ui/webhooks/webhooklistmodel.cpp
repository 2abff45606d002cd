// SPDX-License-Identifier: GPL-3.0-or-later
#include "webhooklistmodel.h"

#include "webhooktext.h"

#include <QBrush>
#include <QGuiApplication>
#include <QHash>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace hai {

namespace {
// What the list shows of a webhook; a refresh that changes none of it leaves the row alone.
bool sameRow(const Webhook &a, const Webhook &b)
{
    return a.name == b.name && a.url == b.url && a.events == b.events && a.enabled == b.enabled &&
           a.disabledReason == b.disabledReason && a.stats.delivered == b.stats.delivered &&
           a.stats.failed == b.stats.failed && a.stats.lastDeliveryAt == b.stats.lastDeliveryAt &&
           a.stats.lastStatusCode == b.stats.lastStatusCode &&
           a.stats.lastError == b.stats.lastError && a.secret == b.secret && a.filter == b.filter &&
           a.updatedAt == b.updatedAt;
}
} // namespace

WebhookListModel::WebhookListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void WebhookListModel::setWebhooks(const WebhookList &webhooks)
{
    QHash<QString, int> wanted;
    for (int i = 0; i < webhooks.size(); ++i)
        wanted.insert(webhooks.at(i).id, i);
    // Removed rows first, from the bottom, then changes in place, then new rows at the end.
    for (int row = int(m_webhooks.size()) - 1; row >= 0; --row) {
        if (wanted.contains(m_webhooks.at(row).id))
            continue;
        beginRemoveRows({}, row, row);
        m_webhooks.removeAt(row);
        endRemoveRows();
    }
    QHash<QString, int> present;
    for (int row = 0; row < m_webhooks.size(); ++row) {
        const Webhook &next = webhooks.at(wanted.value(m_webhooks.at(row).id));
        present.insert(next.id, row);
        if (sameRow(m_webhooks.at(row), next))
            continue;
        m_webhooks[row] = next;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    WebhookList added;
    for (const Webhook &webhook : webhooks) {
        if (!present.contains(webhook.id))
            added.append(webhook);
    }
    if (added.isEmpty())
        return;
    const int first = int(m_webhooks.size());
    beginInsertRows({}, first, first + int(added.size()) - 1);
    m_webhooks.append(added);
    endInsertRows();
}

int WebhookListModel::rowOf(const QString &webhookId) const
{
    for (int row = 0; row < m_webhooks.size(); ++row) {
        if (m_webhooks.at(row).id == webhookId)
            return row;
    }
    return -1;
}

const Webhook *WebhookListModel::webhookAt(int row) const
{
    return row >= 0 && row < m_webhooks.size() ? &m_webhooks.at(row) : nullptr;
}

int WebhookListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_webhooks.size());
}

int WebhookListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WebhookListModel::data(const QModelIndex &index, int role) const
{
    const Webhook *webhook = index.isValid() ? webhookAt(index.row()) : nullptr;
    if (!webhook)
        return {};
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(*webhook, column);
    case Qt::ToolTipRole:
        return toolTip(*webhook, column);
    case IdRole:
        return webhook->id;
    case SortRole:
        switch (column) {
        case DeliveredColumn:
            return webhook->stats.delivered;
        case FailedColumn:
            return webhook->stats.failed;
        case LastDeliveryColumn:
            return webhook->stats.lastDeliveryAt;
        case LastStatusColumn:
            return webhook->stats.lastStatusCode;
        case EnabledColumn:
            return webhook->enabled;
        default:
            return display(*webhook, column);
        }
    case Qt::ForegroundRole:
        // An app-disabled webhook stands out; one the user turned off is only dimmed.
        if (!webhook->disabledReason.isEmpty() && !webhook->enabled)
            return QBrush(Qt::darkRed);
        if (!webhook->enabled)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::TextAlignmentRole:
        if (column == DeliveredColumn || column == FailedColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant WebhookListModel::display(const Webhook &webhook, int column) const
{
    switch (column) {
    case NameColumn:
        return webhook.name;
    case UrlColumn:
        return WebhookText::displayUrl(webhook.url);
    case EventsColumn:
        return webhook.events.join(u", "_s);
    case EnabledColumn:
        if (webhook.enabled)
            return tr("Enabled");
        return webhook.disabledReason.isEmpty() ? tr("Disabled") : tr("Disabled by the app");
    case DeliveredColumn:
        return webhook.stats.delivered;
    case FailedColumn:
        return webhook.stats.failed;
    case LastDeliveryColumn:
        return webhook.stats.lastDeliveryAt > 0 ? WebhookText::time(webhook.stats.lastDeliveryAt)
                                                : tr("never");
    case LastStatusColumn:
        return WebhookText::lastStatus(webhook.stats.lastStatusCode, webhook.stats.lastError);
    default:
        return {};
    }
}

QVariant WebhookListModel::toolTip(const Webhook &webhook, int column) const
{
    switch (column) {
    case EnabledColumn:
        return webhook.disabledReason.isEmpty() ? QVariant() : webhook.disabledReason;
    case LastStatusColumn:
        return webhook.stats.lastError.isEmpty() ? QVariant() : webhook.stats.lastError;
    case UrlColumn:
        return WebhookText::displayUrl(webhook.url);
    case FailedColumn:
        return tr("Deliveries that used up every attempt");
    default:
        return {};
    }
}

QVariant WebhookListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case UrlColumn:
        return tr("URL");
    case EventsColumn:
        return tr("Events");
    case EnabledColumn:
        return tr("State");
    case DeliveredColumn:
        return tr("Delivered");
    case FailedColumn:
        return tr("Failed");
    case LastDeliveryColumn:
        return tr("Last delivery");
    case LastStatusColumn:
        return tr("Last status");
    default:
        return {};
    }
}

} // namespace hai
