// SPDX-License-Identifier: GPL-3.0-or-later
// The Webhooks page on a real Backend: the list with its figures (URLs without credentials),
// New through the editor, Enable/Disable, Delete after a confirmation, Send test, the delivery
// log with its filter and Redeliver, and the banner when the app turned a webhook off.
#include "pages/webhookspage.h"
#include "webhookguitestbed.h"
#include "webhooks/deliverylogdialog.h"
#include "webhooks/deliverylogmodel.h"
#include "webhooks/webhookeditordialog.h"
#include "webhooks/webhooklistmodel.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>

using namespace Qt::StringLiterals;
using namespace hai;
using namespace hai::test;

class TestWebhooksPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void listShowsWebhooksWithoutCredentials();
    void newWebhookThroughTheEditor();
    void enableAndDisable();
    void deleteAsksFirst();
    void sendTestShowsTheOutcome();
    void deliveryLogLoadsRowsAndRedelivers();
    void bannerWhenTheAppDisabledAWebhook();

private:
    QAction *action(const QString &name) const { return m_page->findChild<QAction *>(name); }
    QString cell(const QString &id, int column) const
    {
        const int row = m_page->model()->rowOf(id);
        return row < 0 ? QString() : m_page->model()->index(row, column).data().toString();
    }
    QString create(const Webhook &draft)
    {
        const auto created = await<WebhookAdmin::WebhookResult>(
            [&](auto done) { m_page->client()->create(draft, nullptr, done); });
        if (!created.ok())
            qWarning("create: %s", qPrintable(created.message));
        return created.value.id;
    }
    template <typename Dialog>
    Dialog *openDialog() const
    {
        Dialog *dialog = nullptr;
        const bool shown = QTest::qWaitFor([&] {
            dialog = m_page->findChild<Dialog *>();
            return dialog && dialog->isVisible();
        });
        return shown ? dialog : nullptr;
    }

    WebhookGuiTestbed m_bed;
    std::unique_ptr<WebhooksPage> m_page;
    QString m_unreachableId; // tested in sendTestShowsTheOutcome, logged for the log test
};

void TestWebhooksPage::initTestCase()
{
    WebhookOptions options;
    options.maxAttempts = 1;  // the first failure is final ...
    options.disableAfter = 1; // ... and turns the webhook off, for the banner test
    QVERIFY(m_bed.start(options));
    m_page = std::make_unique<WebhooksPage>(m_bed.backend.get());
    m_page->resize(1200, 600);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestWebhooksPage::cleanupTestCase()
{
    m_page.reset(); // its client before the backend
    m_bed.stop();
}

void TestWebhooksPage::listShowsWebhooksWithoutCredentials()
{
    QVERIFY(m_page->banner()->isHidden());
    const QString id = create(WebhookGuiTestbed::draft(
        u"Secret URL"_s, QUrl(u"https://user:pw@example.com/hook?token=abc#x"_s)));
    QVERIFY(!id.isEmpty());
    // webhooksChanged refreshes the page.
    QTRY_VERIFY_WITH_TIMEOUT(m_page->model()->rowOf(id) >= 0, 10000);
    QCOMPARE(cell(id, WebhookListModel::NameColumn), u"Secret URL"_s);
    QCOMPARE(cell(id, WebhookListModel::UrlColumn), u"https://example.com/hook"_s);
    QCOMPARE(cell(id, WebhookListModel::EventsColumn), u"state_changed"_s);
    QCOMPARE(cell(id, WebhookListModel::EnabledColumn), u"Enabled"_s);
    QCOMPARE(cell(id, WebhookListModel::DeliveredColumn), u"0"_s);
    QCOMPARE(cell(id, WebhookListModel::LastDeliveryColumn), u"never"_s);
    QCOMPARE(m_page->model()->rowCount(), int(m_bed.stored().size()));
}

void TestWebhooksPage::newWebhookThroughTheEditor()
{
    action(u"newWebhook"_s)->trigger();
    auto *dialog = openDialog<WebhookEditorDialog>();
    QVERIFY(dialog);
    dialog->urlEdit()->setText(u"https://new.example.com/hook"_s);
    dialog->nameEdit()->setText(u"From the editor"_s);
    dialog->secretEdit()->setText(kTestSecret);
    QVERIFY(dialog->saveButton()->isEnabled());
    QSignalSpy saved(dialog, &WebhookEditorDialog::saved);
    QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
    QVERIFY(saved.wait(15000));
    const QString id = saved.at(0).at(0).value<Webhook>().id;
    QVERIFY(m_bed.storedWebhook(id));
    QVERIFY(m_page->model()->rowOf(id) >= 0);
    QCOMPARE(m_page->currentId(), id); // the new row is selected
    QCOMPARE(cell(id, WebhookListModel::NameColumn), u"From the editor"_s);
    QTRY_VERIFY(!m_page->findChild<WebhookEditorDialog *>()); // closed and deleted
}

void TestWebhooksPage::enableAndDisable()
{
    const QString id =
        create(WebhookGuiTestbed::draft(u"Toggle"_s, QUrl(u"http://127.0.0.1:9/t"_s)));
    QTRY_VERIFY(m_page->model()->rowOf(id) >= 0);
    m_page->selectWebhook(id);
    QAction *toggle = action(u"toggleWebhook"_s);
    QCOMPARE(toggle->text(), u"Disable"_s);
    QSignalSpy finished(m_page.get(), &WebhooksPage::actionFinished);
    toggle->trigger();
    QVERIFY(finished.wait(10000));
    QVERIFY(!m_bed.storedWebhook(id)->enabled);
    QTRY_COMPARE(cell(id, WebhookListModel::EnabledColumn), u"Disabled"_s);
    QCOMPARE(toggle->text(), u"Enable"_s);
    toggle->trigger();
    QVERIFY(finished.wait(10000));
    QVERIFY(m_bed.storedWebhook(id)->enabled);
    QTRY_COMPARE(cell(id, WebhookListModel::EnabledColumn), u"Enabled"_s);
    QVERIFY(m_page->statusLabel()->text().contains(u"enabled"_s));
}

void TestWebhooksPage::deleteAsksFirst()
{
    const QString id =
        create(WebhookGuiTestbed::draft(u"Doomed"_s, QUrl(u"http://127.0.0.1:9/d"_s)));
    QTRY_VERIFY(m_page->model()->rowOf(id) >= 0);
    m_page->selectWebhook(id);

    action(u"deleteWebhook"_s)->trigger();
    auto *box = openDialog<QMessageBox>();
    QVERIFY(box);
    QVERIFY(box->text().contains(u"Doomed"_s));
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!m_page->findChild<QMessageBox *>());
    QTest::qWait(100);
    QVERIFY(m_bed.storedWebhook(id)); // nothing happened

    action(u"deleteWebhook"_s)->trigger();
    box = openDialog<QMessageBox>();
    QVERIFY(box);
    QAbstractButton *confirm = nullptr;
    for (QAbstractButton *button : box->buttons()) {
        if (box->buttonRole(button) == QMessageBox::DestructiveRole)
            confirm = button;
    }
    QVERIFY(confirm);
    QSignalSpy finished(m_page.get(), &WebhooksPage::actionFinished);
    QTest::mouseClick(confirm, Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QVERIFY(!m_bed.storedWebhook(id));
    QTRY_COMPARE(m_page->model()->rowOf(id), -1);
}

void TestWebhooksPage::sendTestShowsTheOutcome()
{
    m_unreachableId =
        create(WebhookGuiTestbed::draft(u"Nobody home"_s, WebhookGuiTestbed::unreachableUrl()));
    QTRY_VERIFY(m_page->model()->rowOf(m_unreachableId) >= 0);
    m_page->selectWebhook(m_unreachableId);
    QSignalSpy finished(m_page.get(), &WebhooksPage::actionFinished);
    action(u"testWebhook"_s)->trigger();
    QVERIFY(!action(u"testWebhook"_s)->isEnabled()); // one at a time
    QVERIFY(finished.wait(15000));
    const QString text = m_page->statusLabel()->text();
    QVERIFY2(text.contains(u"Nobody home"_s) && text.endsWith(u"connection refused"_s),
             qPrintable(text));
    // The ping's outcome reaches the figures once the attempt is recorded.
    QTRY_VERIFY_WITH_TIMEOUT(
        (m_page->refresh(),
         cell(m_unreachableId, WebhookListModel::LastStatusColumn) == u"connection refused"_s),
        10000);
}

void TestWebhooksPage::deliveryLogLoadsRowsAndRedelivers()
{
    QVERIFY(!m_unreachableId.isEmpty());
    m_page->selectWebhook(m_unreachableId);
    action(u"deliveryLog"_s)->trigger();
    auto *dialog = openDialog<DeliveryLogDialog>();
    QVERIFY(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->model()->rowCount(), 1, 10000);
    const auto text = [dialog](int column) {
        return dialog->model()->index(0, column).data().toString();
    };
    QCOMPARE(text(DeliveryLogModel::EventColumn), u"ping"_s);
    QCOMPARE(text(DeliveryLogModel::StatusColumn), u"Failed"_s);
    QCOMPARE(text(DeliveryLogModel::AttemptsColumn), u"1"_s);
    QCOMPARE(text(DeliveryLogModel::LastErrorColumn), u"connection refused"_s);

    QSignalSpy loaded(dialog, &DeliveryLogDialog::loaded);
    dialog->statusFilter()->setCurrentIndex(2); // delivered
    QVERIFY(loaded.wait(10000));
    QCOMPARE(dialog->model()->rowCount(), 0);
    dialog->statusFilter()->setCurrentIndex(0); // all
    QVERIFY(loaded.wait(10000));
    QCOMPARE(dialog->model()->rowCount(), 1);

    QVERIFY(!dialog->redeliverButton()->isEnabled());
    dialog->view()->selectRow(0);
    QVERIFY(dialog->redeliverButton()->isEnabled());
    QSignalSpy redelivered(dialog, &DeliveryLogDialog::redelivered);
    QTest::mouseClick(dialog->redeliverButton(), Qt::LeftButton);
    QVERIFY(redelivered.wait(10000));
    QVERIFY2(dialog->statusLabel()->text().startsWith(u"Queued again"_s),
             qPrintable(dialog->statusLabel()->text()));
    dialog->close();
}

void TestWebhooksPage::bannerWhenTheAppDisabledAWebhook()
{
    // Every demo event matches and fails: after one failure (disableAfter = 1) the app turns
    // the webhook off.
    const QString id = create(
        WebhookGuiTestbed::draft(u"Always failing"_s, WebhookGuiTestbed::unreachableUrl(), false));
    QTRY_VERIFY_WITH_TIMEOUT(
        (m_page->refresh(), cell(id, WebhookListModel::EnabledColumn) == u"Disabled by the app"_s),
        20000);
    QVERIFY(m_page->banner()->isVisible());
    QVERIFY2(m_page->banner()->text().contains(u"“Always failing” was turned off"_s),
             qPrintable(m_page->banner()->text()));
    m_page->selectWebhook(id);
    QCOMPARE(action(u"toggleWebhook"_s)->text(), u"Enable"_s);
}

QTEST_MAIN(TestWebhooksPage)
#include "tst_webhookspage.moc"
