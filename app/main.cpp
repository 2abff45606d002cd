// SPDX-License-Identifier: GPL-3.0-or-later
// ha-ingestor: command line -> Settings -> Backend, then the main window, or headless.
#include "backend.h"
#include "core/logging.h"
#include "core/settingsloader.h"
#include "core/shutdownsignals.h"
#include "icons/appicons.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTranslator>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
constexpr int kExitBadSettings = 2;

void printLine(FILE *stream, const QString &text)
{
    std::fprintf(stream, "%s\n", qUtf8Printable(text));
}

void setApplicationNames()
{
    QCoreApplication::setApplicationName(u"ha-ingestor"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(HAI_VERSION));
}

// Whether to open a window. Settings can say headless on the command line, in the
// environment or in the INI file, so they are read once before any application object
// exists (a QApplication cannot be swapped for a QCoreApplication later). Help, version and
// bad options go the headless way, which prints them as it always did.
bool wantsWindow(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const hai::SettingsLoader::Result loaded = hai::SettingsLoader::load(arguments);
    if (loaded.outcome != hai::SettingsLoader::Outcome::Run || loaded.settings.headless)
        return false;
    // Without a display QApplication would abort; keep serving instead.
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

// The window's language: --lang, else the system locale. The app's own translations are embedded
// under :/i18n; Qt's (standard dialogs, buttons) come from the system when installed. English
// is the source language and needs no file.
void installTranslations(QApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, u"qtbase"_s, u"_"_s,
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    auto *appTranslator = new QTranslator(&app);
    if (appTranslator->load(locale, u"ha-ingestor"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(appTranslator);
}

void quitOnSignals(hai::ShutdownSignals &shutdown, QCoreApplication &app)
{
    QObject::connect(&shutdown, &hai::ShutdownSignals::shutdownRequested, &app, [](int signal) {
        qCInfo(lcCore) << "received signal" << signal << "- shutting down";
        QCoreApplication::quit();
    });
}

int runHeadless(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    setApplicationNames();

    const hai::SettingsLoader::Result loaded = hai::SettingsLoader::load(app.arguments());
    switch (loaded.outcome) {
    case hai::SettingsLoader::Outcome::ShowHelp:
    case hai::SettingsLoader::Outcome::ShowVersion:
        printLine(stdout, loaded.text.trimmed());
        return 0;
    case hai::SettingsLoader::Outcome::Invalid:
        printLine(stderr, u"ha-ingestor: "_s + loaded.text);
        return kExitBadSettings;
    case hai::SettingsLoader::Outcome::Run:
        break;
    }
    const hai::Settings &settings = loaded.settings;
    hai::installLogging(settings.logLevel, settings.dataDir + u"/logs"_s);
    if (!settings.headless)
        qCInfo(lcCore) << "no display found; running headless";

    hai::Backend backend(settings);
    QString error;
    if (!backend.start(&error)) {
        hai::uninstallLogging();
        printLine(stderr, u"ha-ingestor: "_s + error);
        return kExitBadSettings;
    }

    hai::ShutdownSignals shutdown;
    quitOnSignals(shutdown, app);
    const int code = QCoreApplication::exec();
    backend.stop();
    qCInfo(lcCore) << "stopped cleanly";
    hai::uninstallLogging();
    return code;
}

int runWindowed(int argc, char *argv[])
{
    QApplication app(argc, argv);
    setApplicationNames();
    QApplication::setWindowIcon(hai::AppIcons::application());

    const hai::SettingsLoader::Result loaded = hai::SettingsLoader::load(app.arguments());
    if (loaded.outcome != hai::SettingsLoader::Outcome::Run) {
        printLine(stderr, u"ha-ingestor: "_s + loaded.text); // wantsWindow() saw them valid
        return kExitBadSettings;
    }
    const hai::Settings &settings = loaded.settings;
    installTranslations(app, settings.language);
    hai::installLogging(settings.logLevel, settings.dataDir + u"/logs"_s);

    hai::Backend backend(settings);
    QString error;
    if (!backend.start(&error)) {
        hai::uninstallLogging();
        printLine(stderr, u"ha-ingestor: "_s + error);
        QMessageBox::critical(
            nullptr, QCoreApplication::translate("main", "HA Ingestor"),
            QCoreApplication::translate("main", "HA Ingestor cannot start:\n\n%1").arg(error));
        return kExitBadSettings;
    }

    hai::ShutdownSignals shutdown;
    quitOnSignals(shutdown, app);
    int code = 0;
    {
        hai::MainWindow window(&backend);
        window.show();
        code = QApplication::exec();
    } // the window and its reader thread go before the backend they observe
    backend.stop();
    qCInfo(lcCore) << "stopped cleanly";
    hai::uninstallLogging();
    return code;
}
} // namespace

int main(int argc, char *argv[])
{
    setApplicationNames(); // the default data and config folders are named after the app
    return wantsWindow(argc, argv) ? runWindowed(argc, argv) : runHeadless(argc, argv);
}
