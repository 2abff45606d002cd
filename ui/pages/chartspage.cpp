// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartspage.h"

#include "backend.h"
#include "charts/entitychips.h"
#include "charts/historychartview.h"
#include "charts/liveratechart.h"
#include "charts/topentitieschart.h"
#include "guisettings.h"
#include "homeassistant/haclient.h"
#include "homeassistant/hatime.h"
#include "ingest/ingestpipeline.h"
#include "ingest/ingeststats.h"
#include "timeseries/influxhistoryworker.h"
#include "timeseries/influxwriterstats.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStringListModel>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace hai {

namespace {
constexpr qint64 kHourMs = 3600 * 1000;
constexpr int kTopEvery = 5; // live ticks between top-entity refreshes: a larger snapshot

// GuiSettings keys, in the group MainWindow keeps the page's splitters in.
const QString kEntitiesKey = u"pages/charts/historyEntities"_s;
const QString kRangeKey = u"pages/charts/historyRange"_s;
const QString kFromKey = u"pages/charts/historyFrom"_s;
const QString kToKey = u"pages/charts/historyTo"_s;
const QStringList kRangeNames{u"hour"_s, u"day"_s, u"week"_s, u"custom"_s};
} // namespace

ChartsPage::ChartsPage(Backend *backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
{
    m_history = new HistoryChartView(this);
    m_rates = new LiveRateChart(this);
    m_top = new TopEntitiesChart(this);

    auto *lower = new QSplitter(Qt::Horizontal, this);
    lower->addWidget(m_rates);
    lower->addWidget(m_top);
    lower->setStretchFactor(0, 2);
    lower->setStretchFactor(1, 3); // entity ids need the room
    auto *historyBox = new QWidget(this);
    auto *historyLayout = new QVBoxLayout(historyBox);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(buildHistoryControls());
    historyLayout->addWidget(m_error);
    historyLayout->addWidget(m_history, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(historyBox);
    split->addWidget(lower);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);

    const InfluxOptions influx = backend ? backend->settings().influx : InfluxOptions{};
    const MappingOptions mapping = backend ? backend->settings().mapping : MappingOptions{};
    m_thread = startNamedThread(u"charts"_s);
    m_worker = new InfluxHistoryWorker(influx, mapping);
    m_worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &InfluxHistoryWorker::batchQueried, this, &ChartsPage::onBatchQueried);
    connect(m_worker, &InfluxHistoryWorker::entitiesListed, this, [this](const QStringList &ids) {
        if (ids != m_entityModel->stringList()) {
            const QString typed = m_entity->currentText(); // a model reset would replace it
            m_entityModel->setStringList(ids);
            m_entity->setCurrentIndex(-1);
            m_entity->setEditText(typed);
        }
        if (m_listed || m_lastId != 0)
            return;
        // Once there is something to show: what was picked last time, else the first entity.
        if (!m_chips->entities().isEmpty()) {
            m_listed = true;
            loadHistory();
        } else if (!ids.isEmpty()) {
            m_listed = true;
            addEntity(ids.first());
        }
    });
    if (backend && backend->haClient()) {
        QMetaObject::invokeMethod(m_worker,
                                  [worker = m_worker, cache = backend->haClient()->liveStates()] {
                                      worker->setLiveStates(cache);
                                  });
    }

    m_liveTimer.setInterval(1000);
    connect(&m_liveTimer, &QTimer::timeout, this, &ChartsPage::refreshLive);
    m_entityTimer.setInterval(30000); // the numeric entities change rarely
    connect(&m_entityTimer, &QTimer::timeout, m_worker, &InfluxHistoryWorker::listNumericEntities);
    if (backend) {
        m_liveTimer.start();
        m_entityTimer.start();
        QTimer::singleShot(0, m_worker, &InfluxHistoryWorker::listNumericEntities);
    }
    restoreChoice();
}

ChartsPage::~ChartsPage() = default; // m_thread quits and waits; the worker goes with it

QWidget *ChartsPage::buildHistoryControls()
{
    auto *box = new QWidget(this);
    auto *rows = new QVBoxLayout(box);
    rows->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    rows->addLayout(row);

    m_entity = new QComboBox(box);
    m_entity->setEditable(true);
    m_entity->setInsertPolicy(QComboBox::NoInsert);
    m_entity->setMinimumContentsLength(20);
    m_entity->lineEdit()->setPlaceholderText(tr("Search, e.g. temperature"));
    m_entityModel = new QStringListModel(this);
    m_entity->setModel(m_entityModel);
    m_entity->setCurrentIndex(-1);
    auto *completer = new QCompleter(m_entityModel, m_entity);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_entity->setCompleter(completer);
    // A pick from the list, or Enter on typed text; the second of both is a no-op.
    connect(m_entity, &QComboBox::textActivated, this, &ChartsPage::addEntity);
    connect(m_entity->lineEdit(), &QLineEdit::returnPressed, this,
            [this] { addEntity(m_entity->currentText()); });
    auto *label = new QLabel(tr("&Entities:"), box);
    label->setBuddy(m_entity);
    row->addWidget(label);
    row->addWidget(m_entity, 1);
    m_add = new QPushButton(tr("&Add"), box);
    m_add->setToolTip(tr("Add the entity to the chart (Enter in the field does the same)"));
    connect(m_add, &QPushButton::clicked, this, [this] { addEntity(m_entity->currentText()); });
    row->addWidget(m_add);
    row->addSpacing(8);

    m_rangeButtons = new QButtonGroup(this);
    const std::pair<Range, QString> ranges[] = {{Range::Hour, tr("1 h")},
                                                {Range::Day, tr("24 h")},
                                                {Range::Week, tr("7 d")},
                                                {Range::Custom, tr("Custom")}};
    for (const auto &[range, text] : ranges) {
        auto *button = new QPushButton(text, box);
        // As wide as the text needs, not the style's 80 px: the entity field gets the room.
        button->setMaximumWidth(qMax(48, fontMetrics().horizontalAdvance(text) + 32));
        button->setCheckable(true);
        button->setChecked(range == m_range);
        m_rangeButtons->addButton(button, int(range));
        row->addWidget(button);
    }
    connect(m_rangeButtons, &QButtonGroup::idClicked, this,
            [this](int id) { setRange(Range(id)); });

    const QDateTime now = QDateTime::currentDateTime();
    m_customFrom = new QDateTimeEdit(now.addDays(-1), box);
    m_customTo = new QDateTimeEdit(now, box);
    for (QDateTimeEdit *edit : {m_customFrom, m_customTo}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(u"yyyy-MM-dd HH:mm"_s);
        edit->setEnabled(false);
    }
    auto *show = new QPushButton(tr("Show"), box);
    connect(show, &QPushButton::clicked, this, &ChartsPage::loadHistory);
    row->addWidget(m_customFrom);
    row->addWidget(new QLabel(tr("to"), box));
    row->addWidget(m_customTo);
    row->addWidget(show);

    m_busy = new QProgressBar(box);
    m_busy->setRange(0, 0); // indeterminate: InfluxDB gives no progress
    m_busy->setMaximumWidth(80);
    m_busy->setTextVisible(false);
    // Keeps its room while hidden, so the row does not jump at every query.
    QSizePolicy keep = m_busy->sizePolicy();
    keep.setRetainSizeWhenHidden(true);
    m_busy->setSizePolicy(keep);
    m_busy->setVisible(false);
    row->addWidget(m_busy);

    m_chips = new EntityChips(kMaxEntities, box);
    connect(m_chips, &EntityChips::removed, this, [this] {
        saveChoice();
        updateAddButton();
        loadHistory();
    });
    rows->addWidget(m_chips);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse); // URLs to copy
    m_error->setStyleSheet(u"color: #b00020;"_s);
    m_error->setVisible(false);
    updateAddButton();
    return box;
}

QStringList ChartsPage::entities() const
{
    return m_chips->entities();
}

void ChartsPage::showEntity(const QString &entityId)
{
    const QString id = entityId.trimmed();
    if (!id.isEmpty() && !m_chips->contains(id)) {
        if (m_chips->isFull()) // the entity asked for matters more than the oldest one
            m_chips->remove(m_chips->entities().constFirst());
        m_chips->add(id);
        saveChoice();
        updateAddButton();
    }
    setRange(Range::Day);
}

bool ChartsPage::addEntity(const QString &entityId)
{
    const QString id = entityId.trimmed();
    if (id.isEmpty() || !m_chips->add(id))
        return false; // already there, or full: the chips' note says so
    m_entity->setCurrentIndex(-1);
    m_entity->clearEditText(); // ready for the next one
    saveChoice();
    updateAddButton();
    loadHistory();
    return true;
}

void ChartsPage::removeEntity(const QString &entityId)
{
    if (!m_chips->contains(entityId))
        return;
    m_chips->remove(entityId);
    saveChoice();
    updateAddButton();
    loadHistory();
}

void ChartsPage::updateAddButton()
{
    m_add->setEnabled(!m_chips->isFull());
}

void ChartsPage::setRange(Range range)
{
    showRange(range);
    saveChoice();
    if (range != Range::Custom) // custom waits for "Show"
        loadHistory();
}

void ChartsPage::showRange(Range range)
{
    m_range = range;
    if (QAbstractButton *button = m_rangeButtons->button(int(range)))
        button->setChecked(true);
    m_customFrom->setEnabled(range == Range::Custom);
    m_customTo->setEnabled(range == Range::Custom);
}

void ChartsPage::saveChoice() const
{
    GuiSettings settings;
    settings.setValue(kEntitiesKey, m_chips->entities());
    settings.setValue(kRangeKey, kRangeNames.value(int(m_range)));
    if (m_range == Range::Custom) {
        settings.setValue(kFromKey, m_customFrom->dateTime());
        settings.setValue(kToKey, m_customTo->dateTime());
    }
}

void ChartsPage::restoreChoice()
{
    GuiSettings settings;
    m_chips->setEntities(settings.value(kEntitiesKey).toStringList());
    const qsizetype range = kRangeNames.indexOf(settings.value(kRangeKey).toString());
    if (range >= 0)
        showRange(Range(range));
    const QDateTime from = settings.value(kFromKey).toDateTime();
    const QDateTime to = settings.value(kToKey).toDateTime();
    if (from.isValid() && to.isValid()) {
        m_customFrom->setDateTime(from);
        m_customTo->setDateTime(to);
    }
    updateAddButton();
}

void ChartsPage::setInfluxUrl(const QUrl &url)
{
    m_influxUrl = url;
}

QUrl ChartsPage::influxUrl() const
{
    if (!m_influxUrl.isEmpty())
        return m_influxUrl;
    if (!m_backend)
        return {};
    if (!m_backend->settings().influx.url.isEmpty())
        return m_backend->settings().influx.url;
    // A managed influxd's URL is only known once it runs; the writer reports it.
    if (IngestPipeline *ingest = m_backend->ingest())
        return QUrl(ingest->writerStats()->snapshot().url);
    return {};
}

void ChartsPage::loadHistory()
{
    const QStringList entities = m_chips->entities();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    switch (m_range) {
    case Range::Hour:
        m_fromMs = now - kHourMs;
        m_toMs = now;
        break;
    case Range::Day:
        m_fromMs = now - 24 * kHourMs;
        m_toMs = now;
        break;
    case Range::Week:
        m_fromMs = now - 7 * 24 * kHourMs;
        m_toMs = now;
        break;
    case Range::Custom:
        m_fromMs = m_customFrom->dateTime().toMSecsSinceEpoch();
        m_toMs = m_customTo->dateTime().toMSecsSinceEpoch();
        break;
    }
    if (entities.isEmpty()) { // nothing to draw; an answer still on its way is dropped
        m_pendingId = 0;
        m_busy->setVisible(false);
        m_error->setVisible(false);
        m_history->setLines({}, m_fromMs, m_toMs);
        return;
    }
    if (m_toMs <= m_fromMs) {
        failAll(tr("The range ends before it starts."));
        return;
    }
    const QUrl url = influxUrl();
    if (url.isEmpty()) { // say why, rather than draw an empty chart
        failAll(tr("Cannot show the history of %1: %2")
                    .arg(QLocale().createSeparatedList(entities),
                         tr("no InfluxDB is configured yet; points wait in the spool. Give "
                            "--influx-url, or let the app start a local InfluxDB "
                            "(--influx-managed).")));
        return;
    }
    QList<HistoryRequest> requests;
    for (const QString &entity : entities) {
        HistoryRequest request;
        request.entityId = entity;
        request.fromMs = m_fromMs;
        request.toMs = m_toMs; // maxPoints stays at ~1,000 per line: InfluxDB downsamples
        requests.append(request);
    }
    const quint64 id = m_pendingId = ++m_lastId;
    m_busy->setVisible(true);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, url, id, requests] {
        worker->setUrl(url);
        worker->queryBatch(id, requests);
    });
}

void ChartsPage::failAll(const QString &reason)
{
    ++m_lastId;      // counts as a load: the first entity list does not start another
    m_pendingId = 0; // drops an answer still on its way
    m_busy->setVisible(false);
    m_history->setLines({}, m_fromMs, m_toMs);
    m_error->setText(reason);
    m_error->setVisible(true);
    Q_EMIT historyFailed(m_chips->entities(), reason);
}

void ChartsPage::onBatchQueried(quint64 id, const QList<HistorySeries> &series)
{
    if (id != m_pendingId) // an older query the user has moved on from
        return;
    m_pendingId = 0;
    m_busy->setVisible(false);

    QList<HistoryLine> lines;
    QStringList loaded, empty, failed;
    QList<std::pair<QString, QStringList>> failures; // message → entities, in order of entities
    for (const HistorySeries &one : series) {
        if (!one.error.isEmpty()) {
            failed.append(one.entityId);
            auto it = std::find_if(failures.begin(), failures.end(),
                                   [&](const auto &f) { return f.first == one.error; });
            if (it == failures.end())
                failures.append({one.error, {one.entityId}});
            else
                it->second.append(one.entityId);
            continue;
        }
        loaded.append(one.entityId);
        if (one.points.isEmpty())
            empty.append(one.entityId);
        lines.append({one.entityId, one.unit, m_chips->colourOf(one.entityId), one.points});
    }
    m_history->setLines(lines, m_fromMs, m_toMs);

    // One sentence per cause, so "unreachable" is said once for all entities, not per line.
    QStringList messages;
    const QLocale locale;
    for (const auto &[message, ids] : std::as_const(failures)) {
        // The worker's messages are plain English from the backend; the frame is translated.
        messages.append(
            tr("Cannot show the history of %1: %2").arg(locale.createSeparatedList(ids), message));
    }
    if (!empty.isEmpty()) {
        messages.append(tr("InfluxDB has no numeric values for %1 in this range.")
                            .arg(locale.createSeparatedList(empty)));
    }
    m_error->setText(messages.join(u'\n'));
    m_error->setVisible(!messages.isEmpty());
    if (!loaded.isEmpty())
        Q_EMIT historyLoaded(loaded);
    if (!failed.isEmpty())
        Q_EMIT historyFailed(failed, m_error->text());
}

void ChartsPage::refreshLive()
{
    IngestPipeline *ingest = m_backend ? m_backend->ingest() : nullptr;
    if (!ingest)
        return;
    const std::shared_ptr<const IngestStats> stats = ingest->stats();
    const qint64 nowUs = HaTime::nowMicroseconds(); // the clock IngestStats records with
    m_rates->setRates(stats->domainRates(nowUs));
    if (m_ticks++ % kTopEvery == 0)
        m_top->setCounts(stats->topEntities(nowUs, 10));
}

} // namespace hai
