// SPDX-License-Identifier: GPL-3.0-or-later
#include "fielderrorlabel.h"

using namespace Qt::StringLiterals;

namespace hai {

FieldErrorLabel::FieldErrorLabel(const QStringList &fields, QWidget *parent)
    : QLabel(parent)
    , m_fields(fields)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Red reads as "error" in light and dark themes alike; the palette has no error role.
    setStyleSheet(u"color: #c62828;"_s);
    setVisible(false);
}

bool FieldErrorLabel::takes(const QString &field) const
{
    for (const QString &name : m_fields) {
        if (field == name || (field.startsWith(name) && field.at(name.size()) == u'['))
            return true;
    }
    return false;
}

int FieldErrorLabel::showErrors(const WebhookFieldErrors &errors)
{
    QStringList lines;
    for (const WebhookFieldError &error : errors) {
        if (!takes(error.field))
            continue;
        // "events[2]" says which entry; the bare field name is the label next to it already.
        if (!m_fields.contains(error.field)) {
            lines << error.field + u": "_s + error.message;
            continue;
        }
        QString message = error.message;
        if (!message.isEmpty())
            message[0] = message.at(0).toUpper();
        lines << message;
    }
    setText(lines.join(u'\n'));
    setVisible(!lines.isEmpty());
    return int(lines.size());
}

} // namespace hai
