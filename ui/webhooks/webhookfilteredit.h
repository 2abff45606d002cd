// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "webhookclient.h"
#include "webhooks/webhook.h"
#include "webhooks/webhookvalidator.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;

namespace hai {

class FieldErrorLabel;
class PatternListEdit;

// The filter part of the webhook editor: entity ids and globs (with how many known entities
// they match), domains, areas, devices, state conditions and numeric bounds. Values that the
// pickers do not know (an area deleted since) are kept and shown by id.
class WebhookFilterEdit : public QWidget
{
    Q_OBJECT
public:
    explicit WebhookFilterEdit(QWidget *parent = nullptr);

    void setChoices(const WebhookFilterChoices &choices);
    void setFilter(const WebhookFilter &filter);
    WebhookFilter filter() const;
    // What the validator cannot see: a numeric bound that is not a number.
    WebhookFieldErrors parseErrors() const;
    // Shows the "filter.*" errors next to their fields; returns how many were shown.
    int showErrors(const WebhookFieldErrors &errors);

    PatternListEdit *entities() const { return m_entities; }
    QLineEdit *numericAbove() const { return m_above; }
    QListWidget *areas() const { return m_areas; }

Q_SIGNALS:
    void changed();

private:
    QWidget *withError(QWidget *field, FieldErrorLabel *error);
    void updateMatchCount();

    WebhookFilterChoices m_choices;
    PatternListEdit *m_entities;
    QLabel *m_matchCount;
    PatternListEdit *m_domains;
    QListWidget *m_areas;
    QListWidget *m_devices;
    PatternListEdit *m_toState;
    PatternListEdit *m_fromState;
    QLineEdit *m_above;
    QLineEdit *m_below;
    QList<FieldErrorLabel *> m_errors;
};

} // namespace hai
