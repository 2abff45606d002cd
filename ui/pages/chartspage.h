// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/thread.h"

#include <QDateTime>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <QWidget>

class QButtonGroup;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QProgressBar;
class QPushButton;
class QStringListModel;

namespace hai {

class Backend;
class EntityChips;
class HistoryChartView;
class InfluxHistoryWorker;
class LiveRateChart;
class TopEntitiesChart;
struct HistorySeries;

// The Charts page: the live event rate by domain, the history of up to kMaxEntities entities
// from InfluxDB, and the busiest entities of the last hour. Rates and counts are polled from
// IngestStats (cheap snapshots); history queries run in the page's own "charts" thread
// (InfluxHistoryWorker), so nothing here waits on the network. The picked entities and the
// range are kept in GuiSettings.
class ChartsPage : public QWidget
{
    Q_OBJECT
public:
    // More lines than this are a tangle, and the legend no longer fits under the chart.
    static constexpr int kMaxEntities = 8;

    // `backend` may be null (tests, or before the backend started): the page is then empty.
    explicit ChartsPage(Backend *backend, QWidget *parent = nullptr);
    ~ChartsPage() override;

    enum class Range { Hour, Day, Week, Custom };

    // The picked entities, in the order they were added.
    QStringList entities() const;
    Range range() const { return m_range; }

    // For tests.
    HistoryChartView *historyChart() const { return m_history; }
    LiveRateChart *liveRateChart() const { return m_rates; }
    TopEntitiesChart *topEntitiesChart() const { return m_top; }
    QLabel *errorLabel() const { return m_error; }
    QProgressBar *busyIndicator() const { return m_busy; }
    QComboBox *entityPicker() const { return m_entity; }
    QPushButton *addButton() const { return m_add; }
    EntityChips *entityChips() const { return m_chips; }
    InfluxHistoryWorker *historyWorker() const { return m_worker; } // lives in the thread
    bool isLoading() const { return m_pendingId != 0; }
    // Reads history from here instead of the backend's InfluxDB (tests, screenshots).
    void setInfluxUrl(const QUrl &url);

public Q_SLOTS:
    // Adds the entity (replacing the oldest when the chart is full) and loads the last 24
    // hours, e.g. from the Devices page.
    void showEntity(const QString &entityId);
    // Adds the entity and loads; false when it is already there or the chart is full.
    bool addEntity(const QString &entityId);
    void removeEntity(const QString &entityId);
    void setRange(hai::ChartsPage::Range range);
    // Runs the history queries for the picked entities and range.
    void loadHistory();
    // Polls IngestStats (1 Hz).
    void refreshLive();

Q_SIGNALS:
    // After a load: the entities drawn (some may have no points in the range)...
    void historyLoaded(const QStringList &entityIds);
    // ...and those that could not be, with the error label's text. A load with both emits
    // historyLoaded first.
    void historyFailed(const QStringList &entityIds, const QString &message);

private:
    QWidget *buildHistoryControls();
    void showRange(Range range); // the buttons and date edits, without loading
    QUrl influxUrl() const;
    void onBatchQueried(quint64 id, const QList<hai::HistorySeries> &series);
    // Every entity failed for one reason that needs no query (no URL, a backwards range).
    void failAll(const QString &reason);
    void updateAddButton();
    void saveChoice() const;
    void restoreChoice();

    Backend *m_backend;
    QUrl m_influxUrl; // set by setInfluxUrl
    ThreadPtr m_thread;
    InfluxHistoryWorker *m_worker = nullptr; // lives in m_thread
    QTimer m_liveTimer;
    QTimer m_entityTimer;
    int m_ticks = 0;
    bool m_listed = false; // the first entity list arrived
    quint64 m_lastId = 0;
    quint64 m_pendingId = 0;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    Range m_range = Range::Day;

    QComboBox *m_entity = nullptr;
    QStringListModel *m_entityModel = nullptr;
    QPushButton *m_add = nullptr;
    EntityChips *m_chips = nullptr;
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
