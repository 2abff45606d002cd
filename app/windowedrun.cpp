// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowedrun.h"

#include "appstart.h"
#include "backend.h"
#include "core/configstore.h"
#include "core/logging.h"
#include "core/secretstore.h"
#include "core/shutdownsignals.h"
#include "icons/appicons.h"
#include "mainwindow.h"
#include "setup/settingsdialog.h"
#include "setup/setupwizard.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

// The window's language: --lang, else the system locale. The app's own translations are embedded
// under :/i18n; Qt's (standard dialogs, buttons) come from the system when installed. English
// is the source language and needs no file. Called again after Settings → Apply, so the
// previous translators go first.
void installTranslations(QApplication &app, const QString &language)
{
    static QList<QTranslator *> installed;
    for (QTranslator *translator : std::as_const(installed)) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    installed.clear();
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, u"qtbase"_s, u"_"_s,
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    auto *appTranslator = new QTranslator(&app);
    if (appTranslator->load(locale, u"ha-ingestor"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(appTranslator);
    installed = {qtTranslator, appTranslator};
}

// Exit code of one window session that asks for another: Settings were applied.
constexpr int kRestartSession = -0x5e77;

// Shows the Settings dialog on its own; true when it saved something.
bool editSettings(ConfigStore &store, QWidget *parent)
{
    bool applied = false;
    SettingsDialog dialog(&store, parent);
    QObject::connect(&dialog, &SettingsDialog::applied, &dialog, [&applied] { applied = true; });
    dialog.exec();
    return applied && !AppStart::quitRequested(); // a SIGTERM during the dialog wins
}

// The backend refused the settings (a port in use, say). Without a window the Settings
// dialog would be out of reach, so it is offered here: otherwise only editing the file by
// hand could get the app going again.
int offerSettingsAfterFailedStart(const QString &error, ConfigStore &store)
{
    QMessageBox box(
        QMessageBox::Critical, QCoreApplication::translate("main", "HA Ingestor"),
        QCoreApplication::translate("main", "HA Ingestor cannot start:\n\n%1").arg(error));
    QPushButton *settings = box.addButton(QCoreApplication::translate("main", "Open Settings…"),
                                          QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Close);
    box.setDefaultButton(settings);
    box.exec();
    if (box.clickedButton() == settings && editSettings(store, nullptr))
        return kRestartSession;
    return AppStart::quitRequested() ? 0 : AppStart::kExitBadSettings;
}

// One run of backend + window with the given settings. Returns the application's exit code,
// or kRestartSession after the Settings dialog saved new values.
int runSession(const Settings &settings, ConfigStore &store)
{
    installLogging(settings.logLevel, settings.dataDir + u"/logs"_s);
    Backend backend(settings);
    QString error;
    if (!backend.start(&error)) {
        uninstallLogging();
        AppStart::printLine(stderr, u"ha-ingestor: "_s + error);
        return offerSettingsAfterFailedStart(error, store);
    }
    int code = 0;
    {
        MainWindow window(&backend);
        window.settingsAction()->setVisible(true);
        QObject::connect(&window, &MainWindow::settingsRequested, &window, [&] {
            // Restart after the dialog closed, so Apply can be pressed more than once.
            if (editSettings(store, &window)) {
                window.saveWindowState();
                QCoreApplication::exit(kRestartSession);
            }
        });
        window.show();
        code = QApplication::exec();
    } // the window and its reader thread go before the backend they observe
    backend.stop();
    qCInfo(lcCore) << (code == kRestartSession ? "restarting with the new settings"
                                               : "stopped cleanly");
    uninstallLogging();
    return code;
}

// The wizard or the Settings dialog wrote the file: reads everything again. False when the
// first session cannot start with what it reads.
bool rereadSettings(QApplication &app, bool firstSession, Settings *settings)
{
    const SettingsLoader::Result loaded = AppStart::loadSettings(app.arguments());
    if (loaded.outcome == SettingsLoader::Outcome::Run) {
        *settings = loaded.settings;
    } else if (firstSession) {
        AppStart::printLine(stderr, u"ha-ingestor: "_s + loaded.text);
        return false;
    } else {
        // The file is valid (ConfigStore checked it), but together with the command line
        // it is not, e.g. --demo given and an HA URL saved. Keep running as before.
        QMessageBox::warning(
            nullptr, QCoreApplication::translate("main", "HA Ingestor"),
            QCoreApplication::translate("main", "The new settings were saved, but together with "
                                                "the command line they do not work:\n\n%1\n\n"
                                                "HA Ingestor keeps running with the previous ones.")
                .arg(loaded.text));
    }
    installTranslations(app, settings->language);
    return true;
}

} // namespace

int runWindowed(int argc, char *argv[])
{
    QApplication app(argc, argv);
    AppStart::setApplicationNames();
    QApplication::setWindowIcon(AppIcons::application());
    // Lets Wayland compositors match the window to the installed .desktop file and its icon.
    QGuiApplication::setDesktopFileName(u"io.github.haingestor.HaIngestor"_s);

    const SettingsLoader::Result loaded = AppStart::loadSettings(app.arguments());
    if (loaded.outcome != SettingsLoader::Outcome::Run) {
        AppStart::printLine(stderr, u"ha-ingestor: "_s + loaded.text); // main() saw them valid
        return AppStart::kExitBadSettings;
    }
    installTranslations(app, loaded.settings.language);

    SecretStore keychain;
    ConfigStore store(AppStart::configPath(loaded.settings), &keychain);
    bool fileChanged = false; // since `loaded` was read: then read everything again
    if (AppStart::needsSetup(loaded.settings)) {
        SetupWizard wizard(&store);
        if (wizard.exec() != QDialog::Accepted)
            return 0; // the user closed the wizard: nothing to run yet, and nothing is wrong
        fileChanged = true;
    }

    ShutdownSignals shutdown;
    AppStart::quitOnSignals(shutdown, app);
    Settings settings = loaded.settings;
    for (bool first = true;; first = false, fileChanged = true) {
        if (fileChanged && !rereadSettings(app, first, &settings))
            return AppStart::kExitBadSettings;
        const int code = runSession(settings, store);
        if (code != kRestartSession)
            return code;
    }
}

} // namespace hai
