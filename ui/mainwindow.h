// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMainWindow>
#include <QSet>

class QAction;
class QActionGroup;
class QListWidget;
class QStackedWidget;

namespace hai {

class Backend;
class StatusBarPanel;
class StatusPoller;
class TrayIcon;

// The app's window: a sidebar that switches the pages (Overview, Devices, Entities, Webhooks,
// Charts, Log), the menus with their shortcuts, a live status bar and the tray icon. It
// observes the backend and never waits on it: actions such as Rediscover are queued to the
// worker that owns them. Geometry, the last page and each page's splitters and columns are
// kept in QSettings (see WidgetState for the naming rule pages follow).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class Page { Overview, Devices, Entities, Webhooks, Charts, Log };
    static constexpr int kPageCount = 6;

    // `backend` may be null (tests): the pages are then empty and Rediscover is disabled.
    explicit MainWindow(Backend *backend, QWidget *parent = nullptr);
    ~MainWindow() override;

    Page currentPage() const;
    QWidget *page(Page page) const;
    StatusPoller *statusPoller() const { return m_poller; }
    bool closesToTray() const;
    // Hidden until the app connects settingsRequested() to its Settings dialog and shows it.
    QAction *settingsAction() const { return m_settingsAction; }

    static QString pageKey(Page page); // "overview", "devices", ... (settings keys)

public Q_SLOTS:
    void showPage(hai::MainWindow::Page page);
    // Focuses the current page's search box (a QLineEdit named "search"), if it has one.
    void focusSearch();
    // Reconnects to Home Assistant, which reads all registries again.
    void rediscover();
    void setCloseToTray(bool enabled);
    void saveWindowState();

Q_SIGNALS:
    void settingsRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createPages();
    void createSidebar();
    void createMenus();
    void restoreWindowState();
    void restorePageState(Page page);
    void showAbout();

    Backend *m_backend = nullptr;
    StatusPoller *m_poller = nullptr;
    StatusBarPanel *m_statusPanel = nullptr;
    TrayIcon *m_tray = nullptr;
    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_stack = nullptr;
    QList<QAction *> m_pageActions;
    QActionGroup *m_pageGroup = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_closeToTrayAction = nullptr;
    QAction *m_rediscoverAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QSet<int> m_restoredPages; // pages whose splitters and columns were restored
};

} // namespace hai
