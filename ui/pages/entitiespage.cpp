// SPDX-License-Identifier: GPL-3.0-or-later
#include "entitiespage.h"

#include "guisettings.h"
#include "models/entityfilterproxy.h"
#include "models/entitytablemodel.h"
#include "models/livestatepoller.h"
#include "models/registrymodels.h"
#include "widgetstate.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hai {

namespace {
constexpr int kSearchDelayMs = 150; // one filter pass per pause in typing, not per key
constexpr int kStatusDelayMs = 100;
constexpr int kChoicesDelayMs = 500;
const QString kSettingsGroup = u"pages/entities"_s;
// The area combo's item data for "entities without an area" (area ids are never this).
const QString kNoArea = u"\x1fnone"_s;

// Refills a combo with "any" plus `values`, keeping the current choice when it still exists.
void refill(QComboBox *box, const QString &any, const QList<std::pair<QString, QString>> &values)
{
    const QString current = box->currentData().toString();
    const QSignalBlocker blocker(box);
    box->clear();
    box->addItem(any, QString());
    for (const auto &[label, value] : values)
        box->addItem(label, value);
    box->setCurrentIndex(qMax(0, box->findData(current)));
}

QList<std::pair<QString, QString>> same(const QStringList &values)
{
    QList<std::pair<QString, QString>> pairs;
    for (const QString &value : values)
        pairs.append({value, value});
    return pairs;
}

} // namespace

EntitiesPage::EntitiesPage(Backend *backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_proxy(new EntityFilterProxy(this))
{
    buildUi();
    attach(RegistryModels::of(backend));
}

EntitiesPage::EntitiesPage(RegistryModels *models, QWidget *parent)
    : QWidget(parent)
    , m_proxy(new EntityFilterProxy(this))
{
    buildUi();
    attach(models);
}

EntitiesPage::~EntitiesPage()
{
    saveState();
}

void EntitiesPage::buildUi()
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"search"_s);
    m_search->setPlaceholderText(tr("Search entities by ID, name or device…"));
    m_search->setClearButtonEnabled(true);
    m_domain = new QComboBox(this);
    m_domain->setToolTip(tr("Show one domain only"));
    m_area = new QComboBox(this);
    m_area->setToolTip(tr("Show one area only (an entity's own, else its device's)"));
    m_integration = new QComboBox(this);
    m_integration->setToolTip(tr("Show one integration only"));
    m_state = new QComboBox(this);
    m_state->setEditable(true);
    m_state->setInsertPolicy(QComboBox::NoInsert);
    m_state->setToolTip(tr("Show entities in this state only; type any state"));
    m_state->addItem(tr("Any state"), QString());
    for (const QString &state : {u"on"_s, u"off"_s, u"unavailable"_s, u"unknown"_s})
        m_state->addItem(state, state);
    for (QComboBox *box : {m_domain, m_area, m_integration, m_state})
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    for (QComboBox *box : {m_domain, m_area, m_integration})
        box->setMinimumContentsLength(10);
    m_state->setMinimumContentsLength(8);
    refill(m_domain, tr("All domains"), {});
    refill(m_area, tr("All areas"), {});
    refill(m_integration, tr("All integrations"), {});
    m_status = new QLabel(this);

    m_table = new QTableView(this);
    m_table->setObjectName(u"entityTable"_s);
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_poller = new LiveStatePoller(m_table, m_proxy, this);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 2);
    filters->addWidget(m_domain, 1);
    filters->addWidget(m_area, 1);
    filters->addWidget(m_integration, 1);
    filters->addWidget(m_state, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);

    m_searchTimer.setSingleShot(true);
    m_searchTimer.setInterval(kSearchDelayMs);
    m_statusTimer.setSingleShot(true);
    m_statusTimer.setInterval(kStatusDelayMs);
    m_choicesTimer.setSingleShot(true);
    m_choicesTimer.setInterval(kChoicesDelayMs);
    connect(m_search, &QLineEdit::textChanged, &m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_state, &QComboBox::editTextChanged, &m_searchTimer, qOverload<>(&QTimer::start));
    connect(&m_searchTimer, &QTimer::timeout, this, &EntitiesPage::applyFilters);
    for (QComboBox *box : {m_domain, m_area, m_integration})
        connect(box, &QComboBox::currentIndexChanged, this, &EntitiesPage::applyFilters);
    connect(&m_statusTimer, &QTimer::timeout, this, &EntitiesPage::updateStatus);
    connect(&m_choicesTimer, &QTimer::timeout, this, &EntitiesPage::updateChoices);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, &m_statusTimer, qOverload<>(&QTimer::start));
    connect(m_proxy, &QAbstractItemModel::layoutChanged, &m_statusTimer,
            qOverload<>(&QTimer::start));
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        Q_EMIT chartRequested(index.data(EntityTableModel::KeyRole).toString());
    });
    updateStatus();
}

void EntitiesPage::attach(RegistryModels *models)
{
    if (!models || m_models)
        return;
    m_models = models;
    m_proxy->setSourceModel(models->entities());
    models->sortAfterFirstFill(m_proxy, EntityTableModel::EntityId);
    // Widths in characters, so they fit the font at any scale; a saved layout overrides them.
    const int em = fontMetrics().averageCharWidth();
    const QList<std::pair<int, int>> widths = {
        {EntityTableModel::EntityId, 34},   {EntityTableModel::Name, 22},
        {EntityTableModel::Domain, 13},     {EntityTableModel::Device, 24},
        {EntityTableModel::Area, 14},       {EntityTableModel::State, 12},
        {EntityTableModel::LastChanged, 14}};
    for (const auto &[column, chars] : widths)
        m_table->horizontalHeader()->resizeSection(column, chars * em + 16);
    m_table->sortByColumn(EntityTableModel::EntityId, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    connect(models, &RegistryModels::reloaded, &m_choicesTimer, qOverload<>(&QTimer::start));
    connect(models, &RegistryModels::placesChanged, &m_choicesTimer, qOverload<>(&QTimer::start));
    connect(models, &RegistryModels::reloaded, this, &EntitiesPage::updateStatus);
    connect(models, &RegistryModels::failed, this, &EntitiesPage::updateStatus);
    restoreState();
    if (models->isLoaded())
        updateChoices();
    updateStatus();
}

void EntitiesPage::showEvent(QShowEvent *event)
{
    if (!m_models && m_backend)
        attach(RegistryModels::of(m_backend));
    QWidget::showEvent(event);
}

void EntitiesPage::updateChoices()
{
    if (!m_models)
        return;
    refill(m_domain, tr("All domains"), same(m_models->entities()->distinctDomains()));
    refill(m_integration, tr("All integrations"),
           same(m_models->entities()->distinctIntegrations()));
    QList<std::pair<QString, QString>> areas;
    for (const AreaRow &area : m_models->places().areas)
        areas.append({area.name, area.id});
    areas.append({tr("No area"), kNoArea});
    refill(m_area, tr("All areas"), areas);
}

void EntitiesPage::applyFilters()
{
    m_proxy->setSearchText(m_search->text());
    m_proxy->setDomain(m_domain->currentData().toString());
    m_proxy->setIntegration(m_integration->currentData().toString());
    const QString area = m_area->currentData().toString();
    m_proxy->setAreaId(area.isEmpty()    ? std::nullopt
                       : area == kNoArea ? std::optional<QString>(QString())
                                         : std::optional<QString>(area));
    // An edited text is a state; the "Any state" item is not.
    const QString text = m_state->currentText().trimmed();
    m_proxy->setState(text == m_state->itemText(0) ? QString() : text);
}

void EntitiesPage::updateStatus()
{
    if (!m_models) {
        m_status->setText(tr("The registry is not available yet."));
        return;
    }
    const int total = m_models->entities()->rowCount();
    if (!m_models->lastError().isEmpty())
        m_status->setText(tr("Cannot read the registry: %1").arg(m_models->lastError()));
    else if (!m_models->isLoaded())
        m_status->setText(tr("Loading… %1 entities").arg(total));
    else
        m_status->setText(tr("%1 of %2 entities").arg(m_proxy->rowCount()).arg(total));
}

void EntitiesPage::saveState()
{
    if (!m_models)
        return; // nothing was restored, so nothing to keep
    GuiSettings settings;
    WidgetState::save(this, settings, kSettingsGroup);
}

// The same group MainWindow keeps the page's layout in, so either may restore it.
void EntitiesPage::restoreState()
{
    GuiSettings settings;
    WidgetState::restore(this, settings, kSettingsGroup);
}

} // namespace hai
