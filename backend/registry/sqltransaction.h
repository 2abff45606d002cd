// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace hai {

class Database;

// One transaction, rolled back unless commit() succeeds; a scope guard so that every early
// return of a failing call leaves the database as it was. On SQLite, a write transaction
// starts with BEGIN IMMEDIATE so it takes the write lock up front instead of failing halfway.
class SqlTransaction
{
public:
    enum class Kind { Read, Write };

    explicit SqlTransaction(Database &database);
    ~SqlTransaction();
    SqlTransaction(const SqlTransaction &) = delete;
    SqlTransaction &operator=(const SqlTransaction &) = delete;

    bool begin(Kind kind, QString *error);
    bool commit(QString *error);
    void rollback();
    bool isActive() const { return m_active; }

private:
    QSqlDatabase m_connection;
    bool m_postgres;
    bool m_active = false;
};

} // namespace hai
