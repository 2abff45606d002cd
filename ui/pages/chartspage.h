// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/thread.h"

#include <QDateTime>
#include <QTimer>
#include <QWidget>

class QButtonGroup;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QProgressBar;
class QStringListModel;

namespace hai {

class Backend;
class HistoryChartView;
class InfluxHistoryWorker;
class LiveRateChart;
class TopEntitiesChart;

// The Charts page: the live event rate by domain, one entity's history from InfluxDB, and the
// busiest entities of the last hour. Rates and counts are polled from IngestStats (cheap
// snapshots); history queries run in the page's own "charts" thread (InfluxHistoryWorker),
// so nothing here waits on the network.
class ChartsPage : public QWidget
{
    Q_OBJECT
public:
    // `backend` may be null (tests, or before the backend started): the page is then empty.
    explicit ChartsPage(Backend *backend, QWidget *parent = nullptr);
    ~ChartsPage() override;

    enum class Range { Hour, Day, Week, Custom };

    // For tests.
    HistoryChartView *historyChart() const { return m_history; }
    LiveRateChart *liveRateChart() const { return m_rates; }
    TopEntitiesChart *topEntitiesChart() const { return m_top; }
    QLabel *errorLabel() const { return m_error; }
    QProgressBar *busyIndicator() const { return m_busy; }
    QComboBox *entityPicker() const { return m_entity; }
    bool isLoading() const { return m_pendingId != 0; }

public Q_SLOTS:
    // Selects the entity and loads its last 24 hours (e.g. from the Devices page).
    void showEntity(const QString &entityId);
    void setRange(hai::ChartsPage::Range range);
    // Runs the history query for the picked entity and range.
    void loadHistory();
    // Polls IngestStats (1 Hz).
    void refreshLive();

Q_SIGNALS:
    void historyLoaded(const QString &entityId, int points);
    void historyFailed(const QString &entityId, const QString &message);

private:
    QWidget *buildHistoryControls();
    QUrl influxUrl() const;
    void onQueried(quint64 id, const QString &entityId, const QList<QPointF> &points);
    void onFailed(quint64 id, const QString &entityId, const QString &message);

    Backend *m_backend;
    ThreadPtr m_thread;
    InfluxHistoryWorker *m_worker = nullptr; // lives in m_thread
    QTimer m_liveTimer;
    QTimer m_entityTimer;
    int m_ticks = 0;
    quint64 m_lastId = 0;
    quint64 m_pendingId = 0;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    Range m_range = Range::Day;

    QComboBox *m_entity = nullptr;
    QStringListModel *m_entityModel = nullptr;
    QButtonGroup *m_rangeButtons = nullptr;
    QDateTimeEdit *m_customFrom = nullptr;
    QDateTimeEdit *m_customTo = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_error = nullptr;
    HistoryChartView *m_history = nullptr;
    LiveRateChart *m_rates = nullptr;
    TopEntitiesChart *m_top = nullptr;
};

} // namespace hai
