// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace hai {

// Where replay stands: a segment number and a byte offset in that segment.
struct SpoolPosition
{
    quint64 segment = 0;
    qint64 offset = 0;
    bool operator==(const SpoolPosition &other) const
    {
        return segment == other.segment && offset == other.offset;
    }
    bool operator!=(const SpoolPosition &other) const { return !(*this == other); }
};

// The on-disk layout of the spool, little-endian. A record is a 32-byte header and the line
// protocol payload. The header has its own CRC so a torn header (end of file) and a damaged
// payload (skip one record) can be told apart:
//   0 magic "HSPR" | 4 payload length | 8 points | 12 flags (0) | 16 oldest point (µs, i64)
//   24 CRC32 of bytes 4..23 and the payload | 28 CRC32 of bytes 0..27
// The position file holds two 40-byte slots written alternately, so a torn write of one slot
// leaves the other; the valid slot with the higher generation wins:
//   0 magic "HSPP" | 4 CRC32 of bytes 8..39 | 8 generation | 16 segment | 24 offset | 32 zero
class SpoolFormat
{
public:
    static constexpr qint64 kHeaderBytes = 32;
    static constexpr qint64 kSlotBytes = 40;
    static constexpr quint32 kMaxPayloadBytes = 1024u * 1024u * 1024u;

    struct Header
    {
        quint32 length = 0;
        quint32 points = 0;
        qint64 oldestUs = 0;
        quint32 crc = 0; // over the header fields and the payload
    };

    static QByteArray encodeHeader(const QByteArray &payload, quint32 points, qint64 oldestUs);
    // nullopt when the magic, the header CRC or the length is wrong (a torn or foreign header).
    static std::optional<Header> decodeHeader(const char *bytes);
    static bool payloadMatches(const Header &header, const char *payload);

    static QByteArray encodeSlot(quint64 generation, const SpoolPosition &position);
    // The position and its generation, or nullopt for a torn or empty slot.
    static std::optional<std::pair<quint64, SpoolPosition>> decodeSlot(const char *bytes);

    static QString segmentFileName(quint64 segment);
    // The segment number of a file name made by segmentFileName(), else nullopt.
    static std::optional<quint64> segmentNumber(const QString &fileName);

private:
    static quint32 crc(quint32 seed, const char *data, qint64 size);
};

} // namespace hai
