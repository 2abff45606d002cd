// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

namespace hai::test {

// The real ha-ingestor binary as a user runs it: headless, its own data dir, output appended
// to <data-dir>/app.out for diagnosis. Killed on destruction.
class AppProcess
{
public:
    AppProcess(const QString &binary, const QString &dataDir);
    ~AppProcess();

    // Starts `--headless --data-dir DIR` plus `arguments`; the REST API listens on a free
    // loopback port (apiPort()) unless the arguments give --api-listen.
    bool start(const QStringList &arguments);
    void kill();      // SIGKILL
    bool terminate(); // SIGTERM, then true when it exited 0 within 15 s
    QByteArray outputTail() const;
    quint16 apiPort() const { return m_apiPort; }
    QString apiUrl() const;

private:
    QString m_binary;
    QString m_dataDir;
    quint16 m_apiPort = 0;
    std::unique_ptr<QProcess> m_process;
};

} // namespace hai::test
