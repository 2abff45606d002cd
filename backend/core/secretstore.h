// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "settings.h"

#include <QString>

namespace hai {

// The system keychain through QtKeychain (Secret Service on Linux), for the secret options.
// Each secret is an entry of service "ha-ingestor" keyed "<config path>:<option name>", so two
// configurations never share tokens. Calls block up to timeoutMs: QtKeychain is asynchronous,
// and a local event loop waits for it (the only callers are startup and the settings dialog).
class SecretStore
{
public:
    explicit SecretStore(int timeoutMs = 5000);

    // A write+read+delete of a probe entry succeeded. Cached after the first call.
    bool isAvailable();
    QString unavailableReason() const { return m_reason; }

    bool write(const QString &configPath, const QString &option, const QString &value,
               QString *error);
    // Empty when there is no such entry.
    QString read(const QString &configPath, const QString &option, QString *error = nullptr);
    bool remove(const QString &configPath, const QString &option, QString *error = nullptr);

    // For every secret option the loaded settings left empty and that the INI file marks as
    // kept in the keychain (secret-store=keychain), read it from the keychain.
    static void fillSecrets(Settings *settings, SecretStore &store);

private:
    int m_timeoutMs;
    int m_available = -1; // -1 unknown
    QString m_reason;
};

} // namespace hai
