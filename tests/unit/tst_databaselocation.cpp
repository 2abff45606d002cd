// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/databaselocation.h"

#include <QTest>

using namespace Qt::StringLiterals;
using hai::DatabaseLocation;

class TestDatabaseLocation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
    void displayNameHidesPassword();
};

void TestDatabaseLocation::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("postgres");
    QTest::addColumn<QString>("pathOrHost");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");

    QTest::newRow("plain path") << u"/tmp/x/metadata.db"_s << true << false
                                << u"/tmp/x/metadata.db"_s << 0 << QString();
    QTest::newRow("relative path")
        << u"meta.db"_s << true << false << u"meta.db"_s << 0 << QString();
    QTest::newRow("sqlite url") << u"sqlite:///var/lib/m.db"_s << true << false
                                << u"/var/lib/m.db"_s << 0 << QString();
    QTest::newRow("sqlite relative")
        << u"sqlite:m.db"_s << true << false << u"m.db"_s << 0 << QString();
    QTest::newRow("postgres") << u"postgres://u:p@db.local:6543/reg"_s << true << true
                              << u"db.local"_s << 6543 << u"reg"_s;
    QTest::newRow("postgresql default port")
        << u"postgresql://u@127.0.0.1/reg"_s << true << true << u"127.0.0.1"_s << 5432 << u"reg"_s;
    QTest::newRow("postgres no db")
        << u"postgres://u@host/"_s << false << true << QString() << 0 << QString();
    QTest::newRow("postgres no host")
        << u"postgres:///reg"_s << false << true << QString() << 0 << QString();
    QTest::newRow("mysql") << u"mysql://u@h/db"_s << false << false << QString() << 0 << QString();
    QTest::newRow("empty") << u"  "_s << false << false << QString() << 0 << QString();
    QTest::newRow("sqlite empty") << u"sqlite:"_s << false << false << QString() << 0 << QString();
}

void TestDatabaseLocation::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(bool, postgres);
    QFETCH(QString, pathOrHost);
    QFETCH(int, port);
    QFETCH(QString, database);

    DatabaseLocation location;
    QString error;
    QCOMPARE(DatabaseLocation::parse(text, &location, &error), valid);
    if (!valid) {
        QVERIFY(!error.isEmpty());
        return;
    }
    QCOMPARE(location.isPostgres(), postgres);
    if (postgres) {
        QCOMPARE(location.host, pathOrHost);
        QCOMPARE(location.port, port);
        QCOMPARE(location.databaseName, database);
    } else {
        QCOMPARE(location.sqlitePath, pathOrHost);
    }
}

void TestDatabaseLocation::displayNameHidesPassword()
{
    DatabaseLocation location;
    QString error;
    QVERIFY(DatabaseLocation::parse(u"postgres://alice:s3cret@h:5432/reg"_s, &location, &error));
    QCOMPARE(location.password, u"s3cret"_s);
    QVERIFY(!location.displayName().contains(u"s3cret"_s));
    QCOMPARE(location.displayName(), u"postgres://alice:***@h:5432/reg"_s);
}

QTEST_GUILESS_MAIN(TestDatabaseLocation)
#include "tst_databaselocation.moc"
