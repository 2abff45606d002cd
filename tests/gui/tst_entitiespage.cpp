// SPDX-License-Identifier: GPL-3.0-or-later
// EntitiesPage on a real Backend discovering a DemoHome: every entity is listed, the filter
// combos and the search box pick the right rows, states set in Home Assistant show up in the
// table, and the column layout comes back.
#include "demohomebackend.h"
#include "guisettings.h"
#include "models/entityfilterproxy.h"
#include "models/entitytablemodel.h"
#include "models/registrymodels.h"
#include "pages/entitiespage.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hai;

class TestEntitiesPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void listsEveryEntity();
    void domainFilter();
    void areaFilter();
    void integrationFilter();
    void stateFilter();
    void searchFiltersAsYouType();
    void liveStateShowsUp();
    void renameChangesRowInPlace();
    void doubleClickAsksForChart();
    void restoresLayout();

private:
    EntityTableModel *entities() const
    {
        return RegistryModels::of(m_home->backend.get())->entities();
    }
    // Rows of the source model that satisfy `accept`.
    template <typename Accept>
    int count(Accept accept) const
    {
        int n = 0;
        for (int row = 0; row < entities()->rowCount(); ++row)
            n += accept(entities()->rowAt(row)) ? 1 : 0;
        return n;
    }
    int shown() const { return m_page->table()->model()->rowCount(); }

    std::unique_ptr<test::DemoHomeBackend> m_home;
    std::unique_ptr<EntitiesPage> m_page;
};

void TestEntitiesPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // GuiSettings goes to a test folder
}

void TestEntitiesPage::init()
{
    GuiSettings().clear();
    DemoHomeOptions options;
    options.devices = 25;
    options.entitiesPerDevice = 4;
    m_home = std::make_unique<test::DemoHomeBackend>();
    QString error;
    QVERIFY2(m_home->start(options, &error), qPrintable(error));
    m_page = std::make_unique<EntitiesPage>(m_home->backend.get());
    m_page->resize(1280, 720);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QTRY_COMPARE_WITH_TIMEOUT(shown(), m_home->demo->entityCount(), 20000);
    // The combos fill shortly after a reload.
    QTRY_VERIFY_WITH_TIMEOUT(m_page->domainBox()->count() > 2, 5000);
}

void TestEntitiesPage::cleanup()
{
    m_page.reset();
    m_home.reset();
}

void TestEntitiesPage::listsEveryEntity()
{
    QCOMPARE(entities()->rowCount(), m_home->demo->entityCount());
    QCOMPARE(m_page->findChild<QLineEdit *>(u"search"_s), m_page->searchBox());
    QStringList ids = m_home->demo->entityIds();
    for (const QString &id : std::as_const(ids))
        QVERIFY2(entities()->rowOf(id) >= 0, qPrintable(id));
}

void TestEntitiesPage::domainFilter()
{
    QComboBox *box = m_page->domainBox();
    const int index = box->findData(u"sensor"_s);
    QVERIFY(index > 0);
    box->setCurrentIndex(index);
    const int expected = count([](const EntityRow &row) { return row.domain == u"sensor"_s; });
    QVERIFY(expected > 0);
    QCOMPARE(shown(), expected);
    box->setCurrentIndex(0);
    QCOMPARE(shown(), m_home->demo->entityCount());
}

void TestEntitiesPage::areaFilter()
{
    QComboBox *box = m_page->areaBox();
    QCOMPARE(box->count(), m_home->demo->areaCount() + 2); // "All areas" and "No area"
    const QString area = m_home->demo->areaIds().first();
    box->setCurrentIndex(box->findData(area));
    const int expected = count([&](const EntityRow &row) { return row.areaId == area; });
    QVERIFY(expected > 0);
    QCOMPARE(shown(), expected);
    box->setCurrentIndex(box->count() - 1); // No area
    QCOMPARE(shown(), count([](const EntityRow &row) { return row.areaId.isEmpty(); }));
}

void TestEntitiesPage::integrationFilter()
{
    QComboBox *box = m_page->integrationBox();
    QVERIFY(box->count() > 1);
    const QString integration = box->itemData(1).toString();
    box->setCurrentIndex(1);
    const int expected =
        count([&](const EntityRow &row) { return row.integration == integration; });
    QVERIFY(expected > 0);
    QCOMPARE(shown(), expected);
}

void TestEntitiesPage::stateFilter()
{
    const QString entity = m_home->demo->entityIds().at(2);
    QVERIFY(m_home->demo->setState(entity, u"rare-state"_s));
    // Until the row is refreshed the filter cannot know; the page re-reads all states while
    // it filters by state.
    m_page->stateBox()->setEditText(u"rare-state"_s);
    QTRY_COMPARE_WITH_TIMEOUT(shown(), 1, 10000);
    QCOMPARE(m_page->table()->model()->index(0, 0).data().toString(), entity);
    m_page->stateBox()->setCurrentIndex(0);
    QTRY_COMPARE_WITH_TIMEOUT(shown(), m_home->demo->entityCount(), 5000);
}

void TestEntitiesPage::searchFiltersAsYouType()
{
    const QString entity = m_home->demo->entityIds().at(9);
    QTest::keyClicks(m_page->searchBox(), entity);
    QTRY_VERIFY_WITH_TIMEOUT(shown() < m_home->demo->entityCount(), 5000);
    bool found = false;
    for (int row = 0; row < shown(); ++row) {
        const QString id = m_page->table()->model()->index(row, 0).data().toString();
        QVERIFY2(id.contains(entity), qPrintable(id)); // e.g. sensor.x_1 finds sensor.x_10
        found = found || id == entity;
    }
    QVERIFY(found);
}

void TestEntitiesPage::liveStateShowsUp()
{
    m_page->table()->sortByColumn(EntityTableModel::EntityId, Qt::AscendingOrder);
    m_page->table()->scrollToTop();
    const QString entity =
        m_page->table()->model()->index(0, 0).data(EntityTableModel::KeyRole).toString();
    QVERIFY(m_home->demo->setState(entity, u"live-42"_s));
    QTRY_COMPARE_WITH_TIMEOUT(
        m_page->table()->model()->index(0, EntityTableModel::State).data().toString(), u"live-42"_s,
        10000);
    QVERIFY(!m_page->table()->model()->index(0, EntityTableModel::LastChanged).data().isNull());
}

void TestEntitiesPage::renameChangesRowInPlace()
{
    const QString entity = m_home->demo->entityIds().at(4);
    const int row = entities()->rowOf(entity);
    const QPersistentModelIndex index(entities()->index(row, EntityTableModel::Name));
    QSignalSpy reset(entities(), &QAbstractItemModel::modelReset);
    QSignalSpy proxyReset(m_page->proxy(), &QAbstractItemModel::modelReset);
    QVERIFY(m_home->demo->setEntityName(entity, u"Named in HA"_s));
    QTRY_COMPARE_WITH_TIMEOUT(index.data().toString(), u"Named in HA"_s, 10000);
    QCOMPARE(index.row(), row);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(proxyReset.size(), 0);
}

void TestEntitiesPage::doubleClickAsksForChart()
{
    QSignalSpy chart(m_page.get(), &EntitiesPage::chartRequested);
    QTableView *table = m_page->table();
    const QModelIndex index = table->model()->index(0, 0);
    const QPoint centre = table->visualRect(index).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, centre); // the press it pairs with
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, centre);
    QCOMPARE(chart.size(), 1);
    QCOMPARE(chart.at(0).at(0).toString(), index.data().toString());
}

void TestEntitiesPage::restoresLayout()
{
    QHeaderView *header = m_page->table()->horizontalHeader();
    header->resizeSection(EntityTableModel::Device, 211);
    m_page->table()->sortByColumn(EntityTableModel::Domain, Qt::DescendingOrder);
    m_page.reset(); // saves
    EntitiesPage again(m_home->backend.get());
    QCOMPARE(again.table()->horizontalHeader()->sectionSize(EntityTableModel::Device), 211);
    QCOMPARE(again.table()->horizontalHeader()->sortIndicatorSection(),
             int(EntityTableModel::Domain));
    QCOMPARE(again.table()->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
}

QTEST_MAIN(TestEntitiesPage)
#include "tst_entitiespage.moc"
