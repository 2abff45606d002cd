// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace hai {

class DemoRandom;

// ULIDs as HA's context ids and config entry ids: 26 Crockford base32 characters, a 48-bit
// millisecond time prefix followed by 80 random bits. Drawn from a seeded generator so a
// given seed yields the same ids.
class Ulid
{
public:
    static void append(QByteArray &out, qint64 milliseconds, DemoRandom &random);
    static QByteArray make(qint64 milliseconds, DemoRandom &random);
    // 32 lowercase hex digits, like uuid4().hex (device and entity registry ids).
    static QByteArray uuidHex(DemoRandom &random);
    static bool isValid(QByteArrayView text);
};

} // namespace hai
