// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "setupform.h"

class QAbstractButton;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace hai {

class CheckRow;
class HaConnectionCheck;
class SecretEdit;
struct ConnectionCheckResult;

// Home Assistant's URL and token with "Test connection", or the built-in demo home instead.
// Owns demo, ha-url and ha-token: choosing the demo clears ha-url and ha-token, choosing a
// Home Assistant clears demo (the settings refuse both at once). The wizard shows the choice as
// two radio buttons above the fields, the Settings dialog as a checkbox below them.
class HomeAssistantForm : public SetupForm
{
    Q_OBJECT

public:
    enum class DemoChoice { Radio, CheckBox };

    explicit HomeAssistantForm(DemoChoice choice, QWidget *parent = nullptr);
    ~HomeAssistantForm() override;

    void setValues(const ConfigValues &values) override;
    ConfigValues values() const override;
    QStringList keys() const override;
    bool isComplete() const override;
    QList<SummaryRow> summary() const override;

    bool isDemo() const;
    void setDemo(bool demo);
    // Runs HaConnectionCheck on the fields; the result shows beside the button.
    void testConnection();

    QLineEdit *urlEdit() const { return m_url; }
    SecretEdit *tokenEdit() const { return m_token; }
    QPushButton *testButton() const;
    QString testResultText() const;
    QString urlErrorText() const;
    QAbstractButton *demoButton() const { return m_demo; }

Q_SIGNALS:
    void testFinished(const hai::ConnectionCheckResult &result);

private:
    QWidget *buildFields();
    void fieldsEdited();
    void updateState();
    bool urlIsValid() const;

    QLineEdit *m_url = nullptr;
    SecretEdit *m_token = nullptr;
    QLabel *m_urlError = nullptr;
    CheckRow *m_check = nullptr;
    QWidget *m_fields = nullptr;
    QRadioButton *m_connect = nullptr; // Radio only
    QAbstractButton *m_demo = nullptr; // the radio button or the checkbox
    HaConnectionCheck *m_checker = nullptr;
    QString m_checkedUrl; // what the running check connects to, for its words
    bool m_checkedWithToken = true;
};

} // namespace hai
