// SPDX-License-Identifier: GPL-3.0-or-later
// SettingsDialog on a file-only ConfigStore in a temporary folder: it shows what the file
// holds; a value the settings refuse is named under the buttons, its tab is selected, and the
// file stays byte for byte as it was; a valid change saves only what changed and emits
// applied(); the demo checkbox clears the Home Assistant URL and token; the notes say where
// tokens are kept and which options the command line or environment override.
#include "core/settingsloader.h"
#include "setup/generalform.h"
#include "setup/homeassistantform.h"
#include "setup/influxform.h"
#include "setup/restapiform.h"
#include "setup/secretedit.h"
#include "setup/settingsdialog.h"
#include "setup/settingstext.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hai;

namespace {
QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void loadsTheFile();
    void refusedValueLeavesTheFileUnchanged_data();
    void refusedValueLeavesTheFileUnchanged();
    void okWithARefusedValueStaysOpen();
    void validChangeSavesOnlyItAndEmitsApplied();
    void demoCheckboxClearsHomeAssistant();
    void leavingTheDemoKeepsTheInfluxChoiceShown();
    void notesSayWhereTokensAreAndWhatOverrides();

private:
    QString path() const { return m_dir.filePath(u"settings.ini"_s); }

    QTemporaryDir m_dir;
    const ConfigValues m_initial{
        {u"ha-url"_s, u"http://10.0.0.5:8123"_s},
        {u"ha-token"_s, u"ha-secret"_s},
        {u"influx-url"_s, u"http://127.0.0.1:8086"_s},
        {u"influx-db"_s, u"house"_s},
        {u"influx-username"_s, u"writer"_s},
        {u"influx-password"_s, u"pw"_s},
        {u"api-listen"_s, u"127.0.0.1:9000"_s},
        {u"api-token"_s, u"api-secret"_s},
        {u"lang"_s, u"de"_s},
        {u"log-level"_s, u"debug"_s},
    };
};

void TestSettingsDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestSettingsDialog::init()
{
    QFile::remove(path());
    ConfigStore store(path());
    QString error;
    QVERIFY2(store.save(m_initial, &error), qPrintable(error));
}

void TestSettingsDialog::loadsTheFile()
{
    ConfigStore store(path());
    SettingsDialog dialog(&store);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.homeAssistantForm()->urlEdit()->text(), u"http://10.0.0.5:8123"_s);
    QCOMPARE(dialog.homeAssistantForm()->tokenEdit()->text(), u"ha-secret"_s);
    QVERIFY(!dialog.homeAssistantForm()->isDemo());
    InfluxForm *influx = dialog.influxForm();
    QCOMPARE(influx->target(), InfluxForm::Target::Own);
    QCOMPARE(influx->urlEdit()->text(), u"http://127.0.0.1:8086"_s);
    QCOMPARE(influx->databaseEdit()->text(), u"house"_s);
    QCOMPARE(influx->usernameEdit()->text(), u"writer"_s);
    QCOMPARE(influx->passwordEdit()->text(), u"pw"_s);
    QCOMPARE(dialog.restApiForm()->portSpin()->value(), 9000);
    QCOMPARE(dialog.restApiForm()->tokenEdit()->text(), u"api-secret"_s);
    QCOMPARE(dialog.generalForm()->languageCombo()->currentData().toString(), u"de"_s);
    QCOMPARE(dialog.generalForm()->logLevelCombo()->currentData().toString(), u"debug"_s);
    // Loaded as it is: nothing to apply yet.
    QVERIFY2(dialog.changes().isEmpty(), qPrintable(dialog.changes().keys().join(u' ')));
    QVERIFY(!dialog.applyButton()->isEnabled());
    QVERIFY(dialog.statusText().isEmpty());
}

void TestSettingsDialog::refusedValueLeavesTheFileUnchanged_data()
{
    QTest::addColumn<int>("tab");
    QTest::addColumn<QString>("option"); // named in the error

    QTest::newRow("HA URL with ftp") << int(SettingsDialog::HomeAssistantTab) << u"ha-url"_s;
    QTest::newRow("HA URL port out of range")
        << int(SettingsDialog::HomeAssistantTab) << u"ha-url"_s;
    QTest::newRow("InfluxDB URL without host") << int(SettingsDialog::InfluxTab) << u"influx-url"_s;
    QTest::newRow("InfluxDB 2 without organisation")
        << int(SettingsDialog::InfluxTab) << u"influx-org"_s;
}

void TestSettingsDialog::refusedValueLeavesTheFileUnchanged()
{
    QFETCH(int, tab);
    QFETCH(QString, option);
    const QByteArray before = readAll(path());
    QVERIFY(!before.isEmpty());

    ConfigStore store(path());
    SettingsDialog dialog(&store);
    dialog.show();
    QSignalSpy applied(&dialog, &SettingsDialog::applied);
    const QByteArray row = QTest::currentDataTag();
    if (row == "HA URL with ftp")
        dialog.homeAssistantForm()->urlEdit()->setText(u"ftp://10.0.0.5"_s);
    else if (row == "HA URL port out of range")
        dialog.homeAssistantForm()->urlEdit()->setText(u"http://10.0.0.5:99999"_s);
    else if (row == "InfluxDB URL without host")
        dialog.influxForm()->urlEdit()->setText(u"http://"_s);
    else
        dialog.influxForm()->apiCombo()->setCurrentIndex(1); // org and bucket are empty
    dialog.restApiForm()->portSpin()->setValue(9100);        // a valid change along with it
    dialog.tabs()->setCurrentIndex(SettingsDialog::GeneralTab);

    QVERIFY(dialog.applyButton()->isEnabled());
    QTest::mouseClick(dialog.applyButton(), Qt::LeftButton);
    QVERIFY2(dialog.statusText().contains(u"--"_s + option), qPrintable(dialog.statusText()));
    QCOMPARE(dialog.tabs()->currentIndex(), tab); // the tab with the field
    QVERIFY(!dialog.tabs()->tabIcon(tab).isNull());
    QCOMPARE(applied.count(), 0);
    QCOMPARE(readAll(path()), before);
}

void TestSettingsDialog::okWithARefusedValueStaysOpen()
{
    const QByteArray before = readAll(path());
    ConfigStore store(path());
    SettingsDialog dialog(&store);
    dialog.show();
    dialog.homeAssistantForm()->urlEdit()->setText(u"not a url"_s);
    QVERIFY(!dialog.homeAssistantForm()->urlErrorText().isEmpty()); // said at once, inline
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.statusText().isEmpty());
    QCOMPARE(readAll(path()), before);
}

void TestSettingsDialog::validChangeSavesOnlyItAndEmitsApplied()
{
    ConfigStore store(path());
    SettingsDialog dialog(&store);
    dialog.show();
    QSignalSpy applied(&dialog, &SettingsDialog::applied);
    dialog.restApiForm()->portSpin()->setValue(9001);
    dialog.generalForm()->languageCombo()->setCurrentIndex(0); // the system's language
    const ConfigValues expected{{u"api-listen"_s, u"127.0.0.1:9001"_s}, {u"lang"_s, QString()}};
    QCOMPARE(dialog.changes(), expected);
    QTest::mouseClick(dialog.applyButton(), Qt::LeftButton);
    QCOMPARE(applied.count(), 1);
    QCOMPARE(dialog.statusText(), SettingsDialog::tr("Saved."));
    QVERIFY(!dialog.applyButton()->isEnabled());

    {
        QSettings ini(path(), QSettings::IniFormat);
        QCOMPARE(ini.value(u"api-listen"_s).toString(), u"127.0.0.1:9001"_s);
        QVERIFY(!ini.contains(u"lang"_s));
        QCOMPARE(ini.value(u"ha-token"_s).toString(), u"ha-secret"_s); // untouched
        QCOMPARE(ini.value(u"influx-password"_s).toString(), u"pw"_s);
    }
    // Nothing changed since: OK closes without saving or emitting again.
    const QByteArray after = readAll(path());
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(applied.count(), 1);
    QCOMPARE(readAll(path()), after);
}

void TestSettingsDialog::demoCheckboxClearsHomeAssistant()
{
    ConfigStore store(path());
    SettingsDialog dialog(&store);
    dialog.show();
    dialog.homeAssistantForm()->demoButton()->click();
    QVERIFY(!dialog.homeAssistantForm()->urlEdit()->isEnabled());
    QVERIFY(dialog.apply());
    QSettings ini(path(), QSettings::IniFormat);
    QCOMPARE(ini.value(u"demo"_s).toString(), u"true"_s);
    QVERIFY(!ini.contains(u"ha-url"_s));
    // The token stays: HA shows it only once, and the demo ignores it.
    QVERIFY(!ini.value(u"ha-token"_s).toString().isEmpty());
    QCOMPARE(ini.value(u"influx-url"_s).toString(), u"http://127.0.0.1:8086"_s);
}

void TestSettingsDialog::leavingTheDemoKeepsTheInfluxChoiceShown()
{
    // With demo=true and no influx keys the tab shows the local influxd (the demo's default);
    // without the demo that default is off, so the choice shown must be written down.
    const QString demoOnly = m_dir.filePath(u"demo-only.ini"_s);
    ConfigStore store(demoOnly);
    QString error;
    QVERIFY2(store.save({{u"demo"_s, u"true"_s}}, &error), qPrintable(error));
    SettingsDialog dialog(&store);
    if (!dialog.influxForm()->managedButton()->isEnabled())
        QSKIP("no influxd installed: the local choice is not offered");
    QCOMPARE(dialog.influxForm()->target(), InfluxForm::Target::Managed);
    dialog.homeAssistantForm()->demoButton()->click();
    dialog.homeAssistantForm()->urlEdit()->setText(u"http://ha.local:8123"_s);
    dialog.homeAssistantForm()->tokenEdit()->setText(u"token"_s);
    QVERIFY2(dialog.apply(), qPrintable(dialog.statusText()));
    QCOMPARE(store.load().value(u"influx-managed"_s), u"true"_s);
    const auto loaded = hai::SettingsLoader::load(
        {u"ha-ingestor"_s, u"--config"_s, demoOnly, u"--data-dir"_s, m_dir.filePath(u"d"_s)},
        QProcessEnvironment());
    QVERIFY(loaded.settings.influx.managed);
}

void TestSettingsDialog::notesSayWhereTokensAreAndWhatOverrides()
{
    ConfigStore store(path());
    SettingsDialog dialog(&store);
    QVERIFY2(dialog.notesText().contains(u"readable only by you"_s),
             qPrintable(dialog.notesText()));
    QVERIFY(dialog.notesText().contains(u"command line"_s));

    QProcessEnvironment environment;
    environment.insert(u"HA_URL"_s, u"ws://x"_s);
    const QStringList overrides = SettingsText::overriddenBy(
        {u"ha-url"_s, u"api-listen"_s, u"lang"_s},
        {u"ha-ingestor"_s, u"--api-listen=127.0.0.1:1"_s, u"--demo"_s}, environment);
    QCOMPARE(overrides, (QStringList{u"HA_URL"_s, u"--api-listen"_s}));
    QVERIFY(SettingsText::overrideNote(overrides).contains(u"HA_URL, --api-listen"_s));
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
