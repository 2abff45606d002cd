// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIconEngine>

#include <functional>

namespace hai {

// An icon drawn with QPainter at whatever size and device pixel ratio it is asked for, so it
// stays sharp at 200 % without shipping bitmaps or needing Qt's SVG plugin. The painter
// function draws into a 24×24 design box (already scaled) in `color`, which follows the
// palette and the icon's mode (normal, selected, disabled).
class PaintedIconEngine : public QIconEngine
{
public:
    using Painter = std::function<void(QPainter &painter, const QColor &color)>;

    // `tinted` = false keeps the painter's own colours (the application icon).
    explicit PaintedIconEngine(Painter painter, bool tinted = true);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QIconEngine *clone() const override;
    QString key() const override;

private:
    Painter m_painter;
    bool m_tinted = true;
};

} // namespace hai
