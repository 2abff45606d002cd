// SPDX-License-Identifier: GPL-3.0-or-later
#include "homeassistant/registrysanitizer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using hai::HaRegistry;
using hai::RegistrySanitizer;

class TestRegistrySanitizer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanListUnchanged();
    void repairs_data();
    void repairs();
    void unknownDevices();
    void deviceIds();
};

namespace {
QJsonArray array(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).array();
}
} // namespace

void TestRegistrySanitizer::cleanListUnchanged()
{
    const QJsonArray devices = array(R"([{"id":"d1","name":"Lamp","labels":[],"created_at":1.5,
        "config_entries":["e1"],"primary_config_entry":"e1","identifiers":[["hue","1"]]}])");
    RegistrySanitizer::Report report;
    const QJsonArray out =
        RegistrySanitizer::sanitize(HaRegistry::Devices, devices, nullptr, &report);
    QVERIFY(!report.changed());
    QCOMPARE(out, devices);
}

void TestRegistrySanitizer::repairs_data()
{
    QTest::addColumn<int>("registry");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("kept");
    QTest::addColumn<int>("dropped");
    QTest::addColumn<int>("repaired");

    QTest::newRow("device name number")
        << int(HaRegistry::Devices) << QByteArray(R"([{"id":"d1","name":5},{"id":"d2"}])") << 2 << 0
        << 1;
    QTest::newRow("device without id")
        << int(HaRegistry::Devices) << QByteArray(R"([{"name":"x"},{"id":""},{"id":7},"d"])") << 0
        << 4 << 0;
    QTest::newRow("device labels object")
        << int(HaRegistry::Devices) << QByteArray(R"([{"id":"d1","labels":{},"created_at":"x"}])")
        << 1 << 0 << 2;
    QTest::newRow("device primary entry array")
        << int(HaRegistry::Devices) << QByteArray(R"([{"id":"d1","primary_config_entry":[1]}])")
        << 1 << 0 << 1;
    QTest::newRow("entity bad id")
        << int(HaRegistry::Entities)
        << QByteArray(R"([{"entity_id":"nodot"},{"entity_id":"a."},{"entity_id":"a.b"}])") << 1 << 2
        << 0;
    QTest::newRow("entity bool as string")
        << int(HaRegistry::Entities)
        << QByteArray(R"([{"entity_id":"a.b","has_entity_name":"yes","options":[]}])") << 1 << 0
        << 2;
    QTest::newRow("area without name")
        << int(HaRegistry::Areas) << QByteArray(R"([{"area_id":"k"},{"area_id":"l","name":"L"}])")
        << 1 << 1 << 0;
    QTest::newRow("floor level fraction")
        << int(HaRegistry::Floors) << QByteArray(R"([{"floor_id":"f","name":"F","level":1.5}])")
        << 1 << 0 << 1;
    QTest::newRow("entry without domain")
        << int(HaRegistry::Integrations)
        << QByteArray(R"([{"entry_id":"e"},{"entry_id":"e2","domain":"hue","disabled_by":3}])") << 1
        << 1 << 1;
}

void TestRegistrySanitizer::repairs()
{
    QFETCH(int, registry);
    QFETCH(QByteArray, json);
    QFETCH(int, kept);
    QFETCH(int, dropped);
    QFETCH(int, repaired);
    RegistrySanitizer::Report report;
    const QJsonArray out = RegistrySanitizer::sanitize(
        HaRegistry(registry), QJsonDocument::fromJson(json).array(), nullptr, &report);
    QCOMPARE(out.size(), kept);
    QCOMPARE(report.dropped, dropped);
    QCOMPARE(report.repairedFields, repaired);
    QVERIFY(!report.firstProblem.isEmpty());
}

void TestRegistrySanitizer::unknownDevices()
{
    const QJsonArray entities = array(R"([{"entity_id":"a.b","device_id":"d1"},
        {"entity_id":"a.c","device_id":"gone"},{"entity_id":"a.d","device_id":null}])");
    const QSet<QString> known{u"d1"_s};
    QCOMPARE(RegistrySanitizer::unknownDeviceReferences(entities, known), 1);
    RegistrySanitizer::Report report;
    const QJsonArray out =
        RegistrySanitizer::sanitize(HaRegistry::Entities, entities, &known, &report);
    QCOMPARE(out.size(), 3);
    QCOMPARE(report.clearedDevices, 1);
    QVERIFY(out.at(1).toObject().value(u"device_id"_s).isNull());
    QCOMPARE(out.at(0).toObject().value(u"device_id"_s).toString(), u"d1"_s);
}

void TestRegistrySanitizer::deviceIds()
{
    QCOMPARE(RegistrySanitizer::deviceIds(array(R"([{"id":"a"},{"device_id":"b"},{"id":3},1])")),
             (QSet<QString>{u"a"_s, u"b"_s}));
}

QTEST_GUILESS_MAIN(TestRegistrySanitizer)
#include "tst_registrysanitizer.moc"
