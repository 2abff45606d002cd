// SPDX-License-Identifier: GPL-3.0-or-later
#include "postgresserver.h"

#include "freeport.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QThread>

#include <csignal>
#include <pwd.h>
#include <sys/types.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace hai::test {

namespace {

constexpr int kInitdbTimeoutMs = 120'000;
constexpr int kStartTimeoutMs = 60'000;
constexpr int kStopTimeoutMs = 30'000;
constexpr int kClientTimeoutMs = 30'000;

} // namespace

PostgresServer::PostgresServer()
    : m_dir(QDir::tempPath() + u"/hai-pg-XXXXXX"_s)
{}

PostgresServer::~PostgresServer()
{
    stop();
}

QString PostgresServer::binDir()
{
    const QString fromEnv = qEnvironmentVariable("HAI_PG_BINDIR");
    return fromEnv.isEmpty() ? u"/usr/lib/postgresql/15/bin"_s : fromEnv;
}

bool PostgresServer::run(const QString &tool, const QStringList &arguments, int timeoutMs,
                         QString *error)
{
    QProcess process;
    process.setWorkingDirectory(m_dir.path()); // the postgres user may not read our cwd
    process.setProcessChannelMode(QProcess::MergedChannels);
    const QString program = binDir() + u'/' + tool;
    if (m_asPostgresUser)
        process.start(u"runuser"_s,
                      QStringList{u"-u"_s, u"postgres"_s, u"--"_s, program} + arguments);
    else
        process.start(program, arguments);
    if (!process.waitForStarted(10'000)) {
        *error = tool + u": cannot start: "_s + process.errorString();
        return false;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5'000);
        *error = tool + u": no answer within "_s + QString::number(timeoutMs / 1000) + u" s"_s;
        return false;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = tool + u" failed (exit code "_s + QString::number(process.exitCode()) + u"): "_s +
                 QString::fromLocal8Bit(process.readAll()).trimmed();
        return false;
    }
    return true;
}

bool PostgresServer::start(QString *error)
{
    if (m_running)
        return true;
    if (!m_dir.isValid()) {
        *error = u"cannot create a temporary directory: "_s + m_dir.errorString();
        return false;
    }
    for (const QString &tool : {u"initdb"_s, u"pg_ctl"_s, u"createdb"_s}) {
        if (!QFileInfo(binDir() + u'/' + tool).isExecutable()) {
            *error = u"PostgreSQL 15 is not installed: "_s + binDir() + u'/' + tool +
                     u" is missing (Debian: apt-get install postgresql-15, or set "
                     u"HAI_PG_BINDIR)"_s;
            return false;
        }
    }
    if (::geteuid() == 0) {
        const passwd *user = ::getpwnam("postgres");
        if (!user) {
            *error = u"running as root, but there is no `postgres` user to run the server as"_s;
            return false;
        }
        if (::chown(QFile::encodeName(m_dir.path()).constData(), user->pw_uid, user->pw_gid) != 0) {
            *error = u"cannot hand "_s + m_dir.path() + u" to the postgres user"_s;
            return false;
        }
        m_asPostgresUser = true;
    }
    if (!run(u"initdb"_s,
             {u"-D"_s, m_dir.filePath(u"data"_s), u"-U"_s, u"postgres"_s, u"--auth=trust"_s,
              u"-E"_s, u"UTF8"_s, u"--locale=C"_s, u"--no-sync"_s},
             kInitdbTimeoutMs, error))
        return false;
    // The free port may be taken by someone else before the server binds it: try a few.
    for (int attempt = 1;; ++attempt) {
        if (startOnce(error))
            return true;
        if (attempt == 3 || !log().contains(u"could not bind"_s))
            return false;
    }
}

bool PostgresServer::startOnce(QString *error)
{
    m_port = freeLoopbackPort();
    const QString options = u"-p "_s + QString::number(m_port) + u" -k '"_s + m_dir.path() +
                            u"' -c listen_addresses=127.0.0.1 -c fsync=off "
                            u"-c synchronous_commit=off -c full_page_writes=off"_s;
    if (!run(u"pg_ctl"_s,
             {u"-D"_s, m_dir.filePath(u"data"_s), u"-l"_s, m_dir.filePath(u"server.log"_s), u"-o"_s,
              options, u"-w"_s, u"-t"_s, QString::number(kStartTimeoutMs / 1000 - 10), u"start"_s},
             kStartTimeoutMs, error)) {
        *error += u"\n--- server log ---\n"_s + log();
        stop();
        return false;
    }
    m_running = true;
    return true;
}

bool PostgresServer::createDatabase(const QString &name, QString *error)
{
    return run(
        u"createdb"_s,
        {u"-h"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(m_port), u"-U"_s, u"postgres"_s, name},
        kClientTimeoutMs, error);
}

qint64 PostgresServer::postmasterPid() const
{
    QFile file(m_dir.filePath(u"data/postmaster.pid"_s));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return file.readLine().trimmed().toLongLong();
}

void PostgresServer::stop()
{
    const qint64 pid = postmasterPid();
    if (!m_running && pid <= 0)
        return;
    m_running = false;
    QString error;
    if (run(u"pg_ctl"_s,
            {u"-D"_s, m_dir.filePath(u"data"_s), u"-m"_s, u"fast"_s, u"-w"_s, u"-t"_s,
             QString::number(kStopTimeoutMs / 1000 - 5), u"stop"_s},
            kStopTimeoutMs, &error))
        return;
    if (pid <= 0)
        return;
    // pg_ctl gave up: an immediate shutdown of our own server, found by its PID.
    ::kill(pid_t(pid), SIGQUIT);
    QDeadlineTimer deadline(10'000);
    while (::kill(pid_t(pid), 0) == 0 && !deadline.hasExpired())
        QThread::msleep(50);
    if (::kill(pid_t(pid), 0) == 0)
        ::kill(pid_t(pid), SIGKILL);
}

DatabaseLocation PostgresServer::location(const QString &database) const
{
    DatabaseLocation location;
    location.kind = DatabaseLocation::Kind::Postgres;
    location.host = u"127.0.0.1"_s;
    location.port = m_port;
    location.user = u"postgres"_s;
    location.databaseName = database;
    return location;
}

QString PostgresServer::log() const
{
    QFile file(m_dir.filePath(u"server.log"_s));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLocal8Bit(file.readAll());
}

} // namespace hai::test
