// SPDX-License-Identifier: GPL-3.0-or-later
#include "devicespage.h"

#include "devicedetailpane.h"
#include "guisettings.h"
#include "models/devicefilterproxy.h"
#include "models/devicetablemodel.h"
#include "models/devicetreemodel.h"
#include "models/registrymodels.h"
#include "widgetstate.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hai {

namespace {
constexpr int kSearchDelayMs = 150; // one filter pass per pause in typing, not per key
constexpr int kStatusDelayMs = 100;
const QString kSettingsGroup = u"pages/devices"_s;
} // namespace

DevicesPage::DevicesPage(Backend *backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_proxy(new DeviceFilterProxy(this))
{
    buildUi();
    attach(RegistryModels::of(backend));
}

DevicesPage::DevicesPage(RegistryModels *models, QWidget *parent)
    : QWidget(parent)
    , m_proxy(new DeviceFilterProxy(this))
{
    buildUi();
    attach(models);
}

DevicesPage::~DevicesPage()
{
    saveState();
}

void DevicesPage::buildUi()
{
    m_grouping = new QComboBox(this);
    m_grouping->addItems({tr("Floors and areas"), tr("Integrations"), tr("Manufacturers")});
    m_grouping->setToolTip(tr("How the tree groups the devices"));
    auto *all = new QToolButton(this);
    all->setText(tr("All devices"));
    all->setToolTip(tr("Show every device in the table"));
    m_tree = new QTreeView(this);
    m_tree->setObjectName(u"deviceTree"_s);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true); // lets the view skip measuring 10,000 rows

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *groupRow = new QHBoxLayout;
    groupRow->addWidget(m_grouping, 1);
    groupRow->addWidget(all);
    leftLayout->addLayout(groupRow);
    leftLayout->addWidget(m_tree, 1);

    m_search = new QLineEdit(this);
    m_search->setObjectName(u"search"_s);
    m_search->setPlaceholderText(tr("Search devices by name, maker, model, area…"));
    m_search->setClearButtonEnabled(true);
    m_status = new QLabel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(u"deviceTable"_s);
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionsMovable(true);

    auto *center = new QWidget(this);
    auto *centerLayout = new QVBoxLayout(center);
    centerLayout->setContentsMargins(0, 0, 0, 0);
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_status);
    centerLayout->addLayout(searchRow);
    centerLayout->addWidget(m_table, 1);

    m_detailHolder = new QWidget(this);
    new QVBoxLayout(m_detailHolder);
    m_detailHolder->layout()->setContentsMargins(0, 0, 0, 0);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"deviceSplitter"_s);
    m_splitter->addWidget(left);
    m_splitter->addWidget(center);
    m_splitter->addWidget(m_detailHolder);
    m_splitter->setStretchFactor(1, 1);
    const int em = fontMetrics().averageCharWidth();
    m_splitter->setSizes({24 * em, 72 * em, 52 * em});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_splitter);

    m_searchTimer.setSingleShot(true);
    m_searchTimer.setInterval(kSearchDelayMs);
    m_statusTimer.setSingleShot(true);
    m_statusTimer.setInterval(kStatusDelayMs);
    connect(m_search, &QLineEdit::textChanged, &m_searchTimer, qOverload<>(&QTimer::start));
    connect(&m_searchTimer, &QTimer::timeout, this,
            [this] { m_proxy->setSearchText(m_search->text()); });
    connect(&m_statusTimer, &QTimer::timeout, this, &DevicesPage::updateStatus);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, &m_statusTimer, qOverload<>(&QTimer::start));
    connect(m_proxy, &QAbstractItemModel::layoutChanged, &m_statusTimer,
            qOverload<>(&QTimer::start));
    connect(all, &QToolButton::clicked, this, [this] {
        m_tree->selectionModel()->clear();
        m_proxy->setGroupFilter(DeviceFilterProxy::Group::None);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DevicesPage::onTableSelection);
    updateStatus();
}

void DevicesPage::attach(RegistryModels *models)
{
    if (!models || m_models)
        return;
    m_models = models;
    m_proxy->setSourceModel(models->devices());
    models->sortAfterFirstFill(m_proxy, DeviceTableModel::Name);
    // Widths in characters, so they fit the font at any scale; a saved layout overrides them.
    const int em = fontMetrics().averageCharWidth();
    const QList<std::pair<int, int>> widths = {
        {DeviceTableModel::Name, 24},        {DeviceTableModel::Manufacturer, 14},
        {DeviceTableModel::Model, 14},       {DeviceTableModel::Area, 12},
        {DeviceTableModel::Integration, 11}, {DeviceTableModel::EntityCount, 8}};
    for (const auto &[column, chars] : widths)
        m_table->horizontalHeader()->resizeSection(column, chars * em + 16);
    m_table->sortByColumn(DeviceTableModel::Name, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);

    m_treeModel = new DeviceTreeModel(models->devices(), this);
    m_tree->setModel(m_treeModel);
    // Floors open, so their areas show; the device lists stay folded.
    connect(m_treeModel, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &parent, int first, int last) {
                if (parent.isValid() || m_treeModel->grouping() != DeviceTreeModel::Grouping::Place)
                    return;
                for (int row = first; row <= last; ++row)
                    m_tree->expand(m_treeModel->index(row, 0));
            });
    connect(m_treeModel, &QAbstractItemModel::modelReset, this, [this] {
        if (m_treeModel->grouping() == DeviceTreeModel::Grouping::Place)
            m_tree->expandToDepth(0);
    });
    m_tree->expandToDepth(0);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &DevicesPage::onTreeSelection);
    connect(m_grouping, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_proxy->setGroupFilter(DeviceFilterProxy::Group::None);
        m_treeModel->setGrouping(DeviceTreeModel::Grouping(qBound(0, index, 2)));
    });

    m_detail = new DeviceDetailPane(models->devices(), models->entities(), m_detailHolder);
    m_detailHolder->layout()->addWidget(m_detail);
    connect(m_detail, &DeviceDetailPane::chartRequested, this, &DevicesPage::chartRequested);
    // Something in the detail pane as soon as there is a device, not an empty form.
    const auto selectFirst = [this] {
        if (!m_table->currentIndex().isValid() && m_proxy->rowCount() > 0)
            m_table->setCurrentIndex(m_proxy->index(0, 0));
    };
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, selectFirst);
    selectFirst();

    connect(models, &RegistryModels::reloaded, this, &DevicesPage::updateStatus);
    connect(models, &RegistryModels::failed, this, &DevicesPage::updateStatus);
    restoreState();
    updateStatus();
}

void DevicesPage::showEvent(QShowEvent *event)
{
    if (!m_models && m_backend)
        attach(RegistryModels::of(m_backend));
    QWidget::showEvent(event);
}

void DevicesPage::onTreeSelection(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    using Kind = DeviceTreeModel::Kind;
    const auto kind = Kind(index.data(DeviceTreeModel::KindRole).toInt());
    if (kind == Kind::Device) {
        // The table shows the device's group, with the device selected.
        const QModelIndex group = index.parent();
        const auto groupKind = Kind(group.data(DeviceTreeModel::KindRole).toInt());
        if (groupKind == Kind::Area) // "No area" exists on one floor only, so the key is enough
            m_proxy->setGroupFilter(DeviceFilterProxy::Group::Area,
                                    group.data(DeviceTreeModel::KeyRole).toString());
        else
            onTreeSelection(group);
        showDevice(index.data(DeviceTreeModel::KeyRole).toString());
        return;
    }
    const QString key = index.data(DeviceTreeModel::KeyRole).toString();
    switch (kind) {
    case Kind::Floor:
        m_proxy->setGroupFilter(DeviceFilterProxy::Group::Floor, key);
        break;
    case Kind::Area:
        m_proxy->setGroupFilter(DeviceFilterProxy::Group::Area, key);
        break;
    case Kind::Group:
        m_proxy->setGroupFilter(m_treeModel->grouping() == DeviceTreeModel::Grouping::Integration
                                    ? DeviceFilterProxy::Group::Integration
                                    : DeviceFilterProxy::Group::Manufacturer,
                                key);
        break;
    case Kind::Device:
        break;
    }
}

void DevicesPage::showDevice(const QString &deviceId)
{
    if (!m_models)
        return;
    const int row = m_models->devices()->rowOf(deviceId);
    const QModelIndex index =
        row < 0 ? QModelIndex() : m_proxy->mapFromSource(m_models->devices()->index(row, 0));
    if (index.isValid()) {
        m_table->setCurrentIndex(index);
        m_table->scrollTo(index);
    }
    m_detail->setDevice(deviceId);
}

void DevicesPage::onTableSelection()
{
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid() && m_detail)
        m_detail->setDevice(current.data(DeviceTableModel::KeyRole).toString());
}

void DevicesPage::updateStatus()
{
    if (!m_models) {
        m_status->setText(tr("The registry is not available yet."));
        return;
    }
    const int total = m_models->devices()->rowCount();
    if (!m_models->lastError().isEmpty())
        m_status->setText(tr("Cannot read the registry: %1").arg(m_models->lastError()));
    else if (!m_models->isLoaded())
        m_status->setText(tr("Loading… %1 devices").arg(total));
    else
        m_status->setText(tr("%1 of %2 devices").arg(m_proxy->rowCount()).arg(total));
}

void DevicesPage::saveState()
{
    if (!m_models)
        return; // nothing was restored, so nothing to keep
    GuiSettings settings;
    WidgetState::save(this, settings, kSettingsGroup);
    settings.setValue(kSettingsGroup + u"/grouping"_s, m_grouping->currentIndex());
}

// The same group MainWindow keeps the page's layout in, so either may restore it.
void DevicesPage::restoreState()
{
    GuiSettings settings;
    WidgetState::restore(this, settings, kSettingsGroup);
    m_grouping->setCurrentIndex(
        qBound(0, settings.value(kSettingsGroup + u"/grouping"_s, 0).toInt(), 2));
}

} // namespace hai
