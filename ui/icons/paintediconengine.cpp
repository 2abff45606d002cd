// SPDX-License-Identifier: GPL-3.0-or-later
#include "paintediconengine.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QPixmap>

using namespace Qt::StringLiterals;

namespace hai {

PaintedIconEngine::PaintedIconEngine(Painter painter, bool tinted)
    : m_painter(std::move(painter))
    , m_tinted(tinted)
{}

void PaintedIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State)
{
    const QPalette palette = QGuiApplication::palette();
    QColor color = palette.color(QPalette::WindowText);
    if (mode == QIcon::Selected)
        color = palette.color(QPalette::HighlightedText);
    else if (mode == QIcon::Disabled)
        color = palette.color(QPalette::Disabled, QPalette::WindowText);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    // Keep the design square and centred in whatever rectangle we get.
    const qreal side = qMin(rect.width(), rect.height());
    painter->translate(rect.x() + (rect.width() - side) / 2, rect.y() + (rect.height() - side) / 2);
    painter->scale(side / 24.0, side / 24.0);
    if (!m_tinted && mode == QIcon::Disabled)
        painter->setOpacity(0.5);
    m_painter(*painter, color);
    painter->restore();
}

QPixmap PaintedIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    QPixmap pixmap(size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    paint(&painter, QRect(QPoint(0, 0), size), mode, state);
    return pixmap;
}

QIconEngine *PaintedIconEngine::clone() const
{
    return new PaintedIconEngine(m_painter, m_tinted);
}

QString PaintedIconEngine::key() const
{
    return u"hai-painted"_s;
}

} // namespace hai
