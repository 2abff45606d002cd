// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqltransaction.h"

#include "database.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hai {

SqlTransaction::SqlTransaction(Database &database)
    : m_connection(database.connection())
    , m_postgres(database.isPostgres())
{}

SqlTransaction::~SqlTransaction()
{
    rollback();
}

bool SqlTransaction::begin(Kind kind, QString *error)
{
    if (m_active) {
        *error = u"transaction already active"_s;
        return false;
    }
    bool ok = false;
    if (!m_postgres && kind == Kind::Write) {
        QSqlQuery query(m_connection);
        ok = query.exec(u"BEGIN IMMEDIATE"_s);
        if (!ok)
            *error = u"cannot begin a transaction: "_s + query.lastError().text();
    } else {
        ok = m_connection.transaction();
        if (!ok)
            *error = u"cannot begin a transaction: "_s + m_connection.lastError().text();
    }
    m_active = ok;
    return ok;
}

bool SqlTransaction::commit(QString *error)
{
    if (!m_active) {
        *error = u"no active transaction"_s;
        return false;
    }
    if (!m_connection.commit()) {
        *error = u"commit failed: "_s + m_connection.lastError().text();
        rollback();
        return false;
    }
    m_active = false;
    return true;
}

void SqlTransaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    m_connection.rollback();
}

} // namespace hai
