// SPDX-License-Identifier: GPL-3.0-or-later
#include "wrappinglabel.h"

#include <QResizeEvent>

namespace hai {

WrappingLabel::WrappingLabel(const QString &text, QWidget *parent)
    : QLabel(text, parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

QSize WrappingLabel::sizeHint() const
{
    const QSize hint = QLabel::sizeHint();
    return width() > 0 ? QSize(hint.width(), heightForWidth(width())) : hint;
}

void WrappingLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    // The height it wants depends on the width it got; converges, since the width hint stays.
    if (event->size().width() != event->oldSize().width())
        updateGeometry();
}

} // namespace hai
