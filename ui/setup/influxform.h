// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/timeseriessettings.h"
#include "setupform.h"

class QAbstractButton;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace hai {

class CheckRow;
class InfluxConnectionCheck;
class SecretEdit;
struct ConnectionCheckResult;

// Where the points go: a local influxd the app runs itself (only when one is installed), the
// user's own InfluxDB (URL, API 1 or 2 with their credentials, "Test write"), or none for now
// (points wait in the disk spool). Owns the influx-* connection options; the other target's
// keys come back empty, so the file never holds two InfluxDBs.
class InfluxForm : public SetupForm
{
    Q_OBJECT

public:
    enum class Target { Managed, Own, None };

    explicit InfluxForm(QWidget *parent = nullptr);
    ~InfluxForm() override;

    void setValues(const ConfigValues &values) override;
    ConfigValues values() const override;
    QStringList keys() const override;
    bool isComplete() const override;
    QList<SummaryRow> summary() const override;

    Target target() const;
    void setTarget(Target target);
    // Defaults to InfluxConnectionCheck::managedInfluxdAvailable(); tests set it.
    void setManagedAvailable(bool available);
    bool isManagedAvailable() const { return m_managedAvailable; }
    // The fields as the writer would use them, for the test write.
    InfluxOptions options() const;
    void testWrite();

    QAbstractButton *managedButton() const;
    QAbstractButton *ownButton() const;
    QAbstractButton *noneButton() const;
    QString managedNoteText() const;
    QLineEdit *urlEdit() const { return m_url; }
    QComboBox *apiCombo() const { return m_api; }
    QLineEdit *databaseEdit() const { return m_database; }
    QLineEdit *usernameEdit() const { return m_username; }
    SecretEdit *passwordEdit() const { return m_password; }
    QLineEdit *orgEdit() const { return m_org; }
    QLineEdit *bucketEdit() const { return m_bucket; }
    SecretEdit *tokenEdit() const { return m_token; }
    QPushButton *testButton() const;
    QString testResultText() const;

Q_SIGNALS:
    void testFinished(const hai::ConnectionCheckResult &result);

private:
    QWidget *buildOwnFields();
    void fieldsEdited();
    void updateState();
    bool urlIsValid() const;
    int api() const;
    QString managedDataDir() const;

    QRadioButton *m_managed = nullptr;
    QRadioButton *m_own = nullptr;
    QRadioButton *m_none = nullptr;
    QLabel *m_managedNote = nullptr;
    QWidget *m_ownFields = nullptr;
    QFormLayout *m_ownForm = nullptr;
    QLineEdit *m_url = nullptr;
    QLabel *m_urlError = nullptr;
    QComboBox *m_api = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_username = nullptr;
    SecretEdit *m_password = nullptr;
    QLineEdit *m_org = nullptr;
    QLineEdit *m_bucket = nullptr;
    SecretEdit *m_token = nullptr;
    CheckRow *m_check = nullptr;
    InfluxConnectionCheck *m_checker = nullptr;
    InfluxOptions m_checkedOptions; // what the running check writes to, for its words
    bool m_managedAvailable = false;
    QString m_dataDir; // data-dir from the file; empty: the default
};

} // namespace hai
