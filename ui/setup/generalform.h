// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "setupform.h"

class QComboBox;

namespace hai {

// The Settings dialog's General tab: window language and log level (lang, log-level).
class GeneralForm : public SetupForm
{
    Q_OBJECT

public:
    explicit GeneralForm(QWidget *parent = nullptr);

    void setValues(const ConfigValues &values) override;
    ConfigValues values() const override;
    QStringList keys() const override;
    QList<SummaryRow> summary() const override;

    QComboBox *languageCombo() const { return m_language; }
    QComboBox *logLevelCombo() const { return m_logLevel; }

private:
    QComboBox *m_language;
    QComboBox *m_logLevel;
};

} // namespace hai
