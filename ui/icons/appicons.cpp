// SPDX-License-Identifier: GPL-3.0-or-later
#include "appicons.h"

#include "paintediconengine.h"

#include <QImageReader>
#include <QPainter>
#include <QPainterPath>

using namespace Qt::StringLiterals;

namespace hai {

namespace {
QIcon painted(PaintedIconEngine::Painter painter, bool tinted = true)
{
    return QIcon(new PaintedIconEngine(std::move(painter), tinted));
}

QPen linePen(const QColor &color)
{
    return QPen(color, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
}

// The same design as resources/icons/ha-ingestor.svg (a 64×64 box): a house on a blue tile,
// with a bar chart in its door.
void paintApplication(QPainter &p, const QColor &)
{
    p.scale(24.0 / 64, 24.0 / 64);
    QLinearGradient tile(0, 2, 0, 62);
    tile.setColorAt(0, QColor(0x1e, 0x88, 0xe5));
    tile.setColorAt(1, QColor(0x15, 0x65, 0xc0));
    p.setPen(Qt::NoPen);
    p.setBrush(tile);
    p.drawRoundedRect(QRectF(2, 2, 60, 60), 14, 14);
    const QPolygonF house{{32, 11}, {53, 29}, {47, 29}, {47, 52}, {17, 52}, {17, 29}, {11, 29}};
    p.setBrush(Qt::white);
    p.drawPolygon(house);
    p.setBrush(QColor(0x15, 0x65, 0xc0));
    p.drawRoundedRect(QRectF(22, 40, 5, 8), 1, 1);
    p.drawRoundedRect(QRectF(29.5, 35, 5, 13), 1, 1);
    p.drawRoundedRect(QRectF(37, 31, 5, 17), 1, 1);
}
} // namespace

QIcon AppIcons::application()
{
    if (QImageReader::supportedImageFormats().contains("svg"))
        return QIcon(u":/icons/ha-ingestor.svg"_s);
    return painted(paintApplication, false);
}

QIcon AppIcons::overview()
{
    return painted([](QPainter &p, const QColor &c) {
        p.setPen(linePen(c));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(QRectF(3.5, 3.5, 7, 7), 1.5, 1.5);
        p.drawRoundedRect(QRectF(13.5, 3.5, 7, 7), 1.5, 1.5);
        p.drawRoundedRect(QRectF(3.5, 13.5, 7, 7), 1.5, 1.5);
        p.drawRoundedRect(QRectF(13.5, 13.5, 7, 7), 1.5, 1.5);
    });
}

QIcon AppIcons::devices()
{
    return painted([](QPainter &p, const QColor &c) {
        p.setPen(linePen(c));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(QRectF(6.5, 6.5, 11, 11), 2, 2);
        for (qreal at : {9.5, 14.5}) { // the pins of a chip
            p.drawLine(QPointF(at, 2.5), QPointF(at, 6.5));
            p.drawLine(QPointF(at, 17.5), QPointF(at, 21.5));
            p.drawLine(QPointF(2.5, at), QPointF(6.5, at));
            p.drawLine(QPointF(17.5, at), QPointF(21.5, at));
        }
    });
}

QIcon AppIcons::entities()
{
    return painted([](QPainter &p, const QColor &c) {
        p.setPen(linePen(c));
        for (qreal y : {6.0, 12.0, 18.0}) {
            p.setBrush(c);
            p.drawEllipse(QPointF(5, y), 1.2, 1.2);
            p.drawLine(QPointF(9, y), QPointF(20.5, y));
        }
    });
}

QIcon AppIcons::webhooks()
{
    return painted([](QPainter &p, const QColor &c) {
        p.setPen(linePen(c));
        p.setBrush(Qt::NoBrush);
        const QPolygonF bolt{{13.5, 2.5},  {5.5, 13.5},  {11.5, 13.5},
                             {10.5, 21.5}, {18.5, 10.5}, {12.5, 10.5}};
        p.drawPolygon(bolt);
    });
}

QIcon AppIcons::charts()
{
    return painted([](QPainter &p, const QColor &c) {
        p.setPen(linePen(c));
        p.setBrush(Qt::NoBrush);
        p.drawPolyline(QPolygonF{{3.5, 3.5}, {3.5, 20.5}, {20.5, 20.5}});
        p.drawPolyline(QPolygonF{{6.5, 16}, {10.5, 11}, {14, 14}, {20, 6.5}});
    });
}

QIcon AppIcons::log()
{
    return painted([](QPainter &p, const QColor &c) {
        p.setPen(linePen(c));
        p.setBrush(Qt::NoBrush);
        QPainterPath page;
        page.moveTo(5.5, 2.5);
        page.lineTo(14.5, 2.5);
        page.lineTo(18.5, 6.5);
        page.lineTo(18.5, 21.5);
        page.lineTo(5.5, 21.5);
        page.closeSubpath();
        p.drawPath(page);
        for (qreal y : {9.5, 13.5, 17.5})
            p.drawLine(QPointF(8.5, y), QPointF(15.5, y));
    });
}

} // namespace hai
