// SPDX-License-Identifier: GPL-3.0-or-later
#include "topentitieschart.h"

#include "ingest/ingeststats.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QHorizontalBarSeries>
#include <QValueAxis>

namespace hai {

TopEntitiesChart::TopEntitiesChart(QWidget *parent)
    : QChartView(parent)
{
    auto *chart = new QChart;
    chart->setTitle(tr("Top entities by events, last hour"));
    chart->legend()->hide();
    auto *series = new QHorizontalBarSeries(chart);
    m_set = new QBarSet(tr("events"), series);
    series->append(m_set);
    chart->addSeries(series);
    m_categories = new QBarCategoryAxis(chart);
    m_values = new QValueAxis(chart);
    m_values->setLabelFormat(QStringLiteral("%d"));
    // Qt would cut labels at the end, or (untruncated) off the left edge; ids are shortened in
    // the middle instead (see shortLabel), which keeps the domain and the distinctive tail.
    m_categories->setTruncateLabels(false);
    chart->addAxis(m_categories, Qt::AlignLeft);
    chart->addAxis(m_values, Qt::AlignBottom);
    series->attachAxis(m_categories);
    series->attachAxis(m_values);
    setChart(chart);
    setMinimumHeight(300); // ten readable bar labels
}

QString TopEntitiesChart::shortLabel(const QString &entityId)
{
    constexpr int kMaxChars = 34; // about a third of the page on a 1366-pixel screen
    if (entityId.size() <= kMaxChars)
        return entityId;
    const int head = kMaxChars / 2 - 1;
    const int tail = kMaxChars - head - 1;
    return entityId.left(head) + QChar(0x2026) + entityId.right(tail);
}

QStringList TopEntitiesChart::categories() const
{
    return m_categories->categories();
}

void TopEntitiesChart::setCounts(const QList<EntityCount> &counts)
{
    QStringList names;
    QList<qreal> values;
    qint64 peak = 1;
    // Bars grow from the bottom, so the busiest goes last to end up on top.
    for (auto it = counts.crbegin(); it != counts.crend(); ++it) {
        const QString label = shortLabel(it->entityId);
        // Categories must be unique; two ids that shorten alike keep their full text.
        names.append(names.contains(label) ? it->entityId : label);
        values.append(double(it->count));
        peak = qMax(peak, it->count);
    }
    if (names == m_categories->categories() && m_set->count() == values.size()) {
        for (qsizetype i = 0; i < values.size(); ++i)
            m_set->replace(int(i), values[i]);
    } else {
        m_set->remove(0, m_set->count());
        m_categories->clear();
        m_categories->append(names);
        m_set->append(values);
    }
    // Whole ticks with labels that match the bars ("%d" of 4.4 would print 4).
    m_values->setRange(0, double(peak));
    m_values->applyNiceNumbers();
}

} // namespace hai
