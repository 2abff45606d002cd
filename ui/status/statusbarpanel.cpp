// SPDX-License-Identifier: GPL-3.0-or-later
#include "statusbarpanel.h"

#include "healthreport.h"
#include "influxstatustext.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

using namespace Qt::StringLiterals;

namespace hai {

namespace {
// A coloured dot before the words; the colour repeats what the words say, never replaces it.
QString dotted(HealthReport::Severity severity, const QString &text)
{
    return u"<span style=\"color:%1\">●</span>&nbsp;%2"_s.arg(HealthReport::colorName(severity),
                                                              text.toHtmlEscaped());
}

QString tip(const HealthReport::Text &text)
{
    return text.hint.isEmpty() ? text.summary : text.summary + u"\n\n"_s + text.hint;
}

QFrame *separator(QWidget *parent)
{
    auto *line = new QFrame(parent);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    return line;
}
} // namespace

StatusBarPanel::StatusBarPanel(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"workProgress"_s);
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    m_progress->hide();
    layout->addWidget(m_progress);
    m_ha = addLabel(u"haStatus"_s);
    layout->addWidget(separator(this));
    m_influx = addLabel(u"influxStatus"_s);
    layout->addWidget(separator(this));
    m_rate = addLabel(u"eventRate"_s);
    layout->addWidget(separator(this));
    m_api = addLabel(u"apiAddress"_s);
    m_api->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setSnapshot({});
}

QLabel *StatusBarPanel::addLabel(const QString &objectName)
{
    auto *label = new QLabel(this);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::RichText);
    layout()->addWidget(label);
    return label;
}

void StatusBarPanel::setSnapshot(const StatusSnapshot &snapshot)
{
    const HealthReport::Text ha = HealthReport::homeAssistant(snapshot);
    m_ha->setText(dotted(ha.severity, HealthReport::haBrief(snapshot)));
    m_ha->setToolTip(tip(ha));

    const HealthReport::Text influx =
        InfluxStatusText::describe(snapshot.influx, snapshot.influxErrorKind);
    m_influx->setText(dotted(influx.severity, InfluxStatusText::brief(snapshot.influx)));
    m_influx->setToolTip(tip(influx));

    m_rate->setText(HealthReport::eventRate(snapshot.eventsPerSecond).toHtmlEscaped());
    m_rate->setToolTip(tr("State changes received from Home Assistant per second, over the "
                          "last 10 seconds"));
    m_api->setText(HealthReport::apiBrief(snapshot).toHtmlEscaped());
    m_api->setToolTip(HealthReport::restApi(snapshot).hint);

    // Long work shows progress: discovery by registry, backfill by chunk.
    const HaStatsSnapshot &s = snapshot.ha;
    if (snapshot.discoveryTotal > 0) {
        m_progress->setRange(0, snapshot.discoveryTotal);
        m_progress->setValue(snapshot.discoveryDone);
        m_progress->setToolTip(tr("Reading the Home Assistant registries"));
        m_progress->show();
    } else if (s.backfillRunning && s.backfillChunksTotal > 0) {
        m_progress->setRange(0, s.backfillChunksTotal);
        m_progress->setValue(s.backfillChunksDone);
        m_progress->setToolTip(tr("Catching up on missed states"));
        m_progress->show();
    } else {
        m_progress->hide();
    }
}

} // namespace hai
