// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace hai {

// The voluptuous schema of one WebSocket command, and HA's error text when a message does
// not fit: humanize_error's "<problem> @ data['key']. Got <Python repr>" (all problems,
// sorted, one per line). `id` and `type` are always allowed; any other key must be declared.
class CommandSchema
{
public:
    enum class Type {
        String,
        Bool,
        PositiveInt, // cv.positive_int (coerces "5")
        StringList,  // [str]
        EntityIds,   // cv.entity_ids: a list or a comma-separated string of entity ids
        StringOrList,
        IntMap, // {str: int}
        Object,
        Any
    };
    struct Field
    {
        const char *name;
        Type type;
        bool required = false;
    };

    CommandSchema() = default;
    CommandSchema(std::initializer_list<Field> fields);

    // Empty when the message is valid.
    QString validate(const QJsonObject &message) const;

    // What is wrong with an auth message (auth.py AUTH_MESSAGE_SCHEMA: type "auth" and one of
    // access_token or api_password); empty when it fits.
    static QString authProblem(const QJsonValue &message);
    // The error of a command that declares only `type` and got more keys.
    static QString typeOnlyError(const QJsonObject &message);
    // Python's repr() of a JSON value, as humanize_error prints it (cut at 500 characters).
    static QString pythonRepr(const QJsonValue &value);
    // The entity ids of a valid EntityIds value (lower-cased, like cv.entity_ids).
    static QStringList entityIds(const QJsonValue &value);
    static bool isValidEntityId(const QString &entityId);

private:
    QList<Field> m_fields;
};

} // namespace hai
