// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/configstore.h"

#include <QList>
#include <QWizardPage>

class QFormLayout;
class QLabel;

namespace hai {

class SetupForm;

// A wizard page around one SetupForm: Next is on while the form is complete.
class FormPage : public QWizardPage
{
    Q_OBJECT

public:
    FormPage(SetupForm *form, const QString &title, const QString &subTitle,
             QWidget *parent = nullptr);

    bool isComplete() const override;
    SetupForm *form() const { return m_form; }

private:
    SetupForm *m_form;
};

// The last page: what Finish will save, secrets masked, and where the tokens will be kept.
// Finish saves through the ConfigStore in one save(); a refused save is shown here and the
// wizard stays open.
class SummaryPage : public QWizardPage
{
    Q_OBJECT

public:
    SummaryPage(ConfigStore *store, QList<SetupForm *> forms, QWidget *parent = nullptr);

    void initializePage() override;
    bool validatePage() override;

    // Every form's values merged: what Finish saves.
    ConfigValues values() const;
    QString summaryText() const; // the rows as "label text" lines, for tests
    QString errorText() const;

private:
    ConfigStore *m_store;
    QList<SetupForm *> m_forms;
    QFormLayout *m_rows;
    QLabel *m_secrets;
    QLabel *m_error;
};

} // namespace hai
