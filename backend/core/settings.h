// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "databaselocation.h"
#include "timeseriessettings.h"
#include "webhooksettings.h"

#include <QHostAddress>
#include <QStringList>
#include <QUrl>

namespace hai {

enum class LogLevel { Debug, Info, Warning, Error };

// Every setting of the app, parsed and validated once at startup (see SettingsLoader).
// Secrets are plain members here; only logging code must never print them.
struct Settings
{
    bool headless = false;
    bool demo = false;  // run DemoHome in-process and connect to it instead of --ha-url
    QString configFile; // the INI file that was read, empty if none
    // secret-store=keychain: secrets the other sources leave empty are read from the system
    // keychain (see SecretStore::fillSecrets) under this configFile's name.
    bool secretsInKeychain = false;
    QString dataDir;
    LogLevel logLevel = LogLevel::Info;
    QString language; // --lang: "de", "en", "de_DE"; empty follows the system locale

    QUrl haUrl;
    QString haToken;

    InfluxOptions influx;
    MappingOptions mapping;
    WebhookOptions webhooks;

    QHostAddress apiHost = QHostAddress::LocalHost;
    quint16 apiPort = 8006; // 0 picks a free port
    QString apiToken;
    QStringList corsOrigins;

    DatabaseLocation registryDb;

    QString apiListenText() const;
};

} // namespace hai
