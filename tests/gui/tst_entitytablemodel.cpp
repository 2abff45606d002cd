// SPDX-License-Identifier: GPL-3.0-or-later
// EntityTableModel, EntityFilterProxy and LiveStatePoller on a real SQLite registry and a
// LiveStateCache: row counts match, an update changes the row in place and keeps its live
// state, filters pick the right rows, and the state column follows the cache for the rows on
// screen.
#include "homeassistant/livestatecache.h"
#include "models/entityfilterproxy.h"
#include "models/entitytablemodel.h"
#include "models/livestatepoller.h"
#include "models/registrymodels.h"
#include "registryfixture.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hai;

namespace {

HaEvent stateEvent(const QString &entityId, const QString &state, qint64 us)
{
    HaEvent event;
    event.eventType = u"state_changed"_s;
    event.entityId = entityId;
    event.newState.valid = true;
    event.newState.state = state;
    event.newState.lastChangedUs = us;
    event.newState.lastUpdatedUs = us;
    event.lastUpdatedUs = us;
    return event;
}

QJsonObject entityWith(const test::RegistrySample &sample, const QString &entityId,
                       const QJsonObject &changes)
{
    for (const QJsonValue &value : sample.entities) {
        QJsonObject entity = value.toObject();
        if (entity.value(u"entity_id"_s).toString() != entityId)
            continue;
        for (auto it = changes.begin(); it != changes.end(); ++it)
            entity.insert(it.key(), it.value());
        return entity;
    }
    return {};
}

constexpr qint64 kStartUs = 1700000000000000;

} // namespace

class TestEntityTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void rowCountMatchesRegistry();
    void newRowsCarryTheirState();
    void renameChangesRowInPlace();
    void removalKeepsOtherRows();
    void liveStateColumnUpdates();
    void pollerRefreshesRowsOnScreen();
    void filters_data();
    void filters();
    void stateFilterFollowsRefresh();
    void sortsByState();

private:
    bool waitForReload();
    int rowOf(const QString &id) const { return m_models->entities()->rowOf(id); }

    test::RegistrySample m_sample;
    std::unique_ptr<test::RegistryFixture> m_fixture;
    std::shared_ptr<LiveStateCache> m_cache;
    std::unique_ptr<RegistryModels> m_models;
};

void TestEntityTableModel::init()
{
    m_sample = test::smallHome();
    m_fixture = std::make_unique<test::RegistryFixture>();
    QString error;
    QVERIFY2(m_fixture->open(m_sample, &error), qPrintable(error));
    // Lights on, everything else "off", before the models exist.
    m_cache = std::make_shared<LiveStateCache>();
    HaEventList events;
    for (const QJsonValue &value : m_sample.entities) {
        const QString id = value.toObject().value(u"entity_id"_s).toString();
        events.append(stateEvent(id, id.startsWith(u"light."_s) ? u"on"_s : u"off"_s, kStartUs));
    }
    m_cache->apply(events);
    m_models =
        std::make_unique<RegistryModels>(m_fixture->location(), m_fixture->service(), m_cache);
    new QAbstractItemModelTester(m_models->entities(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 m_models.get());
    QSignalSpy loaded(m_models.get(), &RegistryModels::loaded);
    m_models->start();
    QVERIFY(loaded.wait(10000));
}

void TestEntityTableModel::cleanup()
{
    m_models.reset();
    m_fixture.reset();
}

bool TestEntityTableModel::waitForReload()
{
    QSignalSpy reloaded(m_models.get(), &RegistryModels::reloaded);
    return reloaded.wait(10000);
}

void TestEntityTableModel::rowCountMatchesRegistry()
{
    QCOMPARE(m_models->entities()->rowCount(), int(m_sample.entities.size()));
    EntityTableModel *model = m_models->entities();
    const int row = rowOf(u"light.living_lamp_nightlight"_s);
    QCOMPARE(model->index(row, EntityTableModel::Name).data().toString(), u"Nightlight"_s);
    QCOMPARE(model->index(row, EntityTableModel::Domain).data().toString(), u"light"_s);
    QCOMPARE(model->index(row, EntityTableModel::Device).data().toString(), u"Reading Lamp"_s);
    QCOMPARE(model->index(row, EntityTableModel::Area).data().toString(), u"Bedroom"_s);
    QCOMPARE(model->index(row, EntityTableModel::Platform).data().toString(), u"hue"_s);
}

void TestEntityTableModel::newRowsCarryTheirState()
{
    EntityTableModel *model = m_models->entities();
    QCOMPARE(model->index(rowOf(u"light.kitchen"_s), EntityTableModel::State).data().toString(),
             u"on"_s);
    QCOMPARE(model->rowAt(rowOf(u"cover.garage_door"_s)).liveState, u"off"_s);
    QVERIFY(!model->index(rowOf(u"light.kitchen"_s), EntityTableModel::LastChanged)
                 .data()
                 .toString()
                 .isEmpty());
}

void TestEntityTableModel::renameChangesRowInPlace()
{
    EntityTableModel *model = m_models->entities();
    const QPersistentModelIndex load(model->index(rowOf(u"sensor.load_percent"_s), 0));
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
    QVERIFY(m_fixture->upsertEntities(
        {entityWith(m_sample, u"sensor.load_percent"_s, {{u"name"_s, u"CPU load"_s}})}));
    QVERIFY(waitForReload());
    QVERIFY(load.isValid());
    QCOMPARE(model->index(load.row(), EntityTableModel::Name).data().toString(), u"CPU load"_s);
    QCOMPARE(model->rowAt(load.row()).liveState, u"off"_s); // kept across the update
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), load.row());
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().column(), int(EntityTableModel::Name));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(removed.size(), 0);
}

void TestEntityTableModel::removalKeepsOtherRows()
{
    EntityTableModel *model = m_models->entities();
    const QPersistentModelIndex last(model->index(model->rowCount() - 1, 0));
    const QString lastId = last.data(EntityTableModel::KeyRole).toString();
    QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
    QVERIFY(m_fixture->deleteEntity(u"binary_sensor.bedroom_motion"_s));
    QVERIFY(waitForReload());
    QCOMPARE(model->rowCount(), 14);
    QCOMPARE(removed.size(), 1);
    QVERIFY(last.isValid());
    QCOMPARE(last.data(EntityTableModel::KeyRole).toString(), lastId);
    QCOMPARE(rowOf(lastId), last.row());
}

void TestEntityTableModel::liveStateColumnUpdates()
{
    EntityTableModel *model = m_models->entities();
    const int row = rowOf(u"light.kitchen"_s);
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
    m_cache->apply({stateEvent(u"light.kitchen"_s, u"off"_s, kStartUs + 5000000)});
    model->refreshLiveStates({row, rowOf(u"light.living_lamp"_s)});
    QCOMPARE(changed.size(), 1); // only the row whose state changed
    const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
    const auto bottomRight = changed.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft.row(), row);
    QCOMPARE(bottomRight.row(), row);
    QCOMPARE(topLeft.column(), int(EntityTableModel::State));
    QCOMPARE(bottomRight.column(), int(EntityTableModel::LastChanged));
    QCOMPARE(model->index(row, EntityTableModel::State).data().toString(), u"off"_s);
    QCOMPARE(model->rowAt(row).liveChangedUs, kStartUs + 5000000);
    // A state the cache dropped (entity removed in HA) shows as empty.
    HaEvent removal = stateEvent(u"light.kitchen"_s, QString(), kStartUs + 6000000);
    removal.newState.valid = false;
    m_cache->apply({removal});
    model->refreshLiveStates({row});
    QVERIFY(model->index(row, EntityTableModel::State).data().toString().isEmpty());
}

void TestEntityTableModel::pollerRefreshesRowsOnScreen()
{
    EntityFilterProxy proxy;
    proxy.setSourceModel(m_models->entities());
    proxy.sort(EntityTableModel::EntityId);
    QTableView view;
    view.setModel(&proxy);
    view.verticalHeader()->setDefaultSectionSize(20);
    view.resize(600, 100); // a few rows on screen
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    LiveStatePoller poller(&view, &proxy);
    poller.setInterval(1000000); // driven by hand below

    HaEventList events;
    for (const QJsonValue &value : m_sample.entities)
        events.append(stateEvent(value.toObject().value(u"entity_id"_s).toString(), u"42"_s,
                                 kStartUs + 1000000));
    m_cache->apply(events);
    poller.poll();
    const auto stateAt = [&](int row) {
        return proxy.index(row, EntityTableModel::State).data().toString();
    };
    QCOMPARE(stateAt(0), u"42"_s);
    QCOMPARE(stateAt(proxy.rowCount() - 1), u"off"_s); // off screen: not read yet
    view.scrollToBottom();
    poller.poll();
    QCOMPARE(stateAt(proxy.rowCount() - 1), u"42"_s);
    // A hidden view costs nothing.
    view.hide();
    m_cache->apply({stateEvent(proxy.index(proxy.rowCount() - 1, 0).data().toString(), u"7"_s,
                               kStartUs + 2000000)});
    poller.poll();
    QCOMPARE(stateAt(proxy.rowCount() - 1), u"42"_s);
}

void TestEntityTableModel::filters_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QString>("area"); // "*": any, "": none
    QTest::addColumn<QString>("integration");
    QTest::addColumn<QString>("state");
    QTest::addColumn<int>("rows");
    const QString any = u"*"_s;
    QTest::newRow("everything") << QString() << QString() << any << QString() << QString() << 15;
    QTest::newRow("domain sensor")
        << QString() << u"sensor"_s << any << QString() << QString() << 8;
    QTest::newRow("domain light") << QString() << u"light"_s << any << QString() << QString() << 3;
    QTest::newRow("effective area")
        << QString() << QString() << u"kitchen"_s << QString() << QString() << 3;
    QTest::newRow("area bedroom") << QString() << QString() << u"bedroom"_s << QString()
                                  << QString() << 4;
    QTest::newRow("no area") << QString() << QString() << QString() << QString() << QString() << 4;
    QTest::newRow("integration hue") << QString() << QString() << any << u"hue"_s << QString() << 5;
    QTest::newRow("integration from platform")
        << QString() << QString() << any << u"template"_s << QString() << 2;
    QTest::newRow("search by id") << u"bedroom"_s << QString() << any << QString() << QString()
                                  << 3;
    QTest::newRow("search by device name")
        << u"reading lamp"_s << QString() << any << QString() << QString() << 2;
    QTest::newRow("search by name")
        << u"küche"_s << QString() << any << QString() << QString() << 1;
    QTest::newRow("state") << QString() << QString() << any << QString() << u"ON"_s << 3;
    QTest::newRow("domain and area")
        << QString() << u"sensor"_s << u"bedroom"_s << QString() << QString() << 2;
}

void TestEntityTableModel::filters()
{
    QFETCH(QString, search);
    QFETCH(QString, domain);
    QFETCH(QString, area);
    QFETCH(QString, integration);
    QFETCH(QString, state);
    EntityFilterProxy proxy;
    proxy.setSourceModel(m_models->entities());
    QAbstractItemModelTester tester(&proxy);
    proxy.setSearchText(search);
    proxy.setDomain(domain);
    proxy.setAreaId(area == u"*"_s ? std::nullopt : std::optional<QString>(area));
    proxy.setIntegration(integration);
    proxy.setState(state);
    QTEST(proxy.rowCount(), "rows");
}

void TestEntityTableModel::stateFilterFollowsRefresh()
{
    EntityFilterProxy proxy;
    proxy.setSourceModel(m_models->entities());
    proxy.setState(u"on"_s);
    QCOMPARE(proxy.rowCount(), 3);
    QSignalSpy reset(&proxy, &QAbstractItemModel::modelReset);
    m_cache->apply({stateEvent(u"sensor.load_percent"_s, u"on"_s, kStartUs + 1000000),
                    stateEvent(u"light.kitchen"_s, u"off"_s, kStartUs + 1000000)});
    m_models->entities()->refreshAllLiveStates(false);
    proxy.refilter();
    QCOMPARE(proxy.rowCount(), 3);
    QStringList ids;
    for (int row = 0; row < proxy.rowCount(); ++row)
        ids << proxy.index(row, 0).data().toString();
    QVERIFY(ids.contains(u"sensor.load_percent"_s));
    QVERIFY(!ids.contains(u"light.kitchen"_s));
    QCOMPARE(reset.size(), 0);
}

void TestEntityTableModel::sortsByState()
{
    EntityFilterProxy proxy;
    proxy.setSourceModel(m_models->entities());
    proxy.sort(EntityTableModel::State, Qt::DescendingOrder);
    for (int row = 0; row < 3; ++row)
        QCOMPARE(proxy.index(row, EntityTableModel::State).data().toString(), u"on"_s);
    QCOMPARE(proxy.index(3, EntityTableModel::State).data().toString(), u"off"_s);
}

QTEST_MAIN(TestEntityTableModel)
#include "tst_entitytablemodel.moc"
