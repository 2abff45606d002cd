// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "status/healthreport.h"
#include "status/statussnapshot.h"

#include <QHash>
#include <QWidget>

class QFormLayout;
class QGridLayout;
class QLabel;
class QListWidget;
class QProgressBar;

namespace hai {

class StatusPoller;

// The Overview page: registry counts, the ingestion counters, the last discovery and
// backfill, the health of each dependency in plain words with a hint how to fix it, and the
// latest warnings and errors from the log. It shows StatusSnapshots (StatusPoller::updated)
// and the in-memory log, so it never reads the backend itself.
class OverviewPage : public QWidget
{
    Q_OBJECT
public:
    // `poller` may be null: call setSnapshot() yourself (tests).
    explicit OverviewPage(StatusPoller *poller, QWidget *parent = nullptr);

    static constexpr int kRecentProblems = 50;

public Q_SLOTS:
    void setSnapshot(const hai::StatusSnapshot &snapshot);
    // Adds the warnings and errors logged since the last call (setSnapshot calls it too).
    void pollLog();

private:
    QWidget *createTiles();
    QWidget *createIngestion();
    QWidget *createHomeAssistant();
    QWidget *createHealth();
    QWidget *createRecentProblems();
    QLabel *addTile(QGridLayout *grid, int column, const QString &name, const QString &caption);
    QLabel *addRow(QFormLayout *form, const QString &name, const QString &label);
    void setHealth(const QList<HealthReport::Item> &items);
    QString discoveryText(const StatusSnapshot &snapshot) const;
    QString backfillText(const StatusSnapshot &snapshot) const;

    QHash<QString, QLabel *> m_values; // by objectName
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressLabel = nullptr;
    QGridLayout *m_health = nullptr;
    struct HealthRow
    {
        QLabel *dot = nullptr;
        QLabel *name = nullptr;
        QLabel *summary = nullptr;
        QLabel *hint = nullptr;
    };
    QList<HealthRow> m_healthRows;
    QListWidget *m_problems = nullptr;
    quint64 m_lastLogSequence = 0;
    bool m_hasProblems = false;
};

} // namespace hai
