// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QChartView>

class QDateTimeAxis;
class QGraphicsLineItem;
class QGraphicsSimpleTextItem;
class QGraphicsRectItem;
class QLineSeries;
class QValueAxis;

namespace hai {

// One entity's history as a line over time, with a crosshair that follows the mouse and a
// label with the time and value of the nearest point.
class HistoryChartView : public QChartView
{
    Q_OBJECT
public:
    explicit HistoryChartView(QWidget *parent = nullptr);

    // x = epoch ms. The axis spans [fromMs, toMs] even where there is no data.
    void setPoints(const QString &name, const QList<QPointF> &points, qint64 fromMs, qint64 toMs);
    void clear();
    QLineSeries *series() const { return m_series; }
    // The crosshair's text, e.g. "2026-01-05 09:00:00  21.5" (empty when hidden); for tests.
    QString crosshairText() const;
    // Moves the crosshair to the point nearest to a widget position (what the mouse does).
    void showCrosshairAt(const QPointF &widgetPos);

protected:
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    void hideCrosshair();

    QLineSeries *m_series = nullptr;
    QDateTimeAxis *m_x = nullptr;
    QValueAxis *m_y = nullptr;
    QGraphicsLineItem *m_vertical = nullptr;
    QGraphicsLineItem *m_horizontal = nullptr;
    QGraphicsRectItem *m_labelBox = nullptr;
    QGraphicsSimpleTextItem *m_label = nullptr;
};

} // namespace hai
