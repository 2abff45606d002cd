// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logging.h"

#include <QAbstractTableModel>

#include <deque>

namespace hai {

// The app's log as a table: time, level, category, thread, message. Rows are appended as the
// Log page polls logRecordsSince(); the oldest go once more than `capacity` are kept, so the
// model never grows without bound. Row order is arrival order.
class LogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        LevelColumn,
        CategoryColumn,
        ThreadColumn,
        MessageColumn,
        ColumnCount
    };
    // The level as a rank (debug 0, info 1, warning 2, error 3, fatal 4) under this role.
    static constexpr int LevelRankRole = Qt::UserRole + 1;

    explicit LogModel(int capacity = kLogRingCapacity, QObject *parent = nullptr);

    static int levelRank(QtMsgType type);
    static QString levelText(QtMsgType type);

    void append(const QList<LogRecord> &records);
    void clear();
    const LogRecord &record(int row) const { return m_records[size_t(row)]; }
    quint64 lastSequence() const { return m_lastSequence; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    int m_capacity;
    std::deque<LogRecord> m_records;
    quint64 m_lastSequence = 0;
};

} // namespace hai
