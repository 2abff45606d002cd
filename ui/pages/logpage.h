// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace hai {

class Backend;
class LogFilterProxy;
class LogModel;
class StatusPoller;

// The Log page: the app's own log (the in-memory ring that installLogging() keeps), filtered
// by level and by a search box, newest at the bottom and followed while the view is scrolled
// to the end. "Copy diagnostics" puts versions, masked settings and counters on the clipboard.
class LogPage : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kPollIntervalMs = 250;

    // `backend` and `poller` may be null (tests): diagnostics then lack settings or counters.
    LogPage(Backend *backend, StatusPoller *poller, QWidget *parent = nullptr);

    // The diagnostics text, as "Copy diagnostics" puts it on the clipboard.
    QString diagnostics() const;

public Q_SLOTS:
    // Reads the records logged since the last poll (the timer calls it too).
    void poll();
    void copyDiagnostics();

private:
    void updateCount();

    Backend *m_backend = nullptr;
    StatusPoller *m_poller = nullptr;
    LogModel *m_model = nullptr;
    LogFilterProxy *m_proxy = nullptr;
    QComboBox *m_level = nullptr;
    QLineEdit *m_search = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_count = nullptr;
    QTimer m_timer;
};

} // namespace hai
