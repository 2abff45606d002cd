// SPDX-License-Identifier: GPL-3.0-or-later
#include "setupwidgets.h"

#include "wrappinglabel.h"

#include <QLabel>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hai::SetupWidgets {

QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new WrappingLabel(text, parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setForegroundRole(QPalette::PlaceholderText); // secondary, in light and dark themes
    return label;
}

QLabel *errorLabel(QWidget *parent)
{
    auto *label = new WrappingLabel(QString(), parent);
    label->setObjectName(u"fieldError"_s);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Red reads as "error" in light and dark themes alike; the palette has no error role.
    label->setStyleSheet(u"color: #c62828;"_s);
    label->setVisible(false);
    return label;
}

QWidget *indented(QWidget *widget, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    const QStyle *style = parent->style();
    const int indent = style->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth) +
                       style->pixelMetric(QStyle::PM_RadioButtonLabelSpacing);
    layout->setContentsMargins(indent, 0, 0, 0);
    layout->addWidget(widget);
    return box;
}

int sectionSpacing(const QWidget *widget)
{
    return widget->fontMetrics().height() / 2;
}

QWidget *scrollable(QWidget *page, QWidget *parent)
{
    auto *scroll = new QScrollArea(parent);
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // text wraps instead
    return scroll;
}

} // namespace hai::SetupWidgets
