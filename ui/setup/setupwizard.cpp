// SPDX-License-Identifier: GPL-3.0-or-later
#include "setupwizard.h"

#include "homeassistantform.h"
#include "icons/appicons.h"
#include "influxform.h"
#include "restapiform.h"
#include "setupwizardpages.h"

#include <QGuiApplication>
#include <QScreen>

using namespace Qt::StringLiterals;

namespace hai {

SetupWizard::SetupWizard(ConfigStore *store, QWidget *parent)
    : QWizard(parent)
    , m_homeAssistant(new HomeAssistantForm(HomeAssistantForm::DemoChoice::Radio))
    , m_influx(new InfluxForm)
    , m_restApi(new RestApiForm)
{
    setObjectName(u"setupWizard"_s);
    setWindowTitle(tr("Set Up HA Ingestor"));
    setWindowIcon(AppIcons::application());
    // Title and subtitle in a header on every platform, as the pages are written for.
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);

    // A partly written file (an earlier run cancelled in between) fills the fields in.
    const ConfigValues initial = store->load();
    m_homeAssistant->setValues(initial);
    m_influx->setValues(initial);
    m_restApi->setValues(initial);

    setPage(HomeAssistantPage,
            new FormPage(m_homeAssistant, tr("Home Assistant"),
                         tr("Where is your Home Assistant, and which token may the app use? "
                            "Or look around in a simulated home first."),
                         this));
    setPage(InfluxPage,
            new FormPage(m_influx, tr("InfluxDB"),
                         tr("Where the app stores Home Assistant's events for charts and "
                            "history."),
                         this));
    setPage(RestApiPage, new FormPage(m_restApi, tr("REST API"),
                                      tr("Scripts and other programs read the devices, "
                                         "entities and events through a local REST API."),
                                      this));
    m_summary = new SummaryPage(store, {m_homeAssistant, m_influx, m_restApi}, this);
    setPage(SummaryPageId, m_summary);
    setStartId(HomeAssistantPage);

    // Comfortable on a 1366×768 laptop, never larger than the screen; layouts scale for 4K.
    QSize size = QSize(760, 600).expandedTo(minimumSizeHint());
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableSize() * 0.9);
    resize(size);
}

SetupWizard::~SetupWizard() = default;

int SetupWizard::nextId() const
{
    if (currentId() == HomeAssistantPage && m_homeAssistant->isDemo())
        return SummaryPageId;
    return QWizard::nextId();
}

ConfigValues SetupWizard::values() const
{
    return m_summary->values();
}

QString SetupWizard::summaryText() const
{
    return m_summary->summaryText();
}

QString SetupWizard::saveError() const
{
    return m_summary->errorText();
}

} // namespace hai
