// SPDX-License-Identifier: GPL-3.0-or-later
#include "overviewpage.h"

#include "core/logging.h"
#include "status/statuspoller.h"

#include <QDateTime>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hai {

namespace {
QString count(qint64 value)
{
    return QLocale().toString(value);
}

QString when(qint64 microseconds)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(microseconds / 1000).toLocalTime();
    return QLocale().toString(time, QLocale::ShortFormat);
}

QString seconds(double value)
{
    return QLocale().toString(value, 'f', value < 10 ? 2 : 1);
}
} // namespace

OverviewPage::OverviewPage(StatusPoller *poller, QWidget *parent)
    : QWidget(parent)
{
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(createTiles());
    auto *middle = new QHBoxLayout;
    middle->addWidget(createIngestion(), 2);
    middle->addWidget(createHomeAssistant(), 3);
    layout->addLayout(middle);
    layout->addWidget(createHealth());
    layout->addWidget(createRecentProblems(), 1);

    // Small windows and large fonts scroll instead of squeezing the text.
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"overviewScroll"_s);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    if (poller) {
        connect(poller, &StatusPoller::updated, this, &OverviewPage::setSnapshot);
        setSnapshot(poller->current());
    } else {
        setSnapshot({});
    }
}

QLabel *OverviewPage::addTile(QGridLayout *grid, int column, const QString &name,
                              const QString &caption)
{
    auto *tile = new QFrame;
    tile->setFrameShape(QFrame::StyledPanel);
    tile->setBackgroundRole(QPalette::Base);
    tile->setAutoFillBackground(true);
    auto *box = new QVBoxLayout(tile);
    auto *value = new QLabel(u"–"_s);
    value->setObjectName(name);
    QFont big = value->font();
    big.setPointSizeF(big.pointSizeF() * 2.2);
    big.setBold(true);
    value->setFont(big);
    auto *label = new QLabel(caption);
    label->setForegroundRole(QPalette::PlaceholderText);
    box->addWidget(value);
    box->addWidget(label);
    grid->addWidget(tile, 0, column);
    m_values.insert(name, value);
    return value;
}

QWidget *OverviewPage::createTiles()
{
    auto *tiles = new QWidget;
    auto *grid = new QGridLayout(tiles);
    grid->setContentsMargins(0, 0, 0, 0);
    addTile(grid, 0, u"devicesCount"_s, tr("Devices"));
    addTile(grid, 1, u"entitiesCount"_s, tr("Entities"));
    addTile(grid, 2, u"areasCount"_s, tr("Areas"));
    addTile(grid, 3, u"integrationsCount"_s, tr("Integrations"));
    return tiles;
}

QLabel *OverviewPage::addRow(QFormLayout *form, const QString &name, const QString &label)
{
    auto *value = new QLabel;
    value->setObjectName(name);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(label, value);
    m_values.insert(name, value);
    return value;
}

QWidget *OverviewPage::createIngestion()
{
    auto *group = new QGroupBox(tr("Ingestion"));
    auto *form = new QFormLayout(group);
    addRow(form, u"received"_s, tr("Events received:"));
    addRow(form, u"rate"_s, tr("Events per second:"));
    addRow(form, u"written"_s, tr("Points written:"));
    addRow(form, u"spooled"_s, tr("Points spooled:"));
    addRow(form, u"deadLettered"_s, tr("Dead-lettered:"));
    addRow(form, u"dropped"_s, tr("Dropped:"));
    addRow(form, u"skipped"_s, tr("Skipped by filters:"));
    return group;
}

QWidget *OverviewPage::createHomeAssistant()
{
    auto *group = new QGroupBox(tr("Home Assistant"));
    auto *form = new QFormLayout(group);
    addRow(form, u"connection"_s, tr("Connection:"));
    addRow(form, u"discovery"_s, tr("Last discovery:"));
    addRow(form, u"backfill"_s, tr("Last backfill:"));
    addRow(form, u"liveStates"_s, tr("Live states:"));
    addRow(form, u"registrySyncs"_s, tr("Registry updates:"));
    m_progressLabel = new QLabel;
    m_progress = new QProgressBar;
    m_progress->setObjectName(u"overviewProgress"_s);
    form->addRow(m_progressLabel, m_progress);
    return group;
}

QWidget *OverviewPage::createHealth()
{
    auto *group = new QGroupBox(tr("Health"));
    m_health = new QGridLayout(group);
    m_health->setColumnStretch(2, 1);
    m_health->setHorizontalSpacing(12);
    return group;
}

QWidget *OverviewPage::createRecentProblems()
{
    auto *group = new QGroupBox(tr("Recent warnings and errors"));
    auto *box = new QVBoxLayout(group);
    m_problems = new QListWidget;
    m_problems->setObjectName(u"recentProblems"_s);
    m_problems->setMinimumHeight(fontMetrics().height() * 5);
    m_problems->setWordWrap(true);
    m_problems->setToolTip(tr("The Log page has the whole log"));
    m_problems->addItem(tr("No warnings or errors since the app started."));
    box->addWidget(m_problems);
    return group;
}

void OverviewPage::pollLog()
{
    const QList<LogRecord> records = logRecordsSince(m_lastLogSequence);
    if (records.isEmpty())
        return;
    m_lastLogSequence = records.constLast().sequence;
    for (const LogRecord &r : records) {
        if (r.level != QtWarningMsg && r.level != QtCriticalMsg && r.level != QtFatalMsg)
            continue;
        if (!m_hasProblems) {
            m_problems->clear(); // the "no warnings" line
            m_hasProblems = true;
        }
        const QString time =
            QDateTime::fromMSecsSinceEpoch(r.timeMs).toLocalTime().toString(u"HH:mm:ss"_s);
        auto *item = new QListWidgetItem(u"%1  %2  %3"_s.arg(time, r.category, r.message));
        item->setForeground(r.level == QtWarningMsg ? QColor(0xb2, 0x6a, 0x00)
                                                    : QColor(0xc6, 0x28, 0x28));
        m_problems->insertItem(0, item); // newest first
    }
    while (m_problems->count() > kRecentProblems)
        delete m_problems->takeItem(m_problems->count() - 1);
}

void OverviewPage::setHealth(const QList<HealthReport::Item> &items)
{
    while (m_healthRows.size() < items.size()) {
        const int row = int(m_healthRows.size());
        HealthRow r{new QLabel, new QLabel, new QLabel, new QLabel};
        QFont bold = r.name->font();
        bold.setBold(true);
        r.name->setFont(bold);
        r.summary->setWordWrap(true);
        r.summary->setObjectName(u"health%1"_s.arg(row));
        r.summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
        r.hint->setWordWrap(true);
        r.hint->setForegroundRole(QPalette::PlaceholderText);
        r.hint->setTextInteractionFlags(Qt::TextSelectableByMouse);
        auto *words = new QVBoxLayout;
        words->setSpacing(2);
        words->addWidget(r.summary);
        words->addWidget(r.hint);
        m_health->addWidget(r.dot, row, 0, Qt::AlignTop);
        m_health->addWidget(r.name, row, 1, Qt::AlignTop);
        m_health->addLayout(words, row, 2);
        m_healthRows.append(r);
    }
    for (qsizetype i = 0; i < items.size(); ++i) {
        const HealthReport::Item &item = items.at(i);
        const HealthRow &r = m_healthRows.at(i);
        r.dot->setText(u"<span style=\"color:%1\">●</span>"_s.arg(
            HealthReport::colorName(item.text.severity)));
        r.name->setText(item.name);
        r.summary->setText(item.text.summary);
        r.hint->setText(item.text.hint);
        r.hint->setVisible(!item.text.hint.isEmpty());
    }
}

QString OverviewPage::discoveryText(const StatusSnapshot &s) const
{
    const HaStatsSnapshot &ha = s.ha;
    if (ha.discoveredAtUs <= 0)
        return s.haConfigured ? tr("not yet") : tr("no Home Assistant configured");
    return tr("%1, took %2 s: %3 devices, %4 entities, %5 areas, %6 integrations")
        .arg(when(ha.discoveredAtUs), seconds(ha.discoverySeconds), count(ha.devices),
             count(ha.entities), count(ha.areas), count(ha.integrations));
}

QString OverviewPage::backfillText(const StatusSnapshot &s) const
{
    const HaStatsSnapshot &ha = s.ha;
    if (ha.backfillRunning) {
        return tr("running: %1 of %2 chunks")
            .arg(ha.backfillChunksDone)
            .arg(ha.backfillChunksTotal);
    }
    if (ha.backfills == 0)
        return tr("none needed yet");
    QString text = tr("%n states recovered in %1 s", nullptr, int(ha.backfillRecoveredLast))
                       .arg(seconds(ha.backfillSeconds));
    if (ha.backfillFromUs > 0 && ha.backfillToUs > 0)
        text +=
            u' ' + tr("(gap from %1 to %2)").arg(when(ha.backfillFromUs), when(ha.backfillToUs));
    return text + u"; "_s + tr("%n backfills in total", nullptr, int(ha.backfills));
}

void OverviewPage::setSnapshot(const StatusSnapshot &s)
{
    const RegistryFigures &r = s.registry;
    const auto tile = [this, &r](const QString &name, qint64 value) {
        m_values.value(name)->setText(r.ok ? count(value) : u"–"_s);
    };
    tile(u"devicesCount"_s, r.devices);
    tile(u"entitiesCount"_s, r.entities);
    tile(u"areasCount"_s, r.areas);
    tile(u"integrationsCount"_s, r.integrations);

    const InfluxWriterFigures &f = s.influx;
    m_values.value(u"received"_s)->setText(count(s.eventsReceived));
    m_values.value(u"rate"_s)->setText(QLocale().toString(s.eventsPerSecond, 'f', 1));
    m_values.value(u"written"_s)->setText(count(qint64(f.pointsWritten)));
    m_values.value(u"spooled"_s)
        ->setText(
            tr("%1 (%2 waiting now)").arg(count(qint64(f.pointsSpooled)), count(f.spoolPoints)));
    m_values.value(u"deadLettered"_s)->setText(count(qint64(f.pointsDeadLettered)));
    m_values.value(u"dropped"_s)->setText(count(qint64(s.pointsDropped())));
    m_values.value(u"skipped"_s)->setText(count(s.eventsSkipped));

    const HaStatsSnapshot &ha = s.ha;
    m_values.value(u"connection"_s)->setText(HealthReport::haBrief(s));
    m_values.value(u"discovery"_s)->setText(discoveryText(s));
    m_values.value(u"backfill"_s)->setText(backfillText(s));
    m_values.value(u"liveStates"_s)->setText(count(ha.liveStates));
    m_values.value(u"registrySyncs"_s)
        ->setText(ha.registrySyncs == 0
                      ? tr("none since the discovery")
                      : tr("%1 events, %2 syncs (the last took %3 ms)")
                            .arg(count(qint64(ha.registryEvents)), count(qint64(ha.registrySyncs)),
                                 QLocale().toString(ha.lastSyncLatencyMs, 'f', 1)));

    // Long work shows progress; the bar stays hidden when nothing runs.
    if (s.discoveryTotal > 0) {
        m_progressLabel->setText(tr("Discovery:"));
        m_progress->setRange(0, s.discoveryTotal);
        m_progress->setValue(s.discoveryDone);
    } else if (ha.backfillRunning && ha.backfillChunksTotal > 0) {
        m_progressLabel->setText(tr("Backfill:"));
        m_progress->setRange(0, ha.backfillChunksTotal);
        m_progress->setValue(ha.backfillChunksDone);
    }
    const bool working = s.discoveryTotal > 0 || (ha.backfillRunning && ha.backfillChunksTotal > 0);
    m_progress->setVisible(working);
    m_progressLabel->setVisible(working);

    setHealth(HealthReport::describe(s));
    pollLog();
}

} // namespace hai
