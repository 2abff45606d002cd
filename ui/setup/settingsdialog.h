// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/configstore.h"

#include <QDialog>
#include <QList>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTabWidget;

namespace hai {

class GeneralForm;
class HomeAssistantForm;
class InfluxForm;
class RestApiForm;
class SetupForm;

// Edits the values the setup wizard wrote (Home Assistant, InfluxDB, REST API, general),
// starting from what the ConfigStore holds now. OK and Apply save through the store; after a
// successful save applied() tells the app to restart its backend with the new values, inside
// the running process. Errors (validation, keychain) are shown in the dialog, and nothing is
// saved then.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    enum Tab { HomeAssistantTab, InfluxTab, RestApiTab, GeneralTab };

    explicit SettingsDialog(ConfigStore *store, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // Saves the options that changed since loading or the last apply. False, with the
    // store's error shown and its tab marked, when the store refuses them.
    bool apply();
    // Only the options whose value differs from what was loaded; empty values remove keys.
    ConfigValues changes() const;
    void accept() override; // OK: apply, then close only when it worked

    // For tests.
    HomeAssistantForm *homeAssistantForm() const { return m_homeAssistant; }
    InfluxForm *influxForm() const { return m_influx; }
    RestApiForm *restApiForm() const { return m_restApi; }
    GeneralForm *generalForm() const { return m_general; }
    QTabWidget *tabs() const { return m_tabs; }
    QPushButton *applyButton() const;
    QString statusText() const;
    QString notesText() const;

Q_SIGNALS:
    void applied();

private:
    void addTab(SetupForm *form, const QString &title);
    ConfigValues collect() const;
    void showStatus(const QString &text, bool error);
    void markTabOf(const QString &error);
    void updateButtons();

    ConfigStore *m_store;
    HomeAssistantForm *m_homeAssistant;
    InfluxForm *m_influx;
    RestApiForm *m_restApi;
    GeneralForm *m_general;
    QList<SetupForm *> m_forms;
    QTabWidget *m_tabs;
    QLabel *m_secrets;
    QLabel *m_overrides;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    ConfigValues m_baseline; // the forms' values as loaded, or as last saved
    bool m_statusIsError = false;
};

} // namespace hai
