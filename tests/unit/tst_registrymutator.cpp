// SPDX-License-Identifier: GPL-3.0-or-later
// RegistryMutator: each registry change applied to the model with the events HA fires, in
// HA's order and with HA's data (changes hold OLD values, old_entity_id on renames, ...).
#include "demo/historyrecorder.h"
#include "demo/homegenerator.h"
#include "demo/homemodel.h"
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

QJsonObject object(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

QList<QByteArray> types(const QList<HomeEvent> &events)
{
    QList<QByteArray> out;
    for (const HomeEvent &event : events)
        out.append(event.eventType);
    return out;
}

} // namespace

class TestRegistryMutator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void renameEntity();
    void renameEntityRefused_data();
    void renameEntityRefused();
    void setEntityName();
    void addAndRemoveEntity();
    void deviceChanges();
    void removeDevice();
    void configEntries();

private:
    int firstDeviceWithArea() const;
    int firstEntityWithState() const;

    std::unique_ptr<HomeModel> m_model;
    std::unique_ptr<HistoryRecorder> m_history;
    std::unique_ptr<RegistryMutator> m_mutator;
};

void TestRegistryMutator::init()
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
    for (const EntityEntry &entity : m_model->entities()) {
        if (entity.state)
            m_history->record(*entity.state);
    }
    m_mutator = std::make_unique<RegistryMutator>(*m_model, *m_history);
}

int TestRegistryMutator::firstDeviceWithArea() const
{
    for (int i = 0; i < m_model->devices().size(); ++i) {
        if (!m_model->devices().at(i).areaId.isNull())
            return i;
    }
    return -1;
}

int TestRegistryMutator::firstEntityWithState() const
{
    for (int i = 0; i < m_model->entities().size(); ++i) {
        if (m_model->entities().at(i).state && m_model->entities().at(i).domain() == "sensor")
            return i;
    }
    return -1;
}

void TestRegistryMutator::renameEntity()
{
    const EntityEntry &entity = m_model->entities().at(firstEntityWithState());
    const QByteArray oldId = entity.entityId;
    const QByteArray state = entity.state->state;
    const QList<HomeEvent> events = m_mutator->renameEntity(oldId, "sensor.renamed_one");
    QCOMPARE(types(events),
             (QList<QByteArray>{"entity_registry_updated", "state_changed", "state_changed"}));
    QCOMPARE(events.at(0).dataJson, "{\"action\":\"update\",\"entity_id\":\"sensor.renamed_one\","
                                    "\"changes\":{\"entity_id\":\"" +
                                        oldId + "\"},\"old_entity_id\":\"" + oldId + "\"}");
    // The entity leaves under the old id and comes back under the new one.
    QCOMPARE(events.at(1).entityId, oldId);
    QVERIFY(events.at(1).oldState && !events.at(1).newState);
    QCOMPARE(events.at(2).entityId, QByteArray("sensor.renamed_one"));
    QVERIFY(!events.at(2).oldState && events.at(2).newState);
    QCOMPARE(events.at(2).newState->state, state);
    QCOMPARE(m_model->findEntity(oldId), -1);
    QVERIFY(m_model->findEntity("sensor.renamed_one") >= 0);
    // History follows the rename.
    HistoryRecorder::Query query;
    query.entityIds = {"sensor.renamed_one"};
    query.start = 0;
    QVERIFY(m_history->query(query).contains(state));
}

void TestRegistryMutator::renameEntityRefused_data()
{
    QTest::addColumn<QByteArray>("newId");
    QTest::newRow("other domain") << QByteArray("light.renamed");
    QTest::newRow("invalid") << QByteArray("sensor.Bad Id");
    QTest::newRow("double underscore") << QByteArray("sensor.a__b");
    QTest::newRow("taken") << QByteArray("sun.sun");
}

void TestRegistryMutator::renameEntityRefused()
{
    QFETCH(QByteArray, newId);
    const QByteArray oldId = m_model->entities().at(firstEntityWithState()).entityId;
    const QByteArray target =
        newId == "sun.sun" ? m_model->entities().at(firstEntityWithState() + 1).entityId : newId;
    QVERIFY(m_mutator->renameEntity(oldId, target).isEmpty());
    QVERIFY(m_mutator->renameEntity("sensor.does_not_exist", "sensor.x").isEmpty());
}

void TestRegistryMutator::setEntityName()
{
    const int index = firstEntityWithState();
    const QByteArray entityId = m_model->entities().at(index).entityId;
    const QList<HomeEvent> events = m_mutator->setEntityName(entityId, "Fancy name");
    QCOMPARE(types(events), (QList<QByteArray>{"entity_registry_updated", "state_changed"}));
    QCOMPARE(data(events.at(0)).value(u"changes"_s).toObject(), object("{\"name\":null}"));
    QCOMPARE(data(events.at(0)).value(u"entity_id"_s).toString().toUtf8(), entityId);
    // The new friendly_name is an attribute-only change.
    const HomeEvent &state = events.at(1);
    QCOMPARE(state.newState->lastChanged, state.oldState->lastChanged);
    QVERIFY(state.newState->attributes->json().contains("\"friendly_name\":\"Fancy name\""));
    // Renaming again reports the previous name.
    const QList<HomeEvent> again = m_mutator->setEntityName(entityId, "Other");
    QCOMPARE(data(again.at(0)).value(u"changes"_s).toObject(), object("{\"name\":\"Fancy name\"}"));
}

void TestRegistryMutator::addAndRemoveEntity()
{
    const QByteArray deviceId = m_model->devices().at(3).id;
    QByteArray entityId;
    const int states = m_model->stateCount();
    QList<HomeEvent> events = m_mutator->addEntity("sensor", "Extra probe", deviceId, &entityId);
    QCOMPARE(types(events), (QList<QByteArray>{"entity_registry_updated", "state_changed"}));
    QCOMPARE(data(events.at(0)),
             object("{\"action\":\"create\",\"entity_id\":\"" + entityId + "\"}"));
    QVERIFY(!events.at(1).oldState && events.at(1).newState);
    QCOMPARE(m_model->stateCount(), states + 1);
    QVERIFY(entityId.startsWith("sensor."));
    QVERIFY(entityId.endsWith("_extra_probe"));

    events = m_mutator->removeEntity(entityId);
    QCOMPARE(types(events), (QList<QByteArray>{"entity_registry_updated", "state_changed"}));
    QCOMPARE(data(events.at(0)),
             object("{\"action\":\"remove\",\"entity_id\":\"" + entityId + "\"}"));
    QVERIFY(events.at(1).oldState && !events.at(1).newState);
    QCOMPARE(m_model->stateCount(), states);
    QVERIFY(m_mutator->addEntity("vacuum", "Nope", {}, nullptr).isEmpty());
}

void TestRegistryMutator::deviceChanges()
{
    const int index = firstDeviceWithArea();
    const DeviceEntry device = m_model->devices().at(index);
    const QByteArray otherArea =
        m_model->areas().at((m_model->findArea(device.areaId) + 1) % 5).areaId;
    QList<HomeEvent> events = m_mutator->moveDevice(device.id, otherArea);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.at(0).eventType, QByteArray("device_registry_updated"));
    QCOMPARE(data(events.at(0)).value(u"action"_s).toString(), u"update"_s);
    QCOMPARE(data(events.at(0)).value(u"device_id"_s).toString().toUtf8(), device.id);
    QCOMPARE(
        data(events.at(0)).value(u"changes"_s).toObject().value(u"area_id"_s).toString().toUtf8(),
        device.areaId);
    QCOMPARE(m_model->devices().at(index).areaId, otherArea);
    QVERIFY(m_model->devices().at(index).modifiedAt > device.modifiedAt);

    events = m_mutator->renameDevice(device.id, "My device");
    QVERIFY(!events.isEmpty());
    QCOMPARE(data(events.at(0)).value(u"changes"_s).toObject(), object("{\"name_by_user\":null}"));
    // Entities named after the device get a new friendly_name.
    for (int i = 1; i < events.size(); ++i) {
        QCOMPARE(events.at(i).eventType, QByteArray("state_changed"));
        QVERIFY(events.at(i).newState->attributes->json().contains("My device"));
    }
    QVERIFY(m_mutator->moveDevice("no-such-device", otherArea).isEmpty());
    QVERIFY(m_mutator->moveDevice(device.id, "no_such_area").isEmpty());
}

void TestRegistryMutator::removeDevice()
{
    const DeviceEntry device = m_model->devices().at(5);
    int entitiesOfDevice = 0;
    for (const EntityEntry &entity : m_model->entities())
        entitiesOfDevice += entity.deviceId == device.id;
    QCOMPARE(entitiesOfDevice, 4);
    const QList<HomeEvent> events = m_mutator->removeDevice(device.id);
    QCOMPARE(events.at(0).eventType, QByteArray("device_registry_updated"));
    const QJsonObject first = data(events.at(0));
    QCOMPARE(first.value(u"action"_s).toString(), u"remove"_s);
    QCOMPARE(first.value(u"device_id"_s).toString().toUtf8(), device.id);
    QCOMPARE(first.value(u"device"_s).toObject().value(u"id"_s).toString().toUtf8(), device.id);
    QCOMPARE(first.value(u"device"_s).toObject().value(u"name"_s).toString().toUtf8(), device.name);
    int removedEntities = 0;
    for (const HomeEvent &event : events) {
        if (event.eventType == "entity_registry_updated") {
            QCOMPARE(data(event).value(u"action"_s).toString(), u"remove"_s);
            ++removedEntities;
        }
    }
    QCOMPARE(removedEntities, 4);
    QCOMPARE(m_model->findDevice(device.id), -1);
    QCOMPARE(m_model->deviceCount(), 29);
    QCOMPARE(m_model->entityCount(), 30 * 4 + 6 - 4);
}

void TestRegistryMutator::configEntries()
{
    const QByteArray entryId = m_mutator->addConfigEntry("demo", "Demo");
    QCOMPARE(entryId.size(), 26);
    QVERIFY(m_model->findConfigEntry(entryId) >= 0);
    QVERIFY(m_mutator->removeConfigEntry(entryId).isEmpty()); // no devices: nothing fires
    QCOMPARE(m_model->findConfigEntry(entryId), -1);
    // Removing a loaded integration's entry removes its devices.
    QByteArray hue;
    for (const ConfigEntryInfo &entry : m_model->configEntries()) {
        if (entry.domain == "hue")
            hue = entry.entryId;
    }
    const int devices = m_model->deviceCount();
    const QList<HomeEvent> events = m_mutator->removeConfigEntry(hue);
    QVERIFY(!events.isEmpty());
    QVERIFY(m_model->deviceCount() < devices);
}

QTEST_GUILESS_MAIN(TestRegistryMutator)
#include "tst_registrymutator.moc"
