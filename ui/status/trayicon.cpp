// SPDX-License-Identifier: GPL-3.0-or-later
#include "trayicon.h"

#include "healthreport.h"
#include "icons/appicons.h"

#include <QAction>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QWidget>

namespace hai {

TrayIcon::TrayIcon(QWidget *window, QAction *quitAction, QObject *parent)
    : QObject(parent)
    , m_window(window)
{
    if (!isAvailable())
        return;
    m_tray = new QSystemTrayIcon(AppIcons::application(), this);
    auto *menu = new QMenu(window);
    QAction *show = menu->addAction(tr("&Show HA Ingestor"));
    connect(show, &QAction::triggered, this, &TrayIcon::showWindow);
    menu->addSeparator();
    menu->addAction(quitAction);
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason != QSystemTrayIcon::Trigger)
                    return;
                if (m_window->isVisible() && !m_window->isMinimized())
                    m_window->hide();
                else
                    showWindow();
            });
    m_tray->setToolTip(tr("HA Ingestor"));
    m_tray->show();
}

bool TrayIcon::isAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

bool TrayIcon::isVisible() const
{
    return m_tray && m_tray->isVisible();
}

void TrayIcon::setSnapshot(const StatusSnapshot &snapshot)
{
    if (m_tray)
        m_tray->setToolTip(HealthReport::tooltip(snapshot));
}

void TrayIcon::showWindow()
{
    m_window->showNormal();
    m_window->raise();
    m_window->activateWindow();
}

} // namespace hai
