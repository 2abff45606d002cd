// SPDX-License-Identifier: GPL-3.0-or-later
#include "registry/database.h"
#include "registry/migrator.h"

#include <QFileInfo>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace hai;

class TestDatabase : public QObject
{
    Q_OBJECT

private:
    static DatabaseLocation sqlite(const QString &path)
    {
        DatabaseLocation location;
        location.sqlitePath = path;
        return location;
    }

    static QString pragma(Database &database, const QString &name)
    {
        QSqlQuery query(database.connection());
        if (!query.exec(u"PRAGMA "_s + name) || !query.next())
            return u"<error: "_s + query.lastError().text() + u'>';
        return query.value(0).toString();
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void pragmas_data()
    {
        QTest::addColumn<Database::Role>("role");
        QTest::addColumn<QString>("pragma");
        QTest::addColumn<QString>("expected");
        const std::pair<QString, QString> expected[] = {
            {u"journal_mode"_s, u"wal"_s},  {u"synchronous"_s, u"1"_s},
            {u"cache_size"_s, u"-64000"_s}, {u"temp_store"_s, u"2"_s},
            {u"foreign_keys"_s, u"1"_s},    {u"busy_timeout"_s, u"30000"_s},
        };
        for (const auto &[name, value] : expected) {
            QTest::addRow("writer %s", qPrintable(name)) << Database::Role::Writer << name << value;
            QTest::addRow("reader %s", qPrintable(name)) << Database::Role::Reader << name << value;
        }
        QTest::addRow("reader query_only") << Database::Role::Reader << u"query_only"_s << u"1"_s;
        QTest::addRow("writer not query_only")
            << Database::Role::Writer << u"query_only"_s << u"0"_s;
    }

    void pragmas()
    {
        QFETCH(Database::Role, role);
        QFETCH(QString, pragma);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"registry.db"_s);
        Database writer;
        QString error;
        QVERIFY2(writer.open(sqlite(path), Database::Role::Writer, &error), qPrintable(error));
        Database reader;
        QVERIFY2(reader.open(sqlite(path), Database::Role::Reader, &error), qPrintable(error));
        Database &database = role == Database::Role::Writer ? writer : reader;
        QCOMPARE(TestDatabase::pragma(database, pragma), expected);
    }

    void writerCreatesFileAndFolder()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"a/b/registry.db"_s);
        Database database;
        QString error;
        QVERIFY2(database.open(sqlite(path), Database::Role::Writer, &error), qPrintable(error));
        QVERIFY(database.isOpen());
        QVERIFY(QFileInfo::exists(path));
        QCOMPARE(database.role(), Database::Role::Writer);
        QVERIFY(!database.isPostgres());
    }

    void readerNeverCreatesTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"missing.db"_s);
        Database database;
        QString error;
        QVERIFY(!database.open(sqlite(path), Database::Role::Reader, &error));
        QVERIFY2(error.contains(u"does not exist"_s), qPrintable(error));
        QVERIFY(error.contains(path));
        QVERIFY(!QFileInfo::exists(path));
        QVERIFY(!database.isOpen());
        QVERIFY(database.connectionName().isEmpty()); // removed again after the failure
    }

    void readerSeesCommittedWritesAndCannotWrite()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"registry.db"_s);
        Database writer;
        Database reader;
        QString error;
        QVERIFY2(writer.open(sqlite(path), Database::Role::Writer, &error), qPrintable(error));
        QVERIFY2(Migrator::migrate(writer, &error), qPrintable(error));
        QVERIFY2(reader.open(sqlite(path), Database::Role::Reader, &error), qPrintable(error));

        QSqlQuery write(writer.connection());
        QVERIFY(
            write.prepare(u"INSERT INTO app_state (key, value, updated_at) VALUES (?, ?, ?)"_s));
        write.addBindValue(u"k"_s);
        write.addBindValue(u"v"_s);
        write.addBindValue(1.0);
        QVERIFY2(write.exec(), qPrintable(write.lastError().text()));

        QSqlQuery read(reader.connection());
        QVERIFY(read.exec(u"SELECT value FROM app_state"_s));
        QVERIFY(read.next());
        QCOMPARE(read.value(0).toString(), u"v"_s);
        read.finish();

        QSqlQuery forbidden(reader.connection());
        QVERIFY(!forbidden.exec(u"DELETE FROM app_state"_s));
    }

    void connectionNamesAreUnique()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"registry.db"_s);
        QString first;
        QString second;
        {
            Database a;
            Database b;
            QString error;
            QVERIFY2(a.open(sqlite(path), Database::Role::Writer, &error), qPrintable(error));
            QVERIFY2(b.open(sqlite(path), Database::Role::Writer, &error), qPrintable(error));
            first = a.connectionName();
            second = b.connectionName();
            QVERIFY(!first.isEmpty());
            QVERIFY(first != second);
            QVERIFY(QSqlDatabase::contains(first));
            QVERIFY(QSqlDatabase::contains(second));
        }
        QVERIFY(!QSqlDatabase::contains(first)); // the destructor removes the connection
        QVERIFY(!QSqlDatabase::contains(second));
    }

    void reopeningReplacesTheConnection()
    {
        QTemporaryDir dir;
        Database database;
        QString error;
        QVERIFY(database.open(sqlite(dir.filePath(u"a.db"_s)), Database::Role::Writer, &error));
        const QString before = database.connectionName();
        QVERIFY(database.open(sqlite(dir.filePath(u"b.db"_s)), Database::Role::Writer, &error));
        QVERIFY(!QSqlDatabase::contains(before));
        QVERIFY(database.connectionName() != before);
        database.close();
        database.close(); // twice is harmless
        QVERIFY(!database.isOpen());
    }

    void opensInTheCallingThread()
    {
        // Each thread opens its own connection; names must not collide across threads.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"registry.db"_s);
        Database main;
        QString error;
        QVERIFY2(main.open(sqlite(path), Database::Role::Writer, &error), qPrintable(error));
        QVERIFY2(Migrator::migrate(main, &error), qPrintable(error));

        QStringList names;
        QStringList errors;
        QList<QThread *> threads;
        QMutex mutex;
        for (int i = 0; i < 4; ++i) {
            threads << QThread::create([&] {
                Database reader;
                QString reason;
                bool ok = reader.open(sqlite(path), Database::Role::Reader, &reason);
                QSqlQuery query(reader.connection());
                ok = ok && query.exec(u"SELECT COUNT(*) FROM devices"_s) && query.next();
                query.finish();
                const QMutexLocker lock(&mutex);
                names << reader.connectionName();
                if (!ok)
                    errors << reason + query.lastError().text();
            });
            threads.last()->start();
        }
        for (QThread *thread : std::as_const(threads)) {
            QVERIFY(thread->wait(30'000));
            delete thread;
        }
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u"; "_s)));
        names.removeDuplicates();
        QCOMPARE(names.size(), 4);
        QVERIFY(!names.contains(main.connectionName()));
    }

    void unusablePathFailsWithTheReason()
    {
        Database database;
        QString error;
        QVERIFY(
            !database.open(sqlite(u"/proc/version/registry.db"_s), Database::Role::Writer, &error));
        QVERIFY2(error.contains(u"/proc/version"_s), qPrintable(error));
        QVERIFY(!database.isOpen());
    }

    void inMemoryDatabaseOpens()
    {
        Database database;
        QString error;
        QVERIFY2(database.open(sqlite(u":memory:"_s), Database::Role::Writer, &error),
                 qPrintable(error));
        QCOMPARE(pragma(database, u"journal_mode"_s), u"memory"_s);
        QCOMPARE(pragma(database, u"foreign_keys"_s), u"1"_s);
        QVERIFY2(Migrator::migrate(database, &error), qPrintable(error));
    }

    void health()
    {
        QTemporaryDir dir;
        Database database;
        QString error;
        QVERIFY(
            database.open(sqlite(dir.filePath(u"registry.db"_s)), Database::Role::Writer, &error));
        QVERIFY2(Migrator::migrate(database, &error), qPrintable(error));
        const Database::Health health = database.health();
        QVERIFY2(health.ok, qPrintable(health.error));
        QCOMPARE(health.journalMode, u"wal"_s);
        QVERIFY(health.walEnabled);
        QVERIFY(health.sizeMb > 0);
        QVERIFY(health.sizeMb < 10);

        Database closed;
        const Database::Health none = closed.health();
        QVERIFY(!none.ok);
        QVERIFY(!none.error.isEmpty());
    }

    void postgresLocationNeedsAServer()
    {
        // A refused connection is an error that names the server but never the password.
        DatabaseLocation location;
        QString error;
        QVERIFY(DatabaseLocation::parse(u"postgres://user:secret@127.0.0.1:1/registry"_s, &location,
                                        &error));
        Database database;
        QVERIFY(!database.open(location, Database::Role::Writer, &error));
        QVERIFY2(error.contains(u"127.0.0.1:1/registry"_s), qPrintable(error));
        QVERIFY2(!error.contains(u"secret"_s), qPrintable(error));
        QVERIFY(database.isPostgres());
        QVERIFY(!database.isOpen());
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
