// SPDX-License-Identifier: GPL-3.0-or-later
#include "ulid.h"

#include "demorandom.h"

namespace hai {

namespace {
constexpr char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
}

void Ulid::append(QByteArray &out, qint64 milliseconds, DemoRandom &random)
{
    char buffer[26];
    quint64 time = quint64(milliseconds) & 0xFFFFFFFFFFFFULL;
    for (int i = 9; i >= 0; --i) {
        buffer[i] = kCrockford[time & 31];
        time >>= 5;
    }
    // 80 random bits: 16 characters of 5 bits.
    quint64 high = random.next();
    quint64 low = random.next();
    for (int i = 0; i < 16; ++i) {
        quint64 &source = i < 8 ? high : low;
        buffer[10 + i] = kCrockford[source & 31];
        source >>= 5;
    }
    out.append(buffer, 26);
}

QByteArray Ulid::make(qint64 milliseconds, DemoRandom &random)
{
    QByteArray out;
    out.reserve(26);
    append(out, milliseconds, random);
    return out;
}

QByteArray Ulid::uuidHex(DemoRandom &random)
{
    static const char hex[] = "0123456789abcdef";
    QByteArray out(32, Qt::Uninitialized);
    quint64 parts[2] = {random.next(), random.next()};
    // Version 4 and variant bits, as uuid4 sets them.
    parts[0] = (parts[0] & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;
    parts[1] = (parts[1] & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;
    for (int i = 0; i < 32; ++i) {
        const quint64 word = parts[i / 16];
        out[i] = hex[(word >> (60 - 4 * (i % 16))) & 0xF];
    }
    return out;
}

bool Ulid::isValid(QByteArrayView text)
{
    if (text.size() != 26 || text.at(0) > '7')
        return false;
    for (char c : text) {
        bool found = false;
        for (int i = 0; i < 32 && !found; ++i)
            found = kCrockford[i] == c;
        if (!found)
            return false;
    }
    return true;
}

} // namespace hai
