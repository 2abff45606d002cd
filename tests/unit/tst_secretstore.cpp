// SPDX-License-Identifier: GPL-3.0-or-later
// Runs twice (see CMakeLists.txt): with no D-Bus session at all, and inside
// tests/support/with-keyring.sh with a real GNOME Keyring. HAI_TEST_KEYCHAIN says which.
#include "core/configstore.h"
#include "core/secretstore.h"
#include "core/settingsloader.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using hai::ConfigStore;
using hai::SecretStore;

namespace {

bool expectKeychain()
{
    return qEnvironmentVariable("HAI_TEST_KEYCHAIN") == u"present"_s;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void availabilityIsDetected();
    void roundTrip();
    void configStoreKeepsTokensOutOfTheFile();
    void loaderFillsSecretsButCommandLineWins();
    void clearingATokenRemovesIt();
    void anExplicitFileChoiceIsKept();
    void aLateAnswerAfterATimeoutIsHarmless();

private:
    QTemporaryDir m_dir;
};

void TestSecretStore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(qEnvironmentVariableIsSet("HAI_TEST_KEYCHAIN"), "run through ctest");
}

void TestSecretStore::availabilityIsDetected()
{
    SecretStore store(3000);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(store.isAvailable(), expectKeychain());
    QVERIFY(timer.elapsed() < 3500); // a missing service is found out, not waited out
    QCOMPARE(store.unavailableReason().isEmpty(), expectKeychain());
    qInfo() << "keychain" << (expectKeychain() ? "available" : "absent:")
            << store.unavailableReason() << "in" << timer.elapsed() << "ms";
}

void TestSecretStore::roundTrip()
{
    if (!expectKeychain())
        QSKIP("no keychain in this run; the keyring run covers it");
    SecretStore store;
    const QString config = m_dir.filePath(u"a.ini"_s);
    QString error;
    QVERIFY2(store.write(config, u"ha-token"_s, u"tök\"en;1"_s, &error), qPrintable(error));
    QCOMPARE(store.read(config, u"ha-token"_s, &error), u"tök\"en;1"_s);
    // Entries belong to one config file: another one does not see them.
    QCOMPARE(store.read(m_dir.filePath(u"b.ini"_s), u"ha-token"_s, &error), QString());
    QVERIFY2(error.isEmpty(), qPrintable(error)); // missing is not an error
    QVERIFY(store.remove(config, u"ha-token"_s, &error));
    QCOMPARE(store.read(config, u"ha-token"_s, &error), QString());
}

void TestSecretStore::configStoreKeepsTokensOutOfTheFile()
{
    SecretStore secrets;
    const QString path = m_dir.filePath(u"store.ini"_s);
    ConfigStore store(path, &secrets);
    QCOMPARE(store.secretLocation(),
             expectKeychain() ? hai::SecretLocation::Keychain : hai::SecretLocation::SettingsFile);
    QString error;
    QVERIFY2(store.save({{u"ha-url"_s, u"http://ha:8123"_s},
                         {u"ha-token"_s, u"ha-secret-123"_s},
                         {u"api-token"_s, u"api-secret-456"_s}},
                        &error),
             qPrintable(error));
    const QByteArray file = readAll(path);
    QCOMPARE(file.contains("ha-secret-123"), !expectKeychain());
    QCOMPARE(file.contains("api-secret-456"), !expectKeychain());
    QCOMPARE(file.contains("secret-store=\"keychain\""), expectKeychain());
    const hai::ConfigValues values = store.load(&error);
    QCOMPARE(values.value(u"ha-token"_s), u"ha-secret-123"_s);
    QCOMPARE(values.value(u"api-token"_s), u"api-secret-456"_s);
}

void TestSecretStore::loaderFillsSecretsButCommandLineWins()
{
    SecretStore secrets;
    const QString path = m_dir.filePath(u"loader.ini"_s);
    ConfigStore store(path, &secrets);
    QString error;
    QVERIFY(store.save({{u"ha-url"_s, u"http://ha:8123"_s},
                        {u"ha-token"_s, u"from-store"_s},
                        {u"influx-token"_s, u"influx-from-store"_s}},
                       &error));
    const QStringList base{u"ha-ingestor"_s, u"--config"_s, path, u"--data-dir"_s,
                           m_dir.filePath(u"data"_s)};
    auto loaded = hai::SettingsLoader::load(base + QStringList{u"--ha-token"_s, u"cli"_s}, {});
    QCOMPARE(loaded.outcome, hai::SettingsLoader::Outcome::Run);
    QCOMPARE(loaded.settings.secretsInKeychain, expectKeychain());
    SecretStore::fillSecrets(&loaded.settings, secrets);
    QCOMPARE(loaded.settings.haToken, u"cli"_s);
    QCOMPARE(loaded.settings.influx.token, u"influx-from-store"_s);
}

void TestSecretStore::clearingATokenRemovesIt()
{
    SecretStore secrets;
    const QString path = m_dir.filePath(u"clear.ini"_s);
    ConfigStore store(path, &secrets);
    QString error;
    QVERIFY(store.save({{u"api-token"_s, u"to-be-cleared"_s}}, &error));
    QVERIFY(store.save({{u"api-token"_s, QString()}}, &error));
    QVERIFY(!store.load(&error).contains(u"api-token"_s));
    if (expectKeychain())
        QCOMPARE(secrets.read(path, u"api-token"_s), QString());
    QVERIFY(!readAll(path).contains("to-be-cleared"));
}

void TestSecretStore::anExplicitFileChoiceIsKept()
{
    const QString path = m_dir.filePath(u"file-choice.ini"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("secret-store=File\n");
    file.close();
    SecretStore secrets;
    ConfigStore store(path, &secrets);
    QCOMPARE(store.secretLocation(), hai::SecretLocation::SettingsFile);
    QString error;
    QVERIFY2(store.save({{u"ha-token"_s, u"kept-in-file"_s}}, &error), qPrintable(error));
    QVERIFY(readAll(path).contains("kept-in-file"));
    QVERIFY(readAll(path).contains("secret-store=\"file\""));
}

// A secret service that hangs (a locked keyring's prompt, a stopped daemon) makes a call time
// out; its answer may still come later. That must neither crash nor block later calls.
void TestSecretStore::aLateAnswerAfterATimeoutIsHarmless()
{
    if (!expectKeychain())
        QSKIP("needs the keyring run");
    SecretStore store(1500);
    const QString config = m_dir.filePath(u"late.ini"_s);
    QString error;
    QVERIFY2(store.write(config, u"ha-token"_s, u"late-token"_s, &error), qPrintable(error));
    const auto pid = pid_t(QDBusConnection::sessionBus()
                               .interface()
                               ->servicePid(u"org.freedesktop.secrets"_s)
                               .value());
    QVERIFY(pid > 0);
    ::kill(pid, SIGSTOP);
    const QString whileStopped = store.read(config, u"ha-token"_s, &error);
    ::kill(pid, SIGCONT);
    QVERIFY(whileStopped.isEmpty());
    QVERIFY2(error.contains(u"did not answer"_s), qPrintable(error));
    QTest::qWait(2000); // the late answer of the timed-out read arrives here
    error.clear();
    QCOMPARE(store.read(config, u"ha-token"_s, &error), u"late-token"_s);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
