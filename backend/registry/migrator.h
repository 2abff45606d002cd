// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace hai {

class Database;

// Applies the numbered SQL files in :/sql (0001_*.sql, 0002_*.sql, ...) in order, each in one
// transaction together with its row in schema_version (created by migration 1). A file may have
// a PostgreSQL variant named NNNN_*.postgres.sql, used instead of the portable one there.
// A database whose schema_version is newer than the newest file is refused untouched.
// Several processes may migrate the same database at once: SQLite takes the write lock first
// (BEGIN IMMEDIATE), PostgreSQL an advisory lock; each re-reads the version under the lock.
class Migrator
{
public:
    static QString defaultDirectory(); // ":/sql"

    static int latestVersion(const QString &directory = defaultDirectory());
    // 0 for an empty database; -1 with `error` set when it cannot be read.
    static int currentVersion(Database &database, QString *error);
    // False with a clear reason when the database was written by a newer version of the app
    // (or cannot be read); such a database must not be touched.
    static bool checkSupported(Database &database, QString *error);
    // Migrates up to `target` (default: latest). Returns false with a clear reason; a failed
    // migration leaves the database at the last version that applied completely.
    // `directory` exists for tests (a folder of deliberately broken files).
    static bool migrate(Database &database, QString *error, int target = -1,
                        const QString &directory = defaultDirectory());

    // Splits a script into statements at top-level semicolons. Drops -- and /* */ comments;
    // keeps quoted strings, quoted identifiers and PostgreSQL $tag$ bodies whole.
    static QStringList splitStatements(const QString &script);
};

} // namespace hai
