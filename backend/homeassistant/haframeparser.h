// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace hai {

class HaStats;

// Turns one text frame into messages. With coalesce_messages HA may send a JSON array of
// messages in one frame, so every frame is normalised to a list, as the JS client does.
// Each frame is parsed exactly once; what is not a JSON object is counted, never fatal.
class HaFrameParser
{
public:
    // Appends the frame's messages to `messages`; returns how many were appended.
    static qsizetype parse(const QByteArray &utf8, QList<QJsonObject> *messages, HaStats *stats);
};

} // namespace hai
