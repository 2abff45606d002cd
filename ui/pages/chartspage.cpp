// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartspage.h"

#include "backend.h"
#include "charts/historychartview.h"
#include "charts/liveratechart.h"
#include "charts/topentitieschart.h"
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
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStringListModel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hai {

namespace {
constexpr qint64 kHourMs = 3600 * 1000;
constexpr int kTopEvery = 5; // live ticks between top-entity refreshes: a larger snapshot
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
    connect(m_worker, &InfluxHistoryWorker::queried, this, &ChartsPage::onQueried);
    connect(m_worker, &InfluxHistoryWorker::failed, this, &ChartsPage::onFailed);
    connect(m_worker, &InfluxHistoryWorker::entitiesListed, this, [this](const QStringList &ids) {
        if (ids == m_entityModel->stringList())
            return;
        const bool first = m_entityModel->stringList().isEmpty();
        m_entityModel->setStringList(ids);
        if (first && m_lastId == 0) // the first entity's day, or why there is none
            loadHistory();
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
}

ChartsPage::~ChartsPage() = default; // m_thread quits and waits; the worker goes with it

QWidget *ChartsPage::buildHistoryControls()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);

    m_entity = new QComboBox(bar);
    m_entity->setEditable(true);
    m_entity->setInsertPolicy(QComboBox::NoInsert);
    m_entity->setMinimumContentsLength(28);
    m_entity->lineEdit()->setPlaceholderText(tr("Entity, e.g. sensor.living_room_temperature"));
    m_entityModel = new QStringListModel(this);
    m_entity->setModel(m_entityModel);
    auto *completer = new QCompleter(m_entityModel, m_entity);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_entity->setCompleter(completer);
    connect(m_entity, &QComboBox::textActivated, this, &ChartsPage::loadHistory);
    row->addWidget(new QLabel(tr("Entity:"), bar));
    row->addWidget(m_entity, 1);

    m_rangeButtons = new QButtonGroup(this);
    const std::pair<Range, QString> ranges[] = {{Range::Hour, tr("1 h")},
                                                {Range::Day, tr("24 h")},
                                                {Range::Week, tr("7 d")},
                                                {Range::Custom, tr("Custom")}};
    for (const auto &[range, label] : ranges) {
        auto *button = new QPushButton(label, bar);
        button->setCheckable(true);
        button->setChecked(range == m_range);
        m_rangeButtons->addButton(button, int(range));
        row->addWidget(button);
    }
    connect(m_rangeButtons, &QButtonGroup::idClicked, this,
            [this](int id) { setRange(Range(id)); });

    const QDateTime now = QDateTime::currentDateTime();
    m_customFrom = new QDateTimeEdit(now.addDays(-1), bar);
    m_customTo = new QDateTimeEdit(now, bar);
    for (QDateTimeEdit *edit : {m_customFrom, m_customTo}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(u"yyyy-MM-dd HH:mm"_s);
        edit->setEnabled(false);
    }
    auto *show = new QPushButton(tr("Show"), bar);
    connect(show, &QPushButton::clicked, this, &ChartsPage::loadHistory);
    row->addWidget(m_customFrom);
    row->addWidget(new QLabel(tr("to"), bar));
    row->addWidget(m_customTo);
    row->addWidget(show);

    m_busy = new QProgressBar(bar);
    m_busy->setRange(0, 0); // indeterminate: InfluxDB gives no progress
    m_busy->setMaximumWidth(120);
    m_busy->setTextVisible(false);
    m_busy->setVisible(false);
    row->addWidget(m_busy);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b00020;"_s);
    m_error->setVisible(false);
    return bar;
}

void ChartsPage::showEntity(const QString &entityId)
{
    m_entity->setCurrentText(entityId);
    setRange(Range::Day);
}

void ChartsPage::setRange(Range range)
{
    m_range = range;
    if (QAbstractButton *button = m_rangeButtons->button(int(range)))
        button->setChecked(true);
    m_customFrom->setEnabled(range == Range::Custom);
    m_customTo->setEnabled(range == Range::Custom);
    if (range != Range::Custom) // custom waits for "Show"
        loadHistory();
}

QUrl ChartsPage::influxUrl() const
{
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
    const QString entity = m_entity->currentText().trimmed();
    if (entity.isEmpty())
        return;
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
        if (m_toMs <= m_fromMs) {
            onFailed(m_pendingId = ++m_lastId, entity, tr("The range ends before it starts."));
            return;
        }
        break;
    }
    if (influxUrl().isEmpty()) { // say why, rather than draw an empty chart
        onFailed(m_pendingId = ++m_lastId, entity,
                 tr("no InfluxDB is configured yet; points wait in the spool. Give --influx-url, "
                    "or let the app start a local InfluxDB (--influx-managed)."));
        return;
    }
    HistoryRequest request;
    request.entityId = entity;
    request.fromMs = m_fromMs;
    request.toMs = m_toMs;
    const quint64 id = m_pendingId = ++m_lastId;
    m_busy->setVisible(true);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, url = influxUrl(), id, request] {
        worker->setUrl(url);
        worker->query(id, request);
    });
}

void ChartsPage::onQueried(quint64 id, const QString &entityId, const QList<QPointF> &points)
{
    if (id != m_pendingId) // an older query the user has moved on from
        return;
    m_pendingId = 0;
    m_busy->setVisible(false);
    m_error->setVisible(false);
    m_history->setPoints(entityId, points, m_fromMs, m_toMs);
    if (points.isEmpty()) {
        m_error->setText(tr("InfluxDB has no numeric values for %1 in this range.").arg(entityId));
        m_error->setVisible(true);
    }
    Q_EMIT historyLoaded(entityId, int(points.size()));
}

void ChartsPage::onFailed(quint64 id, const QString &entityId, const QString &message)
{
    if (id != m_pendingId)
        return;
    m_pendingId = 0;
    m_busy->setVisible(false);
    m_history->clear();
    // The worker's messages are plain English from the backend; the frame is translated.
    m_error->setText(tr("Cannot show the history of %1: %2").arg(entityId, message));
    m_error->setVisible(true);
    Q_EMIT historyFailed(entityId, message);
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
