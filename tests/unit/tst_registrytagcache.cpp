// SPDX-License-Identifier: GPL-3.0-or-later
#include "registry/database.h"
#include "registry/registrywriter.h"
#include "registrysamples.h"
#include "timeseries/registrytagcache.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hai;

Q_DECLARE_METATYPE(hai::EntityTags)

// The loader reads the small sample home through a Reader connection, as the app will.
class TestRegistryTagCache : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void load_data();
    void load();
    void replaceBumpsGeneration();

private:
    QTemporaryDir m_dir;
    EntityTagMap m_loaded;
};

void TestRegistryTagCache::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    DatabaseLocation location;
    location.sqlitePath = m_dir.filePath(u"registry.db"_s);
    Database writerDatabase;
    QString error;
    QVERIFY2(test::openMigrated(writerDatabase, location, &error), qPrintable(error));
    {
        RegistryWriter writer(writerDatabase);
        QVERIFY2(test::writeSample(writer, test::smallHome(), RegistryWriter::Mode::Full, &error),
                 qPrintable(error));
    }
    Database reader;
    QVERIFY2(reader.open(location, Database::Role::Reader, &error), qPrintable(error));
    const auto loaded = RegistryTagCache::load(reader, &error);
    QVERIFY2(loaded, qPrintable(error));
    m_loaded = *loaded;
}

void TestRegistryTagCache::load_data()
{
    QTest::addColumn<QString>("entityId");
    QTest::addColumn<EntityTags>("tags");
    QTest::newRow("device's area, entry's domain")
        << u"light.kitchen"_s << EntityTags{u"dev_kitchen_light"_s, u"kitchen"_s, u"hue"_s};
    QTest::newRow("own area beats the device's")
        << u"light.living_lamp_nightlight"_s
        << EntityTags{u"dev_living_lamp"_s, u"bedroom"_s, u"hue"_s};
    QTest::newRow("device without area")
        << u"sensor.hue_bridge_status"_s << EntityTags{u"dev_hue_bridge"_s, QString(), u"hue"_s};
    QTest::newRow("no device, no entry: platform")
        << u"sensor.outdoor_temperature"_s << EntityTags{QString(), QString(), u"template"_s};
    QTest::newRow("own area, no device")
        << u"sensor.kitchen_plug_power"_s << EntityTags{QString(), u"kitchen"_s, u"shelly"_s};
}

void TestRegistryTagCache::load()
{
    QFETCH(QString, entityId);
    QFETCH(EntityTags, tags);
    QCOMPARE(m_loaded.size(), 15);
    QVERIFY(m_loaded.contains(entityId));
    const EntityTags got = m_loaded.value(entityId);
    QCOMPARE(got.deviceId, tags.deviceId);
    QCOMPARE(got.areaId, tags.areaId);
    QCOMPARE(got.integration, tags.integration);
}

void TestRegistryTagCache::replaceBumpsGeneration()
{
    RegistryTagCache cache;
    QCOMPARE(cache.generation(), quint64(0));
    QVERIFY(cache.snapshot().isEmpty());
    const EntityTagMap before = cache.snapshot();
    cache.replace(m_loaded);
    QCOMPARE(cache.generation(), quint64(1));
    QCOMPARE(cache.snapshot().size(), 15);
    QVERIFY(before.isEmpty()); // a snapshot taken earlier does not change
    cache.replace({});
    QCOMPARE(cache.generation(), quint64(2));
    QVERIFY(cache.snapshot().isEmpty());

    Database broken; // never opened: the loader reports, it does not crash
    QString error;
    QVERIFY(!RegistryTagCache::load(broken, &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestRegistryTagCache)
#include "tst_registrytagcache.moc"
