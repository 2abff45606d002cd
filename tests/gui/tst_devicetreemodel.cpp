// SPDX-License-Identifier: GPL-3.0-or-later
// DeviceTreeModel: Floors -> Areas -> devices in order (floors by level, "No floor" and "No
// area" last), regrouped by integration or manufacturer, and updated in place: a moved device
// keeps its persistent index, emptied groups go, counts follow.
#include "models/devicetablemodel.h"
#include "models/devicetreemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hai;

namespace {

DeviceRow device(const QString &id, const QString &name, const QString &area, const QString &floor,
                 int level, const QString &maker, const QString &integration)
{
    DeviceRow row;
    row.id = id;
    row.name = name;
    row.areaId = area.toLower();
    row.areaName = area;
    row.floorId = floor.toLower();
    row.floorName = floor;
    row.floorLevel = level;
    row.manufacturer = maker;
    row.integration = integration;
    return row;
}

constexpr int kNone = DeviceRow::kNoLevel;

// The tree as text: "Label (n)[child,child];next".
QString dump(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList parts;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        QString part = index.data().toString();
        if (model.rowCount(index) > 0)
            part += u'[' + dump(model, index) + u']';
        parts << part;
    }
    return parts.join(parent.isValid() ? u","_s : u";"_s);
}

} // namespace

class TestDeviceTreeModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void groupsByFloorAndArea();
    void groupsByIntegrationAndManufacturer();
    void moveKeepsPersistentIndex();
    void renameReorders();
    void areaRenameRelabels();
    void removalPrunesEmptyGroups();
    void additionsJoinTheirGroup();
    void chunksMakeTheSameTree();

private:
    void add(const QList<DeviceRow> &rows)
    {
        DeviceDelta delta;
        delta.added = rows;
        m_devices->applyDelta(delta);
    }
    void change(const QList<DeviceRow> &rows)
    {
        DeviceDelta delta;
        delta.changed = rows;
        m_devices->applyDelta(delta);
    }

    QList<DeviceRow> m_rows;
    std::unique_ptr<DeviceTableModel> m_devices;
    std::unique_ptr<DeviceTreeModel> m_tree;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestDeviceTreeModel::init()
{
    m_rows = {
        device(u"d1"_s, u"Lamp"_s, u"Kitchen"_s, u"Ground"_s, 0, u"Signify"_s, u"hue"_s),
        device(u"d2"_s, u"Sensor"_s, u"Bedroom"_s, u"First"_s, 1, u"Aeotec"_s, u"zwave_js"_s),
        device(u"d3"_s, u"Bridge"_s, QString(), QString(), kNone, u"Signify"_s, u"hue"_s),
        device(u"d4"_s, u"Door"_s, u"Garage"_s, QString(), kNone, u"Aeotec"_s, u"zwave_js"_s),
        device(u"d5"_s, u"amp"_s, u"Kitchen"_s, u"Ground"_s, 0, QString(), QString()),
    };
    m_devices = std::make_unique<DeviceTableModel>();
    m_tree = std::make_unique<DeviceTreeModel>(m_devices.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_tree.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    add(m_rows);
}

void TestDeviceTreeModel::cleanup()
{
    m_tester.reset();
    m_tree.reset();
    m_devices.reset();
}

void TestDeviceTreeModel::groupsByFloorAndArea()
{
    QCOMPARE(dump(*m_tree), u"Ground (2)[Kitchen (2)[amp,Lamp]];First (1)[Bedroom (1)[Sensor]];"
                            u"No floor (2)[Garage (1)[Door],No area (1)[Bridge]]"_s);
    const QModelIndex ground = m_tree->index(0, 0);
    QCOMPARE(ground.data(DeviceTreeModel::KindRole).toInt(), int(DeviceTreeModel::Kind::Floor));
    QCOMPARE(ground.data(DeviceTreeModel::KeyRole).toString(), u"ground"_s);
    QCOMPARE(ground.data(DeviceTreeModel::CountRole).toInt(), 2);
    const QModelIndex lamp = m_tree->indexOfDevice(u"d1"_s);
    QCOMPARE(lamp.data().toString(), u"Lamp"_s);
    QCOMPARE(lamp.parent().data(DeviceTreeModel::KeyRole).toString(), u"kitchen"_s);
    QCOMPARE(lamp.data(DeviceTreeModel::KindRole).toInt(), int(DeviceTreeModel::Kind::Device));
    QCOMPARE(m_tree->indexOfGroup(QString(), QString()).data().toString(), u"No area (1)"_s);
}

void TestDeviceTreeModel::groupsByIntegrationAndManufacturer()
{
    QSignalSpy reset(m_tree.get(), &QAbstractItemModel::modelReset);
    m_tree->setGrouping(DeviceTreeModel::Grouping::Integration);
    QCOMPARE(reset.size(), 1); // a user's choice; feed updates never reset
    QCOMPARE(dump(*m_tree),
             u"hue (2)[Bridge,Lamp];zwave_js (2)[Door,Sensor];No integration (1)[amp]"_s);
    m_tree->setGrouping(DeviceTreeModel::Grouping::Manufacturer);
    QCOMPARE(dump(*m_tree),
             u"Aeotec (2)[Door,Sensor];Signify (2)[Bridge,Lamp];Unknown manufacturer (1)[amp]"_s);
    QCOMPARE(m_tree->index(0, 0).data(DeviceTreeModel::KindRole).toInt(),
             int(DeviceTreeModel::Kind::Group));
}

void TestDeviceTreeModel::moveKeepsPersistentIndex()
{
    const QPersistentModelIndex sensor = m_tree->indexOfDevice(u"d2"_s);
    QSignalSpy reset(m_tree.get(), &QAbstractItemModel::modelReset);
    QSignalSpy moved(m_tree.get(), &QAbstractItemModel::rowsMoved);
    DeviceRow row = m_rows.at(1);
    row.areaId = u"kitchen"_s;
    row.areaName = u"Kitchen"_s;
    row.floorId = u"ground"_s;
    row.floorName = u"Ground"_s;
    row.floorLevel = 0;
    change({row});
    QVERIFY(sensor.isValid());
    QCOMPARE(sensor.data().toString(), u"Sensor"_s);
    QCOMPARE(sensor.parent().data(DeviceTreeModel::KeyRole).toString(), u"kitchen"_s);
    QCOMPARE(moved.size(), 1);
    QCOMPARE(reset.size(), 0);
    // The first floor lost its only device, so it is gone.
    QCOMPARE(dump(*m_tree), u"Ground (3)[Kitchen (3)[amp,Lamp,Sensor]];"
                            u"No floor (2)[Garage (1)[Door],No area (1)[Bridge]]"_s);
}

void TestDeviceTreeModel::renameReorders()
{
    const QPersistentModelIndex amp = m_tree->indexOfDevice(u"d5"_s);
    QCOMPARE(amp.row(), 0);
    DeviceRow row = m_rows.at(4);
    row.name = u"Zone amplifier"_s;
    change({row});
    QVERIFY(amp.isValid());
    QCOMPARE(amp.row(), 1);
    QCOMPARE(amp.data().toString(), u"Zone amplifier"_s);
    QCOMPARE(dump(*m_tree, amp.parent()), u"Lamp,Zone amplifier"_s);
}

void TestDeviceTreeModel::areaRenameRelabels()
{
    DeviceRow row = m_rows.at(3);
    row.areaName = u"Carport"_s;
    change({row});
    QCOMPARE(dump(*m_tree).section(u';', 2),
             u"No floor (2)[Carport (1)[Door],No area (1)[Bridge]]"_s);
    // A floor that gets a lower level moves up.
    row = m_rows.at(1);
    row.floorLevel = -1;
    change({row});
    QCOMPARE(m_tree->index(0, 0).data(DeviceTreeModel::KeyRole).toString(), u"first"_s);
}

void TestDeviceTreeModel::removalPrunesEmptyGroups()
{
    const QPersistentModelIndex door = m_tree->indexOfDevice(u"d4"_s);
    DeviceDelta delta;
    delta.removed = {u"d3"_s};
    m_devices->applyDelta(delta);
    QVERIFY(!m_tree->indexOfDevice(u"d3"_s).isValid());
    QVERIFY(door.isValid());
    QCOMPARE(dump(*m_tree).section(u';', 2), u"No floor (1)[Garage (1)[Door]]"_s);
    delta.removed = {u"d4"_s};
    m_devices->applyDelta(delta);
    QCOMPARE(m_tree->rowCount(), 2);
}

void TestDeviceTreeModel::additionsJoinTheirGroup()
{
    add({device(u"d6"_s, u"Kettle"_s, u"Kitchen"_s, u"Ground"_s, 0, u"Bosch"_s, u"home"_s),
         device(u"d7"_s, u"Boiler"_s, u"Cellar"_s, u"Basement"_s, -1, u"Bosch"_s, u"home"_s)});
    QCOMPARE(dump(*m_tree).section(u';', 0, 1),
             u"Basement (1)[Cellar (1)[Boiler]];Ground (3)[Kitchen (3)[amp,Kettle,Lamp]]"_s);
}

void TestDeviceTreeModel::chunksMakeTheSameTree()
{
    const QString whole = dump(*m_tree);
    DeviceTableModel devices;
    DeviceTreeModel tree(&devices);
    QAbstractItemModelTester tester(&tree);
    for (const DeviceRow &row : std::as_const(m_rows)) {
        DeviceDelta delta;
        delta.added = {row};
        devices.applyDelta(delta);
    }
    QCOMPARE(dump(tree), whole);
}

QTEST_MAIN(TestDeviceTreeModel)
#include "tst_devicetreemodel.moc"
