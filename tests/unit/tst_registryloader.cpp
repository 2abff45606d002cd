// SPDX-License-Identifier: GPL-3.0-or-later
#include "homeassistant/hastats.h"
#include "homeassistant/registryapplier.h"
#include "homeassistant/registryloader.h"
#include "registry/database.h"
#include "registry/registryreader.h"
#include "registry/registryservice.h"

#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;
using hai::HaRegistry;
using hai::HaResult;
using hai::RegistryLoader;

namespace {

// Answers list commands from a table, later (as a connection would), and counts the reads.
class FakeRequester : public QObject, public hai::HaRequester
{
public:
    QHash<QString, QJsonArray> lists;
    QHash<QString, QJsonObject> entries; // config/entity_registry/get, when supportsGet
    bool supportsGet = true;
    QStringList requests;

    int request(const QJsonObject &command, hai::HaResultCallback callback) override
    {
        const QString type = command.value(u"type"_s).toString();
        const QString entityId = command.value(u"entity_id"_s).toString();
        requests << type;
        QTimer::singleShot(0, this, [this, type, entityId, callback] {
            HaResult result;
            if (type == u"config/entity_registry/get"_s && supportsGet) {
                result.success = entries.contains(entityId);
                result.result = entries.value(entityId);
                result.errorCode = result.success ? QString() : u"not_found"_s;
            } else {
                result.success = lists.contains(type);
                result.result = lists.value(type);
                result.errorCode = result.success ? QString() : u"unknown_command"_s;
            }
            callback(result);
        });
        return int(requests.size());
    }
};

QJsonArray array(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).array();
}

} // namespace

class TestRegistryLoader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void fullThenChanges();
    void entitiesWaitForNewDevices();
    void notAListIsNeverStored();
    void entitiesOneByOne();
    void entitiesFallBackToTheList();

private:
    RegistryLoader::Result load(HaRegistry registry, RegistryLoader::Write write);
    hai::RegistryReader &reader();

    QTemporaryDir m_dir;
    int m_round = 0;
    hai::DatabaseLocation m_location;
    std::shared_ptr<hai::HaStats> m_stats;
    std::unique_ptr<hai::RegistryService> m_registry;
    std::unique_ptr<hai::RegistryApplier> m_applier;
    std::unique_ptr<FakeRequester> m_ha;
    std::unique_ptr<RegistryLoader> m_loader;
    std::unique_ptr<hai::Database> m_readDb;
    std::unique_ptr<hai::RegistryReader> m_reader;
};

void TestRegistryLoader::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestRegistryLoader::init()
{
    m_location.sqlitePath = m_dir.filePath(u"registry%1.db"_s.arg(++m_round));
    m_registry = std::make_unique<hai::RegistryService>(m_location);
    QString error;
    QVERIFY2(m_registry->open(&error), qPrintable(error));
    m_stats = std::make_shared<hai::HaStats>();
    m_applier = std::make_unique<hai::RegistryApplier>(m_registry.get(), m_stats);
    m_ha = std::make_unique<FakeRequester>();
    m_loader = std::make_unique<RegistryLoader>(m_ha.get(), m_applier.get(), m_stats);
}

void TestRegistryLoader::cleanup()
{
    m_reader.reset();
    m_readDb.reset();
    m_loader.reset();
    m_applier.reset();
    m_registry.reset();
}

hai::RegistryReader &TestRegistryLoader::reader()
{
    if (!m_reader) {
        m_readDb = std::make_unique<hai::Database>();
        QString error;
        if (!m_readDb->open(m_location, hai::Database::Role::Reader, &error))
            qFatal("%s", qPrintable(error));
        m_reader = std::make_unique<hai::RegistryReader>(*m_readDb);
    }
    return *m_reader;
}

RegistryLoader::Result TestRegistryLoader::load(HaRegistry registry, RegistryLoader::Write write)
{
    RegistryLoader::Result result;
    bool done = false;
    m_loader->load(registry, write, [&](const RegistryLoader::Result &r) {
        result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&done] { return done; }, 5000))
        result.error = u"timed out"_s;
    return result;
}

void TestRegistryLoader::fullThenChanges()
{
    m_ha->lists[u"config/area_registry/list"_s] =
        array(R"([{"area_id":"a","name":"A"},{"area_id":"b","name":"B"}])");
    auto result = load(HaRegistry::Areas, RegistryLoader::Write::Changes); // nothing remembered
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.count, 2);
    m_ha->lists[u"config/area_registry/list"_s] =
        array(R"([{"area_id":"b","name":"B renamed"},{"area_id":"c","name":"C"}])");
    result = load(HaRegistry::Areas, RegistryLoader::Write::Changes);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.deleted, 1);
    const QJsonArray areas = reader().areas();
    QCOMPARE(areas.size(), 2);
    QStringList names;
    for (const QJsonValue &area : areas)
        names << area.toObject().value(u"name"_s).toString();
    names.sort();
    QCOMPARE(names, (QStringList{u"B renamed"_s, u"C"_s}));
}

void TestRegistryLoader::entitiesWaitForNewDevices()
{
    m_ha->lists[u"config/device_registry/list"_s] = array(R"([{"id":"d1"}])");
    QVERIFY(load(HaRegistry::Devices, RegistryLoader::Write::FullSnapshot).ok);
    // A device was created after the device list was read; the entity list names it.
    m_ha->lists[u"config/device_registry/list"_s] = array(R"([{"id":"d1"},{"id":"d2"}])");
    m_ha->lists[u"config/entity_registry/list"_s] = array(
        R"([{"entity_id":"light.a","device_id":"d1"},{"entity_id":"light.b","device_id":"d2"}])");
    m_ha->requests.clear();
    const auto result = load(HaRegistry::Entities, RegistryLoader::Write::Changes);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(m_ha->requests,
             (QStringList{u"config/entity_registry/list"_s, u"config/device_registry/list"_s}));
    QCOMPARE(reader().entity(u"light.b"_s)->value(u"device_id"_s).toString(), u"d2"_s);
    QVERIFY(m_loader->knownDevices().contains(u"d2"_s));
    QCOMPARE(m_stats->badInput(hai::HaBadInput::UnknownDevice), 0u);
}

void TestRegistryLoader::notAListIsNeverStored()
{
    m_ha->lists[u"config/label_registry/list"_s] = array(R"([{"label_id":"l","name":"L"}])");
    QVERIFY(load(HaRegistry::Labels, RegistryLoader::Write::FullSnapshot).ok);
    // A garbage answer (an object) must not be taken for an empty list and prune everything.
    HaResult garbage;
    garbage.success = true;
    garbage.result = QJsonObject{{u"label_id"_s, u"x"_s}};
    RegistryLoader::Result result;
    m_loader->store(HaRegistry::Labels, garbage, RegistryLoader::Write::FullSnapshot,
                    [&result](const RegistryLoader::Result &r) { result = r; });
    QVERIFY(!result.ok);
    QCOMPARE(m_stats->badInput(hai::HaBadInput::WrongType), 1u);
    QCOMPARE(reader().labels().size(), 1);
}

void TestRegistryLoader::entitiesOneByOne()
{
    m_ha->lists[u"config/entity_registry/list"_s] = array(
        R"([{"entity_id":"light.a","name":null},{"entity_id":"light.b"},{"entity_id":"light.c"}])");
    QVERIFY(load(HaRegistry::Entities, RegistryLoader::Write::FullSnapshot).ok);
    m_ha->entries[u"light.a"_s] = QJsonObject{{u"entity_id"_s, u"light.a"_s},
                                              {u"name"_s, u"Renamed"_s},
                                              {u"aliases"_s, QJsonArray{}},
                                              {u"device_class"_s, u"x"_s}};
    m_ha->requests.clear();
    RegistryLoader::Result result;
    bool done = false;
    m_loader->loadEntities({u"light.a"_s, u"light.gone"_s}, {u"light.c"_s},
                           [&](const RegistryLoader::Result &r) {
                               result = r;
                               done = true;
                           });
    QTRY_VERIFY(done);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(m_ha->requests,
             (QStringList{u"config/entity_registry/get"_s, u"config/entity_registry/get"_s}));
    QCOMPARE(reader().entity(u"light.a"_s)->value(u"name"_s).toString(), u"Renamed"_s);
    QVERIFY(!reader().entity(u"light.c"_s));
    QVERIFY(reader().entity(u"light.b"_s));
    // The remembered list follows: a later list read with the same content changes nothing.
    m_ha->lists[u"config/entity_registry/list"_s] =
        array(R"([{"entity_id":"light.a","name":"Renamed"},{"entity_id":"light.b"}])");
    result = load(HaRegistry::Entities, RegistryLoader::Write::Changes);
    QVERIFY(result.ok);
    QCOMPARE(result.deleted, 0);
}

void TestRegistryLoader::entitiesFallBackToTheList()
{
    m_ha->supportsGet = false;
    m_ha->lists[u"config/entity_registry/list"_s] = array(R"([{"entity_id":"light.a"}])");
    QVERIFY(load(HaRegistry::Entities, RegistryLoader::Write::FullSnapshot).ok);
    m_ha->lists[u"config/entity_registry/list"_s] =
        array(R"([{"entity_id":"light.a","name":"New"}])");
    for (int round = 0; round < 2; ++round) {
        m_ha->requests.clear();
        bool done = false;
        m_loader->loadEntities({u"light.a"_s}, {}, [&](const RegistryLoader::Result &r) {
            QVERIFY(r.ok);
            done = true;
        });
        QTRY_VERIFY(done);
        // First the get is tried; once HA said it has none, only the list is read.
        const QStringList expected = round == 0 ? QStringList{u"config/entity_registry/get"_s,
                                                              u"config/entity_registry/list"_s}
                                                : QStringList{u"config/entity_registry/list"_s};
        QCOMPARE(m_ha->requests, expected);
    }
    QCOMPARE(reader().entity(u"light.a"_s)->value(u"name"_s).toString(), u"New"_s);
}

QTEST_GUILESS_MAIN(TestRegistryLoader)
#include "tst_registryloader.moc"
