// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkrow.h"

#include "wrappinglabel.h"

#include <QFormLayout>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace hai {

CheckRow::CheckRow(const QString &buttonText, QWidget *parent)
    : QObject(parent)
    , m_button(new QPushButton(buttonText, parent))
    , m_result(new WrappingLabel(QString(), parent))
{
    m_button->setAutoDefault(false); // Return in a field must not start a network check
    m_result->setObjectName(u"checkResult"_s);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->hide();
}

void CheckRow::addTo(QFormLayout *form)
{
    form->addRow(QString(), m_button); // not Expanding: it keeps its own width, on the left
    form->addRow(QString(), m_result);
}

QString CheckRow::resultText() const
{
    return m_result->text();
}

void CheckRow::showText(const QString &text, const QString &styleSheet)
{
    m_result->setStyleSheet(styleSheet);
    m_result->setText(text);
    m_result->setVisible(!text.isEmpty());
}

void CheckRow::setBusy(const QString &text)
{
    m_busy = true;
    m_button->setEnabled(false);
    showText(text, QString());
}

void CheckRow::setResult(bool ok, const QString &text)
{
    m_busy = false;
    m_button->setEnabled(m_ready);
    // The same green and red as the webhook editor's "Send test"; readable on light and dark.
    showText(text, ok ? u"color: #2e7d32;"_s : u"color: #c62828;"_s);
}

void CheckRow::clear()
{
    m_busy = false;
    m_button->setEnabled(m_ready);
    showText(QString(), QString());
}

void CheckRow::setReady(bool ready)
{
    m_ready = ready;
    m_button->setEnabled(ready && !m_busy);
}

} // namespace hai
