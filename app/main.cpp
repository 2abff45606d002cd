// SPDX-License-Identifier: GPL-3.0-or-later
// ha-ingestor: command line -> Settings -> Backend, headless (the GUI comes with the ui library).
#include "backend.h"
#include "core/logging.h"
#include "core/settingsloader.h"
#include "core/shutdownsignals.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
constexpr int kExitBadSettings = 2;

void printLine(FILE *stream, const QString &text)
{
    std::fprintf(stream, "%s\n", qUtf8Printable(text));
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"ha-ingestor"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(HAI_VERSION));

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
        qCInfo(lcCore) << "this build has no desktop window yet; running headless";

    hai::Backend backend(settings);
    QString error;
    if (!backend.start(&error)) {
        hai::uninstallLogging();
        printLine(stderr, u"ha-ingestor: "_s + error);
        return kExitBadSettings;
    }

    hai::ShutdownSignals shutdown;
    QObject::connect(&shutdown, &hai::ShutdownSignals::shutdownRequested, &app, [](int signal) {
        qCInfo(lcCore) << "received signal" << signal << "- shutting down";
        QCoreApplication::quit();
    });
    const int code = QCoreApplication::exec();
    backend.stop();
    qCInfo(lcCore) << "stopped cleanly";
    hai::uninstallLogging();
    return code;
}
