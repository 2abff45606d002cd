// SPDX-License-Identifier: GPL-3.0-or-later
#include "generalform.h"

#include "setupwidgets.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>

using namespace Qt::StringLiterals;

namespace hai {

namespace {
const QString kLang = u"lang"_s;
const QString kLogLevel = u"log-level"_s;
const QString kDefaultLevel = u"info"_s;

void select(QComboBox *combo, const QString &data, const QString &fallback = QString())
{
    const int index = combo->findData(data);
    combo->setCurrentIndex(index >= 0 ? index : qMax(0, combo->findData(fallback)));
}
} // namespace

GeneralForm::GeneralForm(QWidget *parent)
    : SetupForm(parent)
    , m_language(new QComboBox(this))
    , m_logLevel(new QComboBox(this))
{
    m_language->setObjectName(u"language"_s);
    m_language->addItem(tr("System language"), QString());
    //: Language names are written in their own language.
    m_language->addItem(tr("English"), u"en"_s);
    //: Language names are written in their own language.
    m_language->addItem(tr("Deutsch"), u"de"_s);
    m_logLevel->setObjectName(u"logLevel"_s);
    m_logLevel->addItem(tr("Debug: everything, for finding a problem"), u"debug"_s);
    m_logLevel->addItem(tr("Info (default)"), kDefaultLevel);
    m_logLevel->addItem(tr("Warning: only what went wrong or might"), u"warning"_s);
    m_logLevel->addItem(tr("Error: only what went wrong"), u"error"_s);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint); // short lists, short boxes
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), SetupWidgets::note(
                                tr("After saving, the window reopens in the new language."), this));
    form->addRow(tr("Log le&vel:"), m_logLevel);

    for (QComboBox *combo : {m_language, m_logLevel})
        connect(combo, &QComboBox::currentIndexChanged, this, &SetupForm::changed);
    select(m_logLevel, kDefaultLevel);
}

void GeneralForm::setValues(const ConfigValues &values)
{
    const QString lang = values.value(kLang).trimmed();
    // A language the list does not offer (set by hand) stays selectable as it is.
    if (!lang.isEmpty() && m_language->findData(lang) < 0)
        m_language->addItem(lang, lang);
    select(m_language, lang);
    const QString level = values.value(kLogLevel).trimmed().toLower();
    select(m_logLevel, level, kDefaultLevel);
}

ConfigValues GeneralForm::values() const
{
    return {{kLang, m_language->currentData().toString()},
            {kLogLevel, m_logLevel->currentData().toString()}};
}

QStringList GeneralForm::keys() const
{
    return {kLang, kLogLevel};
}

QList<SetupForm::SummaryRow> GeneralForm::summary() const
{
    return {{tr("Language:"), m_language->currentText()},
            {tr("Log level:"), m_logLevel->currentText()}};
}

} // namespace hai
