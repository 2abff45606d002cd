// SPDX-License-Identifier: GPL-3.0-or-later
#include "logmodel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

using namespace Qt::StringLiterals;

namespace hai {

LogModel::LogModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(qMax(1, capacity))
{}

int LogModel::levelRank(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return 0;
    case QtInfoMsg:
        return 1;
    case QtWarningMsg:
        return 2;
    case QtCriticalMsg:
        return 3;
    case QtFatalMsg:
        return 4;
    }
    return 1;
}

QString LogModel::levelText(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return tr("Debug");
    case QtInfoMsg:
        return tr("Info");
    case QtWarningMsg:
        return tr("Warning");
    case QtCriticalMsg:
        return tr("Error");
    case QtFatalMsg:
        return tr("Fatal");
    }
    return {};
}

void LogModel::append(const QList<LogRecord> &records)
{
    if (records.isEmpty())
        return;
    m_lastSequence = records.constLast().sequence;
    // Only the newest `capacity` of this batch can stay.
    const qsizetype skip = qMax<qsizetype>(0, records.size() - m_capacity);
    const int incoming = int(records.size() - skip);
    const int overflow = int(m_records.size()) + incoming - m_capacity;
    if (overflow > 0) {
        beginRemoveRows({}, 0, overflow - 1);
        m_records.erase(m_records.begin(), m_records.begin() + overflow);
        endRemoveRows();
    }
    const int first = int(m_records.size());
    beginInsertRows({}, first, first + incoming - 1);
    for (qsizetype i = skip; i < records.size(); ++i)
        m_records.push_back(records.at(i));
    endInsertRows();
}

void LogModel::clear()
{
    beginResetModel();
    m_records.clear();
    endResetModel();
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_records.size()))
        return {};
    const LogRecord &r = m_records[size_t(index.row())];
    if (role == LevelRankRole)
        return levelRank(r.level);
    if (role == Qt::ForegroundRole) {
        if (r.level == QtCriticalMsg || r.level == QtFatalMsg)
            return QBrush(QColor(0xc6, 0x28, 0x28));
        if (r.level == QtWarningMsg)
            return QBrush(QColor(0xb2, 0x6a, 0x00));
        return {};
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == TimeColumn)
            return QDateTime::fromMSecsSinceEpoch(r.timeMs).toString(Qt::ISODateWithMs);
        if (index.column() == MessageColumn)
            return r.message;
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(r.timeMs).toLocalTime().toString(u"HH:mm:ss.zzz"_s);
    case LevelColumn:
        return levelText(r.level);
    case CategoryColumn:
        return r.category;
    case ThreadColumn:
        return r.thread;
    case MessageColumn:
        return r.message;
    }
    return {};
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case LevelColumn:
        return tr("Level");
    case CategoryColumn:
        return tr("Category");
    case ThreadColumn:
        return tr("Thread");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

} // namespace hai
