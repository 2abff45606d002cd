// SPDX-License-Identifier: GPL-3.0-or-later
#include "databaselocation.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace hai {

bool DatabaseLocation::parse(const QString &text, DatabaseLocation *out, QString *error)
{
    DatabaseLocation location;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        *error = u"empty database location"_s;
        return false;
    }
    if (trimmed.startsWith(u"postgres://"_s) || trimmed.startsWith(u"postgresql://"_s)) {
        const QUrl url(trimmed, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty()) {
            *error = u"not a valid PostgreSQL URL (expected postgres://user:pass@host:port/db)"_s;
            return false;
        }
        const int port = url.port(5432);
        if (port < 1 || port > 65535) {
            *error = u"port out of range (1-65535)"_s;
            return false;
        }
        location.kind = Kind::Postgres;
        location.host = url.host();
        location.port = port;
        location.user = url.userName();
        location.password = url.password();
        location.databaseName = url.path().mid(1);
        if (location.databaseName.isEmpty() || location.databaseName.contains(u'/')) {
            *error =
                u"the PostgreSQL URL must name one database, e.g. postgres://host/haingestor"_s;
            return false;
        }
    } else if (trimmed.startsWith(u"sqlite:"_s)) {
        QString path = trimmed.mid(7);
        if (path.startsWith(u"//"_s))
            path = path.mid(2); // sqlite:///abs/path -> /abs/path
        if (path.isEmpty()) {
            *error = u"the sqlite: URL names no file"_s;
            return false;
        }
        location.sqlitePath = path;
    } else if (trimmed.contains(u"://"_s)) {
        *error = u"unsupported scheme (use a file path, sqlite:PATH or postgres://...)"_s;
        return false;
    } else {
        location.sqlitePath = trimmed;
    }
    *out = location;
    return true;
}

QString DatabaseLocation::displayName() const
{
    if (kind == Kind::Sqlite)
        return sqlitePath;
    QString who = user.isEmpty() ? QString() : user + (password.isEmpty() ? u"@"_s : u":***@"_s);
    return u"postgres://"_s + who + host + u':' + QString::number(port) + u'/' + databaseName;
}

} // namespace hai
