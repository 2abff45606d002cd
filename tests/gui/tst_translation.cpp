// SPDX-License-Identifier: GPL-3.0-or-later
// The German translation is embedded under :/i18n and, once installed, turns the main window's
// sidebar, menus and page labels German; without it they stay English.
#include "guisettings.h"
#include "mainwindow.h"

#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace hai;

class TestTranslation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init() { GuiSettings().clear(); }
    void germanIsEmbedded();
    void englishWithoutTranslator();
    void germanWithTranslator();

private:
    static QStringList sidebarNames(const MainWindow &window);
    static QStringList menuTitles(const MainWindow &window);
    static QStringList labelTexts(const MainWindow &window);
};

void TestTranslation::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setQuitOnLastWindowClosed(false);
}

QStringList TestTranslation::sidebarNames(const MainWindow &window)
{
    QStringList names;
    const auto *sidebar = window.findChild<QListWidget *>(u"sidebar"_s);
    if (sidebar) {
        for (int i = 0; i < sidebar->count(); ++i)
            names.append(sidebar->item(i)->text());
    }
    return names;
}

QStringList TestTranslation::menuTitles(const MainWindow &window)
{
    QStringList titles;
    for (const QAction *action : window.menuBar()->actions())
        titles.append(action->text());
    return titles;
}

QStringList TestTranslation::labelTexts(const MainWindow &window)
{
    QStringList texts;
    for (const QLabel *label : window.findChildren<QLabel *>())
        texts.append(label->text());
    return texts;
}

void TestTranslation::germanIsEmbedded()
{
    QTranslator translator;
    QVERIFY(translator.load(QLocale(QLocale::German, QLocale::Germany), u"ha-ingestor"_s, u"_"_s,
                            u":/i18n"_s));
    QCOMPARE(translator.language(), u"de_DE"_s);
    QCOMPARE(translator.translate("hai::MainWindow", "Devices"), u"Geräte"_s);
}

void TestTranslation::englishWithoutTranslator()
{
    MainWindow window(nullptr);
    QCOMPARE(sidebarNames(window), (QStringList{u"Overview"_s, u"Devices"_s, u"Entities"_s,
                                                u"Webhooks"_s, u"Charts"_s, u"Log"_s}));
    const QStringList menus = menuTitles(window);
    QVERIFY2(menus.contains(u"&File"_s), qPrintable(menus.join(u", "_s)));
    QVERIFY(menus.contains(u"&Help"_s));
    QVERIFY(labelTexts(window).contains(u"Events received:"_s));
}

void TestTranslation::germanWithTranslator()
{
    QTranslator translator;
    QVERIFY(translator.load(u":/i18n/ha-ingestor_de.qm"_s));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    {
        MainWindow window(nullptr);
        QCOMPARE(sidebarNames(window),
                 (QStringList{u"Übersicht"_s, u"Geräte"_s, u"Entitäten"_s, u"Webhooks"_s,
                              u"Diagramme"_s, u"Protokoll"_s}));
        const QStringList menus = menuTitles(window);
        QVERIFY2(menus.contains(u"&Datei"_s), qPrintable(menus.join(u", "_s)));
        QVERIFY(menus.contains(u"&Hilfe"_s));
        QVERIFY(!menus.contains(u"&File"_s));
        const QStringList labels = labelTexts(window);
        QVERIFY(labels.contains(u"Empfangene Ereignisse:"_s));
        QVERIFY(!labels.contains(u"Events received:"_s));
    }
    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(TestTranslation)
#include "tst_translation.moc"
