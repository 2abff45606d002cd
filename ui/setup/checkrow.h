// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QFormLayout;
class QLabel;
class QPushButton;
class QWidget;

namespace hai {

// A "Test connection" / "Test write" button and its result under it: a neutral "Connecting…"
// while the check runs (the button is off then), green on success, red with the reason on
// failure. The result is selectable, so an error can be copied into a search or a report.
// Two rows of the form rather than one widget: QFormLayout sizes a wrapped label right only
// when it is a field of its own.
class CheckRow : public QObject
{
    Q_OBJECT

public:
    // Both widgets are children of `parent`; addTo() puts them into its form.
    CheckRow(const QString &buttonText, QWidget *parent);

    void addTo(QFormLayout *form);
    QPushButton *button() const { return m_button; }
    QString resultText() const;
    bool isBusy() const { return m_busy; }

    void setBusy(const QString &text);
    void setResult(bool ok, const QString &text);
    void clear();
    // Whether a check can start now (the form's fields are there); off while busy anyway.
    void setReady(bool ready);

private:
    void showText(const QString &text, const QString &styleSheet);

    QPushButton *m_button;
    QLabel *m_result;
    bool m_busy = false;
    bool m_ready = true;
};

} // namespace hai
