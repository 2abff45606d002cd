// SPDX-License-Identifier: GPL-3.0-or-later
#include "spoolformat.h"

#include <QtEndian>

#include <zlib.h>

#include <cstring>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

constexpr quint32 kRecordMagic = 0x52505348; // "HSPR" read as little-endian bytes
constexpr quint32 kSlotMagic = 0x50505348;   // "HSPP"

template <typename T>
void put(char *at, T value)
{
    qToLittleEndian(value, at);
}

template <typename T>
T get(const char *at)
{
    return qFromLittleEndian<T>(at);
}

} // namespace

quint32 SpoolFormat::crc(quint32 seed, const char *data, qint64 size)
{
    uLong value = seed;
    // zlib's crc32 takes uInt lengths; feed large payloads in pieces.
    while (size > 0) {
        const uInt chunk = uInt(qMin<qint64>(size, 1 << 30));
        value = crc32(value, reinterpret_cast<const Bytef *>(data), chunk);
        data += chunk;
        size -= chunk;
    }
    return quint32(value);
}

QByteArray SpoolFormat::encodeHeader(const QByteArray &payload, quint32 points, qint64 oldestUs)
{
    QByteArray header(kHeaderBytes, '\0');
    char *h = header.data();
    put<quint32>(h, kRecordMagic);
    put<quint32>(h + 4, quint32(payload.size()));
    put<quint32>(h + 8, points);
    put<quint32>(h + 12, 0);
    put<qint64>(h + 16, oldestUs);
    quint32 c = crc(0, h + 4, 20);
    c = crc(c, payload.constData(), payload.size());
    put<quint32>(h + 24, c);
    put<quint32>(h + 28, crc(0, h, 28));
    return header;
}

std::optional<SpoolFormat::Header> SpoolFormat::decodeHeader(const char *bytes)
{
    if (get<quint32>(bytes) != kRecordMagic || get<quint32>(bytes + 28) != crc(0, bytes, 28))
        return std::nullopt;
    Header header;
    header.length = get<quint32>(bytes + 4);
    header.points = get<quint32>(bytes + 8);
    header.oldestUs = get<qint64>(bytes + 16);
    header.crc = get<quint32>(bytes + 24);
    if (header.length > kMaxPayloadBytes)
        return std::nullopt;
    return header;
}

bool SpoolFormat::payloadMatches(const Header &header, const char *payload)
{
    char fields[20];
    put<quint32>(fields, header.length);
    put<quint32>(fields + 4, header.points);
    put<quint32>(fields + 8, 0);
    put<qint64>(fields + 12, header.oldestUs);
    return crc(crc(0, fields, 20), payload, header.length) == header.crc;
}

QByteArray SpoolFormat::encodeSlot(quint64 generation, const SpoolPosition &position)
{
    QByteArray slot(kSlotBytes, '\0');
    char *s = slot.data();
    put<quint32>(s, kSlotMagic);
    put<quint64>(s + 8, generation);
    put<quint64>(s + 16, position.segment);
    put<qint64>(s + 24, position.offset);
    put<quint32>(s + 4, crc(0, s + 8, kSlotBytes - 8));
    return slot;
}

std::optional<std::pair<quint64, SpoolPosition>> SpoolFormat::decodeSlot(const char *bytes)
{
    if (get<quint32>(bytes) != kSlotMagic || get<quint32>(bytes + 4) != crc(0, bytes + 8, 32))
        return std::nullopt;
    const SpoolPosition position{get<quint64>(bytes + 16), get<qint64>(bytes + 24)};
    if (position.offset < 0)
        return std::nullopt;
    return std::make_pair(get<quint64>(bytes + 8), position);
}

QString SpoolFormat::segmentFileName(quint64 segment)
{
    return u"%1.seg"_s.arg(segment, 20, 10, QLatin1Char('0'));
}

std::optional<quint64> SpoolFormat::segmentNumber(const QString &fileName)
{
    if (fileName.size() != 24 || !fileName.endsWith(u".seg"_s))
        return std::nullopt;
    bool ok = false;
    const quint64 number = QStringView(fileName).left(20).toULongLong(&ok);
    if (!ok)
        return std::nullopt;
    return number;
}

} // namespace hai
