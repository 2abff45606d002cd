// SPDX-License-Identifier: GPL-3.0-or-later
#include "migrator.h"

#include "core/logging.h"
#include "database.h"
#include "sqltransaction.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

// Any constant will do; it only has to be the same in every instance of the app ("HAI1").
constexpr qint64 kMigrationLockKey = 0x48414931;

struct MigrationFile
{
    int version = 0;
    QString name;         // file name of the portable variant, recorded in schema_version
    QString portablePath; // NNNN_name.sql
    QString postgresPath; // NNNN_name.postgres.sql, optional
};

// The migrations in `directory`, ordered by version, numbered 1..N without gaps.
bool scanMigrations(const QString &directory, QList<MigrationFile> *out, QString *error)
{
    static const QRegularExpression pattern(u"^(\\d{4})_([A-Za-z0-9_]+?)(\\.postgres)?\\.sql$"_s);
    QMap<int, MigrationFile> byVersion;
    const QStringList names = QDir(directory).entryList({u"*.sql"_s}, QDir::Files, QDir::Name);
    for (const QString &fileName : names) {
        const QRegularExpressionMatch match = pattern.match(fileName);
        if (!match.hasMatch()) {
            *error = u"unexpected file "_s + fileName + u" among the migrations"_s;
            return false;
        }
        const int version = match.captured(1).toInt();
        MigrationFile &file = byVersion[version];
        file.version = version;
        const QString path = directory + u'/' + fileName;
        const bool postgres = !match.captured(3).isEmpty();
        QString &slot = postgres ? file.postgresPath : file.portablePath;
        if (!slot.isEmpty()) {
            *error = u"two migrations share the number "_s + match.captured(1);
            return false;
        }
        slot = path;
        if (!postgres)
            file.name = fileName;
    }
    int expected = 1;
    for (const MigrationFile &file : std::as_const(byVersion)) {
        if (file.version != expected) {
            *error = u"migration "_s + QString::number(expected) + u" is missing in "_s + directory;
            return false;
        }
        if (file.portablePath.isEmpty()) {
            *error = u"migration "_s + QString::number(file.version) +
                     u" has a .postgres.sql variant but no portable .sql file"_s;
            return false;
        }
        out->append(file);
        ++expected;
    }
    if (out->isEmpty()) {
        *error = u"no migrations found in "_s + directory;
        return false;
    }
    return true;
}

bool readText(const QString &path, QString *text, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read "_s + path + u": "_s + file.errorString();
        return false;
    }
    *text = QString::fromUtf8(file.readAll());
    return true;
}

QString newerSchemaMessage(int current, int latest)
{
    return u"the registry database has schema version "_s + QString::number(current) +
           u", newer than this build of HA Ingestor supports ("_s + QString::number(latest) +
           u"); it was left untouched. Upgrade HA Ingestor or point --registry-db at "
           u"another database."_s;
}

bool applyMigration(Database &database, const MigrationFile &file, int latest, QString *error)
{
    const QString path = database.isPostgres() && !file.postgresPath.isEmpty() ? file.postgresPath
                                                                               : file.portablePath;
    QString script;
    if (!readText(path, &script, error))
        return false;

    SqlTransaction transaction(database);
    if (!transaction.begin(SqlTransaction::Kind::Write, error))
        return false;
    QSqlDatabase connection = database.connection();
    if (database.isPostgres()) {
        QSqlQuery lock(connection);
        lock.prepare(u"SELECT pg_advisory_xact_lock(?)"_s);
        lock.addBindValue(kMigrationLockKey);
        if (!lock.exec()) {
            *error = u"cannot take the migration lock: "_s + lock.lastError().text();
            return false;
        }
    }
    // Another process may have migrated while we waited for the lock.
    const int current = Migrator::currentVersion(database, error);
    if (current < 0)
        return false;
    if (current > latest) {
        *error = newerSchemaMessage(current, latest);
        return false;
    }
    if (current >= file.version)
        return transaction.commit(error);
    if (current != file.version - 1) {
        *error = u"cannot apply migration "_s + QString::number(file.version) +
                 u" to a database at version "_s + QString::number(current);
        return false;
    }

    const QStringList statements = Migrator::splitStatements(script);
    for (int i = 0; i < statements.size(); ++i) {
        QSqlQuery query(connection);
        if (!query.exec(statements.at(i))) {
            *error = u"migration "_s + file.name + u", statement "_s + QString::number(i + 1) +
                     u" failed: "_s + query.lastError().text();
            return false;
        }
    }
    QSqlQuery record(connection);
    record.prepare(u"INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)"_s);
    record.addBindValue(file.version);
    record.addBindValue(file.name);
    record.addBindValue(double(QDateTime::currentMSecsSinceEpoch()) / 1000.0);
    if (!record.exec()) {
        *error = u"migration "_s + file.name + u": cannot record it in schema_version: "_s +
                 record.lastError().text();
        return false;
    }
    if (!transaction.commit(error))
        return false;
    qCInfo(lcRegistry) << "applied migration" << file.name << "to"
                       << database.location().displayName();
    return true;
}

} // namespace

QString Migrator::defaultDirectory()
{
    return u":/sql"_s;
}

int Migrator::latestVersion(const QString &directory)
{
    QList<MigrationFile> files;
    QString error;
    if (!scanMigrations(directory, &files, &error))
        return 0;
    return files.last().version;
}

int Migrator::currentVersion(Database &database, QString *error)
{
    QSqlDatabase connection = database.connection();
    if (!connection.isOpen()) {
        *error = u"database is not open"_s;
        return -1;
    }
    if (!connection.tables(QSql::Tables).contains(u"schema_version"_s, Qt::CaseInsensitive))
        return 0;
    QSqlQuery query(connection);
    if (!query.exec(u"SELECT MAX(version) FROM schema_version"_s)) {
        *error = u"cannot read schema_version: "_s + query.lastError().text();
        return -1;
    }
    return query.next() ? query.value(0).toInt() : 0;
}

bool Migrator::checkSupported(Database &database, QString *error)
{
    const int current = currentVersion(database, error);
    if (current < 0)
        return false;
    if (current > latestVersion()) {
        *error = newerSchemaMessage(current, latestVersion());
        return false;
    }
    return true;
}

bool Migrator::migrate(Database &database, QString *error, int target, const QString &directory)
{
    QList<MigrationFile> files;
    if (!scanMigrations(directory, &files, error))
        return false;
    const int latest = files.last().version;
    if (target < 0)
        target = latest;
    if (target > latest) {
        *error = u"cannot migrate to version "_s + QString::number(target) + u", the newest is "_s +
                 QString::number(latest);
        return false;
    }
    const int current = currentVersion(database, error);
    if (current < 0)
        return false;
    if (current > latest) {
        *error = newerSchemaMessage(current, latest);
        return false;
    }
    for (const MigrationFile &file : std::as_const(files)) {
        if (file.version <= current || file.version > target)
            continue;
        if (!applyMigration(database, file, latest, error))
            return false;
    }
    return true;
}

QStringList Migrator::splitStatements(const QString &script)
{
    QStringList statements;
    QString current;
    const qsizetype length = script.size();
    auto flush = [&] {
        const QString statement = current.trimmed();
        if (!statement.isEmpty())
            statements << statement;
        current.clear();
    };
    for (qsizetype i = 0; i < length; ++i) {
        const QChar c = script.at(i);
        const QChar next = i + 1 < length ? script.at(i + 1) : QChar();
        if (c == u'-' && next == u'-') {
            while (i < length && script.at(i) != u'\n')
                ++i;
            current += u'\n';
        } else if (c == u'/' && next == u'*') {
            const qsizetype end = script.indexOf(u"*/"_s, i + 2);
            i = end < 0 ? length : end + 1;
            current += u' ';
        } else if (c == u'\'' || c == u'"') {
            // Quoted text ends at the next unpaired quote; '' and "" are escaped quotes.
            qsizetype end = i + 1;
            while (end < length) {
                if (script.at(end) == c) {
                    if (end + 1 < length && script.at(end + 1) == c) {
                        end += 2;
                        continue;
                    }
                    break;
                }
                ++end;
            }
            current += QStringView(script).mid(i, end - i + 1);
            i = end;
        } else if (c == u'$') {
            static const QRegularExpression tagPattern(u"\\G\\$[A-Za-z_0-9]*\\$"_s);
            const QRegularExpressionMatch tag = tagPattern.match(script, i);
            if (!tag.hasMatch()) {
                current += c;
                continue;
            }
            const qsizetype close = script.indexOf(tag.captured(), i + tag.capturedLength());
            const qsizetype end = close < 0 ? length : close + tag.capturedLength();
            current += QStringView(script).mid(i, end - i);
            i = end - 1;
        } else if (c == u';') {
            flush();
        } else {
            current += c;
        }
    }
    flush();
    return statements;
}

} // namespace hai
