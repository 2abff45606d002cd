// SPDX-License-Identifier: GPL-3.0-or-later
#include "webhookvalidator.h"

#include "registry/rowmapper.h"
#include "webhookeventtypes.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

constexpr int kMaxNameLength = 200;

const QStringList &bodyFields()
{
    static const QStringList fields{u"url"_s,  u"events"_s, u"secret"_s,
                                    u"name"_s, u"filter"_s, u"enabled"_s};
    return fields;
}

// The list conditions of a filter, in the order they are reported.
struct ListKey
{
    QString key;
    QStringList WebhookFilter::*member;
};

const QList<ListKey> &listKeys()
{
    static const QList<ListKey> keys{
        {u"entity_ids"_s, &WebhookFilter::entityIds}, {u"domains"_s, &WebhookFilter::domains},
        {u"area_ids"_s, &WebhookFilter::areaIds},     {u"device_ids"_s, &WebhookFilter::deviceIds},
        {u"to_state"_s, &WebhookFilter::toState},     {u"from_state"_s, &WebhookFilter::fromState},
    };
    return keys;
}

const QString &filterKeyList()
{
    static const QString text = [] {
        QStringList names;
        for (const ListKey &key : listKeys())
            names << key.key;
        names << u"numeric_above"_s << u"numeric_below"_s;
        return names.join(u", "_s);
    }();
    return text;
}

// Entity ids are lower-case letters, digits and underscores around one dot; a glob adds * and ?.
bool isGlobCharacter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_' || c == u'.' ||
           c == u'*' || c == u'?';
}

// The part of a field name that names the body field: "events" for "events[2]".
QString rootField(const QString &field)
{
    qsizetype end = field.size();
    for (QChar stop : {u'.', u'['}) {
        const qsizetype at = field.indexOf(stop);
        if (at >= 0 && at < end)
            end = at;
    }
    return field.left(end);
}

void validateFilter(const WebhookFilter &filter, WebhookFieldErrors *errors)
{
    for (const ListKey &key : listKeys()) {
        const QStringList &values = filter.*key.member;
        for (int i = 0; i < values.size(); ++i) {
            const QString field = u"filter."_s + key.key + u'[' + QString::number(i) + u']';
            if (values.at(i).isEmpty()) {
                errors->append({field, u"must not be empty"_s});
                continue;
            }
            if (key.member != &WebhookFilter::entityIds)
                continue;
            if (!std::all_of(values.at(i).cbegin(), values.at(i).cend(), isGlobCharacter))
                errors->append({field, u"\""_s + values.at(i) +
                                           u"\" may contain only lower-case letters, digits, "
                                           u"\"_\", \".\" and the wildcards \"*\" and \"?\""_s});
        }
    }
    if (filter.numericAbove && !std::isfinite(*filter.numericAbove))
        errors->append({u"filter.numeric_above"_s, u"must be a finite number"_s});
    if (filter.numericBelow && !std::isfinite(*filter.numericBelow))
        errors->append({u"filter.numeric_below"_s, u"must be a finite number"_s});
    if (filter.numericAbove && filter.numericBelow && std::isfinite(*filter.numericAbove) &&
        std::isfinite(*filter.numericBelow) && !(*filter.numericAbove < *filter.numericBelow))
        errors->append({u"filter.numeric_below"_s,
                        u"must be greater than filter.numeric_above, or no value can match"_s});
}

bool readString(const QJsonObject &body, const QString &key, QString *out,
                WebhookFieldErrors *errors)
{
    const QJsonValue value = body.value(key);
    if (!value.isString()) {
        errors->append({key, u"must be a string, not "_s + RowMapper::typeName(value)});
        return false;
    }
    *out = value.toString();
    return true;
}

void readUrl(const QJsonObject &body, Webhook *webhook, WebhookFieldErrors *errors)
{
    QString text;
    if (!readString(body, u"url"_s, &text, errors))
        return;
    // Strict: a URL with spaces or stray characters is a typo, not something to repair.
    webhook->url = QUrl(text.trimmed(), QUrl::StrictMode);
}

void readEvents(const QJsonObject &body, Webhook *webhook, WebhookFieldErrors *errors)
{
    const QJsonValue value = body.value(u"events"_s);
    if (!value.isArray()) {
        errors->append(
            {u"events"_s, u"must be a list of event types, not "_s + RowMapper::typeName(value)});
        return;
    }
    const QJsonArray array = value.toArray();
    QStringList events;
    bool ok = true;
    for (int i = 0; i < array.size(); ++i) {
        if (!array.at(i).isString()) {
            errors->append({u"events["_s + QString::number(i) + u']',
                            u"must be a string, not "_s + RowMapper::typeName(array.at(i))});
            ok = false;
        }
        events << array.at(i).toString();
    }
    if (ok)
        webhook->events = events;
}

} // namespace

WebhookFieldErrors WebhookValidator::validate(const Webhook &webhook)
{
    WebhookFieldErrors errors;
    const QUrl &url = webhook.url;
    const QString scheme = url.scheme().toLower();
    if (url.isEmpty())
        errors.append({u"url"_s, u"is required"_s});
    else if (!url.isValid() || (scheme != u"http"_s && scheme != u"https"_s) ||
             url.host().isEmpty())
        errors.append({u"url"_s, u"must be an http or https URL with a host, "
                                 u"e.g. https://example.com/hook"_s});

    if (webhook.secret.size() < kMinSecretLength)
        errors.append({u"secret"_s, u"must be at least "_s + QString::number(kMinSecretLength) +
                                        u" characters long"_s});

    if (webhook.events.isEmpty())
        errors.append({u"events"_s, u"must list at least one event type, e.g. state_changed"_s});
    QSet<QString> seen;
    for (int i = 0; i < webhook.events.size(); ++i) {
        const QString &type = webhook.events.at(i);
        const QString field = u"events["_s + QString::number(i) + u']';
        if (type == QLatin1StringView(WebhookEventTypes::kPing))
            errors.append({field, u"\"ping\" is the test delivery and cannot be subscribed to"_s});
        else if (!WebhookEventTypes::isKnown(type))
            errors.append({field, u"\""_s + type + u"\" is not a known event type; use one of "_s +
                                      WebhookEventTypes::all().join(u", "_s)});
        else if (seen.contains(type))
            errors.append({field, u"\""_s + type + u"\" is listed twice"_s});
        seen.insert(type);
    }

    if (webhook.name.size() > kMaxNameLength)
        errors.append({u"name"_s, u"must be at most "_s + QString::number(kMaxNameLength) +
                                      u" characters long"_s});

    validateFilter(webhook.filter, &errors);
    return errors;
}

WebhookFieldErrors WebhookValidator::fromJson(const QJsonObject &body, Mode mode, Webhook *webhook)
{
    WebhookFieldErrors errors;
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        if (!bodyFields().contains(it.key()))
            errors.append({it.key(), u"is not a known field; use "_s + bodyFields().join(u", "_s)});
    }

    if (mode == Mode::Full) {
        // A full body replaces every field it can hold; absent optional ones get defaults.
        for (const QString &key : {u"url"_s, u"events"_s, u"secret"_s}) {
            if (!body.contains(key))
                errors.append({key, u"is required"_s});
        }
        webhook->name.clear();
        webhook->url.clear();
        webhook->events.clear();
        webhook->secret.clear();
        webhook->filter = {};
        webhook->enabled = true;
    }

    if (body.contains(u"url"_s))
        readUrl(body, webhook, &errors);
    if (body.contains(u"events"_s))
        readEvents(body, webhook, &errors);
    if (body.contains(u"secret"_s))
        readString(body, u"secret"_s, &webhook->secret, &errors);
    if (body.contains(u"name"_s))
        readString(body, u"name"_s, &webhook->name, &errors);
    if (body.contains(u"filter"_s))
        errors += filterFromJson(body.value(u"filter"_s), &webhook->filter);
    if (body.contains(u"enabled"_s)) {
        const QJsonValue value = body.value(u"enabled"_s);
        if (value.isBool())
            webhook->enabled = value.toBool();
        else
            errors.append(
                {u"enabled"_s, u"must be true or false, not "_s + RowMapper::typeName(value)});
    }

    // A field already reported as missing or of the wrong type is not reported twice.
    QSet<QString> reported;
    for (const WebhookFieldError &error : std::as_const(errors))
        reported.insert(rootField(error.field));
    for (const WebhookFieldError &error : validate(*webhook)) {
        if (!reported.contains(rootField(error.field)))
            errors.append(error);
    }
    return errors;
}

WebhookFieldErrors WebhookValidator::filterFromJson(const QJsonValue &value, WebhookFilter *filter)
{
    WebhookFieldErrors errors;
    *filter = {};
    if (value.isNull() || value.isUndefined())
        return errors; // no filter: every event of the subscribed types
    if (!value.isObject()) {
        errors.append({u"filter"_s, u"must be an object, not "_s + RowMapper::typeName(value)});
        return errors;
    }
    const QJsonObject object = value.toObject();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString field = u"filter."_s + it.key();
        const QJsonValue item = it.value();
        if (item.isNull())
            continue; // an unset condition
        const auto listKey = std::find_if(listKeys().cbegin(), listKeys().cend(),
                                          [&](const ListKey &key) { return key.key == it.key(); });
        if (listKey != listKeys().cend()) {
            if (!item.isArray()) {
                errors.append(
                    {field, u"must be a list of strings, not "_s + RowMapper::typeName(item)});
                continue;
            }
            const QJsonArray array = item.toArray();
            QStringList &values = filter->*listKey->member;
            for (int i = 0; i < array.size(); ++i) {
                if (array.at(i).isString())
                    values << array.at(i).toString();
                else
                    errors.append({field + u'[' + QString::number(i) + u']',
                                   u"must be a string, not "_s + RowMapper::typeName(array.at(i))});
            }
        } else if (it.key() == u"numeric_above"_s || it.key() == u"numeric_below"_s) {
            if (!item.isDouble()) {
                errors.append({field, u"must be a number, not "_s + RowMapper::typeName(item)});
                continue;
            }
            (it.key() == u"numeric_above"_s ? filter->numericAbove : filter->numericBelow) =
                item.toDouble();
        } else {
            errors.append({field, u"is not a known filter condition; use "_s + filterKeyList()});
        }
    }
    if (errors.isEmpty())
        validateFilter(*filter, &errors);
    return errors;
}

QJsonObject WebhookValidator::errorBody(const WebhookFieldErrors &errors)
{
    QJsonArray fields;
    for (const WebhookFieldError &error : errors)
        fields.append(QJsonObject{{u"field"_s, error.field}, {u"message"_s, error.message}});
    const QString message = errors.isEmpty()
                                ? u"the webhook is not valid"_s
                                : errors.first().field + u": "_s + errors.first().message;
    return QJsonObject{{u"error"_s, QJsonObject{{u"code"_s, u"validation_failed"_s},
                                                {u"message"_s, message},
                                                {u"fields"_s, fields}}}};
}

} // namespace hai
