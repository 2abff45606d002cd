// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/configstore.h"

#include <QList>
#include <QPair>
#include <QWidget>

namespace hai {

// What the setup wizard's pages and the Settings dialog's tabs have in common: a form that
// edits a few options of the INI file. The wizard and the dialog only collect values(), so
// each option has exactly one form that knows how to show it.
class SetupForm : public QWidget
{
    Q_OBJECT

public:
    using SummaryRow = QPair<QString, QString>; // label, text (secrets masked)

    using QWidget::QWidget;

    virtual void setValues(const ConfigValues &values) = 0;
    // The options this form owns, as the file should hold them; an empty value removes the
    // key (so switching to the demo home clears ha-url).
    virtual ConfigValues values() const = 0;
    // Every option name values() may return, for naming the tab of a save error.
    virtual QStringList keys() const = 0;
    // Whether the wizard may go on; the form says why not next to the field.
    virtual bool isComplete() const { return true; }
    // What the wizard's summary shows for this form.
    virtual QList<SummaryRow> summary() const = 0;

Q_SIGNALS:
    void changed();
};

} // namespace hai
