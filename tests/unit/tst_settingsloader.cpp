// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/optiontable.h"
#include "core/settingsloader.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using hai::SettingsLoader;

class TestSettingsLoader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void defaults();
    void precedence_data();
    void precedence();
    void invalid_data();
    void invalid();
    void timeseriesOptions();
    void unwritableDataDir();
    void iniErrors();
    void helpListsEveryOptionWithEnvAndDefault();
    void versionAndHelpOutcomes();
    void iniListsSurviveCommas();
    void language();

private:
    SettingsLoader::Result load(QStringList args, const QHash<QString, QString> &env = {});
    QString writeIni(const QString &text);

    QTemporaryDir m_dir;
};

void TestSettingsLoader::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

SettingsLoader::Result TestSettingsLoader::load(QStringList args,
                                                const QHash<QString, QString> &env)
{
    QProcessEnvironment environment;
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        environment.insert(it.key(), it.value());
    if (!args.contains(u"--data-dir"_s) && !env.contains(u"HAI_DATA_DIR"_s))
        args = QStringList{u"--data-dir"_s, m_dir.filePath(u"data"_s)} + args;
    args.prepend(u"ha-ingestor"_s);
    return SettingsLoader::load(args, environment);
}

QString TestSettingsLoader::writeIni(const QString &text)
{
    static int counter = 0;
    const QString path = m_dir.filePath(u"config-%1.ini"_s.arg(++counter));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(text.toUtf8());
    return path;
}

void TestSettingsLoader::defaults()
{
    const auto result = load({});
    QCOMPARE(result.outcome, SettingsLoader::Outcome::Run);
    const hai::Settings &s = result.settings;
    QCOMPARE(s.apiHost, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(s.apiPort, quint16(8006));
    QCOMPARE(s.influx.api, 1);
    QCOMPARE(s.influx.database, u"home_assistant"_s);
    QVERIFY(!s.headless);
    QVERIFY(!s.registryDb.isPostgres());
    QCOMPARE(s.registryDb.sqlitePath, m_dir.filePath(u"data/metadata.db"_s));
    QCOMPARE(s.logLevel, hai::LogLevel::Info);
}

void TestSettingsLoader::precedence_data()
{
    QTest::addColumn<QString>("iniValue");
    QTest::addColumn<QString>("envValue");
    QTest::addColumn<QString>("cliValue");
    QTest::addColumn<QString>("expected");

    QTest::newRow("default only") << QString() << QString() << QString() << u"home_assistant"_s;
    QTest::newRow("ini beats default") << u"from_ini"_s << QString() << QString() << u"from_ini"_s;
    QTest::newRow("env beats ini") << u"from_ini"_s << u"from_env"_s << QString() << u"from_env"_s;
    QTest::newRow("cli beats env")
        << u"from_ini"_s << u"from_env"_s << u"from_cli"_s << u"from_cli"_s;
    QTest::newRow("cli beats ini") << u"from_ini"_s << QString() << u"from_cli"_s << u"from_cli"_s;
}

void TestSettingsLoader::precedence()
{
    QFETCH(QString, iniValue);
    QFETCH(QString, envValue);
    QFETCH(QString, cliValue);
    QFETCH(QString, expected);

    QStringList args;
    if (!iniValue.isEmpty())
        args << u"--config"_s << writeIni(u"influx-db="_s + iniValue + u'\n');
    if (!cliValue.isEmpty())
        args << u"--influx-db"_s << cliValue;
    QHash<QString, QString> env;
    if (!envValue.isEmpty())
        env.insert(u"INFLUX_DB"_s, envValue);
    const auto result = load(args, env);
    QCOMPARE(result.outcome, SettingsLoader::Outcome::Run);
    QCOMPARE(result.settings.influx.database, expected);
}

void TestSettingsLoader::invalid_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("namedOption");

    QTest::newRow("unknown option") << QStringList{u"--bogus"_s} << u"bogus"_s;
    QTest::newRow("missing value") << QStringList{u"--ha-url"_s} << u"ha-url"_s;
    QTest::newRow("option as value")
        << QStringList{u"--ha-url"_s, u"--headless"_s} << u"--ha-url"_s;
    QTest::newRow("bad ha url") << QStringList{u"--ha-url"_s, u"not a url"_s} << u"--ha-url"_s;
    QTest::newRow("ftp ha url") << QStringList{u"--ha-url"_s, u"ftp://h:21"_s} << u"--ha-url"_s;
    QTest::newRow("ha port range")
        << QStringList{u"--ha-url"_s, u"http://h:70000"_s} << u"--ha-url"_s;
    QTest::newRow("influx ws url")
        << QStringList{u"--influx-url"_s, u"ws://h"_s} << u"--influx-url"_s;
    QTest::newRow("influx api 3") << QStringList{u"--influx-api"_s, u"3"_s} << u"--influx-api"_s;
    QTest::newRow("listen port range")
        << QStringList{u"--api-listen"_s, u"127.0.0.1:70000"_s} << u"--api-listen"_s;
    QTest::newRow("listen no port")
        << QStringList{u"--api-listen"_s, u"127.0.0.1"_s} << u"--api-listen"_s;
    QTest::newRow("listen bad host")
        << QStringList{u"--api-listen"_s, u"nohost:80"_s} << u"--api-listen"_s;
    QTest::newRow("listen negative")
        << QStringList{u"--api-listen"_s, u"127.0.0.1:-1"_s} << u"--api-listen"_s;
    QTest::newRow("log level") << QStringList{u"--log-level"_s, u"loud"_s} << u"--log-level"_s;
    QTest::newRow("lang word") << QStringList{u"--lang"_s, u"german"_s} << u"--lang"_s;
    QTest::newRow("lang dash") << QStringList{u"--lang"_s, u"de-DE"_s} << u"--lang"_s;
    QTest::newRow("lang path") << QStringList{u"--lang"_s, u"../de"_s} << u"--lang"_s;
    QTest::newRow("registry scheme")
        << QStringList{u"--registry-db"_s, u"mysql://x/y"_s} << u"--registry-db"_s;
    QTest::newRow("cors origin") << QStringList{u"--cors-origins"_s, u"not-an-origin"_s}
                                 << u"--cors-origins"_s;
    QTest::newRow("positional") << QStringList{u"stray"_s} << u"stray"_s;
    QTest::newRow("demo with ha url")
        << QStringList{u"--demo"_s, u"--ha-url"_s, u"http://h:8123"_s} << u"--demo"_s;
    QTest::newRow("missing config")
        << QStringList{u"--config"_s, u"/nonexistent/x.ini"_s} << u"--config"_s;
    QTest::newRow("managed with url")
        << QStringList{u"--influx-managed"_s, u"--influx-url"_s, u"http://h:8086"_s}
        << u"--influx-managed"_s;
    QTest::newRow("v2 without org")
        << QStringList{u"--influx-api"_s, u"2"_s, u"--influx-bucket"_s, u"b"_s}
        << u"--influx-org"_s;
    QTest::newRow("user without password")
        << QStringList{u"--influx-username"_s, u"u"_s} << u"--influx-password"_s;
    QTest::newRow("schema") << QStringList{u"--influx-schema"_s, u"telegraf"_s}
                            << u"--influx-schema"_s;
    QTest::newRow("attribute fields")
        << QStringList{u"--influx-attribute-fields"_s, u"some"_s} << u"--influx-attribute-fields"_s;
    QTest::newRow("tag without value")
        << QStringList{u"--influx-tags"_s, u"site"_s} << u"--influx-tags"_s;
    QTest::newRow("reserved tag") << QStringList{u"--influx-tags"_s, u"_x=1"_s}
                                  << u"--influx-tags"_s;
    QTest::newRow("batch size zero")
        << QStringList{u"--influx-batch-size"_s, u"0"_s} << u"--influx-batch-size"_s;
    QTest::newRow("flush ms text")
        << QStringList{u"--influx-flush-ms"_s, u"soon"_s} << u"--influx-flush-ms"_s;
    QTest::newRow("spool zero") << QStringList{u"--spool-max-mb"_s, u"0"_s} << u"--spool-max-mb"_s;
    QTest::newRow("no event types")
        << QStringList{u"--influx-event-types"_s, u","_s} << u"--influx-event-types"_s;
}

void TestSettingsLoader::timeseriesOptions()
{
    const auto result = load({u"--influx-url"_s, u"http://127.0.0.1:8086"_s, u"--influx-schema"_s,
                              u"ha"_s, u"--influx-include"_s, u"sensor.*, light"_s,
                              u"--influx-tags"_s, u"site=home,rack=2"_s, u"--influx-event-types"_s,
                              u"state_changed,automation_triggered"_s, u"--spool-max-mb"_s, u"10"_s,
                              u"--influx-batch-size"_s, u"100"_s});
    QCOMPARE(result.outcome, SettingsLoader::Outcome::Run);
    const hai::Settings &s = result.settings;
    QVERIFY(!s.influx.managed);
    QCOMPARE(s.mapping.schema, hai::PointSchema::Ha);
    QCOMPARE(s.mapping.effectiveAttributeFields(), hai::AttributeFields::All);
    QCOMPARE(s.mapping.include, (QStringList{u"sensor.*"_s, u"light"_s}));
    QCOMPARE(s.mapping.staticTags.size(), 2);
    QCOMPARE(s.mapping.staticTags.at(1).second, u"2"_s);
    QCOMPARE(s.mapping.eventTypes.size(), 2);
    QCOMPARE(s.influx.spoolMaxBytes, qint64(10) * 1024 * 1024);
    QCOMPARE(s.influx.batchSize, 100);

    // --demo alone runs the managed influxd; an explicit URL or "false" turns it off.
    QVERIFY(load({u"--demo"_s}).settings.influx.managed);
    const auto optedOut = load({u"--demo"_s, u"--config"_s, writeIni(u"influx-managed=false\n"_s)});
    QCOMPARE(optedOut.outcome, SettingsLoader::Outcome::Run);
    QVERIFY(!optedOut.settings.influx.managed);
    QVERIFY(!load({u"--demo"_s, u"--influx-url"_s, u"http://h:8086"_s}).settings.influx.managed);
    QCOMPARE(load({}).settings.mapping.effectiveAttributeFields(), hai::AttributeFields::None);
}

void TestSettingsLoader::invalid()
{
    QFETCH(QStringList, args);
    QFETCH(QString, namedOption);
    const auto result = load(args);
    QCOMPARE(result.outcome, SettingsLoader::Outcome::Invalid);
    QVERIFY2(result.text.contains(namedOption), qPrintable(result.text));
    QVERIFY2(!result.text.contains(u'\n'), "the message must be one line");
}

void TestSettingsLoader::unwritableDataDir()
{
    // A path below a regular file can never be created, even as root.
    const QString file = writeIni(QString());
    const auto result = load({u"--data-dir"_s, file + u"/sub"_s});
    QCOMPARE(result.outcome, SettingsLoader::Outcome::Invalid);
    QVERIFY2(result.text.startsWith(u"--data-dir:"_s), qPrintable(result.text));
}

void TestSettingsLoader::iniErrors()
{
    const auto unknownKey = load({u"--config"_s, writeIni(u"ha_url=http://x:1\n"_s)});
    QCOMPARE(unknownKey.outcome, SettingsLoader::Outcome::Invalid);
    QVERIFY2(unknownKey.text.contains(u"ha_url"_s), qPrintable(unknownKey.text));

    const auto badValue = load({u"--config"_s, writeIni(u"api-listen=1.2.3.4:99999\n"_s)});
    QCOMPARE(badValue.outcome, SettingsLoader::Outcome::Invalid);
    QVERIFY(badValue.text.startsWith(u"--api-listen:"_s));

    const auto badFlag = load({}, {{u"HAI_DEMO"_s, u"maybe"_s}});
    QCOMPARE(badFlag.outcome, SettingsLoader::Outcome::Invalid);
    QVERIFY2(badFlag.text.startsWith(u"--demo:"_s), qPrintable(badFlag.text));
    QVERIFY(load({}, {{u"HAI_DEMO"_s, u"1"_s}}).settings.demo);

    const auto env = load({}, {{u"HAI_API_LISTEN"_s, u"0.0.0.0:1"_s}, {u"HA_TOKEN"_s, u"tok"_s}});
    QCOMPARE(env.outcome, SettingsLoader::Outcome::Run);
    QCOMPARE(env.settings.apiPort, quint16(1));
    QCOMPARE(env.settings.haToken, u"tok"_s);
}

void TestSettingsLoader::helpListsEveryOptionWithEnvAndDefault()
{
    const QString help = SettingsLoader::helpText();
    for (const hai::OptionSpec &spec : hai::optionTable()) {
        QVERIFY2(help.contains(u"--"_s + spec.name), qPrintable(spec.name));
        if (!spec.envName.isEmpty())
            QVERIFY2(help.contains(spec.envName), qPrintable(spec.envName));
        if (!spec.defaultText.isEmpty())
            QVERIFY2(help.contains(u"default "_s + spec.defaultText), qPrintable(spec.name));
    }
    for (const char *name : {"HA_TOKEN", "INFLUX_TOKEN", "HAI_API_TOKEN", "127.0.0.1:8006"})
        QVERIFY(help.contains(QLatin1String(name)));
}

void TestSettingsLoader::versionAndHelpOutcomes()
{
    QCOMPARE(load({u"--help"_s}).outcome, SettingsLoader::Outcome::ShowHelp);
    const auto version = load({u"--version"_s});
    QCOMPARE(version.outcome, SettingsLoader::Outcome::ShowVersion);
    QVERIFY(version.text.contains(QLatin1String(HAI_VERSION)));
}

void TestSettingsLoader::iniListsSurviveCommas()
{
    const auto result =
        load({u"--config"_s, writeIni(u"cors-origins=http://a:1, https://b\nheadless=true\n"_s)});
    QCOMPARE(result.outcome, SettingsLoader::Outcome::Run);
    QCOMPARE(result.settings.corsOrigins, (QStringList{u"http://a:1"_s, u"https://b"_s}));
    QVERIFY(result.settings.headless);
}

void TestSettingsLoader::language()
{
    QVERIFY(load({}).settings.language.isEmpty()); // the system locale
    QCOMPARE(load({u"--lang"_s, u"de"_s}).settings.language, u"de"_s);
    QCOMPARE(load({u"--lang"_s, u"de_DE"_s}).settings.language, u"de_DE"_s);
    QCOMPARE(load({}, {{u"HAI_LANG"_s, u"en"_s}}).settings.language, u"en"_s);
    QCOMPARE(load({u"--lang"_s, u"de"_s}, {{u"HAI_LANG"_s, u"en"_s}}).settings.language, u"de"_s);
}

QTEST_GUILESS_MAIN(TestSettingsLoader)
#include "tst_settingsloader.moc"
