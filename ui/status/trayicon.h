// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "statussnapshot.h"

#include <QObject>

class QAction;
class QSystemTrayIcon;
class QWidget;

namespace hai {

// The system tray icon, when the desktop has a tray: the same status as the status bar in its
// tooltip, a click that shows or hides the window, and a menu with Show and Quit. With "close
// to tray" on, it is how the user gets the window back while the backend keeps running.
class TrayIcon : public QObject
{
    Q_OBJECT
public:
    // `window` is shown and hidden; `quitAction` ends the app.
    TrayIcon(QWidget *window, QAction *quitAction, QObject *parent = nullptr);

    static bool isAvailable();
    bool isVisible() const;

public Q_SLOTS:
    void setSnapshot(const hai::StatusSnapshot &snapshot);
    void showWindow();

private:
    QWidget *m_window = nullptr;
    QSystemTrayIcon *m_tray = nullptr; // null without a tray
};

} // namespace hai
