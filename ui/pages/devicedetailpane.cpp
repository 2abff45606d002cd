// SPDX-License-Identifier: GPL-3.0-or-later
#include "devicedetailpane.h"

#include "models/devicetablemodel.h"
#include "models/entityfilterproxy.h"
#include "models/entitytablemodel.h"
#include "models/livestatepoller.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

// The order of the fields in the form; refresh() fills them in the same order.
enum Field {
    FieldName,
    FieldManufacturer,
    FieldModel,
    FieldModelId,
    FieldArea,
    FieldFloor,
    FieldIntegration,
    FieldEntry,
    FieldSoftware,
    FieldHardware,
    FieldSerial,
    FieldVia,
    FieldEntryType,
    FieldDisabled,
    FieldUrl,
    FieldEntities,
    FieldCreated,
    FieldModified,
    FieldLastSeen,
    FieldId,
    FieldCount
};

} // namespace

DeviceDetailPane::DeviceDetailPane(DeviceTableModel *devices, EntityTableModel *entities,
                                   QWidget *parent)
    : QWidget(parent)
    , m_devices(devices)
    , m_title(new QLabel(this))
    , m_form(new QFormLayout)
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_entityView(new QTableView(this))
    , m_entityProxy(new EntityFilterProxy(this))
    , m_poller(nullptr)
    , m_chartButton(new QPushButton(tr("Open chart"), this))
{
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_splitter->setObjectName(u"detailSplitter"_s); // named: the page's layout is kept
    m_entityView->setObjectName(u"deviceEntities"_s);

    // Fields in a scroll area: a device has many, and a 768-pixel screen has few lines.
    auto *fields = new QWidget;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    fields->setLayout(m_form);
    const QStringList labels = {
        tr("Name"),     tr("Manufacturer"), tr("Model"),         tr("Model ID"),
        tr("Area"),     tr("Floor"),        tr("Integration"),   tr("Config entry"),
        tr("Software"), tr("Hardware"),     tr("Serial number"), tr("Connected via"),
        tr("Type"),     tr("Disabled by"),  tr("Configuration"), tr("Entities"),
        tr("Created"),  tr("Modified"),     tr("Last seen"),     tr("Device ID")};
    for (const QString &label : labels)
        addField(label);
    auto *scroll = new QScrollArea;
    scroll->setWidget(fields);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_entityProxy->setSourceModel(entities);
    m_entityProxy->setDeviceId(u"\x1f"_s); // matches nothing until a device is chosen
    m_entityView->setModel(m_entityProxy);
    m_entityView->setSortingEnabled(true);
    m_entityView->sortByColumn(EntityTableModel::EntityId, Qt::AscendingOrder);
    m_entityView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_entityView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_entityView->verticalHeader()->hide();
    m_entityView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_entityView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    // Name, state and last change first, so a narrow pane still shows the live values; the
    // entity_id stretches at the end.
    QHeaderView *header = m_entityView->horizontalHeader();
    header->moveSection(header->visualIndex(EntityTableModel::EntityId), header->count() - 1);
    const int em = fontMetrics().averageCharWidth();
    header->resizeSection(EntityTableModel::Name, 16 * em + 16);
    header->resizeSection(EntityTableModel::State, 9 * em + 16);
    header->resizeSection(EntityTableModel::LastChanged, 12 * em + 16);
    m_entityView->horizontalHeader()->setStretchLastSection(true);
    for (const int column : {EntityTableModel::Domain, EntityTableModel::Device,
                             EntityTableModel::Area, EntityTableModel::Platform})
        m_entityView->hideColumn(column);
    m_poller = new LiveStatePoller(m_entityView, m_entityProxy, this);

    auto *entitiesBox = new QWidget;
    auto *entitiesLayout = new QVBoxLayout(entitiesBox);
    entitiesLayout->setContentsMargins(0, 0, 0, 0);
    entitiesLayout->addWidget(m_entityView);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_chartButton);
    entitiesLayout->addLayout(buttons);

    m_splitter->addWidget(scroll);
    m_splitter->addWidget(entitiesBox);
    m_splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_splitter, 1);

    connect(m_chartButton, &QPushButton::clicked, this, [this] {
        const QString entity = selectedEntity();
        if (!entity.isEmpty())
            Q_EMIT chartRequested(entity);
    });
    connect(m_entityView, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        Q_EMIT chartRequested(index.data(EntityTableModel::KeyRole).toString());
    });
    connect(m_entityView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DeviceDetailPane::updateChartButton);
    // Follow the device's row: renamed, moved, removed.
    connect(devices, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const int row = m_devices->rowOf(m_deviceId);
                if (row >= topLeft.row() && row <= bottomRight.row())
                    refresh();
            });
    connect(devices, &QAbstractItemModel::rowsRemoved, this, &DeviceDetailPane::refresh);
    connect(devices, &QAbstractItemModel::rowsInserted, this, &DeviceDetailPane::refresh);
    refresh();
}

void DeviceDetailPane::addField(const QString &label)
{
    auto *value = new QLabel;
    value->setTextFormat(Qt::PlainText); // names come from HA, never markup
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse);
    value->setWordWrap(true);
    m_values.append(value);
    m_form->addRow(label, value);
}

void DeviceDetailPane::setDevice(const QString &deviceId)
{
    if (deviceId == m_deviceId)
        return;
    m_deviceId = deviceId;
    m_entityProxy->setDeviceId(deviceId.isEmpty() ? u"\x1f"_s : deviceId);
    refresh();
    m_poller->poll();
}

void DeviceDetailPane::refresh()
{
    const int row = m_deviceId.isEmpty() || !m_devices ? -1 : m_devices->rowOf(m_deviceId);
    if (row < 0) {
        m_title->setText(m_deviceId.isEmpty() ? tr("Select a device to see its details.")
                                              : tr("This device was removed from Home Assistant."));
        for (QLabel *value : std::as_const(m_values))
            value->clear();
        m_values.at(FieldUrl)->setTextFormat(Qt::PlainText);
        updateChartButton();
        return;
    }
    const DeviceRow &d = m_devices->rowAt(row);
    m_title->setText(d.name.isEmpty() ? d.id : d.name);
    const auto either = [](const QString &text, const QString &fallback) {
        return text.isEmpty() ? fallback : text;
    };
    QStringList texts(FieldCount);
    texts[FieldName] = d.name == d.originalName || d.originalName.isEmpty()
                           ? d.name
                           : tr("%1 (named \"%2\" by the integration)").arg(d.name, d.originalName);
    texts[FieldManufacturer] = d.manufacturer;
    texts[FieldModel] = d.model;
    texts[FieldModelId] = d.modelId;
    texts[FieldArea] = either(d.areaName, d.areaId.isEmpty() ? tr("None") : d.areaId);
    texts[FieldFloor] = either(d.floorName, d.floorId.isEmpty() ? tr("None") : d.floorId);
    texts[FieldIntegration] = d.integration;
    texts[FieldEntry] = either(d.configEntryTitle, d.configEntryId);
    texts[FieldSoftware] = d.swVersion;
    texts[FieldHardware] = d.hwVersion;
    texts[FieldSerial] = d.serialNumber;
    const int via = d.viaDeviceId.isEmpty() ? -1 : m_devices->rowOf(d.viaDeviceId);
    texts[FieldVia] = via >= 0 ? m_devices->rowAt(via).name : d.viaDeviceId;
    texts[FieldEntryType] = d.entryType;
    texts[FieldDisabled] = d.disabledBy;
    texts[FieldEntities] = QString::number(d.entityCount);
    texts[FieldCreated] = DeviceTableModel::formatEpoch(d.createdAt);
    texts[FieldModified] = DeviceTableModel::formatEpoch(d.modifiedAt);
    texts[FieldLastSeen] = DeviceTableModel::formatEpoch(d.lastSeen);
    texts[FieldId] = d.id;
    for (int i = 0; i < FieldCount; ++i)
        m_values.at(i)->setText(texts.at(i));
    QLabel *url = m_values.at(FieldUrl);
    if (!d.configurationUrl.isEmpty()) {
        const QString escaped = d.configurationUrl.toHtmlEscaped();
        url->setTextFormat(Qt::RichText);
        url->setOpenExternalLinks(true);
        url->setText(u"<a href=\""_s + escaped + u"\">"_s + escaped + u"</a>"_s);
    }
    updateChartButton();
}

QString DeviceDetailPane::selectedEntity() const
{
    const QModelIndexList rows = m_entityView->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(EntityTableModel::KeyRole).toString();
}

void DeviceDetailPane::updateChartButton()
{
    m_chartButton->setEnabled(!selectedEntity().isEmpty());
}

} // namespace hai
