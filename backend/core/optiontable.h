// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace hai {

// One row per setting. The same table drives the command line, the environment,
// the INI file and the --help text, so the four can never disagree.
struct OptionSpec
{
    QString name;      // command-line name without "--"; also the INI key
    QString envName;   // empty when the option has no environment variable
    QString valueName; // empty for a flag
    QString help;
    QString defaultText; // shown in --help; empty when there is no default
    bool secret = false; // never logged or shown back

    bool isFlag() const { return valueName.isEmpty(); }
};

const QList<OptionSpec> &optionTable();
const OptionSpec *findOption(const QString &name);

} // namespace hai
