// SPDX-License-Identifier: GPL-3.0-or-later
// HomeModel filled by HomeGenerator and driven by TrafficGenerator: the generated home's
// shape, determinism and the realism of its states and traffic.
#include "demo/homegenerator.h"
#include "demo/homemodel.h"
#include "demo/registryjson.h"
#include "demo/trafficgenerator.h"
#include "demo/ulid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hai;

namespace {

DemoHomeOptions smallHome(quint64 seed = 3)
{
    DemoHomeOptions options;
    options.seed = seed;
    options.devices = 120;
    options.entitiesPerDevice = 6;
    options.areas = 9;
    options.floors = 3;
    options.labels = 4;
    options.baseTimeMs = 1767607200000;
    return options;
}

QJsonArray parseArray(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << error.errorString() << json.left(200);
    return document.array();
}

} // namespace

class TestHomeModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void counts();
    void deterministic_data();
    void deterministic();
    void entityIdsAreUniqueAndValid();
    void realisticVariety();
    void timestamps();
    void slugify_data();
    void slugify();
    void formatValue_data();
    void formatValue();
    void trafficIsConsistent();
    void identicalWriteIsStateReported();
    void removedStateFiresNewStateNull();
};

void TestHomeModel::counts()
{
    HomeModel model(smallHome());
    HomeGenerator::generate(model);
    QCOMPARE(model.deviceCount(), 120);
    QCOMPARE(model.entityCount(), 120 * 6 + 6);
    QVERIFY(model.stateCount() > 0);
    QVERIFY(model.stateCount() < model.entityCount()); // disabled entities have no state
    QCOMPARE(model.areas().size(), 9);
    QCOMPARE(model.floors().size(), 3);
    QCOMPARE(model.labels().size(), 4);
    QVERIFY(model.configEntries().size() >= 8);
    QCOMPARE(parseArray(model.statesJson()).size(), model.stateCount());
    QCOMPARE(parseArray(RegistryJson::entityList(model)).size(), model.entityCount());
    QCOMPARE(parseArray(RegistryJson::deviceList(model)).size(), model.deviceCount());
}

void TestHomeModel::deterministic_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::newRow("seed 1") << quint64(1);
    QTest::newRow("seed 42") << quint64(42);
    QTest::newRow("seed 99999") << quint64(99999);
}

void TestHomeModel::deterministic()
{
    QFETCH(quint64, seed);
    HomeModel first(smallHome(seed));
    HomeGenerator::generate(first);
    HomeModel second(smallHome(seed));
    HomeGenerator::generate(second);
    QCOMPARE(second.statesJson(), first.statesJson());
    QCOMPARE(RegistryJson::deviceList(second), RegistryJson::deviceList(first));
    QCOMPARE(RegistryJson::entityList(second), RegistryJson::entityList(first));
    QCOMPARE(RegistryJson::areaList(second), RegistryJson::areaList(first));
    QCOMPARE(RegistryJson::configEntryList(second, {}, {}),
             RegistryJson::configEntryList(first, {}, {}));

    // The traffic is repeatable too (timestamps aside, which follow the clock).
    TrafficGenerator a(first, seed);
    TrafficGenerator b(second, seed);
    for (int i = 0; i < 200; ++i) {
        const HomeEvent x = a.next();
        const HomeEvent y = b.next();
        QCOMPARE(y.entityId, x.entityId);
        QCOMPARE(y.newState->state, x.newState->state);
        QCOMPARE(y.newState->attributes->json(), x.newState->attributes->json());
    }

    HomeModel other(smallHome(seed + 1));
    HomeGenerator::generate(other);
    QVERIFY(RegistryJson::entityList(other) != RegistryJson::entityList(first));
}

void TestHomeModel::entityIdsAreUniqueAndValid()
{
    DemoHomeOptions options = smallHome();
    options.entitiesPerDevice = 14; // more than any device kind has: extras get numbered
    HomeModel model(options);
    HomeGenerator::generate(model);
    static const QRegularExpression valid(u"^[a-z0-9_]+\\.[a-z0-9_]+$"_s);
    QSet<QByteArray> seen;
    QSet<QByteArray> uniqueIds;
    for (const EntityEntry &entity : model.entities()) {
        QVERIFY2(valid.match(QString::fromUtf8(entity.entityId)).hasMatch(), entity.entityId);
        QVERIFY2(!seen.contains(entity.entityId), entity.entityId);
        seen.insert(entity.entityId);
        const QByteArray key = entity.platform + ' ' + entity.uniqueId;
        QVERIFY2(!uniqueIds.contains(key), key);
        uniqueIds.insert(key);
        QCOMPARE(entity.id.size(), 32);
    }
    QCOMPARE(seen.size(), model.entityCount());
}

void TestHomeModel::realisticVariety()
{
    HomeModel model(smallHome());
    HomeGenerator::generate(model);
    QSet<QString> domains, units, deviceClasses, states;
    bool lightOnWithColour = false, climateModes = false, noDevice = false, areaOverride = false;
    bool deviceWithoutArea = false, nonAsciiArea = false;
    for (const AreaEntry &area : model.areas())
        nonAsciiArea = nonAsciiArea || area.name == "Büro";
    for (const DeviceEntry &device : model.devices())
        deviceWithoutArea = deviceWithoutArea || device.areaId.isNull();
    for (const EntityEntry &entity : model.entities()) {
        domains.insert(QString::fromUtf8(entity.domain()));
        if (entity.deviceId.isNull())
            noDevice = true;
        else if (!entity.areaId.isNull()) {
            const DeviceEntry &device = model.devices().at(model.findDevice(entity.deviceId));
            areaOverride = areaOverride || device.areaId != entity.areaId;
        }
        if (!entity.state)
            continue;
        states.insert(QString::fromUtf8(entity.state->state));
        const QJsonObject attributes =
            QJsonDocument::fromJson(entity.state->attributes->json()).object();
        QVERIFY2(attributes.contains(u"friendly_name"_s), entity.entityId);
        if (attributes.contains(u"unit_of_measurement"_s))
            units.insert(attributes.value(u"unit_of_measurement"_s).toString());
        if (attributes.contains(u"device_class"_s))
            deviceClasses.insert(attributes.value(u"device_class"_s).toString());
        if (entity.domain() == "light" && entity.state->state == "on") {
            lightOnWithColour = attributes.value(u"brightness"_s).isDouble() &&
                                attributes.value(u"rgb_color"_s).toArray().size() == 3 &&
                                attributes.value(u"color_mode"_s).isString();
        }
        if (entity.domain() == "climate")
            climateModes = attributes.value(u"hvac_modes"_s).toArray().size() >= 2 &&
                           attributes.contains(u"current_temperature"_s);
    }
    for (const char *domain : {"sensor", "binary_sensor", "light", "switch", "lock", "climate",
                               "weather", "sun", "input_boolean"})
        QVERIFY2(domains.contains(QLatin1String(domain)), domain);
    for (const char *unit : {"°C", "%", "W", "kWh", "lx"})
        QVERIFY2(units.contains(QString::fromUtf8(unit)), unit);
    for (const char *deviceClass :
         {"temperature", "humidity", "power", "energy", "illuminance", "battery", "door", "motion"})
        QVERIFY2(deviceClasses.contains(QLatin1String(deviceClass)), deviceClass);
    QVERIFY(states.contains(u"unavailable"_s));
    QVERIFY(states.contains(u"unknown"_s));
    QVERIFY(states.contains(u"on"_s) && states.contains(u"off"_s));
    QVERIFY(lightOnWithColour);
    QVERIFY(climateModes);
    QVERIFY(noDevice);
    QVERIFY(areaOverride);
    QVERIFY(deviceWithoutArea);
    QVERIFY(nonAsciiArea);
}

void TestHomeModel::timestamps()
{
    HomeModel model(smallHome());
    HomeGenerator::generate(model);
    int whole = 0, fractional = 0, reportedLater = 0, changedEarlier = 0;
    const QJsonArray states = parseArray(model.statesJson());
    for (const QJsonValue &value : states) {
        const QJsonObject state = value.toObject();
        const QString updated = state.value(u"last_updated"_s).toString();
        QVERIFY(updated.endsWith(u"+00:00"_s));
        (updated.contains(u'.') ? fractional : whole)++;
        if (updated.contains(u'.'))
            QCOMPARE(updated.size(), 32); // six fraction digits
        else
            QCOMPARE(updated.size(), 25);
        QVERIFY(
            Ulid::isValid(state.value(u"context"_s).toObject().value(u"id"_s).toString().toUtf8()));
    }
    for (const EntityEntry &entity : model.entities()) {
        if (!entity.state)
            continue;
        QVERIFY(entity.state->lastChanged <= entity.state->lastUpdated);
        QVERIFY(entity.state->lastUpdated <= entity.state->lastReported);
        QVERIFY(entity.state->lastReported < 1767607200000000);
        reportedLater += entity.state->lastReported > entity.state->lastUpdated;
        changedEarlier += entity.state->lastChanged < entity.state->lastUpdated;
    }
    QVERIFY(whole > 0);
    QVERIFY(fractional > whole);
    QVERIFY(reportedLater > 0);
    QVERIFY(changedEarlier > 0);
    // New writes come after the generated past.
    QVERIFY(model.clock().next() > 1767607200000000 - 1);
}

void TestHomeModel::slugify_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("slug");
    QTest::newRow("simple") << QByteArray("Living Room") << QByteArray("living_room");
    QTest::newRow("accents") << QByteArray("Küche Süd") << QByteArray("kuche_sud");
    QTest::newRow("quotes") << QByteArray("Mia's \"Star\" Lamp 3")
                            << QByteArray("mia_s_star_lamp_3");
    QTest::newRow("edges") << QByteArray("  --Hall--  ") << QByteArray("hall");
    QTest::newRow("empty") << QByteArray("!!!") << QByteArray("unnamed");
}

void TestHomeModel::slugify()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, slug);
    QCOMPARE(HomeGenerator::slugify(name), slug);
}

void TestHomeModel::formatValue_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<int>("precision");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("one decimal") << 21.449 << 1 << QByteArray("21.4");
    QTest::newRow("integer") << 45.6 << 0 << QByteArray("46");
    QTest::newRow("three") << 1234.5 << 3 << QByteArray("1234.500");
    QTest::newRow("no negative zero") << -0.04 << 1 << QByteArray("0.0");
    QTest::newRow("negative") << -71.0 << 0 << QByteArray("-71");
}

void TestHomeModel::formatValue()
{
    QFETCH(double, value);
    QFETCH(int, precision);
    QFETCH(QByteArray, text);
    QCOMPARE(HomeGenerator::formatValue(value, precision), text);
}

void TestHomeModel::trafficIsConsistent()
{
    HomeModel model(smallHome());
    HomeGenerator::generate(model);
    TrafficGenerator traffic(model, 5);
    QHash<QByteArray, qint64> lastUpdated;
    int attributeOnly = 0, withUser = 0, unavailable = 0;
    qint64 previousFired = 0;
    for (int i = 0; i < 5000; ++i) {
        const HomeEvent event = traffic.next();
        QCOMPARE(event.eventType, QByteArray("state_changed"));
        QVERIFY(event.oldState && event.newState);
        const EntityState &before = *event.oldState;
        const EntityState &after = *event.newState;
        QVERIFY(before.state != after.state ||
                before.attributes->json() != after.attributes->json());
        QVERIFY(after.lastUpdated > before.lastUpdated);
        QVERIFY(event.timeFired > previousFired);
        previousFired = event.timeFired;
        QCOMPARE(event.timeFired, after.lastUpdated);
        QCOMPARE(event.context.id, after.context.id);
        QVERIFY(Ulid::isValid(after.context.id));
        if (before.state == after.state) {
            QCOMPARE(after.lastChanged, before.lastChanged);
            ++attributeOnly;
        } else {
            QCOMPARE(after.lastChanged, after.lastUpdated);
        }
        withUser += !after.context.userId.isNull();
        unavailable += after.state == "unavailable";
        const int at = model.findEntity(event.entityId);
        QCOMPARE(model.entities().at(at).stateJson, event.newStateJson);
        lastUpdated.insert(event.entityId, after.lastUpdated);
    }
    QVERIFY(attributeOnly > 0);
    QVERIFY(withUser > 0);
    QVERIFY(unavailable > 0);
    QVERIFY(lastUpdated.size() > 100);
}

void TestHomeModel::identicalWriteIsStateReported()
{
    HomeModel model(smallHome());
    HomeGenerator::generate(model);
    int index = 0;
    while (!model.entities().at(index).state)
        ++index;
    const StatePtr before = model.entities().at(index).state;
    const HomeEvent event =
        model.setState(index, before->state, before->attributes, model.newContext(1));
    QCOMPARE(event.eventType, QByteArray("state_reported"));
    const StatePtr after = model.entities().at(index).state;
    QCOMPARE(after->lastUpdated, before->lastUpdated);
    QCOMPARE(after->lastChanged, before->lastChanged);
    QVERIFY(after->lastReported > before->lastReported);
    const QJsonObject data = QJsonDocument::fromJson(event.dataJson).object();
    QCOMPARE(data.value(u"entity_id"_s).toString().toUtf8(), before->entityId);
    QVERIFY(data.contains(u"old_last_reported"_s));
}

void TestHomeModel::removedStateFiresNewStateNull()
{
    HomeModel model(smallHome());
    HomeGenerator::generate(model);
    int index = 0;
    while (!model.entities().at(index).state)
        ++index;
    const int before = model.stateCount();
    const HomeEvent event = model.removeState(index);
    QCOMPARE(event.eventType, QByteArray("state_changed"));
    QVERIFY(event.oldState);
    QVERIFY(!event.newState);
    QCOMPARE(model.stateCount(), before - 1);
    QVERIFY(model.removeState(index).eventType.isEmpty());
}

QTEST_GUILESS_MAIN(TestHomeModel)
#include "tst_homemodel.moc"
