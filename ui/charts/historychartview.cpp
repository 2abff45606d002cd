// SPDX-License-Identifier: GPL-3.0-or-later
#include "historychartview.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsEllipseItem>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsTextItem>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QMouseEvent>
#include <QTextDocument>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace hai {

namespace {
constexpr qreal kDotRadius = 4;

// The index of the point nearest to x in points sorted by x; -1 when there are none.
qsizetype nearestIndex(const QList<QPointF> &points, double x)
{
    if (points.isEmpty())
        return -1;
    auto it = std::lower_bound(points.cbegin(), points.cend(), x,
                               [](const QPointF &p, double v) { return p.x() < v; });
    if (it == points.cend() || (it != points.cbegin() && x - (it - 1)->x() < it->x() - x))
        --it;
    return it - points.cbegin();
}

// About three significant digits, none after the point from 100 on: bucket means carry
// noise ("21.4999") that says nothing to a reader.
QString formatValue(const QLocale &locale, double value)
{
    const int magnitude = value == 0 ? 0 : int(std::floor(std::log10(std::abs(value))));
    const int decimals = qBound(0, 2 - magnitude, 4);
    const double scale = std::pow(10.0, decimals);
    return locale.toString(std::round(value * scale) / scale, 'g', QLocale::FloatingPointShortest);
}

// [low, high] around the lines' values with a margin, so no line sits on the plot's edge.
std::pair<double, double> valueRange(const QList<const HistoryLine *> &lines)
{
    double low = qInf(), high = -qInf();
    for (const HistoryLine *line : lines) {
        for (const QPointF &p : line->points) {
            low = qMin(low, p.y());
            high = qMax(high, p.y());
        }
    }
    if (!std::isfinite(low))
        return {0, 1};
    const double margin = qMax((high - low) * 0.05, 0.5);
    return {low - margin, high + margin};
}
} // namespace

HistoryChartView::HistoryChartView(QWidget *parent)
    : QChartView(parent)
{
    auto *chart = new QChart;
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->hide(); // until there is a line to name
    chart->setMargins(QMargins(4, 4, 4, 4));
    m_x = new QDateTimeAxis(chart);
    m_x->setFormat(u"dd.MM. HH:mm"_s);
    m_x->setTickCount(7);
    // The last day until a query answers, so the axis never shows the epoch.
    const QDateTime now = QDateTime::currentDateTime();
    m_x->setRange(now.addDays(-1), now);
    m_y = new QValueAxis(chart);
    m_y2 = new QValueAxis(chart);
    m_y2->setVisible(false);
    for (QValueAxis *axis : {m_y, m_y2})
        axis->setLabelFormat(u"%g"_s); // "150", "7.5": no ".0" on whole ticks
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    chart->addAxis(m_y2, Qt::AlignRight);
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMouseTracking(true);
    setMinimumHeight(240);

    m_vertical = new QGraphicsLineItem(chart);
    m_vertical->setPen(QPen(QColor(120, 120, 120), 1, Qt::DashLine));
    m_labelBox = new QGraphicsRectItem(chart);
    m_labelBox->setBrush(palette().toolTipBase());
    m_labelBox->setPen(QPen(palette().toolTipText().color()));
    m_label = new QGraphicsTextItem(m_labelBox);
    m_label->setDefaultTextColor(palette().toolTipText().color());
    m_label->document()->setDocumentMargin(3);
    for (QGraphicsItem *item :
         {static_cast<QGraphicsItem *>(m_vertical), static_cast<QGraphicsItem *>(m_labelBox)}) {
        item->setZValue(100);
        item->hide();
    }
}

void HistoryChartView::setLines(const QList<HistoryLine> &lines, qint64 fromMs, qint64 toMs)
{
    hideCrosshair();
    removeLines();
    m_lines = lines;
    m_x->setRange(QDateTime::fromMSecsSinceEpoch(fromMs), QDateTime::fromMSecsSinceEpoch(toMs));
    m_x->setFormat(toMs - fromMs > 2 * 86400000LL ? u"dd.MM. HH:mm"_s : u"HH:mm"_s);

    // The first unit on the left, the second on the right, any further one on the left.
    const QString leftUnit = lines.isEmpty() ? QString() : lines.first().unit;
    const auto other = std::find_if(lines.cbegin(), lines.cend(),
                                    [&](const HistoryLine &line) { return line.unit != leftUnit; });
    const bool twoAxes = other != lines.cend();
    const QString rightUnit = twoAxes ? other->unit : QString();
    QList<const HistoryLine *> left, right;
    for (const HistoryLine &line : std::as_const(m_lines)) {
        auto *series = new QLineSeries(chart());
        series->setName(line.unit.isEmpty()
                            ? line.entityId
                            : tr("%1 (%2)", "entity (unit)").arg(line.entityId, line.unit));
        QPen pen(line.colour, 2);
        series->setPen(pen);
        series->replace(line.points);
        chart()->addSeries(series);
        series->attachAxis(m_x);
        const bool onRight = twoAxes && line.unit == rightUnit;
        series->attachAxis(onRight ? m_y2 : m_y);
        (onRight ? right : left).append(&line);
        m_series.append(series);
    }
    const auto [low, high] = valueRange(left);
    m_y->setRange(low, high);
    m_y->applyNiceNumbers(); // ticks at 5, 10, 15 rather than 7.43, 12.86
    m_y->setTitleText(leftUnit);
    m_y2->setVisible(twoAxes);
    if (twoAxes) {
        const auto [low2, high2] = valueRange(right);
        m_y2->setRange(low2, high2);
        m_y2->applyNiceNumbers();
        m_y2->setTitleText(rightUnit);
    }
    chart()->legend()->setVisible(!m_lines.isEmpty());
}

void HistoryChartView::clear()
{
    hideCrosshair();
    removeLines();
    m_y->setRange(0, 1);
    m_y->setTitleText(QString());
    m_y2->setVisible(false);
    chart()->legend()->hide();
}

void HistoryChartView::removeLines()
{
    for (QLineSeries *series : std::as_const(m_series)) {
        chart()->removeSeries(series);
        delete series;
    }
    m_series.clear();
    m_lines.clear();
}

QLineSeries *HistoryChartView::seriesFor(const QString &entityId) const
{
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        if (m_lines[i].entityId == entityId)
            return m_series[i];
    }
    return nullptr;
}

QString HistoryChartView::crosshairText() const
{
    if (!m_labelBox->isVisible())
        return {};
    return m_label->toPlainText().replace(QChar::LineSeparator, u'\n'); // what <br> became
}

void HistoryChartView::showCrosshairAt(const QPointF &widgetPos)
{
    const QPointF chartPos = chart()->mapFromScene(mapToScene(widgetPos.toPoint()));
    const QRectF area = chart()->plotArea();
    if (m_series.isEmpty() || !area.contains(chartPos)) {
        hideCrosshair();
        return;
    }
    // The time axis is shared, so any line maps x. Snap to the nearest point of any line:
    // all lines are bucketed alike, so their points share these times.
    const double x = chart()->mapToValue(chartPos, m_series.first()).x();
    double at = qQNaN();
    for (const HistoryLine &line : std::as_const(m_lines)) {
        const qsizetype i = nearestIndex(line.points, x);
        if (i >= 0 && (std::isnan(at) || std::abs(line.points[i].x() - x) < std::abs(at - x)))
            at = line.points[i].x();
    }
    if (std::isnan(at)) {
        hideCrosshair();
        return;
    }

    const QLocale locale;
    QString html = u"<b>%1</b>"_s.arg(
        locale.toString(QDateTime::fromMSecsSinceEpoch(qint64(at)), QLocale::ShortFormat)
            .toHtmlEscaped());
    while (m_dots.size() < m_series.size()) {
        auto *dot = new QGraphicsEllipseItem(-kDotRadius, -kDotRadius, 2 * kDotRadius,
                                             2 * kDotRadius, chart());
        dot->setZValue(101);
        dot->setPen(QPen(palette().base().color(), 1.5));
        m_dots.append(dot);
    }
    for (QGraphicsEllipseItem *dot : std::as_const(m_dots))
        dot->hide();
    qreal lineX = 0;
    for (qsizetype s = 0; s < m_lines.size(); ++s) {
        const HistoryLine &line = m_lines[s];
        const qsizetype i = nearestIndex(line.points, at);
        if (i < 0)
            continue; // no data in this range: named in the error label, not here
        const QPointF pos = chart()->mapToPosition(line.points[i], m_series[s]);
        if (line.points[i].x() == at)
            lineX = pos.x();
        m_dots[s]->setBrush(line.colour);
        m_dots[s]->setPos(pos);
        m_dots[s]->setVisible(area.contains(pos));
        QString value = formatValue(locale, line.points[i].y());
        if (!line.unit.isEmpty())
            value = tr("%1 %2", "value and unit").arg(value, line.unit);
        html += u"<br><span style=\"color:%1\">&#9679;</span> %2"_s.arg(
            line.colour.name(),
            tr("%1: %2", "entity: value").arg(line.entityId, value).toHtmlEscaped());
    }
    m_vertical->setLine(lineX, area.top(), lineX, area.bottom());
    m_label->setHtml(html);
    const QRectF text = m_label->boundingRect();
    QPointF corner(lineX + 10, area.top() + 4);
    if (corner.x() + text.width() > area.right()) // keep the label inside the plot
        corner.setX(qMax(area.left(), lineX - text.width() - 10));
    m_labelBox->setRect(0, 0, text.width(), text.height());
    m_labelBox->setPos(corner);
    m_label->setPos(0, 0);
    m_vertical->show();
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
    m_labelBox->hide();
    for (QGraphicsEllipseItem *dot : std::as_const(m_dots))
        dot->hide();
}

} // namespace hai
