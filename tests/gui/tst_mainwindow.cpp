// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow: the sidebar and Ctrl+1..6 switch pages, Ctrl+F focuses the page's search box,
// geometry, the last page and a page's column widths come back from QSettings, and F5
// reconnects without blocking.
#include "demobackend.h"
#include "guisettings.h"
#include "homeassistant/haclient.h"
#include "mainwindow.h"
#include "pages/devicespage.h"
#include "pages/entitiespage.h"
#include "status/statuspoller.h"

#include <QApplication>
#include <QHeaderView>
#include <QLineEdit>
#include <QListWidget>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hai;

using Page = MainWindow::Page;

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init() { GuiSettings().clear(); }
    void sidebarSwitchesPages();
    void shortcutsSwitchPages_data();
    void shortcutsSwitchPages();
    void findFocusesSearch();
    void restoresGeometryAndPage();
    void restoresColumnWidths();
    void closeToTrayIsOffByDefault();
    void rediscoverReconnects();
    void chartRequestsOpenTheChartsPage();

private:
    static void showActive(MainWindow &window)
    {
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
    }
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // GuiSettings goes to a test folder
    QApplication::setQuitOnLastWindowClosed(false);
}

void TestMainWindow::sidebarSwitchesPages()
{
    MainWindow window(nullptr);
    QCOMPARE(window.currentPage(), Page::Overview);
    auto *sidebar = window.findChild<QListWidget *>(u"sidebar"_s);
    auto *stack = window.findChild<QStackedWidget *>(u"pages"_s);
    QVERIFY(sidebar && stack);
    QCOMPARE(sidebar->count(), MainWindow::kPageCount);
    for (int i = 0; i < MainWindow::kPageCount; ++i) {
        sidebar->setCurrentRow(i);
        QCOMPARE(int(window.currentPage()), i);
        QCOMPARE(stack->currentWidget(), window.page(Page(i)));
    }
    window.showPage(Page::Webhooks);
    QCOMPARE(sidebar->currentRow(), int(Page::Webhooks));
}

void TestMainWindow::shortcutsSwitchPages_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("page");
    QTest::newRow("Ctrl+1") << int(Qt::Key_1) << int(Page::Overview);
    QTest::newRow("Ctrl+2") << int(Qt::Key_2) << int(Page::Devices);
    QTest::newRow("Ctrl+3") << int(Qt::Key_3) << int(Page::Entities);
    QTest::newRow("Ctrl+4") << int(Qt::Key_4) << int(Page::Webhooks);
    QTest::newRow("Ctrl+5") << int(Qt::Key_5) << int(Page::Charts);
    QTest::newRow("Ctrl+6") << int(Qt::Key_6) << int(Page::Log);
}

void TestMainWindow::shortcutsSwitchPages()
{
    QFETCH(int, key);
    QFETCH(int, page);
    MainWindow window(nullptr);
    window.showPage(page == int(Page::Overview) ? Page::Log : Page::Overview);
    showActive(window);
    QTest::keyClick(&window, Qt::Key(key), Qt::ControlModifier);
    QCOMPARE(int(window.currentPage()), page);
}

void TestMainWindow::findFocusesSearch()
{
    MainWindow window(nullptr);
    showActive(window);
    QTest::keyClick(&window, Qt::Key_6, Qt::ControlModifier);
    QCOMPARE(window.currentPage(), Page::Log);
    auto *logSearch = window.page(Page::Log)->findChild<QLineEdit *>(u"search"_s);
    QVERIFY(logSearch);
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget(), logSearch);

    // The same contract for every page that has a search box (Devices has one with data).
    for (int i = 0; i < MainWindow::kPageCount; ++i) {
        auto *search = window.page(Page(i))->findChild<QLineEdit *>(u"search"_s);
        if (!search || i == int(Page::Log))
            continue;
        QTest::keyClick(&window, Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
        QCOMPARE(int(window.currentPage()), i);
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        QTRY_COMPARE(QApplication::focusWidget(), search);
    }

    // A page without one leaves the focus alone.
    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(window.currentPage(), Page::Overview);
}

void TestMainWindow::restoresGeometryAndPage()
{
    QSize size;
    {
        MainWindow window(nullptr);
        // Every page must fit a 1366x768 laptop screen; the saved size is a bit above the least.
        const QSize least = window.minimumSizeHint();
        QVERIFY2(least.width() <= 1366 && least.height() <= 768,
                 qPrintable(u"minimum %1x%2"_s.arg(least.width()).arg(least.height())));
        size = QSize(least.width() + 37, qMax(640, least.height() + 23));
        window.resize(size);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showPage(Page::Entities);
        window.close(); // saves, as quitting does
    }
    MainWindow again(nullptr);
    QCOMPARE(again.currentPage(), Page::Entities);
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.size(), size);
}

void TestMainWindow::restoresColumnWidths()
{
    {
        MainWindow window(nullptr);
        window.showPage(Page::Log);
        auto *view = window.page(Page::Log)->findChild<QTableView *>(u"logView"_s);
        QVERIFY(view);
        view->horizontalHeader()->resizeSection(2, 234);
        window.saveWindowState();
    }
    MainWindow again(nullptr);
    QCOMPARE(again.currentPage(), Page::Log);
    auto *view = again.page(Page::Log)->findChild<QTableView *>(u"logView"_s);
    QCOMPARE(view->horizontalHeader()->sectionSize(2), 234);
}

void TestMainWindow::closeToTrayIsOffByDefault()
{
    MainWindow window(nullptr);
    QVERIFY(!window.closesToTray());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.close()); // nothing keeps it open
}

void TestMainWindow::rediscoverReconnects()
{
    test::DemoBackend demo;
    QString error;
    QVERIFY2(demo.start(&error), qPrintable(error));
    MainWindow window(demo.backend.get());
    StatusPoller *poller = window.statusPoller();
    QTRY_VERIFY_WITH_TIMEOUT(poller->current().ha.state == HaState::Live, 30000);
    const qint64 discoveredAt = poller->current().ha.discoveredAtUs;
    QVERIFY(discoveredAt > 0);
    showActive(window);
    QTest::keyClick(&window, Qt::Key_F5);
    QTRY_VERIFY_WITH_TIMEOUT(poller->current().ha.reconnects >= 1, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(poller->current().ha.discoveredAtUs > discoveredAt &&
                                 poller->current().ha.state == HaState::Live,
                             30000);
}

void TestMainWindow::chartRequestsOpenTheChartsPage()
{
    MainWindow window(nullptr);
    window.showPage(Page::Devices);
    auto *devices = window.findChild<DevicesPage *>();
    QVERIFY(devices);
    Q_EMIT devices->chartRequested(u"sensor.kitchen_temperature"_s);
    QCOMPARE(window.currentPage(), Page::Charts);
    window.showPage(Page::Entities);
    Q_EMIT window.findChild<EntitiesPage *>()->chartRequested(u"sensor.hall"_s);
    QCOMPARE(window.currentPage(), Page::Charts);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
