// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "statussnapshot.h"

#include <QWidget>

class QLabel;
class QProgressBar;

namespace hai {

// The right-hand side of the main window's status bar: Home Assistant, InfluxDB, events/s and
// the REST API address, each with a tooltip that says more, plus a progress bar while a
// discovery or backfill runs. Fed by StatusPoller::updated.
class StatusBarPanel : public QWidget
{
    Q_OBJECT
public:
    explicit StatusBarPanel(QWidget *parent = nullptr);

public Q_SLOTS:
    void setSnapshot(const hai::StatusSnapshot &snapshot);

private:
    QLabel *addLabel(const QString &objectName);

    QProgressBar *m_progress = nullptr;
    QLabel *m_ha = nullptr;
    QLabel *m_influx = nullptr;
    QLabel *m_rate = nullptr;
    QLabel *m_api = nullptr;
};

} // namespace hai
