// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QChartView>
#include <QColor>

class QDateTimeAxis;
class QGraphicsEllipseItem;
class QGraphicsLineItem;
class QGraphicsRectItem;
class QGraphicsTextItem;
class QLineSeries;
class QValueAxis;

namespace hai {

// One entity's line in the history chart.
struct HistoryLine
{
    QString entityId;
    QString unit; // empty when unknown
    QColor colour;
    QList<QPointF> points; // x = epoch ms, sorted by time
};

// Entities' histories as lines over time, one colour each and a legend with their names. A
// crosshair follows the mouse: a vertical line at the nearest point's time, a dot on every
// line and a label with the time and each line's value nearest to it.
// Units: the first unit gets the left axis and a second one the right axis; lines with a third
// unit share the left axis (one more axis would crowd the plot more than it helps).
class HistoryChartView : public QChartView
{
    Q_OBJECT
public:
    explicit HistoryChartView(QWidget *parent = nullptr);

    // The x axis spans [fromMs, toMs] even where there is no data.
    void setLines(const QList<HistoryLine> &lines, qint64 fromMs, qint64 toMs);
    void clear();

    // For tests.
    int seriesCount() const { return int(m_series.size()); }
    QLineSeries *series(int index) const { return m_series.value(index); }
    // The line drawn for the entity, or null.
    QLineSeries *seriesFor(const QString &entityId) const;
    QValueAxis *leftAxis() const { return m_y; }
    QValueAxis *rightAxis() const { return m_y2; }
    // The crosshair's text: the time, then "<entity>: <value> <unit>" per line (empty when
    // hidden).
    QString crosshairText() const;
    // Moves the crosshair to the point nearest to a widget position (what the mouse does).
    void showCrosshairAt(const QPointF &widgetPos);

protected:
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    void removeLines();
    void hideCrosshair();

    QList<HistoryLine> m_lines; // parallel to m_series
    QList<QLineSeries *> m_series;
    QDateTimeAxis *m_x = nullptr;
    QValueAxis *m_y = nullptr;
    QValueAxis *m_y2 = nullptr;
    QGraphicsLineItem *m_vertical = nullptr;
    QList<QGraphicsEllipseItem *> m_dots;
    QGraphicsRectItem *m_labelBox = nullptr;
    QGraphicsTextItem *m_label = nullptr;
};

} // namespace hai
