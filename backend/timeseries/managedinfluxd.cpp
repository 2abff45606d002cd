// SPDX-License-Identifier: GPL-3.0-or-later
#include "managedinfluxd.h"

#include "core/logging.h"
#include "influxdprocess.h"

#include <QFileInfo>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

constexpr int kFirstDelayMs = 1'000;
constexpr int kMaxDelayMs = 60'000;
constexpr qint64 kStableAfterMs = 60'000;
constexpr int kStopTimeoutMs = 5'000;
// influxd opens its HTTP port only after loading every shard; a big data dir takes a while.
constexpr int kStartTimeoutMs = 120'000;

QString notInstalledMessage(const QString &binary)
{
    const QString where = binary.isEmpty() ? QString() : u" (nothing to run at "_s + binary + u')';
    return u"influxd is not installed"_s + where +
           u"; install the Debian package 'influxdb' (scripts/deps.sh does) or give "
           u"--influx-url to use an InfluxDB you run yourself"_s;
}

} // namespace

ManagedInfluxd::ManagedInfluxd(const QString &appDataDir, QObject *parent)
    : QObject(parent)
    , m_process(new InfluxdProcess(appDataDir + u"/influxdb"_s, 0, this))
    , m_restartTimer(new QTimer(this))
    , m_binary(InfluxdProcess::findBinary())
{
    m_restartTimer->setSingleShot(true);
    connect(m_restartTimer, &QTimer::timeout, this, &ManagedInfluxd::launch);
    connect(m_process, &InfluxdProcess::ready, this, &ManagedInfluxd::onReady);
    connect(m_process, &InfluxdProcess::failed, this, &ManagedInfluxd::onStartFailed);
    connect(m_process, &InfluxdProcess::exited, this, &ManagedInfluxd::onExited);
}

ManagedInfluxd::~ManagedInfluxd()
{
    halt(); // no signals from a half-destroyed object
}

QString ManagedInfluxd::dataDir() const
{
    return m_process->dataDir();
}

QUrl ManagedInfluxd::url() const
{
    return m_process->url();
}

qint64 ManagedInfluxd::pid() const
{
    return m_process->pid();
}

QString ManagedInfluxd::log() const
{
    return m_process->log();
}

void ManagedInfluxd::start()
{
    if (m_wanted)
        return;
    m_wanted = true;
    m_attempt = 0;
    launch();
}

void ManagedInfluxd::stop()
{
    const bool wasRunning = m_running;
    halt();
    if (wasRunning) {
        qCInfo(lcInflux) << "influxd: stopped on request";
        Q_EMIT stopped(u"stopped on request"_s);
    }
}

void ManagedInfluxd::halt()
{
    m_wanted = false;
    m_running = false;
    m_restartTimer->stop();
    m_process->stop(kStopTimeoutMs);
}

void ManagedInfluxd::launch()
{
    if (!m_wanted || m_process->isRunning())
        return;
    if (m_binary.isEmpty() || !QFileInfo(m_binary).isExecutable()) {
        const QString message = notInstalledMessage(m_binary);
        qCWarning(lcInflux).noquote() << u"influxd: "_s + message;
        m_wanted = false; // it will not appear by waiting
        Q_EMIT failed(message);
        return;
    }
    m_process->setBinary(m_binary);
    QString error;
    if (!m_process->startAsync(&error, kStartTimeoutMs))
        onStartFailed(error);
}

void ManagedInfluxd::onReady()
{
    m_running = true;
    m_upSince.start();
    qCInfo(lcInflux).noquote() << u"influxd: up at %1 (pid %2, data in %3)"_s.arg(
        url().toString(), QString::number(m_process->pid()), dataDir());
    Q_EMIT started(url());
}

void ManagedInfluxd::onStartFailed(const QString &error)
{
    const QString message = u"the local InfluxDB did not start: "_s + error;
    qCWarning(lcInflux).noquote() << u"influxd: "_s + message;
    Q_EMIT failed(message);
    scheduleRestart();
}

void ManagedInfluxd::onExited(const QString &why)
{
    m_running = false;
    if (m_upSince.isValid() && m_upSince.elapsed() >= kStableAfterMs)
        m_attempt = 0; // it was healthy for a while: start over at the short delay
    const QString message = u"the local InfluxDB stopped unexpectedly: "_s + why;
    qCWarning(lcInflux).noquote() << u"influxd: "_s + message;
    Q_EMIT stopped(message);
    scheduleRestart();
}

void ManagedInfluxd::scheduleRestart()
{
    if (!m_wanted)
        return;
    const int delayMs = std::min(kMaxDelayMs, kFirstDelayMs << std::min(m_attempt, 6));
    ++m_attempt;
    ++m_restarts;
    qCInfo(lcInflux).noquote() << u"influxd: restarting in %1 s"_s.arg(delayMs / 1000);
    m_restartTimer->start(delayMs);
}

} // namespace hai
