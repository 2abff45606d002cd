// SPDX-License-Identifier: GPL-3.0-or-later
#include "homeassistant/hastats.h"
#include "homeassistant/registryapplier.h"
#include "homeassistant/registryloader.h"
#include "homeassistant/registrysync.h"
#include "registry/database.h"
#include "registry/registryreader.h"
#include "registry/registryservice.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;
using hai::HaRegistry;
using hai::HaResult;
using hai::RegistryLoader;
using hai::RegistrySync;

namespace {

// Answers list and entity get commands from tables, later, as a connection would.
class FakeHa : public QObject, public hai::HaRequester
{
public:
    QHash<QString, QJsonArray> lists;
    QHash<QString, QJsonObject> entries;
    QStringList requests;

    int request(const QJsonObject &command, hai::HaResultCallback callback) override
    {
        const QString type = command.value(u"type"_s).toString();
        const QString entityId = command.value(u"entity_id"_s).toString();
        requests << (entityId.isEmpty() ? type : type + u' ' + entityId);
        QTimer::singleShot(0, this, [this, type, entityId, callback] {
            HaResult result;
            if (type == u"config/entity_registry/get"_s) {
                result.success = entries.contains(entityId);
                result.result = entries.value(entityId);
                result.errorCode = result.success ? QString() : u"not_found"_s;
            } else {
                result.success = true;
                result.result = lists.value(type);
            }
            callback(result);
        });
        return int(requests.size());
    }
};

QJsonObject registryEvent(const QString &type, const QJsonObject &data)
{
    return QJsonObject{{u"event_type"_s, type},
                       {u"data"_s, data},
                       {u"time_fired"_s, u"2026-01-05T10:00:00+00:00"_s}};
}

} // namespace

class TestRegistrySync : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void burstCoalesces();
    void devicesBeforeEntities();
    void pausedKeepsDirt();
    void entityRenameReadsOnlyIt();
    void manyEntityEventsReadTheList();
    void badEventStillRereads();

private:
    void seed();

    QTemporaryDir m_dir;
    int m_round = 0;
    hai::DatabaseLocation m_location;
    std::shared_ptr<hai::HaStats> m_stats;
    std::unique_ptr<hai::RegistryService> m_registry;
    std::unique_ptr<hai::RegistryApplier> m_applier;
    std::unique_ptr<FakeHa> m_ha;
    std::unique_ptr<RegistryLoader> m_loader;
    std::unique_ptr<RegistrySync> m_sync;
};

void TestRegistrySync::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestRegistrySync::init()
{
    m_location.sqlitePath = m_dir.filePath(u"registry%1.db"_s.arg(++m_round));
    m_registry = std::make_unique<hai::RegistryService>(m_location);
    QString error;
    QVERIFY2(m_registry->open(&error), qPrintable(error));
    m_stats = std::make_shared<hai::HaStats>();
    m_applier = std::make_unique<hai::RegistryApplier>(m_registry.get(), m_stats);
    m_ha = std::make_unique<FakeHa>();
    m_loader = std::make_unique<RegistryLoader>(m_ha.get(), m_applier.get(), m_stats);
    m_sync = std::make_unique<RegistrySync>(m_loader.get(), 50, m_stats);
    seed();
}

void TestRegistrySync::cleanup()
{
    m_sync.reset();
    m_loader.reset();
    m_applier.reset();
    m_registry.reset();
}

// What discovery would have stored.
void TestRegistrySync::seed()
{
    m_ha->lists[u"config/area_registry/list"_s] =
        QJsonDocument::fromJson(R"([{"area_id":"a","name":"A"}])").array();
    m_ha->lists[u"config/device_registry/list"_s] =
        QJsonDocument::fromJson(R"([{"id":"d1"}])").array();
    m_ha->lists[u"config/entity_registry/list"_s] =
        QJsonDocument::fromJson(
            R"([{"entity_id":"light.a","device_id":"d1"},{"entity_id":"light.b"}])")
            .array();
    int stored = 0;
    for (HaRegistry registry : {HaRegistry::Areas, HaRegistry::Devices, HaRegistry::Entities})
        m_loader->load(registry, RegistryLoader::Write::FullSnapshot,
                       [&stored](const RegistryLoader::Result &r) { stored += r.ok; });
    QTRY_COMPARE(stored, 3);
    m_ha->requests.clear();
}

void TestRegistrySync::burstCoalesces()
{
    QSignalSpy synced(m_sync.get(), &RegistrySync::synced);
    for (int i = 0; i < 10; ++i)
        m_sync->handleEvent(
            registryEvent(u"area_registry_updated"_s,
                          QJsonObject{{u"action"_s, u"update"_s}, {u"area_id"_s, u"a"_s}}));
    QVERIFY(synced.wait(2000));
    QTest::qWait(150);
    QCOMPARE(m_ha->requests, QStringList{u"config/area_registry/list"_s});
    QCOMPARE(synced.size(), 1);
    QVERIFY(synced.first().at(2).toDouble() >= 40); // the debounce
    QVERIFY(m_sync->isIdle());
}

void TestRegistrySync::devicesBeforeEntities()
{
    m_ha->entries[u"light.c"_s] =
        QJsonObject{{u"entity_id"_s, u"light.c"_s}, {u"device_id"_s, u"d2"_s}};
    m_ha->lists[u"config/device_registry/list"_s] =
        QJsonDocument::fromJson(R"([{"id":"d1"},{"id":"d2"}])").array();
    // The entity event first: order of arrival must not matter.
    m_sync->handleEvent(
        registryEvent(u"entity_registry_updated"_s,
                      QJsonObject{{u"action"_s, u"create"_s}, {u"entity_id"_s, u"light.c"_s}}));
    m_sync->handleEvent(
        registryEvent(u"device_registry_updated"_s,
                      QJsonObject{{u"action"_s, u"create"_s}, {u"device_id"_s, u"d2"_s}}));
    QSignalSpy synced(m_sync.get(), &RegistrySync::synced);
    QTRY_COMPARE(synced.size(), 2);
    QCOMPARE(m_ha->requests, (QStringList{u"config/device_registry/list"_s,
                                          u"config/entity_registry/get light.c"_s}));
    QCOMPARE(synced.at(0).first().toString(), u"devices"_s);
    QCOMPARE(synced.at(1).first().toString(), u"entities"_s);
    QCOMPARE(m_stats->snapshot().registryErrors, 0u);
}

void TestRegistrySync::pausedKeepsDirt()
{
    m_sync->setPaused(true);
    m_sync->handleEvent(
        registryEvent(u"area_registry_updated"_s,
                      QJsonObject{{u"action"_s, u"create"_s}, {u"area_id"_s, u"b"_s}}));
    QTest::qWait(200);
    QVERIFY(m_ha->requests.isEmpty());
    QVERIFY(!m_sync->isIdle());
    m_sync->setPaused(false);
    QTRY_COMPARE(m_ha->requests, QStringList{u"config/area_registry/list"_s});
    // A reset (new connection) forgets dirt: discovery re-reads everything anyway.
    m_sync->handleEvent(
        registryEvent(u"area_registry_updated"_s,
                      QJsonObject{{u"action"_s, u"create"_s}, {u"area_id"_s, u"c"_s}}));
    m_sync->reset();
    QTest::qWait(200);
    QCOMPARE(m_ha->requests.size(), 1);
}

void TestRegistrySync::entityRenameReadsOnlyIt()
{
    m_ha->entries[u"light.renamed"_s] = QJsonObject{{u"entity_id"_s, u"light.renamed"_s}};
    QSignalSpy synced(m_sync.get(), &RegistrySync::synced);
    m_sync->handleEvent(
        registryEvent(u"entity_registry_updated"_s,
                      QJsonObject{{u"action"_s, u"update"_s},
                                  {u"entity_id"_s, u"light.renamed"_s},
                                  {u"old_entity_id"_s, u"light.b"_s},
                                  {u"changes"_s, QJsonObject{{u"entity_id"_s, u"light.b"_s}}}}));
    QVERIFY(synced.wait(2000));
    QCOMPARE(m_ha->requests, QStringList{u"config/entity_registry/get light.renamed"_s});
    hai::Database database;
    QString error;
    QVERIFY(database.open(m_location, hai::Database::Role::Reader, &error));
    hai::RegistryReader reader(database);
    QVERIFY(reader.entity(u"light.renamed"_s));
    QVERIFY(!reader.entity(u"light.b"_s));
}

void TestRegistrySync::manyEntityEventsReadTheList()
{
    QSignalSpy synced(m_sync.get(), &RegistrySync::synced);
    for (int i = 0; i < 60; ++i)
        m_sync->handleEvent(registryEvent(
            u"entity_registry_updated"_s,
            QJsonObject{{u"action"_s, u"create"_s}, {u"entity_id"_s, u"sensor.s%1"_s.arg(i)}}));
    QVERIFY(synced.wait(2000));
    QCOMPARE(m_ha->requests, QStringList{u"config/entity_registry/list"_s});
}

void TestRegistrySync::badEventStillRereads()
{
    QSignalSpy synced(m_sync.get(), &RegistrySync::synced);
    m_sync->handleEvent(registryEvent(u"label_registry_updated"_s, QJsonObject{{u"action"_s, 5}}));
    m_sync->handleEvent(registryEvent(u"something_else"_s, QJsonObject{}));
    QVERIFY(synced.wait(2000));
    QCOMPARE(m_ha->requests, QStringList{u"config/label_registry/list"_s});
    QCOMPARE(m_stats->badInput(hai::HaBadInput::BadEvent), 1u);
    QCOMPARE(m_stats->snapshot().registryEvents, 1u);
}

QTEST_GUILESS_MAIN(TestRegistrySync)
#include "tst_registrysync.moc"
