// SPDX-License-Identifier: GPL-3.0-or-later
#include "queryvalue.h"

#include "registry/database.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hai::test {

QVariant queryValue(const Database &database, const QString &sql, const QVariantList &bound)
{
    QSqlQuery query(database.connection());
    query.prepare(sql);
    for (const QVariant &value : bound)
        query.addBindValue(value);
    if (!query.exec())
        return QString(u"<error: "_s + query.lastError().text() + u'>');
    return query.next() ? query.value(0) : QVariant();
}

} // namespace hai::test
