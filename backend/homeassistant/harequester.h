// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <functional>

namespace hai {

struct HaEvent;

// The answer to one command: HA's result message, or a local failure (code "disconnected"
// when the connection went away before the answer came).
struct HaResult
{
    bool success = false;
    QJsonValue result;
    QString errorCode;
    QString errorMessage;

    QString describe() const { return errorCode + QStringLiteral(": ") + errorMessage; }
};

using HaResultCallback = std::function<void(const HaResult &)>;
using HaEventCallback = std::function<void(const QJsonObject &event)>;
// state_changed events already read by HaFastEventParser.
using HaParsedEventCallback = std::function<void(HaEvent &&event)>;

// What discovery, registry sync and backfill need from a connection: send one command and get
// its result once. Lets them be driven by a fake in tests.
class HaRequester
{
public:
    virtual ~HaRequester() = default;
    // Sends `command` (without id) and calls `callback` exactly once, never from inside this
    // call. Returns the message id, or 0 when there is no connection (the callback then
    // reports "disconnected").
    virtual int request(const QJsonObject &command, HaResultCallback callback) = 0;
};

} // namespace hai
