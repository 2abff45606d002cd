// SPDX-License-Identifier: GPL-3.0-or-later
#include "setupwizardpages.h"

#include "settingstext.h"
#include "setupform.h"
#include "setupwidgets.h"
#include "wrappinglabel.h"

#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hai {

FormPage::FormPage(SetupForm *form, const QString &title, const QString &subTitle, QWidget *parent)
    : QWizardPage(parent)
    , m_form(form)
{
    setTitle(title);
    setSubTitle(subTitle);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    form->setParent(this);
    layout->addWidget(SetupWidgets::scrollable(form, this));
    connect(form, &SetupForm::changed, this, &QWizardPage::completeChanged);
}

bool FormPage::isComplete() const
{
    return m_form->isComplete();
}

SummaryPage::SummaryPage(ConfigStore *store, QList<SetupForm *> forms, QWidget *parent)
    : QWizardPage(parent)
    , m_store(store)
    , m_forms(std::move(forms))
    , m_rows(new QFormLayout)
    , m_secrets(SetupWidgets::note(QString(), this))
    , m_error(SetupWidgets::errorLabel(this))
{
    setTitle(tr("Summary"));
    setSubTitle(tr("Check what will be saved. All of it can be changed later in Settings."));
    m_secrets->setObjectName(u"secretLocation"_s);
    m_error->setObjectName(u"saveError"_s);
    m_rows->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    auto *body = new QWidget(this);
    auto *bodyLayout = new QVBoxLayout(body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addLayout(m_rows);
    bodyLayout->addSpacing(SetupWidgets::sectionSpacing(this));
    bodyLayout->addWidget(m_secrets);
    bodyLayout->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(SetupWidgets::scrollable(body, this), 1);
    layout->addWidget(m_error);
}

void SummaryPage::initializePage()
{
    while (m_rows->rowCount() > 0)
        m_rows->removeRow(0);
    for (const SetupForm *form : std::as_const(m_forms)) {
        for (const auto &[label, text] : form->summary()) {
            auto *value = new WrappingLabel(text, this);
            value->setTextInteractionFlags(Qt::TextSelectableByMouse);
            m_rows->addRow(label, value);
        }
    }
    m_rows->addRow(tr("Settings file:"),
                   new WrappingLabel(QDir::toNativeSeparators(m_store->path()), this));
    m_secrets->setText(SettingsText::secretLocation(*m_store));
    m_error->clear();
    m_error->hide();
}

ConfigValues SummaryPage::values() const
{
    ConfigValues values;
    for (const SetupForm *form : m_forms)
        values.insert(form->values());
    return values;
}

bool SummaryPage::validatePage()
{
    QString error;
    if (m_store->save(values(), &error)) {
        m_error->hide();
        return true;
    }
    m_error->setText(tr("Not saved. %1").arg(error));
    m_error->show();
    return false;
}

QString SummaryPage::summaryText() const
{
    QStringList lines;
    for (int row = 0; row < m_rows->rowCount(); ++row) {
        const auto *label =
            qobject_cast<QLabel *>(m_rows->itemAt(row, QFormLayout::LabelRole)->widget());
        const auto *value =
            qobject_cast<QLabel *>(m_rows->itemAt(row, QFormLayout::FieldRole)->widget());
        lines << (label ? label->text() : QString()) + u' ' + (value ? value->text() : QString());
    }
    lines << m_secrets->text();
    return lines.join(u'\n');
}

QString SummaryPage::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

} // namespace hai
