// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandschema.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

constexpr int kMaxReprLength = 500; // voluptuous MAX_VALIDATION_ERROR_ITEM_LENGTH

bool isInteger(const QJsonValue &value)
{
    return value.isDouble() && value.toVariant().typeId() == QMetaType::LongLong;
}

QString pythonString(const QString &text)
{
    const bool useDouble = text.contains(u'\'') && !text.contains(u'"');
    const QChar quote = useDouble ? u'"' : u'\'';
    QString out = quote;
    for (const QChar c : text) {
        if (c == u'\\')
            out += u"\\\\"_s;
        else if (c == quote)
            out += u'\\' + QString(c);
        else if (c == u'\n')
            out += u"\\n"_s;
        else if (c == u'\r')
            out += u"\\r"_s;
        else if (c == u'\t')
            out += u"\\t"_s;
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            out += u"\\x"_s + QString::number(c.unicode(), 16).rightJustified(2, u'0');
        else
            out += c;
    }
    return out + quote;
}

QString reprUncut(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return u"None"_s;
    case QJsonValue::Bool:
        return value.toBool() ? u"True"_s : u"False"_s;
    case QJsonValue::Double: {
        if (isInteger(value))
            return QString::number(value.toVariant().toLongLong());
        // Python prints the shortest form that reads back to the same double.
        QString text = QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
        if (!text.contains(u'.') && !text.contains(u'e'))
            text += u".0"_s;
        return text;
    }
    case QJsonValue::String:
        return pythonString(value.toString());
    case QJsonValue::Array: {
        QStringList items;
        for (const QJsonValue &item : value.toArray())
            items.append(reprUncut(item));
        return u'[' + items.join(u", "_s) + u']';
    }
    case QJsonValue::Object: {
        // Python dicts keep the received key order; QJsonObject sorts keys, which is the
        // closest we can do.
        QStringList items;
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            items.append(pythonString(it.key()) + u": "_s + reprUncut(it.value()));
        return u'{' + items.join(u", "_s) + u'}';
    }
    }
    return {};
}

QString problem(const QString &message, const QString &key, const QJsonValue &got,
                const QString &subPath = {})
{
    return message + u" @ data['"_s + key + u"']"_s + subPath + u". Got "_s +
           CommandSchema::pythonRepr(got);
}

// The problems of one declared field that is present.
void checkField(const CommandSchema::Field &field, const QString &key, const QJsonValue &value,
                QStringList *problems)
{
    using Type = CommandSchema::Type;
    const auto wrongType = [&](const QString &expected) {
        problems->append(problem(expected + u" for dictionary value"_s, key, value));
    };
    switch (field.type) {
    case Type::String:
        if (!value.isString())
            wrongType(u"expected str"_s);
        return;
    case Type::Bool:
        if (!value.isBool())
            wrongType(u"expected bool"_s);
        return;
    case Type::PositiveInt: {
        bool ok = isInteger(value) || value.isBool();
        qint64 number = value.isBool() ? qint64(value.toBool()) : value.toVariant().toLongLong();
        if (value.isString())
            number = value.toString().trimmed().toLongLong(&ok);
        if (!ok)
            wrongType(u"expected int"_s);
        else if (number < 0)
            problems->append(
                problem(u"value must be at least 0 for dictionary value"_s, key, value));
        return;
    }
    case Type::StringList: {
        if (!value.isArray()) {
            wrongType(u"expected a list"_s);
            return;
        }
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isString())
                problems->append(
                    problem(u"expected str"_s, key, array.at(i), u'[' + QString::number(i) + u']'));
        }
        return;
    }
    case Type::EntityIds: {
        if (!value.isArray() && !value.isString()) {
            wrongType(u"expected a list"_s);
            return;
        }
        QJsonArray array = value.isArray() ? value.toArray() : QJsonArray();
        if (value.isString()) {
            for (const QString &part : value.toString().split(u','))
                array.append(part.trimmed());
        }
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString id = array.at(i).toString().toLower();
            if (!array.at(i).isString() || !CommandSchema::isValidEntityId(id))
                problems->append(problem(u"Entity ID "_s + array.at(i).toVariant().toString() +
                                             u" is an invalid entity ID"_s,
                                         key, array.at(i), u'[' + QString::number(i) + u']'));
        }
        return;
    }
    case Type::StringOrList:
        if (value.isString())
            return;
        if (!value.isArray()) {
            wrongType(u"expected a list"_s);
            return;
        }
        for (const QJsonValue &item : value.toArray()) {
            if (!item.isString()) {
                wrongType(u"expected str"_s);
                return;
            }
        }
        return;
    case Type::IntMap: {
        if (!value.isObject()) {
            wrongType(u"expected a dictionary"_s);
            return;
        }
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!isInteger(it.value()))
                problems->append(
                    problem(u"expected int"_s, key, it.value(), u"['"_s + it.key() + u"']"_s));
        }
        return;
    }
    case Type::Object:
        if (!value.isObject())
            wrongType(u"expected a dictionary"_s);
        return;
    case Type::Any:
        return;
    }
}

} // namespace

CommandSchema::CommandSchema(std::initializer_list<Field> fields)
    : m_fields(fields)
{}

QString CommandSchema::validate(const QJsonObject &message) const
{
    QStringList problems;
    for (auto it = message.constBegin(); it != message.constEnd(); ++it) {
        const QString key = it.key();
        if (key == u"id"_s || key == u"type"_s)
            continue;
        const auto field = std::find_if(m_fields.cbegin(), m_fields.cend(), [&](const Field &f) {
            return key == QLatin1String(f.name);
        });
        if (field == m_fields.cend())
            problems.append(problem(u"extra keys not allowed"_s, key, it.value()));
        else
            checkField(*field, key, it.value(), &problems);
    }
    for (const Field &field : m_fields) {
        const QString key = QLatin1String(field.name);
        if (field.required && !message.contains(key))
            problems.append(problem(u"required key not provided"_s, key, QJsonValue::Null));
    }
    problems.sort();
    return problems.join(u'\n');
}

QString CommandSchema::authProblem(const QJsonValue &value)
{
    if (!value.isObject())
        return u"expected a dictionary. Got "_s + pythonRepr(value);
    const QJsonObject message = value.toObject();
    static const CommandSchema schema{{"access_token", Type::String},
                                      {"api_password", Type::String}};
    QJsonObject rest = message;
    rest.remove(u"type"_s);
    QStringList problems;
    // validate() lets `id` through, as commands have one; the auth message does not.
    if (rest.contains(u"id"_s))
        problems.append(u"extra keys not allowed @ data['id']. Got "_s +
                        pythonRepr(rest.value(u"id"_s)));
    rest.remove(u"id"_s);
    const QString fields = schema.validate(rest);
    if (!fields.isEmpty())
        problems.append(fields);
    if (!message.contains(u"type"_s))
        problems.append(u"required key not provided @ data['type']. Got None"_s);
    else if (message.value(u"type"_s) != u"auth"_s)
        problems.append(u"not a valid value for dictionary value @ data['type']. Got "_s +
                        pythonRepr(message.value(u"type"_s)));
    if (rest.contains(u"access_token"_s) && rest.contains(u"api_password"_s))
        problems.append(
            u"two or more values in the same group of exclusion 'auth' @ data[<auth>]. Got None"_s);
    problems.sort();
    return problems.join(u'\n');
}

QString CommandSchema::typeOnlyError(const QJsonObject &message)
{
    return u"extra keys not allowed. Got "_s + pythonRepr(message);
}

QString CommandSchema::pythonRepr(const QJsonValue &value)
{
    QString text = reprUncut(value);
    if (text.size() > kMaxReprLength)
        text = text.left(kMaxReprLength - 3) + u"..."_s;
    return text;
}

QStringList CommandSchema::entityIds(const QJsonValue &value)
{
    QStringList ids;
    if (value.isString()) {
        for (const QString &part : value.toString().split(u','))
            ids.append(part.trimmed().toLower());
    } else {
        for (const QJsonValue &item : value.toArray())
            ids.append(item.toString().toLower());
    }
    return ids;
}

bool CommandSchema::isValidEntityId(const QString &entityId)
{
    // core.py VALID_ENTITY_ID.
    static const QRegularExpression pattern(
        u"^(?!.+__)(?!_)[\\da-z_]+(?<!_)\\.(?!_)[\\da-z_]+(?<!_)$"_s);
    return pattern.match(entityId).hasMatch();
}

} // namespace hai
