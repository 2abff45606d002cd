// SPDX-License-Identifier: GPL-3.0-or-later
#include "appprocess.h"

#include "freeport.h"

#include <QFile>

#include <csignal>

using namespace Qt::StringLiterals;

namespace hai::test {

AppProcess::AppProcess(const QString &binary, const QString &dataDir)
    : m_binary(binary)
    , m_dataDir(dataDir)
{}

AppProcess::~AppProcess()
{
    kill();
}

bool AppProcess::start(const QStringList &arguments)
{
    QStringList all{u"--headless"_s, u"--data-dir"_s, m_dataDir};
    if (!arguments.contains(u"--api-listen"_s)) {
        m_apiPort = freeLoopbackPort();
        all << u"--api-listen"_s << u"127.0.0.1:"_s + QString::number(m_apiPort);
    }
    m_process = std::make_unique<QProcess>();
    m_process->setStandardOutputFile(m_dataDir + u"/app.out"_s, QIODevice::Append);
    m_process->setStandardErrorFile(m_dataDir + u"/app.out"_s, QIODevice::Append);
    m_process->start(m_binary, all + arguments);
    return m_process->waitForStarted(10000);
}

void AppProcess::kill()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        ::kill(pid_t(m_process->processId()), SIGKILL);
        m_process->waitForFinished(10000);
    }
}

bool AppProcess::terminate()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return false;
    ::kill(pid_t(m_process->processId()), SIGTERM);
    return m_process->waitForFinished(15000) && m_process->exitStatus() == QProcess::NormalExit &&
           m_process->exitCode() == 0;
}

QByteArray AppProcess::outputTail() const
{
    QFile file(m_dataDir + u"/app.out"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().right(4000);
}

QString AppProcess::apiUrl() const
{
    return u"http://127.0.0.1:%1"_s.arg(m_apiPort);
}

} // namespace hai::test
