// SPDX-License-Identifier: GPL-3.0-or-later
#include "configstore.h"

#include "optiontable.h"
#include "privatefile.h"
#include "secretstore.h"
#include "settingsloader.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

const QString kSecretStoreKey = u"secret-store"_s;
const QString kKeychain = u"keychain"_s;
const QString kFile = u"file"_s;

QStringList secretOptions()
{
    QStringList names;
    for (const OptionSpec &spec : optionTable()) {
        if (spec.secret)
            names << spec.name;
    }
    return names;
}

// Quoted, so QSettings reads back exactly this text: commas stay inside one value, and
// tokens may hold ';', '=' or '"'.
QString quoted(const QString &value)
{
    // QSettings reads a leading '@' as a type marker ("@Variant(...)"); '@@' is a plain '@'.
    QString out = value.startsWith(u'@') ? u'@' + value : value;
    out.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
    out.replace(u'\n', u"\\n"_s).replace(u'\r', u"\\r"_s).replace(u'\t', u"\\t"_s);
    return u'"' + out + u'"';
}

bool writeIni(const QString &path, const ConfigValues &values, QString *error)
{
    QString text = u"; HA Ingestor settings, written by the setup wizard and the Settings "
                   u"dialog.\n; `ha-ingestor --help` lists every key.\n"_s;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        text += it.key() + u'=' + quoted(it.value()) + u'\n';
    return writePrivateFile(path, text.toUtf8(), error);
}

ConfigValues toConfigValues(const RawOptions &raw)
{
    ConfigValues values;
    for (auto it = raw.cbegin(); it != raw.cend(); ++it)
        values.insert(it.key(), it.value());
    return values;
}

} // namespace

ConfigStore::ConfigStore(QString path, SecretStore *secrets)
    : m_path(QFileInfo(path).absoluteFilePath()) // the keychain's entries are named by it
    , m_secrets(secrets)
{}

QString ConfigStore::defaultPath()
{
    return SettingsLoader::defaultConfigPath();
}

bool ConfigStore::exists() const
{
    return QFileInfo::exists(m_path);
}

ConfigValues ConfigStore::load(QString *error) const
{
    if (!exists())
        return {};
    RawOptions raw;
    QString failure;
    if (!SettingsLoader::readIni(m_path, &raw, &failure)) {
        if (error)
            *error = failure;
        return {};
    }
    ConfigValues values = toConfigValues(raw);
    if (m_secrets && values.value(kSecretStoreKey).toLower() == kKeychain) {
        for (const QString &name : secretOptions()) {
            if (values.value(name).isEmpty()) {
                const QString secret = m_secrets->read(m_path, name, &failure);
                if (!secret.isEmpty())
                    values.insert(name, secret);
                else if (!failure.isEmpty() && error)
                    *error = failure;
            }
        }
    }
    return values;
}

bool ConfigStore::save(const ConfigValues &changes, QString *error)
{
    RawOptions onDisk;
    if (exists() && !SettingsLoader::readIni(m_path, &onDisk, error))
        return false; // a broken file is the user's to fix, not ours to overwrite
    ConfigValues merged = toConfigValues(onDisk);
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        if (!findOption(it.key()) || it.key() == u"config"_s) {
            *error = u"unknown setting '%1'"_s.arg(it.key());
            return false;
        }
        if (it.value().isEmpty())
            merged.remove(it.key());
        else
            merged.insert(it.key(), it.value());
    }
    const QString storeOnDisk = onDisk.value(kSecretStoreKey).toLower();
    merged.remove(kSecretStoreKey); // decided below, from where the secrets go now

    RawOptions check;
    for (auto it = merged.cbegin(); it != merged.cend(); ++it)
        check.insert(it.key(), it.value());
    if (!SettingsLoader::check(check, error))
        return false;

    QStringList removeAfterWrite;
    if (storeOnDisk == kFile) {
        merged.insert(kSecretStoreKey, kFile); // the user chose the file; keep to it
    } else if (m_secrets && m_secrets->isAvailable()) {
        // secretLocation() is Keychain (the file was read above). Changed secrets go to the
        // keychain; those left alone stay where they are. Writes happen before the file,
        // removals after it: a failure leaves nothing half-saved.
        bool anyInKeychain = storeOnDisk == kKeychain;
        for (const QString &name : secretOptions()) {
            if (!changes.contains(name))
                continue;
            const QString value = changes.value(name);
            if (value.isEmpty())
                removeAfterWrite.append(name);
            else if (!m_secrets->write(m_path, name, value, error))
                return false;
            merged.remove(name);
            anyInKeychain = anyInKeychain || !value.isEmpty();
        }
        if (anyInKeychain)
            merged.insert(kSecretStoreKey, kKeychain);
    } else if (storeOnDisk == kKeychain) {
        merged.insert(kSecretStoreKey, kKeychain); // older secrets still live there
    }
    if (!writeIni(m_path, merged, error))
        return false;
    for (const QString &name : std::as_const(removeAfterWrite)) {
        QString ignored; // the file no longer refers to it; a leftover entry harms nothing
        m_secrets->remove(m_path, name, &ignored);
    }
    return true;
}

SecretLocation ConfigStore::secretLocation() const
{
    if (exists()) {
        RawOptions onDisk;
        QString ignored;
        if (SettingsLoader::readIni(m_path, &onDisk, &ignored) &&
            onDisk.value(kSecretStoreKey).toLower() == kFile)
            return SecretLocation::SettingsFile;
    }
    return m_secrets && m_secrets->isAvailable() ? SecretLocation::Keychain
                                                 : SecretLocation::SettingsFile;
}

} // namespace hai
