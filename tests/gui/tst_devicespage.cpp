// SPDX-License-Identifier: GPL-3.0-or-later
// DevicesPage on a real Backend discovering a DemoHome: the table and tree hold every device,
// a rename or a move in Home Assistant changes the row in place, search and tree selection
// filter, the detail pane shows the device's entities with live states and asks for charts,
// and the layout comes back.
#include "demohomebackend.h"
#include "guisettings.h"
#include "models/devicefilterproxy.h"
#include "models/devicetablemodel.h"
#include "models/devicetreemodel.h"
#include "models/entitytablemodel.h"
#include "models/registrymodels.h"
#include "pages/devicedetailpane.h"
#include "pages/devicespage.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace hai;

class TestDevicesPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void showsEveryDevice();
    void renameChangesRowInPlace();
    void moveChangesAreaAndTree();
    void searchFiltersAsYouType();
    void treeSelectionFiltersTable();
    void groupingSelectorRegroups();
    void detailPaneShowsLiveEntities();
    void restoresLayout();
    void nullBackendShowsEmptyPage();
    void survivesBackendGoingFirst();

private:
    RegistryModels *models() const { return RegistryModels::of(m_home->backend.get()); }
    QString nameInTable(const QString &deviceId) const;

    std::unique_ptr<test::DemoHomeBackend> m_home;
    std::unique_ptr<DevicesPage> m_page;
};

void TestDevicesPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // GuiSettings goes to a test folder
}

void TestDevicesPage::init()
{
    GuiSettings().clear();
    DemoHomeOptions options;
    options.devices = 30;
    options.entitiesPerDevice = 4;
    m_home = std::make_unique<test::DemoHomeBackend>();
    QString error;
    QVERIFY2(m_home->start(options, &error), qPrintable(error));
    m_page = std::make_unique<DevicesPage>(m_home->backend.get());
    m_page->resize(1280, 720);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QTRY_COMPARE_WITH_TIMEOUT(m_page->table()->model()->rowCount(), m_home->demo->deviceCount(),
                              20000);
}

void TestDevicesPage::cleanup()
{
    m_page.reset();
    m_home.reset();
}

QString TestDevicesPage::nameInTable(const QString &deviceId) const
{
    QAbstractItemModel *model = m_page->table()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, DeviceTableModel::Name);
        if (index.data(DeviceTableModel::KeyRole).toString() == deviceId)
            return index.data().toString();
    }
    return {};
}

void TestDevicesPage::showsEveryDevice()
{
    QCOMPARE(models()->devices()->rowCount(), m_home->demo->deviceCount());
    auto *search = m_page->findChild<QLineEdit *>(u"search"_s);
    QVERIFY(search);
    QCOMPARE(search, m_page->searchBox());
    int inTree = 0;
    DeviceTreeModel *tree = m_page->treeModel();
    for (int row = 0; row < tree->rowCount(); ++row)
        inTree += tree->index(row, 0).data(DeviceTreeModel::CountRole).toInt();
    QCOMPARE(inTree, m_home->demo->deviceCount());
    for (const QString &id : m_home->demo->deviceIds())
        QVERIFY2(m_page->treeModel()->indexOfDevice(id).isValid(), qPrintable(id));
    // Entity counts agree with the entity table.
    const EntityTableModel *entities = models()->entities();
    QTRY_COMPARE_WITH_TIMEOUT(entities->rowCount(), m_home->demo->entityCount(), 10000);
    const QString first = m_home->demo->deviceIds().first();
    int count = 0;
    for (int row = 0; row < entities->rowCount(); ++row)
        count += entities->rowAt(row).deviceId == first;
    const DeviceTableModel *devices = models()->devices();
    QCOMPARE(devices->rowAt(devices->rowOf(first)).entityCount, count);
}

void TestDevicesPage::renameChangesRowInPlace()
{
    const QString id = m_home->demo->deviceIds().at(3);
    DeviceTableModel *devices = models()->devices();
    const QPersistentModelIndex source(devices->index(devices->rowOf(id), 0));
    const QPersistentModelIndex shown(
        m_page->proxy()->mapFromSource(devices->index(devices->rowOf(id), 0)));
    QSignalSpy changed(devices, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(devices, &QAbstractItemModel::modelReset);
    QSignalSpy proxyReset(m_page->proxy(), &QAbstractItemModel::modelReset);
    QSignalSpy removed(devices, &QAbstractItemModel::rowsRemoved);

    QVERIFY(m_home->demo->renameDevice(id, u"Renamed by the user"_s));
    QTRY_COMPARE_WITH_TIMEOUT(nameInTable(id), u"Renamed by the user"_s, 10000);
    QVERIFY(source.isValid() && shown.isValid());
    QCOMPARE(source.data().toString(), u"Renamed by the user"_s);
    QCOMPARE(shown.data(DeviceTableModel::KeyRole).toString(), id);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(reset.size(), 0);
    QCOMPARE(proxyReset.size(), 0);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(m_page->treeModel()->indexOfDevice(id).data().toString(), u"Renamed by the user"_s);
}

void TestDevicesPage::moveChangesAreaAndTree()
{
    DeviceTableModel *devices = models()->devices();
    const QString id = m_home->demo->deviceIds().at(5);
    const QString from = devices->rowAt(devices->rowOf(id)).areaId;
    QString to;
    for (const QString &area : m_home->demo->areaIds()) {
        if (area != from)
            to = area;
    }
    QVERIFY(!to.isEmpty());
    const QPersistentModelIndex leaf = m_page->treeModel()->indexOfDevice(id);
    QSignalSpy reset(devices, &QAbstractItemModel::modelReset);
    QSignalSpy treeReset(m_page->treeModel(), &QAbstractItemModel::modelReset);

    QVERIFY(m_home->demo->moveDevice(id, to));
    QTRY_COMPARE_WITH_TIMEOUT(devices->rowAt(devices->rowOf(id)).areaId, to, 10000);
    const QString areaName = models()->areaName(to);
    QVERIFY(!areaName.isEmpty());
    QCOMPARE(devices->index(devices->rowOf(id), DeviceTableModel::Area).data().toString(),
             areaName);
    QVERIFY(leaf.isValid());
    QCOMPARE(leaf.parent().data(DeviceTreeModel::KeyRole).toString(), to);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(treeReset.size(), 0);
}

void TestDevicesPage::searchFiltersAsYouType()
{
    const QString id = m_home->demo->deviceIds().at(7);
    const QString name = nameInTable(id);
    QAbstractItemModel *shown = m_page->table()->model();
    const auto listsDevice = [&] {
        for (int row = 0; row < shown->rowCount(); ++row) {
            if (shown->index(row, 0).data(DeviceTableModel::KeyRole).toString() == id)
                return true;
        }
        return false;
    };
    // Every word of the name matches somewhere, so the device is among the rows.
    QTest::keyClicks(m_page->searchBox(), name);
    QTRY_VERIFY_WITH_TIMEOUT(shown->rowCount() < m_home->demo->deviceCount(), 5000);
    QVERIFY(listsDevice());
    // Its id is unique.
    m_page->searchBox()->setText(id.toUpper());
    QTRY_COMPARE_WITH_TIMEOUT(shown->rowCount(), 1, 5000);
    QVERIFY(listsDevice());
    m_page->searchBox()->clear();
    QTRY_COMPARE_WITH_TIMEOUT(shown->rowCount(), m_home->demo->deviceCount(), 5000);
}

void TestDevicesPage::treeSelectionFiltersTable()
{
    DeviceTableModel *devices = models()->devices();
    const DeviceRow &device = devices->rowAt(devices->rowOf(m_home->demo->deviceIds().at(2)));
    const QModelIndex area =
        m_page->treeModel()->indexOfGroup(device.floorId, std::optional<QString>(device.areaId));
    QVERIFY(area.isValid());
    m_page->tree()->setCurrentIndex(area);
    QCOMPARE(m_page->table()->model()->rowCount(), area.data(DeviceTreeModel::CountRole).toInt());
    // A device in the tree selects it in the table and shows its details.
    const QModelIndex leaf = m_page->treeModel()->indexOfDevice(device.id);
    m_page->tree()->setCurrentIndex(leaf);
    QCOMPARE(m_page->table()->currentIndex().data(DeviceTableModel::KeyRole).toString(), device.id);
    QCOMPARE(m_page->detailPane()->deviceId(), device.id);
}

void TestDevicesPage::groupingSelectorRegroups()
{
    m_page->groupingBox()->setCurrentIndex(1);
    QCOMPARE(m_page->treeModel()->grouping(), DeviceTreeModel::Grouping::Integration);
    const QModelIndex first = m_page->treeModel()->index(0, 0);
    QCOMPARE(first.data(DeviceTreeModel::KindRole).toInt(), int(DeviceTreeModel::Kind::Group));
    m_page->tree()->setCurrentIndex(first);
    QCOMPARE(m_page->proxy()->group(), DeviceFilterProxy::Group::Integration);
    QCOMPARE(m_page->table()->model()->rowCount(), first.data(DeviceTreeModel::CountRole).toInt());
}

void TestDevicesPage::detailPaneShowsLiveEntities()
{
    EntityTableModel *entities = models()->entities();
    QTRY_COMPARE_WITH_TIMEOUT(entities->rowCount(), m_home->demo->entityCount(), 10000);
    const QString id = m_home->demo->deviceIds().at(1);
    m_page->showDevice(id);
    QCOMPARE(m_page->detailPane()->deviceId(), id);
    QTableView *view = m_page->detailPane()->entityView();
    const DeviceTableModel *devices = models()->devices();
    QCOMPARE(view->model()->rowCount(), devices->rowAt(devices->rowOf(id)).entityCount);
    QVERIFY(view->model()->rowCount() > 0);

    const QString entity = view->model()->index(0, 0).data(EntityTableModel::KeyRole).toString();
    QVERIFY(m_home->demo->setState(entity, u"12345"_s));
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->index(0, EntityTableModel::State).data().toString(),
                              u"12345"_s, 10000);

    auto *button = m_page->detailPane()->findChild<QPushButton *>();
    QVERIFY(button);
    QVERIFY(!button->isEnabled());
    view->selectRow(0);
    QVERIFY(button->isEnabled());
    QSignalSpy chart(m_page.get(), &DevicesPage::chartRequested);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(chart.size(), 1);
    QCOMPARE(chart.at(0).at(0).toString(), entity);
}

void TestDevicesPage::restoresLayout()
{
    QHeaderView *header = m_page->table()->horizontalHeader();
    header->resizeSection(DeviceTableModel::Manufacturer, 177);
    m_page->table()->sortByColumn(DeviceTableModel::EntityCount, Qt::DescendingOrder);
    m_page->groupingBox()->setCurrentIndex(2);
    m_page.reset(); // saves
    DevicesPage again(m_home->backend.get());
    QCOMPARE(again.table()->horizontalHeader()->sectionSize(DeviceTableModel::Manufacturer), 177);
    QCOMPARE(again.table()->horizontalHeader()->sortIndicatorSection(),
             int(DeviceTableModel::EntityCount));
    QCOMPARE(again.groupingBox()->currentIndex(), 2);
    QCOMPARE(again.treeModel()->grouping(), DeviceTreeModel::Grouping::Manufacturer);
}

void TestDevicesPage::nullBackendShowsEmptyPage()
{
    DevicesPage page(static_cast<Backend *>(nullptr));
    page.show();
    QCOMPARE(page.table()->model()->rowCount(), 0);
    QVERIFY(page.searchBox());
}

void TestDevicesPage::survivesBackendGoingFirst()
{
    const QString id = m_home->demo->deviceIds().first();
    m_page->showDevice(id);
    m_home->backend.reset(); // the shared models are its children
    m_page->showDevice(id);
    m_page->detailPane()->setDevice(QString());
    m_page->tree()->expandAll();
    m_page->repaint();
    QCOMPARE(m_page->table()->model()->rowCount(), 0);
}

QTEST_MAIN(TestDevicesPage)
#include "tst_devicespage.moc"
