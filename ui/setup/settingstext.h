// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QStringList>

namespace hai {

class ConfigStore;

// Words about where the settings live, shared by the wizard's summary and the Settings dialog.
class SettingsText
{
    Q_DECLARE_TR_FUNCTIONS(SettingsText)
public:
    // Where the tokens go: the system keychain, or the file (mode 0600) when there is none.
    static QString secretLocation(const ConfigStore &store);
    // A secret for a summary: "not set" or masked; never the value.
    static QString masked(const QString &secret);

    // Those of the given options that the command line or the environment sets, as the user
    // wrote them ("--ha-url", "HA_URL"): they win over the file, so an edit here seems lost.
    static QStringList
    overriddenBy(const QStringList &options, const QStringList &arguments,
                 const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    // The note for the Settings dialog: which of `overrides` win, or the general rule.
    static QString overrideNote(const QStringList &overrides);
};

} // namespace hai
