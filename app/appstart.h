// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/settingsloader.h"

#include <QStringList>

#include <cstdio>

class QCoreApplication;

namespace hai {

class ShutdownSignals;

// What the headless and the windowed start share.
namespace AppStart {

constexpr int kExitBadSettings = 2; // bad options, nothing configured, or the backend refused

void printLine(FILE *stream, const QString &text);
void setApplicationNames();
// SIGINT/SIGTERM quit the application; quitRequested() is true from then on, so that code
// running in a nested event loop (a dialog) does not mistake the quit for its own end.
void quitOnSignals(ShutdownSignals &shutdown, QCoreApplication &app);
bool quitRequested();

// SettingsLoader::load plus the secrets kept in the system keychain (secret-store=keychain).
// Needs an application object: the keychain answers through its event loop.
SettingsLoader::Result loadSettings(const QStringList &arguments);

// Nothing says where Home Assistant is: no settings file, no --ha-url, no --demo. The GUI then
// opens the setup wizard, and a headless start explains what to configure.
bool needsSetup(const Settings &settings);

// The INI file the wizard and the Settings dialog write: the one that was read, else the
// default path SettingsLoader reads next time.
QString configPath(const Settings &settings);

} // namespace AppStart
} // namespace hai
