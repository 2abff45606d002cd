// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/configstore.h"
#include "core/settingsloader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

static constexpr QFileDevice::Permissions kAnyoneElse = QFile::ReadGroup | QFile::WriteGroup |
                                                        QFile::ExeGroup | QFile::ReadOther |
                                                        QFile::WriteOther | QFile::ExeOther;
using hai::ConfigStore;
using hai::ConfigValues;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestConfigStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void missingFileIsEmpty();
    void savesReadableOnlyByOwner();
    void valuesSurviveTheRoundTrip_data();
    void valuesSurviveTheRoundTrip();
    void settingsLoaderReadsWhatWasSaved();
    void emptyValueRemovesTheKey();
    void mergesOverExistingKeys();
    void sameSizeChangesInQuickSuccessionAreRead();
    void invalidValueLeavesTheFileUntouched_data();
    void invalidValueLeavesTheFileUntouched();
    void brokenFileIsNotOverwritten();
    void withoutKeychainSecretsStayInTheFile();

private:
    QString path() const { return m_dir->filePath(u"conf/ha-ingestor.ini"_s); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestConfigStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestConfigStore::missingFileIsEmpty()
{
    ConfigStore store(path());
    QVERIFY(!store.exists());
    QString error;
    QVERIFY(store.load(&error).isEmpty());
    QVERIFY(error.isEmpty());
}

void TestConfigStore::savesReadableOnlyByOwner()
{
    ConfigStore store(path());
    QString error;
    QVERIFY2(
        store.save({{u"ha-url"_s, u"http://ha.local:8123"_s}, {u"ha-token"_s, u"abc"_s}}, &error),
        qPrintable(error));
    QCOMPARE(QFile::permissions(path()) & kAnyoneElse, QFileDevice::Permissions());
    QVERIFY(QFile::permissions(path()).testFlags(QFile::ReadOwner | QFile::WriteOwner));
    QCOMPARE(QFile::permissions(path()) & (QFile::ReadGroup | QFile::ReadOther), 0);
}

void TestConfigStore::valuesSurviveTheRoundTrip_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::newRow("commas") << u"influx-exclude"_s << u"sensor.*, light.kitchen,automation"_s;
    QTest::newRow("quotes") << u"ha-token"_s << u"a\"b\\c;d=e#f"_s;
    QTest::newRow("spaces") << u"influx-token"_s << u"  leading and trailing  "_s;
    QTest::newRow("unicode") << u"api-token"_s << u"Grüße-✓-токен"_s;
    QTest::newRow("listen") << u"api-listen"_s << u"127.0.0.1:9123"_s;
    QTest::newRow("at sign") << u"ha-token"_s << u"@Variant(x)"_s;
    QTest::newRow("two at signs") << u"api-token"_s << u"@@x"_s;
}

void TestConfigStore::valuesSurviveTheRoundTrip()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    ConfigStore store(path());
    QString error;
    QVERIFY2(store.save({{key, value}}, &error), qPrintable(error));
    QCOMPARE(ConfigStore(path()).load(&error).value(key), value);
}

void TestConfigStore::settingsLoaderReadsWhatWasSaved()
{
    ConfigStore store(path());
    QString error;
    QVERIFY2(store.save({{u"ha-url"_s, u"http://ha.local:8123"_s},
                         {u"ha-token"_s, u"tok,en"_s},
                         {u"influx-url"_s, u"http://127.0.0.1:8086"_s},
                         {u"api-listen"_s, u"127.0.0.1:9001"_s},
                         {u"data-dir"_s, m_dir->filePath(u"data"_s)}},
                        &error),
             qPrintable(error));
    const auto loaded =
        hai::SettingsLoader::load({u"ha-ingestor"_s, u"--config"_s, path()}, QProcessEnvironment());
    QCOMPARE(loaded.outcome, hai::SettingsLoader::Outcome::Run);
    QCOMPARE(loaded.settings.haUrl, QUrl(u"http://ha.local:8123"_s));
    QCOMPARE(loaded.settings.haToken, u"tok,en"_s);
    QCOMPARE(loaded.settings.apiPort, quint16(9001));
    QCOMPARE(loaded.settings.influx.url, QUrl(u"http://127.0.0.1:8086"_s));
    QVERIFY(!loaded.settings.secretsInKeychain);
}

void TestConfigStore::emptyValueRemovesTheKey()
{
    ConfigStore store(path());
    QString error;
    QVERIFY(store.save({{u"demo"_s, u"true"_s}}, &error));
    QVERIFY(store.save({{u"demo"_s, QString()}, {u"ha-url"_s, u"ws://h:8123/api/websocket"_s}},
                       &error));
    const ConfigValues values = store.load();
    QVERIFY(!values.contains(u"demo"_s));
    QCOMPARE(values.value(u"ha-url"_s), u"ws://h:8123/api/websocket"_s);
}

void TestConfigStore::mergesOverExistingKeys()
{
    ConfigStore store(path());
    QString error;
    QVERIFY(store.save({{u"ha-url"_s, u"http://a:8123"_s}, {u"log-level"_s, u"debug"_s}}, &error));
    QVERIFY(store.save({{u"ha-url"_s, u"http://b:8123"_s}}, &error));
    const ConfigValues values = store.load();
    QCOMPARE(values.value(u"ha-url"_s), u"http://b:8123"_s);
    QCOMPARE(values.value(u"log-level"_s), u"debug"_s);
}

void TestConfigStore::sameSizeChangesInQuickSuccessionAreRead()
{
    // QSettings caches parsed files until their size or mtime changes; a token replaced by
    // one of the same length within one mtime tick must still be read back.
    ConfigStore store(path());
    QString error;
    for (int i = 0; i < 50; ++i) {
        const QString token = u"token-%1"_s.arg(i % 10);
        QVERIFY2(store.save({{u"ha-token"_s, token}}, &error), qPrintable(error));
        QCOMPARE(store.load(&error).value(u"ha-token"_s), token);
    }
}

void TestConfigStore::invalidValueLeavesTheFileUntouched_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("named");
    QTest::newRow("port") << u"api-listen"_s << u"127.0.0.1:70000"_s << u"--api-listen"_s;
    QTest::newRow("url") << u"ha-url"_s << u"ftp://nope"_s << u"--ha-url"_s;
    QTest::newRow("demo and url") << u"demo"_s << u"true"_s << u"--demo"_s;
    QTest::newRow("level") << u"log-level"_s << u"loud"_s << u"--log-level"_s;
    QTest::newRow("unknown") << u"frobnicate"_s << u"1"_s << u"frobnicate"_s;
    QTest::newRow("config") << u"config"_s << u"/etc/x.ini"_s << u"config"_s;
}

void TestConfigStore::invalidValueLeavesTheFileUntouched()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, named);
    ConfigStore store(path());
    QString error;
    QVERIFY(store.save({{u"ha-url"_s, u"http://ha.local:8123"_s}}, &error));
    const QByteArray before = readAll(path());
    QVERIFY(!store.save({{key, value}}, &error));
    QVERIFY2(error.contains(named), qPrintable(error));
    QCOMPARE(readAll(path()), before);
}

void TestConfigStore::brokenFileIsNotOverwritten()
{
    QDir().mkpath(QFileInfo(path()).absolutePath());
    QFile file(path());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("ha-url=http://ha:8123\nmystery-key=1\n");
    file.close();
    const QByteArray before = readAll(path());
    ConfigStore store(path());
    QString error;
    QVERIFY(!store.save({{u"log-level"_s, u"debug"_s}}, &error));
    QVERIFY2(error.contains(u"mystery-key"_s), qPrintable(error));
    QCOMPARE(readAll(path()), before);
    store.load(&error);
    QVERIFY(error.contains(u"mystery-key"_s));
}

void TestConfigStore::withoutKeychainSecretsStayInTheFile()
{
    ConfigStore store(path());
    QCOMPARE(store.secretLocation(), hai::SecretLocation::SettingsFile);
    QString error;
    QVERIFY(store.save({{u"ha-token"_s, u"secret-token"_s}}, &error));
    QVERIFY(readAll(path()).contains("secret-token"));
    QVERIFY(!readAll(path()).contains("secret-store"));
}

QTEST_GUILESS_MAIN(TestConfigStore)
#include "tst_configstore.moc"
