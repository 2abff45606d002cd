// SPDX-License-Identifier: GPL-3.0-or-later
#include "homeassistant/hastats.h"
#include "homeassistant/registryapplier.h"
#include "registry/database.h"
#include "registry/registryreader.h"
#include "registry/registryservice.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using hai::HaRegistry;
using hai::RegistryApplier;

class TestRegistryApplier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void fullSnapshotPrunes();
    void badItemDoesNotBlockOrPrune();
    void unknownDeviceReferenceCleared();
    void changesOnly();
    void stateAndNoRegistry();

private:
    RegistryApplier::Result apply(HaRegistry registry, const char *json,
                                  const QSet<QString> &knownDevices = {});
    hai::RegistryReader::Counts counts();

    QTemporaryDir m_dir;
    hai::DatabaseLocation m_location;
    std::shared_ptr<hai::HaStats> m_stats;
    std::unique_ptr<hai::RegistryService> m_registry;
    std::unique_ptr<RegistryApplier> m_applier;
    int m_round = 0;
};

void TestRegistryApplier::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestRegistryApplier::init()
{
    m_location.sqlitePath = m_dir.filePath(u"registry%1.db"_s.arg(++m_round));
    m_registry = std::make_unique<hai::RegistryService>(m_location);
    QString error;
    QVERIFY2(m_registry->open(&error), qPrintable(error));
    m_stats = std::make_shared<hai::HaStats>();
    m_applier = std::make_unique<RegistryApplier>(m_registry.get(), m_stats);
}

void TestRegistryApplier::cleanup()
{
    m_applier.reset();
    m_registry.reset();
}

RegistryApplier::Result TestRegistryApplier::apply(HaRegistry registry, const char *json,
                                                   const QSet<QString> &knownDevices)
{
    RegistryApplier::Result result;
    bool done = false;
    m_applier->applySnapshot(registry, QJsonDocument::fromJson(QByteArray(json)).array(),
                             knownDevices, [&](const RegistryApplier::Result &r) {
                                 result = r;
                                 done = true;
                             });
    if (!QTest::qWaitFor([&done] { return done; }, 5000))
        result.error = u"timed out"_s;
    return result;
}

hai::RegistryReader::Counts TestRegistryApplier::counts()
{
    hai::Database database;
    QString error;
    if (!database.open(m_location, hai::Database::Role::Reader, &error))
        qFatal("%s", qPrintable(error));
    hai::RegistryReader reader(database);
    return reader.counts();
}

void TestRegistryApplier::fullSnapshotPrunes()
{
    QVERIFY(
        apply(HaRegistry::Areas, R"([{"area_id":"a","name":"A"},{"area_id":"b","name":"B"}])").ok);
    QCOMPARE(counts().areas, 2);
    const auto result = apply(HaRegistry::Areas, R"([{"area_id":"b","name":"B2"}])");
    QVERIFY(result.ok);
    QCOMPARE(result.deleted, 1);
    QCOMPARE(counts().areas, 1);
}

void TestRegistryApplier::badItemDoesNotBlockOrPrune()
{
    QVERIFY(
        apply(HaRegistry::Devices, R"([{"id":"d1","name":"One"},{"id":"d2","name":"Two"}])").ok);
    // d1 now has a mistyped field and a new d3 arrives: d1 is kept (repaired), d3 is stored.
    const auto result =
        apply(HaRegistry::Devices,
              R"([{"id":"d1","name":42},{"id":"d2","name":"Two"},{"id":"d3"},"junk"])");
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(counts().devices, 3);
    QCOMPARE(m_stats->badInput(hai::HaBadInput::BadRegistryItem), 1u);
}

void TestRegistryApplier::unknownDeviceReferenceCleared()
{
    QVERIFY(apply(HaRegistry::Devices, R"([{"id":"d1"}])").ok);
    const auto result = apply(
        HaRegistry::Entities,
        R"([{"entity_id":"light.a","device_id":"d1"},{"entity_id":"light.b","device_id":"ghost"}])",
        {u"d1"_s});
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(counts().entities, 2);
    QCOMPARE(m_stats->badInput(hai::HaBadInput::UnknownDevice), 1u);
}

void TestRegistryApplier::changesOnly()
{
    QVERIFY(apply(HaRegistry::Labels, R"([{"label_id":"a","name":"A"},{"label_id":"b","name":"B"},
        {"label_id":"c","name":"C"}])")
                .ok);
    RegistryApplier::Result result;
    bool done = false;
    m_applier->applyChanges(HaRegistry::Labels,
                            QJsonDocument::fromJson(R"([{"label_id":"b","name":"B2"},
                                {"label_id":"d","name":"D"}])")
                                .array(),
                            {u"a"_s, u"missing"_s}, {}, [&](const RegistryApplier::Result &r) {
                                result = r;
                                done = true;
                            });
    QTRY_VERIFY(done);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.upserted, 2);
    QCOMPARE(result.deleted, 1);
    QCOMPARE(counts().labels, 3); // b, c, d
}

void TestRegistryApplier::stateAndNoRegistry()
{
    bool done = false;
    m_applier->setState(u"ha.checkpoint"_s, u"2026-01-05T10:00:00+00:00"_s,
                        [&done](const RegistryApplier::Result &r) { done = r.ok; });
    QTRY_VERIFY(done);

    RegistryApplier orphan(nullptr, m_stats);
    QString error;
    orphan.applySnapshot(HaRegistry::Areas, {}, {},
                         [&error](const RegistryApplier::Result &r) { error = r.error; });
    QTRY_VERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestRegistryApplier)
#include "tst_registryapplier.moc"
