// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsloader.h"

#include "optionparsing.h"
#include "optiontable.h"
#include "timeseriesoptionparser.h"
#include "webhookoptionparser.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTemporaryFile>

using namespace Qt::StringLiterals;
using hai::optionparsing::failure;
using hai::optionparsing::parseBool;
using hai::optionparsing::parseUrl;

namespace hai {

namespace {

bool parseListen(const QString &text, QHostAddress *host, quint16 *port, QString *reason)
{
    const int colon = text.lastIndexOf(u':');
    if (colon <= 0) {
        *reason = u"'%1' is not HOST:PORT"_s.arg(text);
        return false;
    }
    QString hostText = text.left(colon);
    if (hostText.startsWith(u'[') && hostText.endsWith(u']'))
        hostText = hostText.mid(1, hostText.size() - 2);
    bool ok = false;
    const int number = text.mid(colon + 1).toInt(&ok);
    if (!ok || number < 0 || number > 65535) {
        *reason = u"port '%1' is out of range (0-65535)"_s.arg(text.mid(colon + 1));
        return false;
    }
    QHostAddress address;
    if (hostText == u"localhost"_s)
        address = QHostAddress(QHostAddress::LocalHost);
    else if (!address.setAddress(hostText)) {
        *reason = u"'%1' is not an IP address"_s.arg(hostText);
        return false;
    }
    *host = address;
    *port = quint16(number);
    return true;
}

bool ensureWritableDir(const QString &path, QString *reason)
{
    if (!QDir().mkpath(path)) {
        *reason = u"cannot create directory '%1'"_s.arg(path);
        return false;
    }
    QTemporaryFile probe(path + u"/.write-test-XXXXXX"_s);
    if (!probe.open()) {
        *reason = u"directory '%1' is not writable"_s.arg(path);
        return false;
    }
    return true;
}

} // namespace

QString SettingsLoader::helpText()
{
    QString text =
        u"Usage: ha-ingestor [options]\n\n"
        u"Mirrors Home Assistant's registries into SQLite, writes its events to InfluxDB\n"
        u"and serves a local REST API.\n"
        u"Precedence: command line > environment > INI file > defaults.\n\nOptions:\n"_s;
    for (const OptionSpec &spec : optionTable()) {
        QString left = u"  --"_s + spec.name;
        if (!spec.isFlag())
            left += u' ' + spec.valueName;
        text += left.leftJustified(28) + u' ' + spec.help + u'\n';
        QString extra;
        if (!spec.envName.isEmpty())
            extra += u"env "_s + spec.envName;
        if (!spec.defaultText.isEmpty())
            extra += (extra.isEmpty() ? QString() : u", "_s) + u"default "_s + spec.defaultText;
        if (!extra.isEmpty())
            text += QString(29, u' ') + u'(' + extra + u")\n"_s;
    }
    text +=
        u"  --write-config FILE          Write a commented INI template of all settings to FILE\n"
        u"                               (- for standard output) and exit.\n"
        u"  --version                    Print the version and exit.\n"
        u"  --help                       Print this help and exit.\n"_s;
    return text;
}

QString SettingsLoader::defaultConfigPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
           u"/ha-ingestor.ini"_s;
}

bool SettingsLoader::check(const RawOptions &values, QString *error)
{
    Settings settings;
    return validate(values, &settings, error);
}

SettingsLoader::Result SettingsLoader::load(const QStringList &arguments,
                                            const QProcessEnvironment &environment)
{
    Result result;
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    for (const OptionSpec &spec : optionTable())
        parser.addOption(QCommandLineOption(spec.name, spec.help, spec.valueName));
    const QCommandLineOption help(u"help"_s);
    const QCommandLineOption version(u"version"_s);
    const QCommandLineOption writeConfig(u"write-config"_s, {}, u"FILE"_s);
    parser.addOption(help);
    parser.addOption(version);
    parser.addOption(writeConfig);

    if (!parser.parse(arguments)) {
        result.text = parser.errorText();
        return result;
    }
    for (const OptionSpec &spec : optionTable()) {
        // "--ha-url --data-dir x" would otherwise take "--data-dir" as the URL.
        if (!spec.isFlag() && parser.isSet(spec.name) &&
            parser.value(spec.name).startsWith(u"--"_s)) {
            result.text =
                failure(spec.name, u"missing value (got '%1')"_s.arg(parser.value(spec.name)));
            return result;
        }
    }
    if (!parser.positionalArguments().isEmpty()) {
        result.text = u"unexpected argument '%1' (options start with --)"_s.arg(
            parser.positionalArguments().constFirst());
        return result;
    }
    if (parser.isSet(help)) {
        result.outcome = Outcome::ShowHelp;
        result.text = helpText();
        return result;
    }
    if (parser.isSet(version)) {
        result.outcome = Outcome::ShowVersion;
        result.text = u"ha-ingestor " HAI_VERSION ""_s;
        return result;
    }

    if (parser.isSet(writeConfig)) {
        result.text = parser.value(writeConfig);
        if (result.text.isEmpty() || result.text.startsWith(u"--"_s)) {
            result.text = failure(u"write-config"_s, u"missing file name"_s);
            return result;
        }
        result.outcome = Outcome::WriteConfig;
        return result;
    }

    // Command line and environment first, so that --config itself follows precedence.
    RawValues fromCommandLine;
    RawValues fromEnvironment;
    for (const OptionSpec &spec : optionTable()) {
        if (parser.isSet(spec.name))
            fromCommandLine.insert(spec.name, spec.isFlag() ? u"true"_s : parser.value(spec.name));
        if (!spec.envName.isEmpty() && environment.contains(spec.envName) &&
            !environment.value(spec.envName).isEmpty())
            fromEnvironment.insert(spec.name, environment.value(spec.envName));
    }

    const bool configGiven =
        fromCommandLine.contains(u"config"_s) || fromEnvironment.contains(u"config"_s);
    const QString configPath =
        fromCommandLine.value(u"config"_s, fromEnvironment.value(u"config"_s, defaultConfigPath()));
    RawValues raw;
    if (configGiven || QFileInfo::exists(configPath)) {
        QString error;
        if (!readIni(configPath, &raw, &error)) {
            result.text = failure(u"config"_s, error);
            return result;
        }
        // Absolute: the keychain names a file's secrets by its path, however it was given.
        result.settings.configFile = QFileInfo(configPath).absoluteFilePath();
    }
    raw.insert(fromEnvironment);
    raw.insert(fromCommandLine);

    QString error;
    if (!validate(raw, &result.settings, &error)) {
        result.text = error;
        return result;
    }
    result.outcome = Outcome::Run;
    return result;
}

bool SettingsLoader::readIni(const QString &path, RawValues *values, QString *error)
{
    if (!QFileInfo(path).isFile() || !QFileInfo(path).isReadable()) {
        *error = u"cannot read '%1'"_s.arg(path);
        return false;
    }
    // QSettings keeps parsed files in a process-wide cache and re-reads one only when its size
    // or mtime changed; a token changed for another of the same length within the same mtime
    // tick would read stale. A private copy under a new name is always parsed afresh.
    QTemporaryDir copyDir;
    const QString copy = copyDir.filePath(u"settings.ini"_s);
    if (!copyDir.isValid() || !QFile::copy(path, copy)) {
        *error = u"cannot read '%1'"_s.arg(path);
        return false;
    }
    QSettings ini(copy, QSettings::IniFormat);
    if (ini.status() != QSettings::NoError) {
        *error = u"'%1' is not a valid INI file"_s.arg(path);
        return false;
    }
    const QStringList keys = ini.allKeys();
    for (const QString &key : keys) {
        const OptionSpec *spec = findOption(key);
        if (!spec || key == u"config"_s) {
            *error = u"unknown key '%1' in '%2'"_s.arg(key, path);
            return false;
        }
        const QVariant value = ini.value(key);
        // QSettings splits unquoted commas into a list; rejoin so lists survive.
        values->insert(key, value.typeId() == QMetaType::QStringList
                                ? value.toStringList().join(u',')
                                : value.toString());
    }
    return true;
}

bool SettingsLoader::validate(const RawValues &raw, Settings *settings, QString *error)
{
    QString reason;
    const auto has = [&raw](const char *name) { return raw.contains(QLatin1String(name)); };
    const auto value = [&raw](const char *name) { return raw.value(QLatin1String(name)); };

    for (const auto &[name, flag] :
         {std::pair{"headless", &settings->headless}, std::pair{"demo", &settings->demo}}) {
        if (!has(name))
            continue;
        bool ok = false;
        *flag = parseBool(value(name), &ok);
        if (!ok) {
            *error = failure(QLatin1String(name), u"expected true or false"_s);
            return false;
        }
    }

    settings->dataDir = has("data-dir")
                            ? value("data-dir")
                            : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    settings->dataDir = QDir::cleanPath(QDir(settings->dataDir).absolutePath());
    if (!ensureWritableDir(settings->dataDir, &reason)) {
        *error = failure(u"data-dir"_s, reason);
        return false;
    }

    if (has("secret-store")) {
        const QString store = value("secret-store").toLower();
        if (store != u"keychain"_s && store != u"file"_s) {
            *error = failure(u"secret-store"_s,
                             u"'%1' is not keychain or file"_s.arg(value("secret-store")));
            return false;
        }
        settings->secretsInKeychain = store == u"keychain"_s;
    }

    if (has("log-level")) {
        static const QHash<QString, LogLevel> levels = {{u"debug"_s, LogLevel::Debug},
                                                        {u"info"_s, LogLevel::Info},
                                                        {u"warning"_s, LogLevel::Warning},
                                                        {u"error"_s, LogLevel::Error}};
        const QString level = value("log-level").toLower();
        if (!levels.contains(level)) {
            *error = failure(
                u"log-level"_s,
                u"'%1' is not one of debug, info, warning, error"_s.arg(value("log-level")));
            return false;
        }
        settings->logLevel = levels.value(level);
    }

    if (has("lang")) {
        static const QRegularExpression code(u"^[a-z]{2,3}(_[A-Z]{2})?$"_s);
        const QString lang = value("lang").trimmed();
        if (!code.match(lang).hasMatch()) {
            *error =
                failure(u"lang"_s,
                        u"'%1' is not a language code like de, en or de_DE"_s.arg(value("lang")));
            return false;
        }
        settings->language = lang;
    }

    if (has("ha-url") && !parseUrl(value("ha-url"), {u"ws"_s, u"wss"_s, u"http"_s, u"https"_s},
                                   &settings->haUrl, &reason)) {
        *error = failure(u"ha-url"_s, reason);
        return false;
    }
    settings->haToken = value("ha-token");
    if (settings->demo && has("ha-url")) {
        *error =
            failure(u"demo"_s, u"cannot be combined with --ha-url (the demo home is the HA)"_s);
        return false;
    }

    if (!parseTimeseriesOptions(raw, settings, error) ||
        !parseWebhookOptions(raw, &settings->webhooks, error))
        return false;

    if (has("api-listen") &&
        !parseListen(value("api-listen"), &settings->apiHost, &settings->apiPort, &reason)) {
        *error = failure(u"api-listen"_s, reason);
        return false;
    }
    settings->apiToken = value("api-token");

    if (has("cors-origins")) {
        const QStringList origins = value("cors-origins").split(u',', Qt::SkipEmptyParts);
        for (const QString &entry : origins) {
            const QString origin = entry.trimmed();
            const QUrl url(origin, QUrl::StrictMode);
            const bool valid =
                origin == u"*"_s || (url.isValid() && !url.host().isEmpty() &&
                                     (url.scheme() == u"http"_s || url.scheme() == u"https"_s) &&
                                     (url.path().isEmpty()));
            if (!valid) {
                *error = failure(u"cors-origins"_s,
                                 u"'%1' is not an origin like http://host:port"_s.arg(origin));
                return false;
            }
            settings->corsOrigins.append(origin);
        }
    }

    const QString registry =
        has("registry-db") ? value("registry-db") : settings->dataDir + u"/metadata.db"_s;
    if (!DatabaseLocation::parse(registry, &settings->registryDb, &reason)) {
        *error = failure(u"registry-db"_s, reason);
        return false;
    }
    if (!settings->registryDb.isPostgres()) {
        settings->registryDb.sqlitePath =
            QDir(settings->dataDir).absoluteFilePath(settings->registryDb.sqlitePath);
        if (!ensureWritableDir(QFileInfo(settings->registryDb.sqlitePath).absolutePath(),
                               &reason)) {
            *error = failure(u"registry-db"_s, reason);
            return false;
        }
    }
    return true;
}

QString Settings::apiListenText() const
{
    const QString host = apiHost.protocol() == QAbstractSocket::IPv6Protocol
                             ? u'[' + apiHost.toString() + u']'
                             : apiHost.toString();
    return host + u':' + QString::number(apiPort);
}

} // namespace hai
