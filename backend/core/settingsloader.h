// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "optionparsing.h"
#include "settings.h"

#include <QHash>
#include <QProcessEnvironment>
#include <QStringList>

namespace hai {

// Turns the command line, the environment and the INI file into one validated Settings.
// Precedence: command line > environment > INI file > defaults. It never prints or exits;
// the caller decides what to do with the outcome.
class SettingsLoader
{
public:
    enum class Outcome {
        Run,         // settings are valid
        ShowHelp,    // --help: print text(), exit 0
        ShowVersion, // --version: print text(), exit 0
        WriteConfig, // --write-config FILE: write the commented template to text(), exit 0
        Invalid      // print text() (one line naming the option), exit 2
    };

    struct Result
    {
        Outcome outcome = Outcome::Invalid;
        Settings settings;
        QString text;
    };

    // arguments include the program name, as QCoreApplication::arguments() does.
    static Result
    load(const QStringList &arguments,
         const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

    static QString helpText();
    // <AppConfigLocation>/ha-ingestor.ini, read when neither --config nor HAI_CONFIG is given.
    static QString defaultConfigPath();

    // An INI file's values by option name; unknown keys are an error naming the key.
    static bool readIni(const QString &path, RawOptions *values, QString *error);
    // Whether values (as an INI file would hold them) make valid settings; the error names the
    // option as on the command line.
    static bool check(const RawOptions &values, QString *error);

private:
    using RawValues = RawOptions;
    static bool validate(const RawValues &raw, Settings *settings, QString *error);
};

} // namespace hai
