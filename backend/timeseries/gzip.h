// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace hai {

// RFC 1952 gzip bodies for `Content-Encoding: gzip`. qCompress() is not usable for that: it
// writes a zlib stream behind a 4-byte length, which InfluxDB rejects.
class Gzip
{
public:
    // Level 1 is the default: line protocol still shrinks ~8x and it costs a fraction of the CPU
    // of level 6. Returns an empty array only on allocation failure.
    static QByteArray compress(const QByteArray &data, int level = 1);
    // Accepts gzip (and zlib) streams, also several gzip members in a row; empty on any error.
    static QByteArray decompress(const QByteArray &data);
};

} // namespace hai
