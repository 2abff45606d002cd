// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingstext.h"

#include "core/configstore.h"
#include "core/optiontable.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace hai {

QString SettingsText::secretLocation(const ConfigStore &store)
{
    if (store.secretLocation() == SecretLocation::Keychain)
        return tr("Tokens and passwords are kept in the system keychain.");
    return tr("No system keychain is available, so tokens and passwords are kept in %1, "
              "readable only by you.")
        .arg(QDir::toNativeSeparators(store.path()));
}

QString SettingsText::masked(const QString &secret)
{
    return secret.isEmpty() ? tr("not set") : tr("•••••••• (set, hidden here)");
}

QStringList SettingsText::overriddenBy(const QStringList &options, const QStringList &arguments,
                                       const QProcessEnvironment &environment)
{
    QStringList found;
    for (const QString &name : options) {
        const OptionSpec *spec = findOption(name);
        if (!spec)
            continue;
        const QString flag = u"--"_s + name;
        for (const QString &argument : arguments.mid(1)) {
            if (argument == flag || argument.startsWith(flag + u'=')) {
                found << flag;
                break;
            }
        }
        if (!spec->envName.isEmpty() && environment.contains(spec->envName))
            found << spec->envName;
    }
    return found;
}

QString SettingsText::overrideNote(const QStringList &overrides)
{
    if (overrides.isEmpty())
        return tr("Values given on the command line or in the environment override this file, "
                  "so a change here may seem not to apply while they are set.");
    return tr("Given on the command line or in the environment, which win over this file: %1. "
              "Changes to these options here take effect only once they are no longer given "
              "there.")
        .arg(overrides.join(u", "_s));
}

} // namespace hai
