// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsdialog.h"

#include "generalform.h"
#include "homeassistantform.h"
#include "influxform.h"
#include "restapiform.h"
#include "settingstext.h"
#include "setupwidgets.h"
#include "wrappinglabel.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hai {

SettingsDialog::SettingsDialog(ConfigStore *store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_homeAssistant(new HomeAssistantForm(HomeAssistantForm::DemoChoice::CheckBox))
    , m_influx(new InfluxForm)
    , m_restApi(new RestApiForm)
    , m_general(new GeneralForm)
    , m_tabs(new QTabWidget(this))
{
    setObjectName(u"settingsDialog"_s);
    setWindowTitle(tr("Settings"));
    addTab(m_homeAssistant, tr("&Home Assistant"));
    addTab(m_influx, tr("&InfluxDB"));
    addTab(m_restApi, tr("&REST API"));
    addTab(m_general, tr("&General"));

    m_secrets = SetupWidgets::note(SettingsText::secretLocation(*store), this);
    m_secrets->setObjectName(u"secretLocation"_s);
    QStringList keys;
    for (const SetupForm *form : std::as_const(m_forms))
        keys << form->keys();
    const QStringList overrides = SettingsText::overriddenBy(keys, QCoreApplication::arguments());
    m_overrides = SetupWidgets::note(SettingsText::overrideNote(overrides), this);
    m_overrides->setObjectName(u"overrideNote"_s);
    if (!overrides.isEmpty()) {
        // Amber, as the Webhooks page's warning: it explains a change that seems lost.
        m_overrides->setStyleSheet(u"QLabel { background: #fff4ce; color: #5c4400; "
                                   u"border: 1px solid #e0c060; border-radius: 3px; "
                                   u"padding: 6px; }"_s);
    }
    m_status = new WrappingLabel(QString(), this);
    m_status->setObjectName(u"status"_s);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();
    m_buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_secrets);
    layout->addWidget(m_overrides);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    QString error;
    const ConfigValues loaded = store->load(&error);
    for (SetupForm *form : std::as_const(m_forms))
        form->setValues(loaded);
    m_baseline = collect();
    if (!error.isEmpty())
        showStatus(tr("Could not read all settings: %1").arg(error), true);

    for (SetupForm *form : std::as_const(m_forms))
        connect(form, &SetupForm::changed, this, &SettingsDialog::updateButtons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(applyButton(), &QPushButton::clicked, this, &SettingsDialog::apply);
    updateButtons();

    QSize size = QSize(720, 580).expandedTo(minimumSizeHint());
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableSize() * 0.9);
    resize(size);
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::addTab(SetupForm *form, const QString &title)
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(form);
    m_tabs->addTab(SetupWidgets::scrollable(page, m_tabs), title);
    m_forms << form;
}

ConfigValues SettingsDialog::collect() const
{
    ConfigValues values;
    for (const SetupForm *form : m_forms)
        values.insert(form->values());
    return values;
}

ConfigValues SettingsDialog::changes() const
{
    ConfigValues changed;
    const ConfigValues now = collect();
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        if (it.value() != m_baseline.value(it.key()))
            changed.insert(it.key(), it.value());
    }
    // Without a saved influx-managed the demo implies a managed influxd and HA does not: what
    // the InfluxDB tab shows must be written when the demo setting changes under it.
    if (changed.contains(u"demo"_s) && now.contains(u"influx-managed"_s))
        changed.insert(u"influx-managed"_s, now.value(u"influx-managed"_s));
    return changed;
}

bool SettingsDialog::apply()
{
    const ConfigValues changed = changes();
    if (changed.isEmpty())
        return true;
    for (int tab = 0; tab < m_tabs->count(); ++tab)
        m_tabs->setTabIcon(tab, QIcon());
    QString error;
    if (!m_store->save(changed, &error)) {
        showStatus(tr("Not saved. %1").arg(error), true);
        markTabOf(error);
        return false;
    }
    m_baseline = collect();
    showStatus(tr("Saved."), false);
    updateButtons();
    Q_EMIT applied();
    return true;
}

void SettingsDialog::accept()
{
    if (apply())
        QDialog::accept();
}

void SettingsDialog::markTabOf(const QString &error)
{
    // The store names the option as the command line does: "--influx-url: …".
    static const QRegularExpression option(u"--([a-z0-9-]+)"_s);
    const QString name = option.match(error).captured(1);
    for (int tab = 0; tab < m_forms.size(); ++tab) {
        if (m_forms.at(tab)->keys().contains(name)) {
            m_tabs->setTabIcon(tab, style()->standardIcon(QStyle::SP_MessageBoxWarning));
            m_tabs->setCurrentIndex(tab);
            return;
        }
    }
}

void SettingsDialog::showStatus(const QString &text, bool error)
{
    m_statusIsError = error;
    m_status->setStyleSheet(error ? u"color: #c62828;"_s : u"color: #2e7d32;"_s);
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

void SettingsDialog::updateButtons()
{
    const bool dirty = !changes().isEmpty();
    applyButton()->setEnabled(dirty);
    // "Saved." no longer describes the form once it is edited again.
    if (dirty && !m_statusIsError)
        m_status->hide();
}

QPushButton *SettingsDialog::applyButton() const
{
    return m_buttons->button(QDialogButtonBox::Apply);
}

QString SettingsDialog::statusText() const
{
    return m_status->isHidden() ? QString() : m_status->text();
}

QString SettingsDialog::notesText() const
{
    return m_secrets->text() + u'\n' + m_overrides->text();
}

} // namespace hai
