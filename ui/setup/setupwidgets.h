// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace hai {

// Small layout pieces the setup forms share, so the wizard and the Settings dialog look alike.
namespace SetupWidgets {

// A wrapped, selectable explanation in the palette's secondary text colour.
QLabel *note(const QString &text, QWidget *parent);
// An inline error under a field (a form row of its own), red, hidden until it has something
// to say.
QLabel *errorLabel(QWidget *parent);
// Indents `widget` by a radio button's indicator, so it reads as belonging to the choice above.
QWidget *indented(QWidget *widget, QWidget *parent);
// Space between two choices, in proportion to the font.
int sectionSpacing(const QWidget *widget);
// A frameless scroll area around `page`: a tab stays usable on a 768-pixel-high screen.
QWidget *scrollable(QWidget *page, QWidget *parent);

} // namespace SetupWidgets
} // namespace hai
