// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "webhooks/webhook.h"
#include "webhooks/webhookadmin.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTabWidget;
class QToolButton;

namespace hai {

class FieldErrorLabel;
class WebhookClient;
class WebhookFilterEdit;

// Creates or edits one webhook. Every edit is checked with WebhookValidator, the rules of the
// REST API, and each problem is shown under its field; Save stays disabled until there are
// none. Save and "Send test" run through the WebhookClient, so the dialog never waits: Save
// closes it when the webhook is stored, "Send test" shows the receiver's answer and the time.
class WebhookEditorDialog : public QDialog
{
    Q_OBJECT
public:
    // `existing` null: a new webhook. `client` must outlive the dialog's requests.
    WebhookEditorDialog(WebhookClient *client, const Webhook *existing, QWidget *parent = nullptr);

    bool isNew() const { return m_original.id.isEmpty(); }
    // The webhook as the form holds it now.
    Webhook draft() const;
    // What is wrong with it now, as shown; empty when Save is enabled (unless saving).
    const WebhookFieldErrors &errors() const { return m_errors; }

    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *secretEdit() const { return m_secret; }
    QListWidget *eventList() const { return m_events; }
    WebhookFilterEdit *filterEdit() const { return m_filter; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *testButton() const { return m_test; }
    QLabel *testResult() const { return m_testResult; }
    QToolButton *generateButton() const { return m_generate; }
    QToolButton *showSecretButton() const { return m_showSecret; }
    // The inline error shown for a field ("url", "secret", "events", "filter.entity_ids", ...).
    QString errorText(const QString &field) const;

Q_SIGNALS:
    void saved(const hai::Webhook &webhook);
    void testFinished(); // the result is in testResult()

private:
    QWidget *buildGeneralTab();
    void fillEvents(const QStringList &checked);
    QStringList checkedEvents() const;
    void validate();
    void save();
    void saveFinished(const WebhookAdmin::WebhookResult &result);
    void sendTest();
    void testDone(const WebhookAdmin::TestResult &result);
    void setSecretVisible(bool visible);
    void updateTabMarks(int generalErrors, int filterErrors);

    WebhookClient *m_client;
    Webhook m_original;
    WebhookFieldErrors m_errors;
    bool m_saving = false;
    bool m_testing = false;

    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_secret = nullptr;
    QToolButton *m_generate = nullptr;
    QToolButton *m_showSecret = nullptr;
    QCheckBox *m_enabled = nullptr;
    QListWidget *m_events = nullptr;
    WebhookFilterEdit *m_filter = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_testResult = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_save = nullptr;
    QList<FieldErrorLabel *> m_generalErrors;
};

} // namespace hai
