// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "setupform.h"

class QLabel;
class QSpinBox;

namespace hai {

class SecretEdit;

// The local REST API: its port, and the token that writes need. Owns api-listen and api-token.
// The bind address is not offered: it stays 127.0.0.1 unless the file already says otherwise,
// which the form then names, since it means other computers can reach the API.
class RestApiForm : public SetupForm
{
    Q_OBJECT

public:
    static constexpr int kDefaultPort = 8006;

    explicit RestApiForm(QWidget *parent = nullptr);

    void setValues(const ConfigValues &values) override;
    ConfigValues values() const override;
    QStringList keys() const override;
    QList<SummaryRow> summary() const override;

    QSpinBox *portSpin() const { return m_port; }
    SecretEdit *tokenEdit() const { return m_token; }
    QString host() const { return m_host; }

private:
    void updateHostNote();
    QString listenText() const;

    QSpinBox *m_port;
    SecretEdit *m_token;
    QLabel *m_hostNote;
    QString m_host;
};

} // namespace hai
