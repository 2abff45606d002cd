// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QSettings;
class QWidget;

namespace hai {

// Keeps the layout a user made inside a page: the sizes of every QSplitter and the column
// widths and sort order of every item view's header. Pages need no code for it, only names:
// widgets without an objectName are skipped, so an unnamed splitter is never restored into
// the wrong one.
class WidgetState
{
public:
    // Under `group` (e.g. "pages/devices"): "<splitter name>/splitter", "<view name>/header".
    static void save(QWidget *root, QSettings &settings, const QString &group);
    static void restore(QWidget *root, QSettings &settings, const QString &group);
};

} // namespace hai
