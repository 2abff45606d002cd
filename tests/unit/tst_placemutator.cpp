// SPDX-License-Identifier: GPL-3.0-or-later
// PlaceMutator: area, floor and label changes with the events HA fires, in HA's order.
#include "demo/historyrecorder.h"
#include "demo/homegenerator.h"
#include "demo/homemodel.h"
#include "demo/placemutator.h"
#include "demo/registrymutator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace hai;

namespace {

QJsonObject data(const HomeEvent &event)
{
    return QJsonDocument::fromJson(event.dataJson).object();
}

} // namespace

class TestPlaceMutator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void areas();
    void floors();
    void labels();

private:
    int firstDeviceWithArea() const;

    std::unique_ptr<HomeModel> m_model;
    std::unique_ptr<HistoryRecorder> m_history;
    std::unique_ptr<RegistryMutator> m_devices;
    std::unique_ptr<PlaceMutator> m_places;
};

void TestPlaceMutator::init()
{
    DemoHomeOptions options;
    options.seed = 11;
    options.devices = 30;
    options.entitiesPerDevice = 4;
    options.areas = 5;
    options.floors = 2;
    options.labels = 3;
    options.baseTimeMs = 1767607200000;
    m_model = std::make_unique<HomeModel>(options);
    HomeGenerator::generate(*m_model);
    m_history = std::make_unique<HistoryRecorder>();
    m_devices = std::make_unique<RegistryMutator>(*m_model, *m_history);
    m_places = std::make_unique<PlaceMutator>(*m_model, *m_devices);
}

int TestPlaceMutator::firstDeviceWithArea() const
{
    for (int i = 0; i < m_model->devices().size(); ++i) {
        if (!m_model->devices().at(i).areaId.isNull())
            return i;
    }
    return -1;
}

void TestPlaceMutator::areas()
{
    QByteArray areaId;
    QList<HomeEvent> events = m_places->addArea("Wine Cellar", {}, &areaId);
    QCOMPARE(areaId, QByteArray("wine_cellar"));
    QCOMPARE(events.at(0).dataJson,
             QByteArray("{\"action\":\"create\",\"area_id\":\"wine_cellar\"}"));
    QCOMPARE(m_places->addArea("Wine Cellar", {}, &areaId).size(), 1);
    QCOMPARE(areaId, QByteArray("wine_cellar_2"));
    events = m_places->renameArea("wine_cellar", "Cellar");
    QCOMPARE(events.at(0).dataJson,
             QByteArray("{\"action\":\"update\",\"area_id\":\"wine_cellar\"}"));

    // Removing an area clears it from its devices (and entities) first, then fires.
    const int index = firstDeviceWithArea();
    const QByteArray used = m_model->devices().at(index).areaId;
    events = m_places->removeArea(used);
    QVERIFY(events.size() >= 2);
    QCOMPARE(events.last().dataJson, "{\"action\":\"remove\",\"area_id\":\"" + used + "\"}");
    for (int i = 0; i < events.size() - 1; ++i) {
        const QJsonObject changes = data(events.at(i)).value(u"changes"_s).toObject();
        QCOMPARE(changes.value(u"area_id"_s).toString().toUtf8(), used);
    }
    QVERIFY(m_model->devices().at(index).areaId.isNull());
    QCOMPARE(m_model->findArea(used), -1);
}

void TestPlaceMutator::floors()
{
    QByteArray floorId;
    QList<HomeEvent> events = m_places->addFloor("Roof Terrace", 5, &floorId);
    QCOMPARE(events.at(0).dataJson,
             QByteArray("{\"action\":\"create\",\"floor_id\":\"roof_terrace\"}"));
    const QByteArray used = m_model->floors().first().floorId;
    int areasOnFloor = 0;
    for (const AreaEntry &area : m_model->areas())
        areasOnFloor += area.floorId == used;
    QVERIFY(areasOnFloor > 0);
    events = m_places->removeFloor(used);
    // The floor event first, then the area registry's updates.
    QCOMPARE(events.first().dataJson, "{\"action\":\"remove\",\"floor_id\":\"" + used + "\"}");
    QCOMPARE(events.size(), 1 + areasOnFloor);
    QCOMPARE(events.at(1).eventType, QByteArray("area_registry_updated"));
    for (const AreaEntry &area : m_model->areas())
        QVERIFY(area.floorId != used);
    QCOMPARE(m_places->renameFloor("roof_terrace", "Roof").size(), 1);
}

void TestPlaceMutator::labels()
{
    QByteArray labelId;
    m_places->addLabel("Holiday Lights", "red", &labelId);
    QCOMPARE(labelId, QByteArray("holiday_lights"));
    const QByteArray used = m_model->labels().first().labelId;
    const QList<HomeEvent> events = m_places->removeLabel(used);
    QCOMPARE(events.first().dataJson, "{\"action\":\"remove\",\"label_id\":\"" + used + "\"}");
    QVERIFY(events.size() > 1);
    for (int i = 1; i < events.size(); ++i) {
        const QJsonObject d = data(events.at(i));
        if (d.contains(u"changes"_s)) // devices and entities report their old labels
            QVERIFY(d.value(u"changes"_s)
                        .toObject()
                        .value(u"labels"_s)
                        .toArray()
                        .contains(QString::fromUtf8(used)));
    }
    QVERIFY(m_places->renameLabel(used, "x").isEmpty());
}

QTEST_GUILESS_MAIN(TestPlaceMutator)
#include "tst_placemutator.moc"
