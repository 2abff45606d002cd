// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QString>

namespace hai {

class SecretStore;

// Settings as the INI file holds them: option name (see optiontable.cpp) -> text.
using ConfigValues = QMap<QString, QString>;

// Where save() keeps the secret options (ha-token, influx-token, influx-password, api-token).
enum class SecretLocation {
    Keychain,    // the desktop's Secret Service (GNOME Keyring, KWallet) through QtKeychain
    SettingsFile // in the INI file itself, which is always written with mode 0600
};

// The INI file the setup wizard and the Settings dialog edit, and that SettingsLoader reads.
// Secrets go to the system keychain when one answers, else into the file. The file is
// replaced atomically (QSaveFile), so a crash never leaves half a file. Lives in the GUI
// thread; keychain calls wait up to a few seconds for the desktop's secret service.
class ConfigStore
{
public:
    // secrets may be null: no keychain, secrets stay in the file.
    explicit ConfigStore(QString path, SecretStore *secrets = nullptr);

    // <AppConfigLocation>/ha-ingestor.ini, the file SettingsLoader reads without --config.
    static QString defaultPath();

    QString path() const { return m_path; }
    bool exists() const;

    // The file's values, with secrets filled in from the keychain where they live there.
    // A missing file is empty values, not an error.
    ConfigValues load(QString *error = nullptr) const;

    // Merges changes over the file: a key with an empty value is removed. The merged values
    // must pass SettingsLoader's validation (the error names the option, as on the command
    // line); nothing is written otherwise. Unknown keys are refused.
    bool save(const ConfigValues &changes, QString *error);

    // Where save() puts secrets now.
    SecretLocation secretLocation() const;

private:
    QString m_path;
    SecretStore *m_secrets;
};

} // namespace hai
