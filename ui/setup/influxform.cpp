// SPDX-License-Identifier: GPL-3.0-or-later
#include "influxform.h"

#include "checkrow.h"
#include "connectionchecktext.h"
#include "core/optionparsing.h"
#include "secretedit.h"
#include "settingstext.h"
#include "setup/connectioncheck.h"
#include "setupwidgets.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hai {

namespace {
const QString kUrl = u"influx-url"_s;
const QString kManaged = u"influx-managed"_s;
const QString kApi = u"influx-api"_s;
const QString kDatabase = u"influx-db"_s;
const QString kUsername = u"influx-username"_s;
const QString kPassword = u"influx-password"_s;
const QString kOrg = u"influx-org"_s;
const QString kBucket = u"influx-bucket"_s;
const QString kToken = u"influx-token"_s;

bool isTrue(const QString &text)
{
    bool ok = false;
    return optionparsing::parseBool(text, &ok) && ok;
}
} // namespace

InfluxForm::InfluxForm(QWidget *parent)
    : SetupForm(parent)
    , m_checker(new InfluxConnectionCheck(this))
{
    m_managed = new QRadioButton(tr("&Start a local InfluxDB for me"), this);
    m_managed->setObjectName(u"influxManaged"_s);
    m_managedNote = SetupWidgets::note(QString(), this);
    m_managedNote->setObjectName(u"influxManagedNote"_s);
    m_own = new QRadioButton(tr("Connect to &my InfluxDB"), this);
    m_own->setObjectName(u"influxOwn"_s);
    m_ownFields = buildOwnFields();
    m_none = new QRadioButton(tr("No InfluxDB &for now"), this);
    m_none->setObjectName(u"influxNone"_s);
    auto *group = new QButtonGroup(this);
    for (QRadioButton *button : {m_managed, m_own, m_none})
        group->addButton(button);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    const int spacing = SetupWidgets::sectionSpacing(this);
    layout->addWidget(m_managed);
    layout->addWidget(SetupWidgets::indented(m_managedNote, this));
    layout->addSpacing(spacing);
    layout->addWidget(m_own);
    layout->addWidget(SetupWidgets::indented(m_ownFields, this));
    layout->addSpacing(spacing);
    layout->addWidget(m_none);
    layout->addWidget(SetupWidgets::indented(
        SetupWidgets::note(tr("Events are kept in the disk spool and written once an InfluxDB "
                              "is set up here."),
                           this),
        this));
    layout->addStretch(1);

    connect(group, &QButtonGroup::buttonToggled, this, [this](QAbstractButton *, bool checked) {
        if (checked)
            fieldsEdited();
    });
    connect(m_checker, &InfluxConnectionCheck::finished, this,
            [this](const ConnectionCheckResult &result) {
                m_check->setResult(result.ok(),
                                   ConnectionCheckText::influx(result, m_checkedOptions));
                Q_EMIT testFinished(result);
            });
    setManagedAvailable(InfluxConnectionCheck::managedInfluxdAvailable());
    setTarget(m_managedAvailable ? Target::Managed : Target::None);
}

InfluxForm::~InfluxForm() = default;

QWidget *InfluxForm::buildOwnFields()
{
    auto *box = new QWidget(this);
    m_url = new QLineEdit(box);
    m_url->setObjectName(u"influxUrl"_s);
    m_url->setPlaceholderText(tr("http://127.0.0.1:8086"));
    m_url->setClearButtonEnabled(true);
    m_urlError = SetupWidgets::errorLabel(box);
    m_api = new QComboBox(box);
    m_api->setObjectName(u"influxApi"_s);
    m_api->addItem(tr("1.x: database, user and password"), 1);
    m_api->addItem(tr("2.x: organisation, bucket and token"), 2);
    m_database = new QLineEdit(box);
    m_database->setObjectName(u"influxDb"_s);
    m_database->setPlaceholderText(u"home_assistant"_s);
    m_username = new QLineEdit(box);
    m_username->setObjectName(u"influxUsername"_s);
    m_username->setPlaceholderText(tr("none when authentication is off"));
    m_password = new SecretEdit(SecretEdit::Generate::No, box);
    m_password->setObjectName(u"influxPassword"_s);
    m_org = new QLineEdit(box);
    m_org->setObjectName(u"influxOrg"_s);
    m_org->setPlaceholderText(tr("required"));
    m_bucket = new QLineEdit(box);
    m_bucket->setObjectName(u"influxBucket"_s);
    m_bucket->setPlaceholderText(tr("required"));
    m_token = new SecretEdit(SecretEdit::Generate::No, box);
    m_token->setObjectName(u"influxToken"_s);
    m_token->setPlaceholderText(tr("an API token with write access to the bucket"));
    m_check = new CheckRow(tr("&Test write"), box);
    m_check->button()->setObjectName(u"influxTest"_s);
    m_check->button()->setToolTip(
        tr("Writes one point (measurement ha_ingestor_setup_check) with these settings"));

    m_ownForm = new QFormLayout(box);
    m_ownForm->setContentsMargins(0, 0, 0, 0);
    m_ownForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_ownForm->addRow(tr("&URL:"), m_url);
    m_ownForm->addRow(QString(), m_urlError);
    m_ownForm->addRow(tr("&API version:"), m_api);
    m_ownForm->addRow(tr("&Database:"), m_database);
    m_ownForm->addRow(tr("Us&er:"), m_username);
    m_ownForm->addRow(tr("&Password:"), m_password);
    m_ownForm->addRow(tr("&Organisation:"), m_org);
    m_ownForm->addRow(tr("Bu&cket:"), m_bucket);
    m_ownForm->addRow(tr("To&ken:"), m_token);
    m_check->addTo(m_ownForm);

    for (QLineEdit *edit : {m_url, m_database, m_username, m_org, m_bucket})
        connect(edit, &QLineEdit::textChanged, this, &InfluxForm::fieldsEdited);
    for (SecretEdit *edit : {m_password, m_token})
        connect(edit, &SecretEdit::textChanged, this, &InfluxForm::fieldsEdited);
    connect(m_api, &QComboBox::currentIndexChanged, this, &InfluxForm::fieldsEdited);
    connect(m_check->button(), &QPushButton::clicked, this, &InfluxForm::testWrite);
    return box;
}

void InfluxForm::fieldsEdited()
{
    if (m_checker->isRunning())
        m_checker->cancel(); // its answer would be about other settings
    m_check->clear();
    updateState();
    Q_EMIT changed();
}

void InfluxForm::updateState()
{
    const bool own = target() == Target::Own;
    const bool v2 = api() == 2;
    m_ownFields->setEnabled(own);
    for (QWidget *field : std::initializer_list<QWidget *>{m_database, m_username, m_password})
        m_ownForm->setRowVisible(field, !v2);
    for (QWidget *field : std::initializer_list<QWidget *>{m_org, m_bucket, m_token})
        m_ownForm->setRowVisible(field, v2);
    const bool showError = own && !m_url->text().trimmed().isEmpty() && !urlIsValid();
    m_urlError->setText(showError ? ConnectionCheckText::badInfluxUrl() : QString());
    m_urlError->setVisible(showError);
    m_check->setReady(own && !m_url->text().trimmed().isEmpty());
}

bool InfluxForm::urlIsValid() const
{
    QUrl url;
    QString reason;
    return optionparsing::parseUrl(m_url->text(), {u"http"_s, u"https"_s}, &url, &reason);
}

int InfluxForm::api() const
{
    return m_api->currentData().toInt();
}

QString InfluxForm::managedDataDir() const
{
    const QString dataDir = m_dataDir.isEmpty()
                                ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                                : m_dataDir;
    return QDir::toNativeSeparators(QDir::cleanPath(dataDir + u"/influxdb"_s));
}

void InfluxForm::setManagedAvailable(bool available)
{
    m_managedAvailable = available;
    m_managed->setEnabled(available);
    // Say why it is off, and how to turn it on, right where the choice is.
    m_managedNote->setText(
        available ? tr("The app runs influxd as its own child process, with its data in %1, "
                       "reachable only from this computer.")
                        .arg(managedDataDir())
                  : tr("Not available: %1").arg(ConnectionCheckText::influxdMissing()));
    Q_EMIT changed(); // isComplete() may have changed
}

QString InfluxForm::managedNoteText() const
{
    return m_managedNote->text();
}

InfluxForm::Target InfluxForm::target() const
{
    if (m_managed->isChecked())
        return Target::Managed;
    return m_own->isChecked() ? Target::Own : Target::None;
}

void InfluxForm::setTarget(Target target)
{
    QRadioButton *button =
        target == Target::Managed ? m_managed : (target == Target::Own ? m_own : m_none);
    button->setChecked(true);
    updateState();
}

void InfluxForm::setValues(const ConfigValues &values)
{
    m_dataDir = values.value(u"data-dir"_s);
    setManagedAvailable(m_managedAvailable); // the note names the data folder
    const bool hasUrl = !values.value(kUrl).trimmed().isEmpty();
    // As the settings decide: the demo runs a local InfluxDB unless told otherwise.
    const bool managed = values.contains(kManaged) ? isTrue(values.value(kManaged))
                                                   : isTrue(values.value(u"demo"_s)) && !hasUrl;
    m_url->setText(values.value(kUrl));
    m_api->setCurrentIndex(values.value(kApi) == u"2"_s ? 1 : 0);
    m_database->setText(values.value(kDatabase));
    m_username->setText(values.value(kUsername));
    m_password->setText(values.value(kPassword));
    m_org->setText(values.value(kOrg));
    m_bucket->setText(values.value(kBucket));
    m_token->setText(values.value(kToken));
    if (values.isEmpty())
        setTarget(m_managedAvailable ? Target::Managed : Target::None);
    else
        setTarget(managed ? Target::Managed : (hasUrl ? Target::Own : Target::None));
    m_check->clear();
}

ConfigValues InfluxForm::values() const
{
    switch (target()) {
    case Target::Managed:
        // The managed influxd (1.x) speaks API 1 only: no v2 settings, no second server.
        // Credentials of another mode are left alone (absent keys are not changed): a token
        // or password may not be retrievable again, and switching back should find it.
        return {{kManaged, u"true"_s}, {kUrl, QString()}, {kApi, QString()}};
    case Target::None:
        // "false" rather than empty: with the demo home, empty would mean a managed one.
        return {{kManaged, u"false"_s}, {kUrl, QString()}};
    case Target::Own:
        break;
    }
    ConfigValues values{{kManaged, QString()}, {kUrl, m_url->text().trimmed()}};
    const bool v2 = api() == 2;
    values.insert(kApi, v2 ? u"2"_s : u"1"_s);
    // Only the chosen version's fields; the other's stay as they are (see Managed above).
    if (v2) {
        values.insert(kOrg, m_org->text().trimmed());
        values.insert(kBucket, m_bucket->text().trimmed());
        values.insert(kToken, m_token->text().trimmed());
    } else {
        values.insert(kDatabase, m_database->text().trimmed());
        values.insert(kUsername, m_username->text().trimmed());
        values.insert(kPassword, m_password->text());
    }
    return values;
}

QStringList InfluxForm::keys() const
{
    return {kUrl, kManaged, kApi, kDatabase, kUsername, kPassword, kOrg, kBucket, kToken};
}

bool InfluxForm::isComplete() const
{
    switch (target()) {
    case Target::Managed:
        return m_managedAvailable;
    case Target::None:
        return true;
    case Target::Own:
        break;
    }
    if (!urlIsValid())
        return false;
    return api() == 1 ||
           (!m_org->text().trimmed().isEmpty() && !m_bucket->text().trimmed().isEmpty());
}

QList<SetupForm::SummaryRow> InfluxForm::summary() const
{
    const QString label = tr("InfluxDB:");
    switch (target()) {
    case Target::Managed:
        return {{label, tr("a local InfluxDB the app runs, data in %1").arg(managedDataDir())}};
    case Target::None:
        return {{label, tr("none for now; events wait in the disk spool")}};
    case Target::Own:
        break;
    }
    const InfluxOptions o = options();
    if (o.api == 2)
        return {{label, tr("%1, API 2, organisation “%2”, bucket “%3”")
                            .arg(o.url.toString(), o.org, o.bucket)},
                {tr("InfluxDB token:"), SettingsText::masked(o.token)}};
    if (o.username.isEmpty())
        return {{label, tr("%1, API 1, database “%2”, no user").arg(o.url.toString(), o.database)}};
    return {
        {label,
         tr("%1, API 1, database “%2”, user “%3”").arg(o.url.toString(), o.database, o.username)},
        {tr("InfluxDB password:"), SettingsText::masked(o.password)}};
}

InfluxOptions InfluxForm::options() const
{
    InfluxOptions options;
    options.url = QUrl(m_url->text().trimmed());
    options.api = api();
    if (!m_database->text().trimmed().isEmpty())
        options.database = m_database->text().trimmed();
    options.username = m_username->text().trimmed();
    options.password = m_password->text();
    options.org = m_org->text().trimmed();
    options.bucket = m_bucket->text().trimmed();
    options.token = m_token->text().trimmed();
    return options;
}

void InfluxForm::testWrite()
{
    if (m_checker->isRunning() || target() != Target::Own)
        return;
    m_checkedOptions = options();
    m_check->setBusy(ConnectionCheckText::connecting(m_url->text()));
    m_checker->start(m_checkedOptions);
}

QAbstractButton *InfluxForm::managedButton() const
{
    return m_managed;
}

QAbstractButton *InfluxForm::ownButton() const
{
    return m_own;
}

QAbstractButton *InfluxForm::noneButton() const
{
    return m_none;
}

QPushButton *InfluxForm::testButton() const
{
    return m_check->button();
}

QString InfluxForm::testResultText() const
{
    return m_check->resultText();
}

} // namespace hai
