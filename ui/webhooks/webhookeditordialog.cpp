// SPDX-License-Identifier: GPL-3.0-or-later
#include "webhookeditordialog.h"

#include "fielderrorlabel.h"
#include "webhookclient.h"
#include "webhookfilteredit.h"
#include "webhooks/webhookeventtypes.h"
#include "webhooks/webhookvalidator.h"
#include "webhooktext.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hai {

namespace {
constexpr int kGeneralTab = 0;
constexpr int kFilterTab = 1;
constexpr int kEventRole = Qt::UserRole; // the event type of a checkable row

// A field with its inline error under it.
QWidget *withError(QWidget *field, FieldErrorLabel *error, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(error);
    return box;
}

void addHeading(QListWidget *list, const QString &text)
{
    auto *item = new QListWidgetItem(text, list);
    QFont font = item->font();
    font.setBold(true);
    item->setFont(font);
    item->setFlags(Qt::NoItemFlags);
}
} // namespace

WebhookEditorDialog::WebhookEditorDialog(WebhookClient *client, const Webhook *existing,
                                         QWidget *parent)
    : QDialog(parent)
    , m_client(client)
{
    if (existing)
        m_original = *existing;
    else
        m_original.events = {u"state_changed"_s}; // what nearly every webhook wants
    setWindowTitle(isNew() ? tr("New Webhook") : tr("Edit Webhook – %1").arg(m_original.name));

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(buildGeneralTab(), tr("General"));
    m_filter = new WebhookFilterEdit(this);
    // Scrolls rather than growing the dialog past a 768-pixel-high screen.
    auto *filterScroll = new QScrollArea(this);
    filterScroll->setWidget(m_filter);
    filterScroll->setWidgetResizable(true);
    filterScroll->setFrameShape(QFrame::NoFrame);
    m_tabs->addTab(filterScroll, tr("Filters"));

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setObjectName(u"status"_s);
    m_status->setVisible(false);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = m_buttons->button(QDialogButtonBox::Save);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    m_url->setText(m_original.url.toString());
    m_name->setText(m_original.name);
    m_secret->setText(m_original.secret);
    m_enabled->setChecked(m_original.enabled);
    fillEvents(m_original.events);
    m_filter->setFilter(m_original.filter);

    for (QLineEdit *edit : {m_url, m_name, m_secret})
        connect(edit, &QLineEdit::textChanged, this, &WebhookEditorDialog::validate);
    connect(m_events, &QListWidget::itemChanged, this, &WebhookEditorDialog::validate);
    connect(m_filter, &WebhookFilterEdit::changed, this, &WebhookEditorDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &WebhookEditorDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // The pickers fill in when the registry has been read; the form works without them.
    m_client->filterChoices(this, [this](const WebhookClient::ChoicesResult &result) {
        if (result.ok())
            m_filter->setChoices(result.value);
    });
    validate();
    resize(QSize(640, 600).expandedTo(minimumSizeHint()));
}

QWidget *WebhookEditorDialog::buildGeneralTab()
{
    auto *page = new QWidget(this);
    m_url = new QLineEdit(page);
    m_url->setObjectName(u"url"_s);
    m_url->setPlaceholderText(tr("https://example.com/hook"));
    m_name = new QLineEdit(page);
    m_name->setObjectName(u"name"_s);
    m_name->setPlaceholderText(tr("the URL's host name when empty"));
    m_secret = new QLineEdit(page);
    m_secret->setObjectName(u"secret"_s);
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(
        tr("at least %1 characters").arg(WebhookValidator::kMinSecretLength));
    m_generate = new QToolButton(page);
    m_generate->setText(tr("&Generate"));
    m_generate->setToolTip(tr("A new random secret of 32 bytes"));
    m_showSecret = new QToolButton(page);
    m_showSecret->setCheckable(true);
    m_showSecret->setText(tr("Show"));
    m_enabled = new QCheckBox(tr("&Deliver events to this webhook"), page);
    m_events = new QListWidget(page);
    m_events->setObjectName(u"events"_s);
    m_test = new QPushButton(tr("Send &test"), page);
    m_test->setToolTip(tr("Sends a signed \"ping\" to the URL now"));
    m_testResult = new QLabel(page);
    m_testResult->setObjectName(u"testResult"_s);
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *secretRow = new QWidget(page);
    auto *secretLayout = new QHBoxLayout(secretRow);
    secretLayout->setContentsMargins(0, 0, 0, 0);
    secretLayout->addWidget(m_secret, 1);
    secretLayout->addWidget(m_generate);
    secretLayout->addWidget(m_showSecret);
    auto *testRow = new QWidget(page);
    auto *testLayout = new QHBoxLayout(testRow);
    testLayout->setContentsMargins(0, 0, 0, 0);
    testLayout->addWidget(m_test);
    testLayout->addWidget(m_testResult, 1);

    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    const auto row = [this, page, form](const QString &label, QWidget *field, const QString &key) {
        auto *error = new FieldErrorLabel({key}, page);
        error->setObjectName(u"error:"_s + key);
        m_generalErrors << error;
        form->addRow(label, withError(field, error, page));
    };
    row(tr("&URL:"), m_url, u"url"_s);
    row(tr("&Name:"), m_name, u"name"_s);
    row(tr("&Secret:"), secretRow, u"secret"_s);
    form->addRow(QString(), m_enabled);
    row(tr("&Events:"), m_events, u"events"_s);
    form->addRow(QString(), testRow);

    connect(m_generate, &QToolButton::clicked, this, [this] {
        m_secret->setText(WebhookText::generateSecret());
        setSecretVisible(true); // it has to be copied to the receiver
    });
    connect(m_showSecret, &QToolButton::toggled, this, &WebhookEditorDialog::setSecretVisible);
    connect(m_test, &QPushButton::clicked, this, &WebhookEditorDialog::sendTest);
    return page;
}

void WebhookEditorDialog::fillEvents(const QStringList &checked)
{
    const QSignalBlocker blocker(m_events);
    m_events->clear();
    const auto addTypes = [this, &checked](const QStringList &types) {
        for (const QString &type : types) {
            auto *item = new QListWidgetItem(type, m_events);
            item->setData(kEventRole, type);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(checked.contains(type) ? Qt::Checked : Qt::Unchecked);
        }
    };
    addHeading(m_events, tr("Home Assistant events"));
    addTypes(WebhookEventTypes::homeAssistant());
    addHeading(m_events, tr("Events of this app"));
    addTypes(WebhookEventTypes::app());
    // Types this version does not know stay ticked, so the validator names them.
    QStringList unknown;
    for (const QString &type : checked) {
        if (!WebhookEventTypes::isKnown(type))
            unknown << type;
    }
    if (!unknown.isEmpty()) {
        addHeading(m_events, tr("Unknown"));
        addTypes(unknown);
    }
}

QStringList WebhookEditorDialog::checkedEvents() const
{
    QStringList events;
    for (int row = 0; row < m_events->count(); ++row) {
        const QListWidgetItem *item = m_events->item(row);
        if ((item->flags() & Qt::ItemIsUserCheckable) && item->checkState() == Qt::Checked)
            events << item->data(kEventRole).toString();
    }
    return events;
}

Webhook WebhookEditorDialog::draft() const
{
    Webhook webhook = m_original;
    // Strict, like the REST API: a URL with spaces or stray characters is a typo.
    webhook.url = QUrl(m_url->text().trimmed(), QUrl::StrictMode);
    webhook.name = m_name->text().trimmed();
    webhook.secret = m_secret->text();
    webhook.enabled = m_enabled->isChecked();
    webhook.events = checkedEvents();
    webhook.filter = m_filter->filter();
    return webhook;
}

QString WebhookEditorDialog::errorText(const QString &field) const
{
    const auto *label = findChild<FieldErrorLabel *>(u"error:"_s + field);
    return label && !label->isHidden() ? label->text() : QString();
}

void WebhookEditorDialog::validate()
{
    m_errors = m_filter->parseErrors();
    const Webhook webhook = draft();
    for (const WebhookFieldError &error : WebhookValidator::validate(webhook)) {
        // A bound that did not parse is unset in the draft; say "not a number" only.
        const bool parsed = std::none_of(m_errors.cbegin(), m_errors.cend(),
                                         [&](const auto &e) { return e.field == error.field; });
        if (parsed)
            m_errors.append(error);
    }
    int general = 0;
    for (FieldErrorLabel *label : std::as_const(m_generalErrors))
        general += label->showErrors(m_errors);
    const int filter = m_filter->showErrors(m_errors);
    updateTabMarks(general, filter);
    m_save->setEnabled(m_errors.isEmpty() && !m_saving);
    m_test->setEnabled(m_errors.isEmpty() && !m_testing);
}

void WebhookEditorDialog::updateTabMarks(int generalErrors, int filterErrors)
{
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    m_tabs->setTabIcon(kGeneralTab, generalErrors ? warning : QIcon());
    m_tabs->setTabIcon(kFilterTab, filterErrors ? warning : QIcon());
}

void WebhookEditorDialog::setSecretVisible(bool visible)
{
    m_secret->setEchoMode(visible ? QLineEdit::Normal : QLineEdit::Password);
    m_showSecret->setText(visible ? tr("Hide") : tr("Show"));
    const QSignalBlocker blocker(m_showSecret);
    m_showSecret->setChecked(visible);
}

void WebhookEditorDialog::save()
{
    validate();
    if (!m_errors.isEmpty() || m_saving)
        return;
    m_saving = true;
    m_save->setEnabled(false);
    m_status->setText(tr("Saving…"));
    m_status->setVisible(true);
    const auto done = [this](const WebhookAdmin::WebhookResult &result) { saveFinished(result); };
    if (isNew())
        m_client->create(draft(), this, done);
    else
        m_client->update(draft(), this, done);
}

void WebhookEditorDialog::saveFinished(const WebhookAdmin::WebhookResult &result)
{
    m_saving = false;
    if (result.ok()) {
        m_status->setVisible(false);
        Q_EMIT saved(result.value);
        accept();
        return;
    }
    // The store applies the same validator; its verdict is shown like the form's own.
    if (result.status == WebhookAdmin::Status::Invalid) {
        m_errors = result.fields;
        for (FieldErrorLabel *label : std::as_const(m_generalErrors))
            label->showErrors(m_errors);
        m_filter->showErrors(m_errors);
    }
    m_status->setText(tr("Not saved. %1").arg(WebhookText::failure(result)));
    m_save->setEnabled(result.status != WebhookAdmin::Status::Invalid);
}

void WebhookEditorDialog::sendTest()
{
    if (m_testing || !m_errors.isEmpty())
        return;
    m_testing = true;
    m_test->setEnabled(false);
    m_testResult->setStyleSheet(QString());
    m_testResult->setText(tr("Sending…"));
    const Webhook webhook = draft();
    const auto done = [this](const WebhookAdmin::TestResult &result) { testDone(result); };
    // A stored webhook whose URL and secret are unchanged gets a logged ping, which then
    // shows in its delivery log; anything else is a draft and leaves no trace.
    if (!isNew() && webhook.url == m_original.url && webhook.secret == m_original.secret)
        m_client->test(webhook.id, this, done);
    else
        m_client->testDraft(webhook, this, done);
}

void WebhookEditorDialog::testDone(const WebhookAdmin::TestResult &result)
{
    m_testing = false;
    m_test->setEnabled(m_errors.isEmpty());
    const bool delivered = result.ok() && result.value.attempt.delivered;
    m_testResult->setText(result.ok() ? WebhookText::testOutcome(result.value.attempt)
                                      : WebhookText::failure(result));
    m_testResult->setStyleSheet(delivered ? u"color: #2e7d32;"_s : u"color: #c62828;"_s);
    Q_EMIT testFinished();
}

} // namespace hai
