// SPDX-License-Identifier: GPL-3.0-or-later
#include "historychartview.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QLineSeries>
#include <QLocale>
#include <QMouseEvent>
#include <QValueAxis>

#include <algorithm>

namespace hai {

HistoryChartView::HistoryChartView(QWidget *parent)
    : QChartView(parent)
{
    auto *chart = new QChart;
    chart->legend()->hide();
    m_series = new QLineSeries(chart);
    chart->addSeries(m_series);
    m_x = new QDateTimeAxis(chart);
    m_x->setFormat(QStringLiteral("dd.MM. HH:mm"));
    m_x->setTickCount(7);
    // The last day until a query answers, so the axis never shows the epoch.
    const QDateTime now = QDateTime::currentDateTime();
    m_x->setRange(now.addDays(-1), now);
    m_y = new QValueAxis(chart);
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    m_series->attachAxis(m_x);
    m_series->attachAxis(m_y);
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMouseTracking(true);
    setMinimumHeight(280);

    const QPen pen(QColor(120, 120, 120), 1, Qt::DashLine);
    m_vertical = new QGraphicsLineItem(chart);
    m_horizontal = new QGraphicsLineItem(chart);
    m_vertical->setPen(pen);
    m_horizontal->setPen(pen);
    m_labelBox = new QGraphicsRectItem(chart);
    m_labelBox->setBrush(palette().toolTipBase());
    m_labelBox->setPen(QPen(palette().toolTipText().color()));
    m_label = new QGraphicsSimpleTextItem(m_labelBox);
    m_label->setBrush(palette().toolTipText());
    for (QGraphicsItem *item :
         {static_cast<QGraphicsItem *>(m_vertical), static_cast<QGraphicsItem *>(m_horizontal),
          static_cast<QGraphicsItem *>(m_labelBox)}) {
        item->setZValue(100);
        item->hide();
    }
}

void HistoryChartView::setPoints(const QString &name, const QList<QPointF> &points, qint64 fromMs,
                                 qint64 toMs)
{
    hideCrosshair();
    chart()->setTitle(name);
    m_series->replace(points);
    m_x->setRange(QDateTime::fromMSecsSinceEpoch(fromMs), QDateTime::fromMSecsSinceEpoch(toMs));
    m_x->setFormat(toMs - fromMs > 2 * 86400000LL ? QStringLiteral("dd.MM. HH:mm")
                                                  : QStringLiteral("HH:mm"));
    double low = 0, high = 1;
    if (!points.isEmpty()) {
        const auto [min, max] =
            std::minmax_element(points.cbegin(), points.cend(),
                                [](const QPointF &a, const QPointF &b) { return a.y() < b.y(); });
        low = min->y();
        high = max->y();
        const double margin = qMax((high - low) * 0.05, 0.5);
        low -= margin;
        high += margin;
    }
    m_y->setRange(low, high);
}

void HistoryChartView::clear()
{
    hideCrosshair();
    m_series->clear();
}

QString HistoryChartView::crosshairText() const
{
    return m_labelBox->isVisible() ? m_label->text() : QString();
}

void HistoryChartView::showCrosshairAt(const QPointF &widgetPos)
{
    const QList<QPointF> points = m_series->points();
    const QPointF scenePos = mapToScene(widgetPos.toPoint());
    const QPointF chartPos = chart()->mapFromScene(scenePos);
    if (points.isEmpty() || !chart()->plotArea().contains(chartPos)) {
        hideCrosshair();
        return;
    }
    // Points are sorted by time: binary search for the nearest one.
    const double x = chart()->mapToValue(chartPos, m_series).x();
    auto it = std::lower_bound(points.cbegin(), points.cend(), x,
                               [](const QPointF &p, double v) { return p.x() < v; });
    if (it == points.cend() || (it != points.cbegin() && x - (it - 1)->x() < it->x() - x))
        --it;
    const QPointF at = chart()->mapToPosition(*it, m_series);
    const QRectF area = chart()->plotArea();
    m_vertical->setLine(at.x(), area.top(), at.x(), area.bottom());
    m_horizontal->setLine(area.left(), at.y(), area.right(), at.y());
    const QString time =
        QLocale().toString(QDateTime::fromMSecsSinceEpoch(qint64(it->x())), QLocale::ShortFormat);
    m_label->setText(tr("%1\n%2").arg(time, QLocale().toString(it->y(), 'g', 6)));
    const QRectF text = m_label->boundingRect();
    QPointF corner(at.x() + 8, at.y() - text.height() - 12);
    if (corner.x() + text.width() + 8 > area.right()) // keep the label inside the plot
        corner.setX(at.x() - text.width() - 16);
    corner.setY(qMax(corner.y(), area.top()));
    m_labelBox->setRect(0, 0, text.width() + 8, text.height() + 6);
    m_labelBox->setPos(corner);
    m_label->setPos(4, 3);
    m_vertical->show();
    m_horizontal->show();
    m_labelBox->show();
}

void HistoryChartView::mouseMoveEvent(QMouseEvent *event)
{
    showCrosshairAt(event->position());
    QChartView::mouseMoveEvent(event);
}

void HistoryChartView::leaveEvent(QEvent *event)
{
    hideCrosshair();
    QChartView::leaveEvent(event);
}

void HistoryChartView::hideCrosshair()
{
    m_vertical->hide();
    m_horizontal->hide();
    m_labelBox->hide();
}

} // namespace hai
