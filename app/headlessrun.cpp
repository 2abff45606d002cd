// SPDX-License-Identifier: GPL-3.0-or-later
#include "headlessrun.h"

#include "appstart.h"
#include "backend.h"
#include "core/configtemplate.h"
#include "core/logging.h"
#include "core/shutdownsignals.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

// Printed on a headless first start, when nothing says where Home Assistant is.
QString setupInstructions()
{
    const QString config = SettingsLoader::defaultConfigPath();
    return u"ha-ingestor: no settings yet, so there is no Home Assistant to connect to.\n"
           u"Configure it in one of these ways, then start again:\n"
           u"  1. ha-ingestor --write-config %1\n"
           u"     then set ha-url and ha-token in that file (every setting is explained there);\n"
           u"  2. ha-ingestor --headless --ha-url http://homeassistant.local:8123 "
           u"--ha-token TOKEN\n"
           u"  3. HA_URL=http://homeassistant.local:8123 HA_TOKEN=TOKEN ha-ingestor --headless\n"
           u"  4. ha-ingestor --headless --demo   (a simulated home, to try the app)\n"
           u"The token is a long-lived access token from your Home Assistant profile page.\n"
           u"InfluxDB is optional: --influx-url URL, or --influx-managed to run a local influxd.\n"
           u"`ha-ingestor --help` lists every option."_s.arg(config);
}

} // namespace

int runHeadless(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    AppStart::setApplicationNames();

    const SettingsLoader::Result loaded = AppStart::loadSettings(app.arguments());
    switch (loaded.outcome) {
    case SettingsLoader::Outcome::ShowHelp:
    case SettingsLoader::Outcome::ShowVersion:
        AppStart::printLine(stdout, loaded.text.trimmed());
        return 0;
    case SettingsLoader::Outcome::WriteConfig: {
        QString error;
        if (!ConfigTemplate::write(loaded.text, &error)) {
            AppStart::printLine(stderr, u"ha-ingestor: --write-config: "_s + error);
            return AppStart::kExitBadSettings;
        }
        if (loaded.text != u"-"_s)
            AppStart::printLine(stdout, u"Wrote %1 (mode 0600). Edit it, then start "
                                        u"ha-ingestor --config %1."_s.arg(loaded.text));
        return 0;
    }
    case SettingsLoader::Outcome::Invalid:
        AppStart::printLine(stderr, u"ha-ingestor: "_s + loaded.text);
        return AppStart::kExitBadSettings;
    case SettingsLoader::Outcome::Run:
        break;
    }
    const Settings &settings = loaded.settings;
    if (AppStart::needsSetup(settings)) {
        AppStart::printLine(stderr, setupInstructions());
        return AppStart::kExitBadSettings;
    }
    installLogging(settings.logLevel, settings.dataDir + u"/logs"_s);
    if (!settings.headless)
        qCInfo(lcCore) << "no display found; running headless";

    Backend backend(settings);
    QString error;
    if (!backend.start(&error)) {
        uninstallLogging();
        AppStart::printLine(stderr, u"ha-ingestor: "_s + error);
        return AppStart::kExitBadSettings;
    }

    ShutdownSignals shutdown;
    AppStart::quitOnSignals(shutdown, app);
    const int code = QCoreApplication::exec();
    backend.stop();
    qCInfo(lcCore) << "stopped cleanly";
    uninstallLogging();
    return code;
}

} // namespace hai
