// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "webhooks/webhookvalidator.h"

#include <QLabel>

namespace hai {

// The inline error under one field of the webhook editor: hidden while the field is valid,
// else every message for it, one per line, in the palette's warning colour.
class FieldErrorLabel : public QLabel
{
    Q_OBJECT
public:
    // `fields` are the validator's field names this label speaks for: "url" takes "url";
    // "filter.entity_ids" also takes "filter.entity_ids[3]".
    FieldErrorLabel(const QStringList &fields, QWidget *parent = nullptr);

    // Shows the errors that belong here; returns how many.
    int showErrors(const WebhookFieldErrors &errors);
    bool takes(const QString &field) const;

private:
    QStringList m_fields;
};

} // namespace hai
