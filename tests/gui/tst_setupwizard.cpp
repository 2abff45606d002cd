// SPDX-License-Identifier: GPL-3.0-or-later
// SetupWizard against real parts: "Test connection" against an in-process DemoHome (right and
// wrong token), a refused loopback port and a bad URL, each in the words of
// ConnectionCheckText; the demo choice and the full Home Assistant path saved through a
// file-only ConfigStore (read back with QSettings, mode 0600); the InfluxDB page's local
// choice when no influxd is found; "Test write" against a real influxd when installed.
#include "demo/demohome.h"
#include "freeport.h"
#include "influxserver.h"
#include "setup/checkrow.h"
#include "setup/connectionchecktext.h"
#include "setup/homeassistantform.h"
#include "setup/influxform.h"
#include "setup/restapiform.h"
#include "setup/secretedit.h"
#include "setup/setupwizard.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace hai;

Q_DECLARE_METATYPE(ConnectionCheckResult::Outcome)

namespace {
using Outcome = ConnectionCheckResult::Outcome;
constexpr int kCheckTimeoutMs = 15000;

// What the form shows must be exactly the sentence ConnectionCheckText makes for the outcome.
ConnectionCheckResult outcomeOnly(Outcome outcome)
{
    ConnectionCheckResult result;
    result.outcome = outcome;
    return result;
}
} // namespace

class TestSetupWizard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void firstPageOffersHomeAssistantAndDemo();
    void testConnectionShowsTheOutcome_data();
    void testConnectionShowsTheOutcome();
    void editingClearsAnOldResult();
    void demoChoiceSavesDemoWithoutHaUrl();
    void fullHomeAssistantPathSavesTheFile();
    void influxPageDisablesLocalWithoutInfluxd();
    void influxOwnNeedsUrlAndV2Names();
    void influxTestWriteRefusedAndReal();
    void refusedSaveKeepsTheWizardOpen();

private:
    QString configPath() const { return m_dir.filePath(u"ha-ingestor.ini"_s); }

    std::unique_ptr<DemoHome> m_home;
    QTemporaryDir m_dir;
};

void TestSetupWizard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    DemoHomeOptions options;
    options.devices = 2;
    options.eventsPerSecond = 0;
    m_home = std::make_unique<DemoHome>(options);
    QVERIFY2(m_home->listen(), qPrintable(m_home->errorString()));
}

void TestSetupWizard::init()
{
    QFile::remove(configPath());
}

void TestSetupWizard::firstPageOffersHomeAssistantAndDemo()
{
    ConfigStore store(configPath());
    SetupWizard wizard(&store);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QCOMPARE(wizard.currentId(), int(SetupWizard::HomeAssistantPage));
    HomeAssistantForm *ha = wizard.homeAssistantForm();
    QVERIFY(!ha->isDemo());
    QVERIFY(ha->demoButton()->isVisible());
    // Nothing typed: Next waits for a URL and a token, and there is nothing to test yet.
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY(!ha->testButton()->isEnabled());
    ha->urlEdit()->setText(m_home->url().toString());
    ha->tokenEdit()->setText(u"any"_s);
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY(ha->testButton()->isEnabled());
    // The test is optional: Next goes on to InfluxDB without one.
    wizard.next();
    QCOMPARE(wizard.currentId(), int(SetupWizard::InfluxPage));
}

void TestSetupWizard::testConnectionShowsTheOutcome_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("token");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<QString>("mustContain");

    const QString home = m_home->url().toString();
    const QString refused = u"http://127.0.0.1:%1"_s.arg(test::freeLoopbackPort());
    QTest::newRow("right token") << home << m_home->token() << Outcome::Ok
                                 << u"Connected to Home Assistant %1 in"_s.arg(
                                        m_home->options().haVersion);
    QTest::newRow("http form of the URL")
        << u"http://127.0.0.1:%1"_s.arg(m_home->port()) << m_home->token() << Outcome::Ok
        << m_home->options().haVersion;
    QTest::newRow("wrong token") << home << u"not-the-token"_s << Outcome::InvalidToken
                                 << u"refused the token"_s;
    QTest::newRow("refused port") << refused << u"x"_s << Outcome::Refused
                                  << u"Nothing answers at %1"_s.arg(
                                         ConnectionCheckText::hostPort(refused));
    QTest::newRow("bad URL") << u"ftp://example.com"_s << u"x"_s << Outcome::BadUrl
                             << u"not a Home Assistant address"_s;
}

void TestSetupWizard::testConnectionShowsTheOutcome()
{
    QFETCH(QString, url);
    QFETCH(QString, token);
    QFETCH(Outcome, outcome);
    QFETCH(QString, mustContain);

    ConfigStore store(configPath());
    SetupWizard wizard(&store);
    wizard.show();
    HomeAssistantForm *ha = wizard.homeAssistantForm();
    ha->urlEdit()->setText(url);
    ha->tokenEdit()->setText(token);
    QSignalSpy finished(ha, &HomeAssistantForm::testFinished);
    QTest::mouseClick(ha->testButton(), Qt::LeftButton);
    // Busy while it runs: the button is off and the row says where it connects.
    QVERIFY(!ha->testButton()->isEnabled());
    QCOMPARE(ha->testResultText(), ConnectionCheckText::connecting(url));
    QVERIFY(finished.wait(kCheckTimeoutMs));
    const auto result = finished.at(0).at(0).value<ConnectionCheckResult>();
    QCOMPARE(result.outcome, outcome);
    QVERIFY2(ha->testResultText().contains(mustContain), qPrintable(ha->testResultText()));
    if (outcome != Outcome::Ok) // these sentences do not depend on the server's detail
        QCOMPARE(ha->testResultText(),
                 ConnectionCheckText::homeAssistant(outcomeOnly(outcome), url));
    QVERIFY(ha->testButton()->isEnabled());
}

void TestSetupWizard::editingClearsAnOldResult()
{
    ConfigStore store(configPath());
    SetupWizard wizard(&store);
    HomeAssistantForm *ha = wizard.homeAssistantForm();
    ha->urlEdit()->setText(u"ftp://example.com"_s);
    // The field says so at once, in the same words as the check.
    QCOMPARE(ha->urlErrorText(), ConnectionCheckText::badHaUrl());
    QSignalSpy finished(ha, &HomeAssistantForm::testFinished);
    ha->testConnection();
    QVERIFY(finished.wait(kCheckTimeoutMs));
    QVERIFY(!ha->testResultText().isEmpty());
    ha->urlEdit()->setText(m_home->url().toString());
    QVERIFY(ha->testResultText().isEmpty());
    QVERIFY(ha->urlErrorText().isEmpty());
}

void TestSetupWizard::demoChoiceSavesDemoWithoutHaUrl()
{
    // A file from an earlier try with a Home Assistant: the demo must clear it.
    ConfigStore store(configPath());
    QString error;
    QVERIFY2(
        store.save({{u"ha-url"_s, u"http://10.0.0.5:8123"_s}, {u"ha-token"_s, u"old"_s}}, &error),
        qPrintable(error));
    SetupWizard wizard(&store);
    wizard.show();
    HomeAssistantForm *ha = wizard.homeAssistantForm();
    QCOMPARE(ha->urlEdit()->text(), u"http://10.0.0.5:8123"_s);
    ha->demoButton()->click();
    QVERIFY(ha->isDemo());
    QVERIFY(!ha->urlEdit()->isEnabled());
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    wizard.next();
    QCOMPARE(wizard.currentId(), int(SetupWizard::SummaryPageId)); // straight to the summary
    QVERIFY2(wizard.summaryText().contains(u"demo home"_s), qPrintable(wizard.summaryText()));
    wizard.button(QWizard::FinishButton)->click();
    QVERIFY2(wizard.saveError().isEmpty(), qPrintable(wizard.saveError()));
    QCOMPARE(wizard.result(), int(QDialog::Accepted));

    QSettings ini(configPath(), QSettings::IniFormat);
    QCOMPARE(ini.value(u"demo"_s).toString(), u"true"_s);
    QVERIFY(!ini.contains(u"ha-url"_s));
    // The token stays: HA shows it only once, and the demo ignores it.
    QVERIFY(!ini.value(u"ha-token"_s).toString().isEmpty());
}

void TestSetupWizard::fullHomeAssistantPathSavesTheFile()
{
    ConfigStore store(configPath()); // no keychain: the secrets go into the file
    SetupWizard wizard(&store);
    wizard.show();
    HomeAssistantForm *ha = wizard.homeAssistantForm();
    ha->urlEdit()->setText(m_home->url().toString());
    ha->tokenEdit()->setText(m_home->token() + u"\n"_s); // pasted with its line end
    wizard.next();
    InfluxForm *influx = wizard.influxForm();
    influx->ownButton()->click();
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled()); // no URL yet
    influx->urlEdit()->setText(u"http://127.0.0.1:8086"_s);
    influx->apiCombo()->setCurrentIndex(influx->apiCombo()->findData(2));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled()); // API 2 needs org and bucket
    influx->orgEdit()->setText(u"home"_s);
    influx->bucketEdit()->setText(u"ha"_s);
    influx->tokenEdit()->setText(u"influx-secret"_s);
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    wizard.next();
    RestApiForm *api = wizard.restApiForm();
    api->portSpin()->setValue(8124);
    api->tokenEdit()->generateButton()->click();
    const QString apiToken = api->tokenEdit()->text();
    QCOMPARE(apiToken.size(), 43);
    QVERIFY(api->tokenEdit()->isRevealed());
    wizard.next();
    QCOMPARE(wizard.currentId(), int(SetupWizard::SummaryPageId));
    const QString summary = wizard.summaryText();
    // Tokens masked; where they will be kept is said.
    QVERIFY(!summary.contains(m_home->token()));
    QVERIFY(!summary.contains(u"influx-secret"_s));
    QVERIFY(!summary.contains(apiToken));
    QVERIFY2(summary.contains(u"readable only by you"_s), qPrintable(summary));
    QVERIFY(summary.contains(u"http://127.0.0.1:8124"_s));
    wizard.button(QWizard::FinishButton)->click();
    QVERIFY2(wizard.saveError().isEmpty(), qPrintable(wizard.saveError()));
    QCOMPARE(wizard.result(), int(QDialog::Accepted));

    QSettings ini(configPath(), QSettings::IniFormat);
    QCOMPARE(ini.value(u"ha-url"_s).toString(), m_home->url().toString());
    QCOMPARE(ini.value(u"ha-token"_s).toString(), m_home->token());
    QVERIFY(!ini.contains(u"demo"_s));
    QCOMPARE(ini.value(u"influx-url"_s).toString(), u"http://127.0.0.1:8086"_s);
    QCOMPARE(ini.value(u"influx-api"_s).toString(), u"2"_s);
    QCOMPARE(ini.value(u"influx-org"_s).toString(), u"home"_s);
    QCOMPARE(ini.value(u"influx-bucket"_s).toString(), u"ha"_s);
    QCOMPARE(ini.value(u"influx-token"_s).toString(), u"influx-secret"_s);
    QVERIFY(!ini.contains(u"influx-managed"_s));
    QCOMPARE(ini.value(u"api-listen"_s).toString(), u"127.0.0.1:8124"_s);
    QCOMPARE(ini.value(u"api-token"_s).toString(), apiToken);
    // The tokens are in there: readable and writable by the owner only.
    const QFileDevice::Permissions mode = QFile::permissions(configPath());
    QVERIFY(mode.testFlag(QFileDevice::ReadOwner) && mode.testFlag(QFileDevice::WriteOwner));
    for (const auto other : {QFileDevice::ReadGroup, QFileDevice::WriteGroup, QFileDevice::ExeGroup,
                             QFileDevice::ReadOther, QFileDevice::WriteOther, QFileDevice::ExeOther,
                             QFileDevice::ExeOwner})
        QVERIFY(!mode.testFlag(other));
}

void TestSetupWizard::influxPageDisablesLocalWithoutInfluxd()
{
    ConfigStore store(configPath());
    SetupWizard wizard(&store);
    InfluxForm *influx = wizard.influxForm();
    // As found on this machine.
    const bool available = InfluxConnectionCheck::managedInfluxdAvailable();
    QCOMPARE(influx->isManagedAvailable(), available);
    QCOMPARE(influx->managedButton()->isEnabled(), available);
    QCOMPARE(influx->target(), available ? InfluxForm::Target::Managed : InfluxForm::Target::None);
    QCOMPARE(influx->managedNoteText().contains(ConnectionCheckText::influxdMissing()), !available);
    // And as it looks where none is installed: off, with the reason and the remedy.
    influx->setManagedAvailable(false);
    QVERIFY(!influx->managedButton()->isEnabled());
    QVERIFY(influx->managedNoteText().contains(u"sudo apt-get install influxdb"_s));
    influx->setTarget(InfluxForm::Target::None);
    QCOMPARE(influx->values().value(u"influx-managed"_s), u"false"_s);
}

void TestSetupWizard::influxOwnNeedsUrlAndV2Names()
{
    InfluxForm form;
    form.setTarget(InfluxForm::Target::Own);
    QVERIFY(!form.isComplete());
    form.urlEdit()->setText(u"ftp://x"_s);
    QVERIFY(!form.isComplete());
    form.urlEdit()->setText(u"http://127.0.0.1:8086"_s);
    QVERIFY(form.isComplete()); // API 1: the database has a default
    const ConfigValues v1 = form.values();
    QCOMPARE(v1.value(u"influx-api"_s), u"1"_s);
    QVERIFY(v1.contains(u"influx-managed"_s) && v1.value(u"influx-managed"_s).isEmpty());
    // The v2 token is not touched by a v1 choice: it may not be retrievable again.
    QVERIFY(!v1.contains(u"influx-token"_s));
    form.apiCombo()->setCurrentIndex(1);
    QVERIFY(!form.orgEdit()->isHidden()); // the v2 fields replace the v1 ones
    QVERIFY(form.databaseEdit()->isHidden());
    QVERIFY(!form.isComplete());
    form.setTarget(InfluxForm::Target::Managed);
    const ConfigValues managed = form.values();
    QCOMPARE(managed.value(u"influx-managed"_s), u"true"_s);
    QVERIFY(managed.contains(u"influx-url"_s) && managed.value(u"influx-url"_s).isEmpty());
}

void TestSetupWizard::influxTestWriteRefusedAndReal()
{
    InfluxForm form;
    form.setTarget(InfluxForm::Target::Own);
    const QString refused = u"http://127.0.0.1:%1"_s.arg(test::freeLoopbackPort());
    form.urlEdit()->setText(refused);
    QSignalSpy finished(&form, &InfluxForm::testFinished);
    form.testButton()->click();
    QVERIFY(finished.wait(kCheckTimeoutMs));
    QVERIFY2(form.testResultText().contains(u"Nothing answers at 127.0.0.1"_s),
             qPrintable(form.testResultText()));

    if (!InfluxConnectionCheck::managedInfluxdAvailable())
        QSKIP("influxd is not installed");
    test::InfluxServer server;
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    form.urlEdit()->setText(server.url().toString());
    form.databaseEdit()->setText(u"wizard_check"_s);
    finished.clear();
    form.testButton()->click();
    QVERIFY(finished.wait(kCheckTimeoutMs));
    QVERIFY2(form.testResultText().startsWith(u"Wrote a test point to InfluxDB"_s),
             qPrintable(form.testResultText()));
}

void TestSetupWizard::refusedSaveKeepsTheWizardOpen()
{
    // A folder where the file should be: the store cannot write, the wizard says so.
    QVERIFY(QDir().mkpath(m_dir.filePath(u"blocked.ini"_s)));
    ConfigStore store(m_dir.filePath(u"blocked.ini"_s));
    SetupWizard wizard(&store);
    wizard.show();
    wizard.homeAssistantForm()->setDemo(true);
    wizard.next();
    wizard.button(QWizard::FinishButton)->click();
    QVERIFY(!wizard.saveError().isEmpty());
    QVERIFY(wizard.isVisible());
    QCOMPARE(wizard.currentId(), int(SetupWizard::SummaryPageId));
}

QTEST_MAIN(TestSetupWizard)
#include "tst_setupwizard.moc"
