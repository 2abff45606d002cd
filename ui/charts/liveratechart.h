// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QChartView>

class QLineSeries;
class QValueAxis;

namespace hai {

struct DomainRates;

// Events per second over the last five minutes: the total and one line per busy domain.
// The page feeds it once a second; series are reused so a refresh allocates little.
class LiveRateChart : public QChartView
{
    Q_OBJECT
public:
    explicit LiveRateChart(QWidget *parent = nullptr);

    void setRates(const DomainRates &rates);
    // For tests: the series shown (total first).
    QList<QLineSeries *> lines() const { return m_lines; }

private:
    QLineSeries *line(int index);

    QValueAxis *m_x = nullptr;
    QValueAxis *m_y = nullptr;
    QList<QLineSeries *> m_lines;
};

} // namespace hai
