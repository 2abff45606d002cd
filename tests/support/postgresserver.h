// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/databaselocation.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace hai::test {

// A throwaway PostgreSQL 15 server for one test run: initdb into a temp dir, pg_ctl start on a
// free loopback port (trust auth, unix socket in the same dir, fsync off), stopped with
// pg_ctl stop and, failing that, by the PID in postmaster.pid. Every step has a timeout.
// initdb refuses to run as root, so as root (CI) the server runs as the `postgres` user
// through runuser and the temp dir is handed to that user.
class PostgresServer
{
public:
    PostgresServer();
    ~PostgresServer(); // stops the server
    PostgresServer(const PostgresServer &) = delete;
    PostgresServer &operator=(const PostgresServer &) = delete;

    // $HAI_PG_BINDIR, else /usr/lib/postgresql/15/bin.
    static QString binDir();

    bool start(QString *error);
    bool createDatabase(const QString &name, QString *error);
    void stop();

    bool isRunning() const { return m_running; }
    quint16 port() const { return m_port; }
    // postgres://postgres@127.0.0.1:<port>/<database>
    DatabaseLocation location(const QString &database) const;
    // The server log, to attach to failure messages.
    QString log() const;

private:
    bool run(const QString &tool, const QStringList &arguments, int timeoutMs, QString *error);
    bool startOnce(QString *error);
    qint64 postmasterPid() const;

    QTemporaryDir m_dir;
    quint16 m_port = 0;
    bool m_running = false;
    bool m_asPostgresUser = false;
};

} // namespace hai::test
