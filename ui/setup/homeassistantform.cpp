// SPDX-License-Identifier: GPL-3.0-or-later
#include "homeassistantform.h"

#include "checkrow.h"
#include "connectionchecktext.h"
#include "core/optionparsing.h"
#include "secretedit.h"
#include "settingstext.h"
#include "setup/connectioncheck.h"
#include "setupwidgets.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hai {

namespace {
const QString kDemo = u"demo"_s;
const QString kUrl = u"ha-url"_s;
const QString kToken = u"ha-token"_s;
} // namespace

HomeAssistantForm::HomeAssistantForm(DemoChoice choice, QWidget *parent)
    : SetupForm(parent)
    , m_checker(new HaConnectionCheck(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_fields = buildFields();
    const QString demoText = tr("A simulated home with devices, areas and live events, to look "
                                "around without a Home Assistant.");
    if (choice == DemoChoice::Radio) {
        m_connect = new QRadioButton(tr("&Connect to my Home Assistant"), this);
        m_connect->setObjectName(u"haConnect"_s);
        m_connect->setChecked(true);
        m_demo = new QRadioButton(tr("Try the &demo home"), this);
        layout->addWidget(m_connect);
        layout->addWidget(SetupWidgets::indented(m_fields, this));
        layout->addSpacing(SetupWidgets::sectionSpacing(this));
        layout->addWidget(m_demo);
        layout->addWidget(SetupWidgets::indented(SetupWidgets::note(demoText, this), this));
        connect(m_connect, &QRadioButton::toggled, this, &HomeAssistantForm::fieldsEdited);
    } else {
        m_demo = new QCheckBox(tr("Use the &demo home instead of a Home Assistant"), this);
        layout->addWidget(m_fields);
        layout->addSpacing(SetupWidgets::sectionSpacing(this));
        layout->addWidget(m_demo);
        layout->addWidget(SetupWidgets::indented(SetupWidgets::note(demoText, this), this));
        connect(m_demo, &QAbstractButton::toggled, this, &HomeAssistantForm::fieldsEdited);
    }
    m_demo->setObjectName(u"haDemo"_s);
    layout->addStretch(1);

    connect(m_checker, &HaConnectionCheck::finished, this,
            [this](const ConnectionCheckResult &result) {
                m_check->setResult(result.ok(), ConnectionCheckText::homeAssistant(
                                                    result, m_checkedUrl, m_checkedWithToken));
                Q_EMIT testFinished(result);
            });
    updateState();
}

HomeAssistantForm::~HomeAssistantForm() = default;

QWidget *HomeAssistantForm::buildFields()
{
    auto *box = new QWidget(this);
    m_url = new QLineEdit(box);
    m_url->setObjectName(u"haUrl"_s);
    m_url->setPlaceholderText(tr("http://homeassistant.local:8123"));
    m_url->setClearButtonEnabled(true);
    m_urlError = SetupWidgets::errorLabel(box);
    m_token = new SecretEdit(SecretEdit::Generate::No, box);
    m_token->setObjectName(u"haToken"_s);
    m_token->setPlaceholderText(tr("long-lived access token"));
    m_check = new CheckRow(tr("&Test connection"), box);
    m_check->button()->setObjectName(u"haTest"_s);
    m_check->button()->setToolTip(tr("Connects and logs in once with this URL and token"));

    auto *form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("&URL:"), m_url);
    form->addRow(QString(), m_urlError);
    form->addRow(tr("To&ken:"), m_token);
    form->addRow(QString(),
                 SetupWidgets::note(tr("Create one in Home Assistant: your profile → Security → "
                                       "Long-lived access tokens → Create token."),
                                    box));
    m_check->addTo(form);

    connect(m_url, &QLineEdit::textChanged, this, &HomeAssistantForm::fieldsEdited);
    connect(m_token, &SecretEdit::textChanged, this, &HomeAssistantForm::fieldsEdited);
    connect(m_check->button(), &QPushButton::clicked, this, &HomeAssistantForm::testConnection);
    return box;
}

void HomeAssistantForm::fieldsEdited()
{
    // A result for other fields than these would mislead.
    if (m_checker->isRunning())
        m_checker->cancel();
    m_check->clear();
    updateState();
    Q_EMIT changed();
}

void HomeAssistantForm::updateState()
{
    const bool demo = isDemo();
    m_fields->setEnabled(!demo);
    const bool showError = !demo && !m_url->text().trimmed().isEmpty() && !urlIsValid();
    m_urlError->setText(showError ? ConnectionCheckText::badHaUrl() : QString());
    m_urlError->setVisible(showError);
    // A bad URL may still be tested: the check then says so in the result as well.
    m_check->setReady(!m_url->text().trimmed().isEmpty());
}

bool HomeAssistantForm::urlIsValid() const
{
    QUrl url;
    QString reason;
    return optionparsing::parseUrl(m_url->text(), {u"ws"_s, u"wss"_s, u"http"_s, u"https"_s}, &url,
                                   &reason);
}

bool HomeAssistantForm::isDemo() const
{
    return m_demo->isChecked();
}

void HomeAssistantForm::setDemo(bool demo)
{
    if (m_connect && !demo)
        m_connect->setChecked(true);
    else
        m_demo->setChecked(demo);
    updateState();
}

void HomeAssistantForm::setValues(const ConfigValues &values)
{
    bool ok = false;
    const bool demo = optionparsing::parseBool(values.value(kDemo), &ok) && ok;
    {
        const QSignalBlocker blockUrl(m_url);
        const QSignalBlocker blockToken(m_token);
        m_url->setText(values.value(kUrl));
        m_token->setText(values.value(kToken));
    }
    setDemo(demo);
    m_check->clear();
}

ConfigValues HomeAssistantForm::values() const
{
    // The URL has to go (the demo and an HA URL exclude each other); the token stays: HA shows
    // a long-lived token only once, and it does no harm while the demo runs.
    if (isDemo())
        return {{kDemo, u"true"_s}, {kUrl, QString()}};
    return {{kDemo, QString()},
            {kUrl, m_url->text().trimmed()},
            {kToken, m_token->text().trimmed()}}; // pasted tokens often carry a newline
}

QStringList HomeAssistantForm::keys() const
{
    return {kDemo, kUrl, kToken};
}

bool HomeAssistantForm::isComplete() const
{
    return isDemo() || (urlIsValid() && !m_token->text().trimmed().isEmpty());
}

QList<SetupForm::SummaryRow> HomeAssistantForm::summary() const
{
    if (isDemo())
        return {{tr("Home Assistant:"), tr("the built-in demo home (simulated)")}};
    return {{tr("Home Assistant:"), m_url->text().trimmed()},
            {tr("Token:"), SettingsText::masked(m_token->text().trimmed())}};
}

void HomeAssistantForm::testConnection()
{
    if (m_checker->isRunning() || isDemo())
        return;
    m_checkedUrl = m_url->text().trimmed();
    m_checkedWithToken = !m_token->text().trimmed().isEmpty();
    m_check->setBusy(ConnectionCheckText::connecting(m_checkedUrl));
    m_checker->start(m_checkedUrl, m_token->text().trimmed());
}

QPushButton *HomeAssistantForm::testButton() const
{
    return m_check->button();
}

QString HomeAssistantForm::testResultText() const
{
    return m_check->resultText();
}

QString HomeAssistantForm::urlErrorText() const
{
    return m_urlError->isHidden() ? QString() : m_urlError->text();
}

} // namespace hai
