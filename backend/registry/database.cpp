// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"

#include "core/logging.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

QAtomicInteger<quint64> s_connectionCounter;

struct Pragma
{
    QString name;
    QString value;    // what we set
    QString expected; // what reading it back must give
};

// Pragma values are constants of ours, never user input: the one place SQL text is built
// with values, because SQLite does not accept bound parameters in PRAGMA statements.
const QList<Pragma> &sqlitePragmas()
{
    static const QList<Pragma> pragmas = {
        {u"journal_mode"_s, u"WAL"_s, u"wal"_s},
        {u"synchronous"_s, u"NORMAL"_s, u"1"_s},
        {u"cache_size"_s, u"-64000"_s, u"-64000"_s},
        {u"temp_store"_s, u"MEMORY"_s, u"2"_s},
        {u"foreign_keys"_s, u"ON"_s, u"1"_s},
        {u"busy_timeout"_s, u"30000"_s, u"30000"_s},
        // A full snapshot grows the WAL file to ~80 MB; without a limit it keeps that size.
        {u"journal_size_limit"_s, u"67108864"_s, u"67108864"_s},
    };
    return pragmas;
}

bool execSimple(QSqlDatabase &connection, const QString &sql, QString *result, QString *error)
{
    QSqlQuery query(connection);
    if (!query.exec(sql)) {
        *error = query.lastError().text();
        return false;
    }
    if (result)
        *result = query.next() ? query.value(0).toString() : QString();
    return true;
}

} // namespace

Database::Database() = default;

Database::~Database()
{
    close();
}

bool Database::open(const DatabaseLocation &location, Role role, QString *error)
{
    close();
    m_location = location;
    m_role = role;
    m_connectionName = u"hai-db-"_s + QString::number(++s_connectionCounter);
    const bool ok = location.isPostgres() ? openPostgres(error) : openSqlite(error);
    if (!ok) {
        close();
        return false;
    }
    qCDebug(lcRegistry) << "opened" << m_connectionName << location.displayName()
                        << (role == Role::Writer   ? "writer"
                            : role == Role::Reader ? "reader"
                                                   : "probe");
    return true;
}

bool Database::openSqlite(QString *error)
{
    const QString path = m_location.sqlitePath;
    const bool inMemory = path == u":memory:"_s;
    if (!inMemory) {
        const QFileInfo info(path);
        if (m_role != Role::Writer && !info.exists()) {
            *error =
                u"SQLite database "_s + path + u" does not exist (a reader never creates it)"_s;
            return false;
        }
        if (m_role == Role::Writer && !QDir().mkpath(info.absolutePath())) {
            *error = u"cannot create the folder "_s + info.absolutePath();
            return false;
        }
    }
    if (!QSqlDatabase::isDriverAvailable(u"QSQLITE"_s)) {
        *error = u"the Qt SQLite driver (QSQLITE) is not available"_s;
        return false;
    }
    m_connection = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    m_connection.setDatabaseName(path);
    // Set before the first statement too, so that the WAL switch itself waits for locks.
    m_connection.setConnectOptions(m_role == Role::Probe
                                       ? u"QSQLITE_BUSY_TIMEOUT=30000;QSQLITE_OPEN_READONLY"_s
                                       : u"QSQLITE_BUSY_TIMEOUT=30000"_s);
    if (!m_connection.open()) {
        *error =
            u"cannot open SQLite database "_s + path + u": "_s + m_connection.lastError().text();
        return false;
    }
    if (m_role == Role::Probe)
        return true; // even journal_mode=WAL would rewrite the file header

    for (const Pragma &pragma : sqlitePragmas()) {
        QString reason;
        QString value;
        if (!execSimple(m_connection, u"PRAGMA "_s + pragma.name + u" = "_s + pragma.value, nullptr,
                        &reason) ||
            !execSimple(m_connection, u"PRAGMA "_s + pragma.name, &value, &reason)) {
            *error = u"cannot set PRAGMA "_s + pragma.name + u" on "_s + path + u": "_s + reason;
            return false;
        }
        const bool memoryJournal = inMemory && pragma.name == u"journal_mode"_s;
        if (value.compare(pragma.expected, Qt::CaseInsensitive) != 0 && !memoryJournal) {
            *error = u"PRAGMA "_s + pragma.name + u" is "_s + value + u", expected "_s +
                     pragma.expected + u" on "_s + path +
                     u" (is the file on a network or read-only file system?)"_s;
            return false;
        }
    }
    if (m_role == Role::Reader) {
        QString reason;
        if (!execSimple(m_connection, u"PRAGMA query_only = ON"_s, nullptr, &reason)) {
            *error = u"cannot make the reader connection read-only: "_s + reason;
            return false;
        }
    }
    return true;
}

bool Database::openPostgres(QString *error)
{
    if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s)) {
        *error = u"the Qt PostgreSQL driver (QPSQL) is not installed "
                 u"(Debian/Ubuntu: libqt6sql6-psql)"_s;
        return false;
    }
    m_connection = QSqlDatabase::addDatabase(u"QPSQL"_s, m_connectionName);
    m_connection.setHostName(m_location.host);
    m_connection.setPort(m_location.port);
    m_connection.setUserName(m_location.user);
    m_connection.setPassword(m_location.password);
    m_connection.setDatabaseName(m_location.databaseName);
    m_connection.setConnectOptions(u"connect_timeout=10;application_name=ha-ingestor"_s);
    if (!m_connection.open()) {
        *error = u"cannot connect to "_s + m_location.displayName() + u": "_s +
                 m_connection.lastError().text().simplified();
        return false;
    }
    QString reason;
    // JIT pays off for long analytical queries; the registry's are short, and a stale cost
    // estimate must not turn a 1 ms lookup into 100 ms of compiling.
    if (!execSimple(m_connection, u"SET client_min_messages = warning"_s, nullptr, &reason) ||
        !execSimple(m_connection, u"SET jit = off"_s, nullptr, &reason) ||
        (m_role == Role::Reader &&
         !execSimple(m_connection, u"SET default_transaction_read_only = on"_s, nullptr,
                     &reason))) {
        *error =
            u"cannot configure the connection to "_s + m_location.displayName() + u": "_s + reason;
        return false;
    }
    return true;
}

void Database::close()
{
    if (m_connectionName.isEmpty())
        return;
    if (m_connection.isOpen())
        m_connection.close();
    m_connection = QSqlDatabase(); // drop our handle before removing the connection
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

bool Database::isOpen() const
{
    return m_connection.isOpen();
}

Database::Health Database::health() const
{
    Health health;
    if (!isOpen()) {
        health.error = u"database is not open"_s;
        return health;
    }
    QSqlDatabase connection = m_connection;
    QString value;
    if (isPostgres()) {
        health.journalMode = u"postgres"_s;
        health.walEnabled = true;
        if (!execSimple(connection, u"SELECT pg_database_size(current_database())"_s, &value,
                        &health.error))
            return health;
        health.sizeMb = value.toDouble() / (1024.0 * 1024.0);
    } else {
        if (!execSimple(connection, u"PRAGMA journal_mode"_s, &value, &health.error))
            return health;
        health.journalMode = value.toLower();
        health.walEnabled = health.journalMode == u"wal"_s;
        const QString path = m_location.sqlitePath;
        const qint64 bytes = QFileInfo(path).size() + QFileInfo(path + u"-wal"_s).size();
        health.sizeMb = double(bytes) / (1024.0 * 1024.0);
    }
    health.ok = true;
    return health;
}

} // namespace hai
