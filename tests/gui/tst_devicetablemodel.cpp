// SPDX-License-Identifier: GPL-3.0-or-later
// DeviceTableModel and DeviceFilterProxy fed by a real RegistryFeed thread on SQLite: the row
// count matches the registry, a rename or a move changes the row in place (dataChanged, no
// reset, persistent indexes stay valid), and search and group filters pick the right rows.
#include "models/devicefilterproxy.h"
#include "models/devicetablemodel.h"
#include "models/entitytablemodel.h"
#include "models/registrymodels.h"
#include "registryfixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hai;

using Group = DeviceFilterProxy::Group;
Q_DECLARE_METATYPE(DeviceFilterProxy::Group)

class TestDeviceTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void rowCountMatchesRegistry();
    void columnsShowTheRow();
    void renameChangesRowInPlace();
    void moveChangesRowInPlace();
    void removalKeepsOtherRows();
    void newDeviceIsInserted();
    void filters_data();
    void filters();
    void sortsByEntityCount();
    void filterFollowsUpdates();
    void generatedHomeRowCount();

private:
    // Waits for the reload that follows a write.
    bool waitForReload();
    int rowOf(const QString &id) const { return m_models->devices()->rowOf(id); }

    test::RegistrySample m_sample;
    std::unique_ptr<test::RegistryFixture> m_fixture;
    std::unique_ptr<RegistryModels> m_models;
};

void TestDeviceTableModel::init()
{
    m_sample = test::smallHome();
    m_fixture = std::make_unique<test::RegistryFixture>();
    QString error;
    QVERIFY2(m_fixture->open(m_sample, &error), qPrintable(error));
    m_models =
        std::make_unique<RegistryModels>(m_fixture->location(), m_fixture->service(), nullptr);
    new QAbstractItemModelTester(m_models->devices(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 m_models.get());
    QSignalSpy loaded(m_models.get(), &RegistryModels::loaded);
    m_models->start();
    QVERIFY(loaded.wait(10000));
}

void TestDeviceTableModel::cleanup()
{
    m_models.reset();
    m_fixture.reset();
}

bool TestDeviceTableModel::waitForReload()
{
    QSignalSpy reloaded(m_models.get(), &RegistryModels::reloaded);
    return reloaded.wait(10000);
}

void TestDeviceTableModel::rowCountMatchesRegistry()
{
    QCOMPARE(m_models->devices()->rowCount(), int(m_sample.devices.size()));
    QCOMPARE(m_models->devices()->columnCount(), int(DeviceTableModel::ColumnCount));
    QVERIFY(m_models->lastError().isEmpty());
}

void TestDeviceTableModel::columnsShowTheRow()
{
    DeviceTableModel *model = m_models->devices();
    const int row = rowOf(u"dev_living_lamp"_s);
    QVERIFY(row >= 0);
    const auto text = [&](int column) { return model->index(row, column).data().toString(); };
    QCOMPARE(text(DeviceTableModel::Name), u"Reading Lamp"_s);
    QCOMPARE(text(DeviceTableModel::Manufacturer), u"Signify"_s);
    QCOMPARE(text(DeviceTableModel::Model), u"LCT015"_s);
    QCOMPARE(text(DeviceTableModel::Area), u"Living Room"_s);
    QCOMPARE(text(DeviceTableModel::Integration), u"hue"_s);
    QCOMPARE(model->index(row, DeviceTableModel::EntityCount).data().toInt(), 2);
    QVERIFY(!text(DeviceTableModel::LastSeen).isEmpty());
    QCOMPARE(model->index(row, 0).data(DeviceTableModel::KeyRole).toString(), u"dev_living_lamp"_s);
    QCOMPARE(model->headerData(DeviceTableModel::EntityCount, Qt::Horizontal).toString(),
             u"Entities"_s);
}

void TestDeviceTableModel::renameChangesRowInPlace()
{
    DeviceTableModel *model = m_models->devices();
    const QPersistentModelIndex door(model->index(rowOf(u"dev_garage_door"_s), 0));
    const QPersistentModelIndex other(model->index(rowOf(u"dev_weather"_s), 0));
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);

    QVERIFY(m_fixture->upsertDevices({test::RegistryFixture::deviceWith(
        m_sample, u"dev_garage_door"_s, {{u"name_by_user"_s, u"Big Door"_s}})}));
    QVERIFY(waitForReload());

    QVERIFY(door.isValid() && other.isValid());
    QCOMPARE(door.data().toString(), u"Big Door"_s);
    QCOMPARE(other.data(DeviceTableModel::KeyRole).toString(), u"dev_weather"_s);
    QCOMPARE(changed.size(), 1);
    const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
    const auto bottomRight = changed.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft.row(), door.row());
    QCOMPARE(bottomRight.row(), door.row());
    QCOMPARE(topLeft.column(), int(DeviceTableModel::Name));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(removed.size(), 0);
}

void TestDeviceTableModel::moveChangesRowInPlace()
{
    DeviceTableModel *model = m_models->devices();
    const QPersistentModelIndex weather(model->index(rowOf(u"dev_weather"_s), 0));
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);

    QVERIFY(m_fixture->upsertDevices({test::RegistryFixture::deviceWith(
        m_sample, u"dev_weather"_s, {{u"area_id"_s, u"kitchen"_s}})}));
    QVERIFY(waitForReload());

    QVERIFY(weather.isValid());
    QCOMPARE(model->index(weather.row(), DeviceTableModel::Area).data().toString(), u"Kitchen"_s);
    QCOMPARE(model->rowAt(weather.row()).floorId, u"ground"_s);
    QCOMPARE(changed.size(), 1);
    const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
    const auto bottomRight = changed.at(0).at(1).value<QModelIndex>();
    QVERIFY(topLeft.column() <= DeviceTableModel::Area);
    QVERIFY(bottomRight.column() >= DeviceTableModel::Area);
    QCOMPARE(reset.size(), 0);
}

void TestDeviceTableModel::removalKeepsOtherRows()
{
    DeviceTableModel *model = m_models->devices();
    const QPersistentModelIndex lamp(model->index(rowOf(u"dev_living_lamp"_s), 0));
    QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);
    QVERIFY(m_fixture->deleteDevice(u"dev_weather"_s));
    QVERIFY(waitForReload());
    QCOMPARE(model->rowCount(), 5);
    QCOMPARE(rowOf(u"dev_weather"_s), -1);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(reset.size(), 0);
    QVERIFY(lamp.isValid());
    QCOMPARE(lamp.data(DeviceTableModel::KeyRole).toString(), u"dev_living_lamp"_s);
    QCOMPARE(rowOf(u"dev_living_lamp"_s), lamp.row());
}

void TestDeviceTableModel::newDeviceIsInserted()
{
    DeviceTableModel *model = m_models->devices();
    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
    QVERIFY(m_fixture->upsertDevices({QJsonObject{{u"id"_s, u"dev_new"_s},
                                                  {u"name"_s, u"New Plug"_s},
                                                  {u"manufacturer"_s, u"Shelly"_s},
                                                  {u"area_id"_s, u"garage"_s}}}));
    QVERIFY(waitForReload());
    QCOMPARE(model->rowCount(), 7);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model->rowAt(rowOf(u"dev_new"_s)).areaName, u"Garage"_s);
}

void TestDeviceTableModel::filters_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<Group>("group");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("rows");
    QTest::newRow("everything") << QString() << Group::None << QString() << 6;
    QTest::newRow("search a maker") << u"signify"_s << Group::None << QString() << 3;
    QTest::newRow("search a user's name") << u"READING"_s << Group::None << QString() << 1;
    QTest::newRow("search two words") << u"aeotec garage"_s << Group::None << QString() << 1;
    QTest::newRow("search an area") << u"living room"_s << Group::None << QString() << 1;
    QTest::newRow("search nothing found") << u"zzz"_s << Group::None << QString() << 0;
    QTest::newRow("floor") << QString() << Group::Floor << u"ground"_s << 2;
    QTest::newRow("no floor") << QString() << Group::Floor << QString() << 3;
    QTest::newRow("area") << QString() << Group::Area << u"kitchen"_s << 1;
    QTest::newRow("no area") << QString() << Group::Area << QString() << 2;
    QTest::newRow("integration") << QString() << Group::Integration << u"zwave_js"_s << 2;
    QTest::newRow("manufacturer") << QString() << Group::Manufacturer << u"Signify"_s << 3;
    QTest::newRow("group and search") << u"lamp"_s << Group::Manufacturer << u"Signify"_s << 1;
}

void TestDeviceTableModel::filters()
{
    QFETCH(QString, search);
    QFETCH(Group, group);
    QFETCH(QString, key);
    DeviceFilterProxy proxy;
    proxy.setSourceModel(m_models->devices());
    QAbstractItemModelTester tester(&proxy);
    proxy.setSearchText(search);
    proxy.setGroupFilter(group, key);
    QTEST(proxy.rowCount(), "rows");
}

void TestDeviceTableModel::sortsByEntityCount()
{
    DeviceFilterProxy proxy;
    proxy.setSourceModel(m_models->devices());
    proxy.sort(DeviceTableModel::EntityCount, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, 0).data(DeviceTableModel::KeyRole).toString(), u"dev_bedroom_sensor"_s);
    proxy.sort(DeviceTableModel::Name, Qt::AscendingOrder);
    QStringList names;
    for (int row = 0; row < proxy.rowCount(); ++row)
        names << proxy.index(row, 0).data().toString();
    QCOMPARE(names, (QStringList{u"Bedroom Multisensor"_s, u"Forecast"_s, u"Garage Door"_s,
                                 u"Hue Bridge"_s, u"Kitchen Light"_s, u"Reading Lamp"_s}));
}

void TestDeviceTableModel::filterFollowsUpdates()
{
    DeviceFilterProxy proxy;
    proxy.setSourceModel(m_models->devices());
    proxy.sort(DeviceTableModel::Name);
    proxy.setSearchText(u"lamp"_s);
    QCOMPARE(proxy.rowCount(), 1);
    QSignalSpy reset(&proxy, &QAbstractItemModel::modelReset);
    QVERIFY(m_fixture->upsertDevices({test::RegistryFixture::deviceWith(
        m_sample, u"dev_kitchen_light"_s, {{u"name_by_user"_s, u"Kitchen Lamp"_s}})}));
    QVERIFY(waitForReload());
    QCOMPARE(proxy.rowCount(), 2);
    QCOMPARE(proxy.index(0, 0).data().toString(), u"Kitchen Lamp"_s);
    QCOMPARE(reset.size(), 0);
}

void TestDeviceTableModel::generatedHomeRowCount()
{
    test::RegistryFixture fixture;
    QString error;
    QVERIFY2(fixture.open(test::generatedHome(2500, 4), &error), qPrintable(error));
    RegistryModels models(fixture.location(), fixture.service(), nullptr);
    QSignalSpy loaded(&models, &RegistryModels::loaded);
    models.start();
    QVERIFY(loaded.wait(20000));
    QCOMPARE(models.devices()->rowCount(), 2500);
    QCOMPARE(models.entities()->rowCount(), 10000);
}

QTEST_MAIN(TestDeviceTableModel)
#include "tst_devicetablemodel.moc"
