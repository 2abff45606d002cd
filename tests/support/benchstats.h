// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace hai::test {

// Percentiles over a set of samples (any unit), and facts about this machine and process,
// so every benchmark prints its figures the same way.
struct Percentiles
{
    double p50 = 0, p90 = 0, p99 = 0, max = 0, mean = 0;
    static Percentiles of(QList<double> samples);
    QString format(const QString &unit) const;
};

QString machineSummary();      // cores, memory, CPU model
qint64 peakRssKiB(qint64 pid); // VmHWM of a process (0 on failure); pid 0 = this process
qint64 currentRssKiB(qint64 pid);
double processCpuSeconds(qint64 pid); // user + system time so far

} // namespace hai::test
