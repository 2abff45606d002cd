// SPDX-License-Identifier: GPL-3.0-or-later
#include "haframeparser.h"

#include "hastats.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace hai {

qsizetype HaFrameParser::parse(const QByteArray &utf8, QList<QJsonObject> *messages, HaStats *stats)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError) {
        if (stats)
            stats->countBadInput(HaBadInput::MalformedJson,
                                 error.errorString() + u" at offset "_s +
                                     QString::number(error.offset) + u" of a "_s +
                                     QString::number(utf8.size()) + u"-byte frame"_s);
        return 0;
    }
    if (document.isObject()) {
        messages->append(document.object());
        return 1;
    }
    const QJsonArray array = document.array();
    qsizetype added = 0;
    messages->reserve(messages->size() + array.size());
    for (const QJsonValue &value : array) {
        if (value.isObject()) {
            messages->append(value.toObject());
            ++added;
        } else if (stats) {
            stats->countBadInput(HaBadInput::NotAnObject,
                                 u"an array frame holds a non-object element"_s);
        }
    }
    return added;
}

} // namespace hai
