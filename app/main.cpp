// SPDX-License-Identifier: GPL-3.0-or-later
// ha-ingestor: command line -> Settings -> Backend, then the main window, or headless.
#include "appstart.h"
#include "headlessrun.h"
#include "windowedrun.h"

#include <QStringList>

namespace {

// Whether to open a window. Settings can say headless on the command line, in the
// environment or in the INI file, so they are read once before any application object
// exists (a QApplication cannot be swapped for a QCoreApplication later). Help, version,
// --write-config and bad options go the headless way, which prints them.
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

} // namespace

int main(int argc, char *argv[])
{
    hai::AppStart::setApplicationNames(); // the default data and config folders use the name
    return wantsWindow(argc, argv) ? hai::runWindowed(argc, argv) : hai::runHeadless(argc, argv);
}
