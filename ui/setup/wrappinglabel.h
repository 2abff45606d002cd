// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

namespace hai {

// A word-wrapped label that is as tall as its text at its actual width. A plain QLabel asks
// for the height of a narrow, four-line box, which layouts hand out whenever there is room:
// a short note in a wide form then floats in a band of empty space.
class WrappingLabel : public QLabel
{
    Q_OBJECT

public:
    explicit WrappingLabel(const QString &text = QString(), QWidget *parent = nullptr);

    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
};

} // namespace hai
