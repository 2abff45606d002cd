// SPDX-License-Identifier: GPL-3.0-or-later
#include "liveratechart.h"

#include "ingest/ingeststats.h"

#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace hai {

LiveRateChart::LiveRateChart(QWidget *parent)
    : QChartView(parent)
{
    auto *chart = new QChart;
    chart->setTitle(tr("Events per second, last 5 minutes"));
    chart->legend()->setAlignment(Qt::AlignRight);
    m_x = new QValueAxis(chart);
    m_x->setRange(-IngestStats::kRateSeconds, 0);
    m_x->setTitleText(tr("seconds ago"));
    m_x->setLabelFormat(QStringLiteral("%d"));
    m_y = new QValueAxis(chart);
    m_y->setRange(0, 1);
    m_y->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(220);
}

QLineSeries *LiveRateChart::line(int index)
{
    while (m_lines.size() <= index) {
        auto *series = new QLineSeries(chart());
        chart()->addSeries(series);
        series->attachAxis(m_x);
        series->attachAxis(m_y);
        m_lines.append(series);
    }
    return m_lines[index];
}

void LiveRateChart::setRates(const DomainRates &rates)
{
    const auto toPoints = [](const QList<qint64> &counts) {
        QList<QPointF> points;
        points.reserve(counts.size());
        for (qsizetype i = 0; i < counts.size(); ++i)
            points.append(QPointF(double(i - counts.size()), double(counts[i])));
        return points;
    };
    QLineSeries *total = line(0);
    total->setName(tr("all"));
    total->replace(toPoints(rates.total));
    int index = 1;
    for (const DomainRates::Domain &domain : rates.domains) {
        QLineSeries *series = line(index++);
        series->setName(domain.name);
        series->replace(toPoints(domain.counts));
        series->setVisible(true);
    }
    for (; index < m_lines.size(); ++index) // domains that went quiet
        m_lines[index]->setVisible(false);
    const qint64 peak =
        rates.total.isEmpty() ? 0 : *std::max_element(rates.total.cbegin(), rates.total.cend());
    m_y->setRange(0, qMax<qint64>(peak * 11 / 10, 1));
}

} // namespace hai
