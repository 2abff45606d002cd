// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace hai {

// Where the registry lives: a SQLite file, or a PostgreSQL database given as
// postgres://user:pass@host:port/db. Parsed once from --registry-db.
struct DatabaseLocation
{
    enum class Kind { Sqlite, Postgres };

    Kind kind = Kind::Sqlite;
    QString sqlitePath; // Sqlite only
    QString host;       // Postgres only, from here on
    int port = 5432;
    QString user;
    QString password;
    QString databaseName;

    // Accepts a plain path, sqlite:///abs/path, sqlite:relative, postgres:// or postgresql://.
    // Returns false with a one-line reason on anything else.
    static bool parse(const QString &text, DatabaseLocation *out, QString *error);

    bool isPostgres() const { return kind == Kind::Postgres; }
    // A form that is safe to log: the password is never shown.
    QString displayName() const;
};

} // namespace hai
