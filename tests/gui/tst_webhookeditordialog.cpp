// SPDX-License-Identifier: GPL-3.0-or-later
// WebhookEditorDialog against a real Backend: every edit is checked with the REST API's
// validator and each problem shows under its field with Save disabled; a valid form saves
// through the WebhookClient into the store; "Send test" reports a refused connection, and
// HTTP 200 from a real receiver (Debian's `webhook`) when it is installed.
#include "webhookguitestbed.h"
#include "webhookreceiver.h"
#include "webhooks/patternlistedit.h"
#include "webhooks/webhookeditordialog.h"
#include "webhooks/webhookfilteredit.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace hai;
using namespace hai::test;

namespace {
void setChecked(QListWidget *list, const QString &text, bool checked)
{
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->text() == text)
            list->item(row)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    }
}

void showAndWait(QWidget &widget)
{
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
}

void fillValid(WebhookEditorDialog &dialog, const QUrl &url)
{
    dialog.urlEdit()->setText(url.toString());
    dialog.secretEdit()->setText(kTestSecret);
    setChecked(dialog.eventList(), u"state_changed"_s, true);
}
} // namespace

class TestWebhookEditorDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_bed.start());
        m_client = std::make_unique<WebhookClient>(m_bed.backend.get());
    }
    void cleanupTestCase()
    {
        m_client.reset();
        m_bed.stop();
    }
    void newDialogStartsWithStateChanged();
    void eachInvalidFieldShowsItsMessage_data();
    void eachInvalidFieldShowsItsMessage();
    void generateAndShowSecret();
    void savePathStoresTheWebhook();
    void editKeepsIdAndUpdates();
    void sendTestToUnreachableUrlShowsTheError();
    void sendTestToRealReceiverShowsStatusAndTime();

private:
    WebhookGuiTestbed m_bed;
    std::unique_ptr<WebhookClient> m_client;
};

void TestWebhookEditorDialog::newDialogStartsWithStateChanged()
{
    WebhookEditorDialog dialog(m_client.get(), nullptr);
    showAndWait(dialog);
    QVERIFY(dialog.isNew());
    QCOMPARE(dialog.draft().events, QStringList{u"state_changed"_s});
    // Empty URL and secret: both named, Save and test off until they are filled in.
    QVERIFY(!dialog.errorText(u"url"_s).isEmpty());
    QVERIFY(!dialog.errorText(u"secret"_s).isEmpty());
    QVERIFY(dialog.errorText(u"events"_s).isEmpty());
    QVERIFY(!dialog.saveButton()->isEnabled());
    QVERIFY(!dialog.testButton()->isEnabled());
    fillValid(dialog, QUrl(u"https://example.com/hook"_s));
    QVERIFY2(dialog.errors().isEmpty(), qPrintable(dialog.errors().value(0).message));
    QVERIFY(dialog.errorText(u"url"_s).isEmpty());
    QVERIFY(dialog.saveButton()->isEnabled());
    QVERIFY(dialog.testButton()->isEnabled());
}

void TestWebhookEditorDialog::eachInvalidFieldShowsItsMessage_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<bool>("stateChanged"); // the only event ticked, or none
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("entities");
    QTest::addColumn<QString>("above");
    QTest::addColumn<QString>("below");
    QTest::addColumn<QString>("field");   // the error label that must speak
    QTest::addColumn<QString>("message"); // part of what it says

    const QString url = u"https://example.com/hook"_s;
    const QString secret = kTestSecret;
    QTest::newRow("url empty") << QString() << secret << true << QString() << QStringList()
                               << QString() << QString() << u"url"_s << u"Is required"_s;
    QTest::newRow("url ftp") << u"ftp://example.com/x"_s << secret << true << QString()
                             << QStringList() << QString() << QString() << u"url"_s
                             << u"http or https URL"_s;
    QTest::newRow("url no host") << u"http:///x"_s << secret << true << QString() << QStringList()
                                 << QString() << QString() << u"url"_s << u"with a host"_s;
    QTest::newRow("secret short") << url << u"fifteen-chars.."_s << true << QString()
                                  << QStringList() << QString() << QString() << u"secret"_s
                                  << u"at least 16 characters"_s;
    QTest::newRow("no event") << url << secret << false << QString() << QStringList() << QString()
                              << QString() << u"events"_s << u"at least one event type"_s;
    QTest::newRow("name too long")
        << url << secret << true << QString(201, u'n') << QStringList() << QString() << QString()
        << u"name"_s << u"at most 200 characters"_s;
    QTest::newRow("entity glob") << url << secret << true << QString()
                                 << QStringList{u"sensor.*"_s, u"Sensor/*"_s} << QString()
                                 << QString() << u"filter.entity_ids"_s
                                 << u"filter.entity_ids[1]: \"Sensor/*\" may contain only"_s;
    QTest::newRow("above not a number")
        << url << secret << true << QString() << QStringList() << u"warm"_s << QString()
        << u"filter.numeric_above"_s << u"Must be a number"_s;
    QTest::newRow("bounds crossed")
        << url << secret << true << QString() << QStringList() << u"30"_s << u"20"_s
        << u"filter.numeric_below"_s << u"greater than filter.numeric_above"_s;
}

void TestWebhookEditorDialog::eachInvalidFieldShowsItsMessage()
{
    QFETCH(QString, url);
    QFETCH(QString, secret);
    QFETCH(bool, stateChanged);
    QFETCH(QString, name);
    QFETCH(QStringList, entities);
    QFETCH(QString, above);
    QFETCH(QString, below);
    QFETCH(QString, field);
    QFETCH(QString, message);

    WebhookEditorDialog dialog(m_client.get(), nullptr);
    showAndWait(dialog);
    // Typed as a person would: the check runs on every edit, not only at the end.
    QTest::keyClicks(dialog.urlEdit(), url);
    QTest::keyClicks(dialog.secretEdit(), secret);
    dialog.nameEdit()->setText(name);
    setChecked(dialog.eventList(), u"state_changed"_s, stateChanged);
    dialog.filterEdit()->entities()->setValues(entities);
    dialog.filterEdit()->numericAbove()->setText(above);
    dialog.findChild<QLineEdit *>(u"filterNumericBelow"_s)->setText(below);

    const QString shown = dialog.errorText(field);
    QVERIFY2(shown.contains(message), qPrintable(u"%1: \"%2\""_s.arg(field, shown)));
    QVERIFY(!dialog.saveButton()->isEnabled());
    QVERIFY(!dialog.testButton()->isEnabled());
    // Only that field speaks.
    for (const QString &other :
         {u"url"_s, u"secret"_s, u"events"_s, u"name"_s, u"filter.entity_ids"_s,
          u"filter.numeric_above"_s, u"filter.numeric_below"_s}) {
        if (other != field)
            QVERIFY2(dialog.errorText(other).isEmpty(), qPrintable(other));
    }

    // Put right, Save comes back.
    dialog.urlEdit()->setText(u"https://example.com/hook"_s);
    dialog.secretEdit()->setText(kTestSecret);
    dialog.nameEdit()->clear();
    setChecked(dialog.eventList(), u"state_changed"_s, true);
    dialog.filterEdit()->entities()->setValues({});
    dialog.filterEdit()->numericAbove()->clear();
    QVERIFY(dialog.errorText(field).isEmpty());
    QVERIFY(dialog.saveButton()->isEnabled());
}

void TestWebhookEditorDialog::generateAndShowSecret()
{
    WebhookEditorDialog dialog(m_client.get(), nullptr);
    showAndWait(dialog);
    QCOMPARE(dialog.secretEdit()->echoMode(), QLineEdit::Password);
    QTest::mouseClick(dialog.generateButton(), Qt::LeftButton);
    const QString first = dialog.secretEdit()->text();
    // 32 random bytes, base64url without padding.
    QVERIFY2(QRegularExpression(u"^[A-Za-z0-9_-]{43}$"_s).match(first).hasMatch(),
             qPrintable(first));
    QCOMPARE(dialog.secretEdit()->echoMode(), QLineEdit::Normal); // to be copied
    QVERIFY(dialog.errorText(u"secret"_s).isEmpty());
    QTest::mouseClick(dialog.generateButton(), Qt::LeftButton);
    QVERIFY(dialog.secretEdit()->text() != first);
    QTest::mouseClick(dialog.showSecretButton(), Qt::LeftButton);
    QCOMPARE(dialog.secretEdit()->echoMode(), QLineEdit::Password);
    QTest::mouseClick(dialog.showSecretButton(), Qt::LeftButton);
    QCOMPARE(dialog.secretEdit()->echoMode(), QLineEdit::Normal);
}

void TestWebhookEditorDialog::savePathStoresTheWebhook()
{
    WebhookEditorDialog dialog(m_client.get(), nullptr);
    showAndWait(dialog);
    fillValid(dialog, QUrl(u"https://receiver.example.com/in"_s));
    dialog.nameEdit()->setText(u"Kitchen lights"_s);
    setChecked(dialog.eventList(), u"device_added"_s, true);
    dialog.filterEdit()->entities()->setValues({u"light.kitchen_*"_s});
    dialog.filterEdit()->numericAbove()->setText(u"20.5"_s);
    QSignalSpy saved(&dialog, &WebhookEditorDialog::saved);
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
    QVERIFY(!dialog.saveButton()->isEnabled()); // no second click while it is stored
    QVERIFY(saved.wait(15000));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const Webhook webhook = saved.at(0).at(0).value<Webhook>();
    const auto stored = m_bed.storedWebhook(webhook.id);
    QVERIFY(stored);
    QCOMPARE(stored->name, u"Kitchen lights"_s);
    QCOMPARE(stored->url, QUrl(u"https://receiver.example.com/in"_s));
    QCOMPARE(stored->events, (QStringList{u"state_changed"_s, u"device_added"_s}));
    QCOMPARE(stored->filter.entityIds, QStringList{u"light.kitchen_*"_s});
    QCOMPARE(stored->filter.numericAbove, std::optional<double>(20.5));
    QCOMPARE(stored->secret, kTestSecret);
}

void TestWebhookEditorDialog::editKeepsIdAndUpdates()
{
    const auto created = await<WebhookAdmin::WebhookResult>([&](auto done) {
        m_client->create(WebhookGuiTestbed::draft(u"Before"_s, QUrl(u"http://127.0.0.1:9/e"_s)),
                         nullptr, done);
    });
    QVERIFY(created.ok());
    WebhookEditorDialog dialog(m_client.get(), &created.value);
    showAndWait(dialog);
    QVERIFY(!dialog.isNew());
    QCOMPARE(dialog.nameEdit()->text(), u"Before"_s);
    QCOMPARE(dialog.secretEdit()->text(), kTestSecret);
    QCOMPARE(dialog.filterEdit()->entities()->values(), created.value.filter.entityIds);
    QVERIFY(dialog.saveButton()->isEnabled());
    dialog.nameEdit()->setText(u"After"_s);
    QSignalSpy saved(&dialog, &WebhookEditorDialog::saved);
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
    QVERIFY(saved.wait(15000));
    QCOMPARE(saved.at(0).at(0).value<Webhook>().id, created.value.id);
    QCOMPARE(m_bed.storedWebhook(created.value.id)->name, u"After"_s);
    const WebhookList all = m_bed.stored();
    QCOMPARE(std::count_if(all.cbegin(), all.cend(),
                           [&](const Webhook &w) { return w.id == created.value.id; }),
             1); // replaced, not added
}

void TestWebhookEditorDialog::sendTestToUnreachableUrlShowsTheError()
{
    WebhookEditorDialog dialog(m_client.get(), nullptr);
    showAndWait(dialog);
    fillValid(dialog, WebhookGuiTestbed::unreachableUrl());
    QSignalSpy finished(&dialog, &WebhookEditorDialog::testFinished);
    QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
    QCOMPARE(dialog.testResult()->text(), u"Sending…"_s);
    QVERIFY(!dialog.testButton()->isEnabled());
    QVERIFY(finished.wait(15000));
    const QString text = dialog.testResult()->text();
    QVERIFY2(text.startsWith(u"Failed after "_s) && text.endsWith(u"ms: connection refused"_s),
             qPrintable(text));
    QVERIFY(dialog.testButton()->isEnabled());
}

void TestWebhookEditorDialog::sendTestToRealReceiverShowsStatusAndTime()
{
    if (WebhookReceiver::findBinary().isEmpty())
        QSKIP(qPrintable(WebhookReceiver::missingMessage()));
    WebhookReceiver receiver;
    QString error;
    QVERIFY2(receiver.start(kTestSecret, &error), qPrintable(error));
    WebhookEditorDialog dialog(m_client.get(), nullptr);
    showAndWait(dialog);
    fillValid(dialog, receiver.url());
    QSignalSpy finished(&dialog, &WebhookEditorDialog::testFinished);
    QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
    QVERIFY(finished.wait(15000));
    const QString text = dialog.testResult()->text();
    QVERIFY2(QRegularExpression(u"^HTTP 200 in [\\d,.]+ ms$"_s).match(text).hasMatch(),
             qPrintable(text + u" | "_s + receiver.log()));
    // The receiver checked the signature over the exact body: the ping went out as sent.
    QVERIFY(receiver.waitForCount(1, 5000));
    QCOMPARE(receiver.received().first().eventType, u"ping"_s);

    // A wrong secret: the receiver refuses, and the dialog says how.
    dialog.secretEdit()->setText(u"another-secret-of-16+"_s);
    QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
    QVERIFY(finished.wait(15000));
    QVERIFY2(dialog.testResult()->text().startsWith(u"HTTP 500 in "_s),
             qPrintable(dialog.testResult()->text()));
}

QTEST_MAIN(TestWebhookEditorDialog)
#include "tst_webhookeditordialog.moc"
