// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/configstore.h"

#include <QWizard>

namespace hai {

class HomeAssistantForm;
class InfluxForm;
class RestApiForm;
class SummaryPage;

// The first-run wizard: Home Assistant (URL, token, "Test connection") or "Try the demo home";
// InfluxDB ("start a local InfluxDB for me" when influxd is installed, or "connect to mine"
// with a test write); the REST API port and token; a summary that says where the tokens will
// be kept. Finishing saves everything through the ConfigStore in one save(); when the save
// fails the wizard stays open and shows the error.
class SetupWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { HomeAssistantPage, InfluxPage, RestApiPage, SummaryPageId };

    explicit SetupWizard(ConfigStore *store, QWidget *parent = nullptr);
    ~SetupWizard() override;

    // The demo home needs no InfluxDB or API choices: it goes straight to the summary.
    int nextId() const override;

    // For tests.
    HomeAssistantForm *homeAssistantForm() const { return m_homeAssistant; }
    InfluxForm *influxForm() const { return m_influx; }
    RestApiForm *restApiForm() const { return m_restApi; }
    ConfigValues values() const; // what Finish saves
    QString summaryText() const;
    QString saveError() const;

private:
    HomeAssistantForm *m_homeAssistant;
    InfluxForm *m_influx;
    RestApiForm *m_restApi;
    SummaryPage *m_summary;
};

} // namespace hai
