// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/databaselocation.h"

#include <QSqlDatabase>
#include <QString>

namespace hai {

// One database connection, opened in the thread that calls open() and used only there.
// SQLite gets the WAL pragmas on open; PostgreSQL is reached through QPSQL. Knows nothing
// about threads or schema: Migrator owns the schema, RegistryWriter/Reader the queries.
// Objects that hold statements on this connection (RegistryWriter, RegistryReader) must be
// destroyed before it is closed.
class Database
{
public:
    enum class Role {
        Writer, // creates the file, applies the WAL pragmas
        Reader, // read-only queries, same pragmas
        Probe   // read-only, no pragmas, never creates: looks at a file without changing a byte
    };

    Database();
    ~Database(); // closes and removes the named connection
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens the connection under a process-unique name. For SQLite it applies
    // journal_mode=WAL, synchronous=NORMAL, cache_size=-64000, temp_store=MEMORY,
    // foreign_keys=ON, busy_timeout=30000 and checks each one took effect.
    // Returns false with a one-line reason (never containing a password).
    bool open(const DatabaseLocation &location, Role role, QString *error);
    void close();

    bool isOpen() const;
    bool isPostgres() const { return m_location.isPostgres(); }
    Role role() const { return m_role; }
    const DatabaseLocation &location() const { return m_location; }
    const QString &connectionName() const { return m_connectionName; }
    QSqlDatabase connection() const { return m_connection; }

    // SQLite facts for /health: "wal", true, size of file + -wal in MB. For PostgreSQL the
    // journal mode is "postgres" (always write-ahead logged) and the size is pg_database_size.
    struct Health
    {
        QString journalMode;
        bool walEnabled = false;
        double sizeMb = 0;
        bool ok = false;
        QString error;
    };
    Health health() const;

private:
    bool openSqlite(QString *error);
    bool openPostgres(QString *error);

    DatabaseLocation m_location;
    Role m_role = Role::Writer;
    QString m_connectionName;
    QSqlDatabase m_connection;
};

} // namespace hai
