// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "backend.h"
#include "guisettings.h"
#include "homeassistant/haclient.h"
#include "icons/appicons.h"
#include "pages/chartspage.h"
#include "pages/devicespage.h"
#include "pages/entitiespage.h"
#include "pages/logpage.h"
#include "pages/overviewpage.h"
#include "pages/webhookspage.h"
#include "status/statusbarpanel.h"
#include "status/statuspoller.h"
#include "status/trayicon.h"
#include "widgetstate.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace hai {

namespace {
const QString kGeometryKey = u"window/geometry"_s;
const QString kStateKey = u"window/state"_s;
const QString kPageKey = u"window/page"_s;
const QString kCloseToTrayKey = u"window/closeToTray"_s;
constexpr int kMessageMs = 5000;

MainWindow::Page pageAt(int index)
{
    return MainWindow::Page(qBound(0, index, MainWindow::kPageCount - 1));
}
} // namespace

MainWindow::MainWindow(Backend *backend, QWidget *parent)
    : QMainWindow(parent)
    , m_backend(backend)
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("HA Ingestor"));
    setWindowIcon(AppIcons::application());

    m_poller = new StatusPoller(backend, this);
    m_statusPanel = new StatusBarPanel(this);
    statusBar()->addPermanentWidget(m_statusPanel);
    statusBar()->setSizeGripEnabled(true);
    connect(m_poller, &StatusPoller::updated, m_statusPanel, &StatusBarPanel::setSnapshot);

    createPages();
    createSidebar();
    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sidebar);
    auto *line = new QFrame(central);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    createMenus();
    m_tray = new TrayIcon(this, m_quitAction, this);
    connect(m_poller, &StatusPoller::updated, m_tray, &TrayIcon::setSnapshot);
    restoreWindowState();
}

MainWindow::~MainWindow() = default;

void MainWindow::createPages()
{
    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(u"pages"_s);
    auto *devices = new DevicesPage(m_backend, m_stack);
    auto *entities = new EntitiesPage(m_backend, m_stack);
    auto *charts = new ChartsPage(m_backend, m_stack);
    m_stack->addWidget(new OverviewPage(m_poller, m_stack));
    m_stack->addWidget(devices);
    m_stack->addWidget(entities);
    m_stack->addWidget(new WebhooksPage(m_backend, m_stack));
    m_stack->addWidget(charts);
    m_stack->addWidget(new LogPage(m_backend, m_poller, m_stack));
    // "Open chart" on a device's entity, or a double-click on an entity row.
    const auto openChart = [this, charts](const QString &entityId) {
        showPage(Page::Charts);
        charts->showEntity(entityId);
    };
    connect(devices, &DevicesPage::chartRequested, this, openChart);
    connect(entities, &EntitiesPage::chartRequested, this, openChart);
    for (int i = 0; i < kPageCount; ++i)
        m_stack->widget(i)->setObjectName(pageKey(Page(i)) + u"Page"_s);
}

void MainWindow::createSidebar()
{
    m_sidebar = new QListWidget(this);
    m_sidebar->setObjectName(u"sidebar"_s);
    m_sidebar->setFrameShape(QFrame::NoFrame);
    // The window's colour, not a white list: it is navigation, not content.
    m_sidebar->viewport()->setBackgroundRole(QPalette::Window);
    m_sidebar->setIconSize(QSize(20, 20));
    m_sidebar->setSpacing(2);
    m_sidebar->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    const QList<QPair<QIcon, QString>> items{
        {AppIcons::overview(), tr("Overview")}, {AppIcons::devices(), tr("Devices")},
        {AppIcons::entities(), tr("Entities")}, {AppIcons::webhooks(), tr("Webhooks")},
        {AppIcons::charts(), tr("Charts")},     {AppIcons::log(), tr("Log")},
    };
    int widest = 0;
    for (const auto &[icon, name] : items) {
        auto *item = new QListWidgetItem(icon, name, m_sidebar);
        item->setSizeHint(QSize(0, qMax(32, fontMetrics().height() + 14)));
        widest = qMax(widest, fontMetrics().horizontalAdvance(name));
    }
    // Wide enough for the longest name (translations differ), never a scroll bar.
    m_sidebar->setFixedWidth(widest + m_sidebar->iconSize().width() + 48);
    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            showPage(pageAt(row));
    });
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_closeToTrayAction = file->addAction(tr("Keep Running in the &Tray When Closed"));
    m_closeToTrayAction->setCheckable(true);
    m_closeToTrayAction->setEnabled(TrayIcon::isAvailable());
    if (!TrayIcon::isAvailable())
        m_closeToTrayAction->setToolTip(tr("This desktop has no system tray"));
    connect(m_closeToTrayAction, &QAction::toggled, this, &MainWindow::setCloseToTray);
    file->addSeparator();
    m_quitAction = file->addAction(tr("&Quit"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setShortcutContext(Qt::ApplicationShortcut);
    connect(m_quitAction, &QAction::triggered, this, [this] {
        saveWindowState();
        QCoreApplication::quit();
    });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_pageGroup = new QActionGroup(this);
    for (int i = 0; i < kPageCount; ++i) {
        QAction *action = view->addAction(m_sidebar->item(i)->icon(), m_sidebar->item(i)->text());
        action->setCheckable(true);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        m_pageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, i] { showPage(Page(i)); });
        m_pageActions.append(action);
    }
    view->addSeparator();
    QAction *find = view->addAction(tr("&Find"));
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, &MainWindow::focusSearch);

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    m_rediscoverAction = tools->addAction(tr("&Rediscover"));
    m_rediscoverAction->setShortcut(QKeySequence::Refresh);
    m_rediscoverAction->setToolTip(tr("Reconnect to Home Assistant and read all registries again"));
    m_rediscoverAction->setEnabled(m_backend && m_backend->haClient());
    connect(m_rediscoverAction, &QAction::triggered, this, &MainWindow::rediscover);
    auto *logPage = static_cast<LogPage *>(page(Page::Log));
    QAction *diagnostics = tools->addAction(tr("&Copy Diagnostics"));
    connect(diagnostics, &QAction::triggered, logPage, &LogPage::copyDiagnostics);
    connect(diagnostics, &QAction::triggered, this,
            [this] { statusBar()->showMessage(tr("Diagnostics copied"), kMessageMs); });
    tools->addSeparator();
    m_settingsAction = tools->addAction(tr("&Settings…"));
    // The platform's Preferences key where it has one (GNOME has none), else Ctrl+,.
    const QKeySequence preferences(QKeySequence::Preferences);
    m_settingsAction->setShortcut(preferences.isEmpty() ? QKeySequence(tr("Ctrl+,")) : preferences);
    m_settingsAction->setVisible(false); // shown by the app, which owns the Settings dialog
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::settingsRequested);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    connect(help->addAction(tr("&About HA Ingestor")), &QAction::triggered, this,
            &MainWindow::showAbout);
    connect(help->addAction(tr("About &Qt")), &QAction::triggered, qApp, &QApplication::aboutQt);
}

QString MainWindow::pageKey(Page page)
{
    static const QStringList keys{u"overview"_s, u"devices"_s, u"entities"_s,
                                  u"webhooks"_s, u"charts"_s,  u"log"_s};
    return keys.value(int(page));
}

MainWindow::Page MainWindow::currentPage() const
{
    return pageAt(m_stack->currentIndex());
}

QWidget *MainWindow::page(Page page) const
{
    return m_stack->widget(int(page));
}

void MainWindow::showPage(Page page)
{
    const int index = int(page);
    restorePageState(page);
    m_stack->setCurrentIndex(index);
    if (m_sidebar->currentRow() != index)
        m_sidebar->setCurrentRow(index);
    m_pageActions.at(index)->setChecked(true);
}

void MainWindow::focusSearch()
{
    auto *search = m_stack->currentWidget()->findChild<QLineEdit *>(u"search"_s);
    if (!search || !search->isVisibleTo(this)) {
        statusBar()->showMessage(tr("This page has no search box"), kMessageMs);
        return;
    }
    search->setFocus(Qt::ShortcutFocusReason);
    search->selectAll();
}

void MainWindow::rediscover()
{
    HaClient *client = m_backend ? m_backend->haClient() : nullptr;
    if (!client)
        return;
    // Reconnecting with the same credentials runs the full discovery of a new session;
    // queued, so the window never waits for the "ha" thread.
    const QUrl url = m_backend->settings().haUrl;
    const QString token = m_backend->settings().haToken;
    QMetaObject::invokeMethod(
        client, [client, url, token] { client->setCredentials(url, token); }, Qt::QueuedConnection);
    statusBar()->showMessage(tr("Reconnecting to Home Assistant to read the registries again…"),
                             kMessageMs);
}

bool MainWindow::closesToTray() const
{
    return m_closeToTrayAction->isChecked();
}

void MainWindow::setCloseToTray(bool enabled)
{
    if (m_closeToTrayAction->isChecked() != enabled)
        m_closeToTrayAction->setChecked(enabled); // comes back here through toggled
    GuiSettings().setValue(kCloseToTrayKey, enabled);
}

void MainWindow::restorePageState(Page page)
{
    const int index = int(page);
    if (m_restoredPages.contains(index))
        return;
    m_restoredPages.insert(index);
    GuiSettings settings;
    WidgetState::restore(this->page(page), settings, u"pages/"_s + pageKey(page));
}

void MainWindow::restoreWindowState()
{
    GuiSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray())) {
        QSize size(1280, 760);
        if (const QScreen *screen = QGuiApplication::primaryScreen())
            size = size.boundedTo(screen->availableGeometry().size());
        resize(size);
    }
    restoreState(settings.value(kStateKey).toByteArray());
    const QString key = settings.value(kPageKey, pageKey(Page::Overview)).toString();
    int index = 0;
    for (int i = 0; i < kPageCount; ++i) {
        if (pageKey(Page(i)) == key)
            index = i;
    }
    m_closeToTrayAction->setChecked(settings.value(kCloseToTrayKey, false).toBool() &&
                                    TrayIcon::isAvailable());
    showPage(Page(index));
}

void MainWindow::saveWindowState()
{
    GuiSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kPageKey, pageKey(currentPage()));
    // Only pages that were shown: the others still hold what was restored last time.
    for (int index : std::as_const(m_restoredPages))
        WidgetState::save(page(Page(index)), settings, u"pages/"_s + pageKey(Page(index)));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    if (closesToTray() && m_tray->isVisible()) {
        hide(); // the backend keeps running; the tray brings the window back
        event->ignore();
        return;
    }
    event->accept();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About HA Ingestor"),
        tr("<h3>HA Ingestor %1</h3>"
           "<p>Keeps the Home Assistant registries in a local database, writes every state "
           "change to InfluxDB, serves a REST API and delivers webhooks.</p>"
           "<p>Qt %2</p>")
            .arg(QStringLiteral(HAI_VERSION), QString::fromLatin1(qVersion())));
}

} // namespace hai
