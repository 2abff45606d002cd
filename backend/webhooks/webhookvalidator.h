// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "webhook.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace hai {

// The one set of rules for a webhook, shared by the REST API and the GUI editor.
struct WebhookFieldError
{
    QString field;   // "url", "secret", "events", "events[2]", "filter.numeric_above", ...
    QString message; // a sentence for a person, e.g. "must be an http or https URL"
};
using WebhookFieldErrors = QList<WebhookFieldError>;

class WebhookValidator
{
public:
    static constexpr int kMinSecretLength = 16;

    // Checks a complete webhook: url (http/https with a host), secret (>= 16 characters),
    // events (non-empty, each known), name (<= 200 characters) and the filter.
    static WebhookFieldErrors validate(const Webhook &webhook);

    // Reads a REST body into `webhook`. Full (POST register, PUT) needs url, events and
    // secret; Partial (PATCH) changes only the fields given and keeps the rest. Fields of the
    // wrong JSON type, unknown fields and an invalid filter are reported by name. The result
    // is then checked with validate(). Fields: url, events, secret, name, filter, enabled.
    enum class Mode { Full, Partial };
    static WebhookFieldErrors fromJson(const QJsonObject &body, Mode mode, Webhook *webhook);

    // Reads a filter object; unknown keys and wrong types are errors named "filter.<key>".
    static WebhookFieldErrors filterFromJson(const QJsonValue &value, WebhookFilter *filter);

    // {"error":{"code":"validation_failed","message":"<first>","fields":[{field,message}...]}}
    static QJsonObject errorBody(const WebhookFieldErrors &errors);
};

} // namespace hai
