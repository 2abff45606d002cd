// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchstats.h"

#include <QFile>
#include <QThread>

#include <algorithm>
#include <numeric>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace hai::test {

Percentiles Percentiles::of(QList<double> samples)
{
    Percentiles result;
    if (samples.isEmpty())
        return result;
    std::sort(samples.begin(), samples.end());
    const auto at = [&samples](double q) {
        const auto index = qsizetype(q * double(samples.size() - 1) + 0.5);
        return samples.at(std::clamp<qsizetype>(index, 0, samples.size() - 1));
    };
    result.p50 = at(0.50);
    result.p90 = at(0.90);
    result.p99 = at(0.99);
    result.max = samples.last();
    result.mean = std::accumulate(samples.cbegin(), samples.cend(), 0.0) / double(samples.size());
    return result;
}

QString Percentiles::format(const QString &unit) const
{
    return u"p50 %1 %6, p90 %2 %6, p99 %3 %6, max %4 %6, mean %5 %6"_s.arg(p50, 0, 'f', 3)
        .arg(p90, 0, 'f', 3)
        .arg(p99, 0, 'f', 3)
        .arg(max, 0, 'f', 3)
        .arg(mean, 0, 'f', 3)
        .arg(unit);
}

namespace {
QByteArray readProcFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

qint64 statusField(qint64 pid, const QByteArray &field)
{
    const QByteArray status =
        readProcFile(pid == 0 ? u"/proc/self/status"_s : u"/proc/%1/status"_s.arg(pid));
    const qsizetype at = status.indexOf(QByteArray(field + ':'));
    if (at < 0)
        return 0;
    const QByteArray line = status.mid(at + field.size() + 1, status.indexOf('\n', at) - at);
    return line.simplified().split(' ').value(0).toLongLong();
}
} // namespace

QString machineSummary()
{
    const QByteArray cpuinfo = readProcFile(u"/proc/cpuinfo"_s);
    const qsizetype at = cpuinfo.indexOf("model name");
    const QByteArray model =
        at < 0 ? QByteArray("unknown CPU")
               : cpuinfo.mid(cpuinfo.indexOf(':', at) + 2,
                             cpuinfo.indexOf('\n', at) - cpuinfo.indexOf(':', at) - 2);
    // The first line of /proc/meminfo is "MemTotal:  <kB> kB".
    const qint64 memKiB = readProcFile(u"/proc/meminfo"_s)
                              .split('\n')
                              .value(0)
                              .simplified()
                              .split(' ')
                              .value(1)
                              .toLongLong();
    return u"%1 cores, %2 GiB RAM, %3"_s.arg(QThread::idealThreadCount())
        .arg(double(memKiB) / 1024.0 / 1024.0, 0, 'f', 1)
        .arg(QString::fromLatin1(model));
}

qint64 peakRssKiB(qint64 pid)
{
    return statusField(pid, "VmHWM");
}

qint64 currentRssKiB(qint64 pid)
{
    return statusField(pid, "VmRSS");
}

double processCpuSeconds(qint64 pid)
{
    const QByteArray stat =
        readProcFile(pid == 0 ? u"/proc/self/stat"_s : u"/proc/%1/stat"_s.arg(pid));
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    const double ticks = double(sysconf(_SC_CLK_TCK));
    return (fields.value(11).toDouble() + fields.value(12).toDouble()) / ticks;
}

} // namespace hai::test
