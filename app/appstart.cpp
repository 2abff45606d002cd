// SPDX-License-Identifier: GPL-3.0-or-later
#include "appstart.h"

#include "core/logging.h"
#include "core/secretstore.h"
#include "core/shutdownsignals.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace hai::AppStart {

void printLine(FILE *stream, const QString &text)
{
    std::fprintf(stream, "%s\n", qUtf8Printable(text));
}

void setApplicationNames()
{
    QCoreApplication::setApplicationName(u"ha-ingestor"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(HAI_VERSION));
}

namespace {
bool s_quitRequested = false; // GUI thread only
} // namespace

bool quitRequested()
{
    return s_quitRequested;
}

void quitOnSignals(ShutdownSignals &shutdown, QCoreApplication &app)
{
    QObject::connect(&shutdown, &ShutdownSignals::shutdownRequested, &app, [](int signal) {
        s_quitRequested = true;
        qCInfo(lcCore) << "received signal" << signal << "- shutting down";
        // exit(), not quit(): quit() does nothing unless the main loop runs, and a modal
        // dialog (the Settings offered after a failed start) has a loop of its own.
        QCoreApplication::exit(0);
    });
}

SettingsLoader::Result loadSettings(const QStringList &arguments)
{
    SettingsLoader::Result loaded = SettingsLoader::load(arguments);
    if (loaded.outcome == SettingsLoader::Outcome::Run && loaded.settings.secretsInKeychain) {
        SecretStore keychain;
        SecretStore::fillSecrets(&loaded.settings, keychain);
    }
    return loaded;
}

bool needsSetup(const Settings &settings)
{
    return settings.configFile.isEmpty() && !settings.haUrl.isValid() && !settings.demo;
}

QString configPath(const Settings &settings)
{
    return settings.configFile.isEmpty() ? SettingsLoader::defaultConfigPath()
                                         : settings.configFile;
}

} // namespace hai::AppStart
