// SPDX-License-Identifier: GPL-3.0-or-later
#include "spool.h"

#include "core/logging.h"

#include <QDir>

#include <algorithm>

#include <fcntl.h>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

constexpr qint64 kMaxSegmentBytes = 32 * 1024 * 1024;
constexpr qint64 kMinSegmentBytes = 64 * 1024;

} // namespace

Spool::Spool(Options options)
    : m_options(std::move(options))
{
    if (m_options.segmentBytes <= 0) {
        m_options.segmentBytes =
            std::min(kMaxSegmentBytes, std::max(m_options.maxBytes / 8, kMinSegmentBytes));
    }
}

Spool::~Spool()
{
    close();
}

QString Spool::segmentPath(quint64 number) const
{
    return m_options.directory + u'/' + SpoolFormat::segmentFileName(number);
}

bool Spool::sync(SpoolFile &file)
{
    ++m_syncs;
    return file.dataSync();
}

bool Spool::open(QString *error)
{
    close();
    if (!QDir().mkpath(m_options.directory)) {
        *error = u"cannot create the spool directory '%1'"_s.arg(m_options.directory);
        return false;
    }
    if (!m_lock.open(m_options.directory + u"/lock"_s, O_CREAT | O_RDWR)) {
        *error = u"cannot open the spool lock in '%1': %2"_s.arg(m_options.directory,
                                                                 SpoolFile::lastError());
        return false;
    }
    if (!m_lock.lockExclusive()) {
        *error = u"the spool '%1' is in use by another process"_s.arg(m_options.directory);
        m_lock.close();
        return false;
    }

    QList<quint64> numbers;
    const QStringList names = QDir(m_options.directory).entryList({u"*.seg"_s}, QDir::Files);
    for (const QString &name : names) {
        if (const auto number = SpoolFormat::segmentNumber(name))
            numbers.append(*number);
    }
    std::sort(numbers.begin(), numbers.end());
    for (int i = 0; i < numbers.size(); ++i) {
        Segment segment{numbers[i], QFileInfo(segmentPath(numbers[i])).size(), 0, 0};
        // Only the newest segment can have a torn tail; its payloads are checked in full.
        scanSegment(segment, i == numbers.size() - 1);
        m_segments.push_back(segment);
        m_diskBytes += segment.bytes;
        m_records += segment.records;
        m_points += segment.points;
        m_nextSegment = numbers[i] + 1;
    }
    loadPosition();

    if (!m_segments.empty() && m_segments.back().bytes < m_options.segmentBytes)
        m_write.open(segmentPath(m_segments.back().number), O_WRONLY | O_APPEND);
    if (m_records > 0) {
        qCInfo(lcInflux).noquote()
            << u"spool: %1 points in %2 records (%3 bytes) to replay"_s.arg(m_points)
                   .arg(m_records)
                   .arg(bytes());
    }
    return true;
}

void Spool::scanSegment(Segment &segment, bool verifyPayloads)
{
    SpoolFile file;
    if (!file.open(segmentPath(segment.number), O_RDWR)) {
        qCWarning(lcInflux).noquote()
            << u"spool: cannot open %1: %2"_s.arg(file.path(), SpoolFile::lastError());
        segment.bytes = 0;
        return;
    }
    qint64 offset = 0;
    char header[SpoolFormat::kHeaderBytes];
    QByteArray payload;
    while (offset < segment.bytes) {
        bool torn = segment.bytes - offset < SpoolFormat::kHeaderBytes ||
                    !file.readAt(offset, header, SpoolFormat::kHeaderBytes);
        std::optional<SpoolFormat::Header> decoded;
        if (!torn)
            decoded = SpoolFormat::decodeHeader(header);
        const qint64 end = decoded ? offset + SpoolFormat::kHeaderBytes + decoded->length : 0;
        torn = torn || !decoded || end > segment.bytes;
        if (!torn && verifyPayloads) {
            payload.resize(decoded->length);
            torn =
                !file.readAt(offset + SpoolFormat::kHeaderBytes, payload.data(), decoded->length);
            // A damaged last record is a write cut short; earlier ones are skipped on replay.
            if (!torn && !SpoolFormat::payloadMatches(*decoded, payload.constData()))
                torn = end == segment.bytes;
        }
        if (torn) {
            qCWarning(lcInflux).noquote()
                << u"spool: truncated a torn tail of %1 bytes in %2 (an interrupted write)"_s
                       .arg(segment.bytes - offset)
                       .arg(SpoolFormat::segmentFileName(segment.number));
            ++m_truncatedTails;
            m_truncatedBytes += quint64(segment.bytes - offset);
            if (file.truncate(offset))
                sync(file);
            segment.bytes = offset;
            break;
        }
        ++segment.records;
        segment.points += decoded->points;
        offset = end;
    }
}

void Spool::loadPosition()
{
    m_position.open(m_options.directory + u"/position"_s, O_CREAT | O_RDWR);
    char slotBytes[2 * SpoolFormat::kSlotBytes] = {};
    std::optional<std::pair<quint64, SpoolPosition>> best;
    if (m_position.isOpen() && m_position.readAt(0, slotBytes, sizeof(slotBytes))) {
        for (int i = 0; i < 2; ++i) {
            const auto slot = SpoolFormat::decodeSlot(slotBytes + i * SpoolFormat::kSlotBytes);
            if (slot && (!best || slot->first > best->first))
                best = slot;
        }
    }
    m_generation = best ? best->first : 0;
    const SpoolPosition saved = best ? best->second : SpoolPosition{};
    // Segments before the saved one were consumed; a crash may have kept their files.
    while (!m_segments.empty() && m_segments.front().number < saved.segment)
        removeFrontSegment();
    m_headRecords = m_headPoints = 0;
    if (m_segments.empty()) {
        m_nextSegment = std::max(m_nextSegment, saved.segment);
        m_read = {m_nextSegment, 0};
        return;
    }
    m_read = {m_segments.front().number, 0};
    if (m_segments.front().number != saved.segment)
        return;
    // Walk to the first record boundary at or after the saved offset.
    SpoolFile &file = readFile();
    char header[SpoolFormat::kHeaderBytes];
    qint64 offset = 0, records = 0, points = 0;
    while (offset < saved.offset && offset < m_segments.front().bytes &&
           file.readAt(offset, header, SpoolFormat::kHeaderBytes)) {
        const auto decoded = SpoolFormat::decodeHeader(header);
        if (!decoded)
            break;
        offset += SpoolFormat::kHeaderBytes + decoded->length;
        ++records;
        points += decoded->points;
    }
    advanceHead(offset, records, points);
}

void Spool::savePosition()
{
    if (!m_position.isOpen())
        return;
    ++m_generation;
    // Not synced: a lost update only replays records again, which is harmless.
    if (!m_position.writeAt(qint64(m_generation % 2) * SpoolFormat::kSlotBytes,
                            SpoolFormat::encodeSlot(m_generation, m_read))) {
        qCWarning(lcInflux) << "spool: cannot save the replay position:" << SpoolFile::lastError();
    }
}

void Spool::close()
{
    m_write.close();
    m_reader.close();
    if (m_position.isOpen())
        sync(m_position);
    m_position.close();
    m_lock.close(); // also releases the flock
    m_segments.clear();
    m_read = {};
    m_headRecords = m_headPoints = 0;
    m_records = m_points = m_diskBytes = 0;
    m_nextSegment = 1;
    m_oldestCache.reset();
}

qint64 Spool::bytes() const
{
    return m_segments.empty() ? 0 : m_diskBytes - m_read.offset;
}

bool Spool::startSegment(QString *error)
{
    const quint64 number = m_nextSegment++;
    if (!m_write.open(segmentPath(number), O_CREAT | O_TRUNC | O_WRONLY | O_APPEND)) {
        if (error)
            *error = u"cannot create spool segment '%1': %2"_s.arg(segmentPath(number),
                                                                   SpoolFile::lastError());
        return false;
    }
    // The new name must survive a crash too, not only its contents.
    ++m_syncs;
    SpoolFile::syncDirectory(m_options.directory);
    m_segments.push_back(Segment{number, 0, 0, 0});
    if (m_segments.size() == 1) {
        m_read = {number, 0};
        m_headRecords = m_headPoints = 0;
        savePosition();
    }
    return true;
}

Spool::AppendResult Spool::append(const QByteArray &lines, int points, qint64 oldestUs,
                                  QString *error)
{
    if (!isOpen()) {
        if (error)
            *error = u"the spool is not open"_s;
        return AppendResult::Failed;
    }
    const qint64 recordBytes = SpoolFormat::kHeaderBytes + lines.size();
    if (lines.size() > qint64(SpoolFormat::kMaxPayloadBytes) || recordBytes > m_options.maxBytes)
        return AppendResult::TooLarge;
    while (!m_segments.empty() && m_diskBytes + recordBytes > m_options.maxBytes)
        dropOldestSegment();
    if (!m_write.isOpen() || (m_segments.back().bytes > 0 &&
                              m_segments.back().bytes + recordBytes > m_options.segmentBytes)) {
        if (!startSegment(error))
            return AppendResult::Failed;
    }
    Segment &segment = m_segments.back();
    const QByteArray header = SpoolFormat::encodeHeader(lines, quint32(points), oldestUs);
    if (!m_write.append(header, lines) || (m_options.sync && !sync(m_write))) {
        if (error)
            *error = u"cannot write to the spool: %1"_s.arg(SpoolFile::lastError());
        // Leave no half record behind for the next append.
        if (!m_write.truncate(segment.bytes))
            qCWarning(lcInflux) << "spool: cannot undo a failed write:" << SpoolFile::lastError();
        return AppendResult::Failed;
    }
    segment.bytes += recordBytes;
    ++segment.records;
    segment.points += points;
    m_diskBytes += recordBytes;
    ++m_records;
    m_points += points;
    return AppendResult::Stored;
}

void Spool::dropOldestSegment()
{
    const Segment &front = m_segments.front();
    const qint64 records = front.records - m_headRecords;
    const qint64 points = front.points - m_headPoints;
    m_droppedRecords += quint64(records);
    m_droppedPoints += quint64(points);
    qCWarning(lcInflux).noquote()
        << u"spool full (%1 of %2 bytes): DROPPED the oldest %3 points (%4 records); "
           u"InfluxDB has been unreachable too long or the spool is too small"_s.arg(m_diskBytes)
               .arg(m_options.maxBytes)
               .arg(points)
               .arg(records);
    removeFrontSegment();
}

void Spool::removeFrontSegment()
{
    const Segment front = m_segments.front();
    m_records -= front.records - m_headRecords;
    m_points -= front.points - m_headPoints;
    m_diskBytes -= front.bytes;
    if (m_segments.size() == 1)
        m_write.close();
    if (m_readSegment == front.number)
        m_reader.close();
    SpoolFile::remove(segmentPath(front.number));
    m_segments.pop_front();
    m_headRecords = m_headPoints = 0;
    m_read = {m_segments.empty() ? m_nextSegment : m_segments.front().number, 0};
    m_oldestCache.reset();
    savePosition();
}

void Spool::advanceHead(qint64 offset, qint64 records, qint64 points)
{
    m_read.offset = offset;
    m_headRecords += records;
    m_headPoints += points;
    m_records -= records;
    m_points -= points;
    m_oldestCache.reset();
    savePosition();
    if (m_segments.size() > 1 && offset >= m_segments.front().bytes)
        removeFrontSegment();
}

SpoolFile &Spool::readFile()
{
    const quint64 number = m_segments.front().number;
    if (!m_reader.isOpen() || m_readSegment != number) {
        m_reader.open(segmentPath(number), O_RDONLY);
        m_readSegment = number;
    }
    return m_reader;
}

std::optional<SpoolRecord> Spool::peek()
{
    while (!m_segments.empty()) {
        const Segment &front = m_segments.front();
        if (m_read.offset >= front.bytes) {
            if (m_segments.size() == 1)
                return std::nullopt;
            removeFrontSegment();
            continue;
        }
        SpoolFile &file = readFile();
        char header[SpoolFormat::kHeaderBytes];
        if (!file.readAt(m_read.offset, header, SpoolFormat::kHeaderBytes)) {
            qCWarning(lcInflux) << "spool: cannot read a record:" << SpoolFile::lastError();
            return std::nullopt;
        }
        const auto decoded = SpoolFormat::decodeHeader(header);
        const qint64 end =
            decoded ? m_read.offset + SpoolFormat::kHeaderBytes + decoded->length : 0;
        if (!decoded || end > front.bytes) {
            // Damaged after it was opened: nothing after this point can be framed.
            qCWarning(lcInflux).noquote()
                << u"spool: damaged record header in %1; skipped the rest of the segment"_s.arg(
                       SpoolFormat::segmentFileName(front.number));
            const qint64 records = front.records - m_headRecords;
            const qint64 points = front.points - m_headPoints;
            m_corruptRecords += quint64(records);
            m_corruptPoints += quint64(points);
            advanceHead(front.bytes, records, points);
            continue;
        }
        SpoolRecord record;
        record.lines.resize(decoded->length);
        if (!file.readAt(m_read.offset + SpoolFormat::kHeaderBytes, record.lines.data(),
                         decoded->length)) {
            qCWarning(lcInflux) << "spool: cannot read a record:" << SpoolFile::lastError();
            return std::nullopt;
        }
        if (!SpoolFormat::payloadMatches(*decoded, record.lines.constData())) {
            qCWarning(lcInflux).noquote()
                << u"spool: skipped a record whose checksum fails (%1 points) in %2"_s
                       .arg(decoded->points)
                       .arg(SpoolFormat::segmentFileName(front.number));
            ++m_corruptRecords;
            m_corruptPoints += decoded->points;
            advanceHead(end, 1, decoded->points);
            continue;
        }
        record.points = int(decoded->points);
        record.oldestUs = decoded->oldestUs;
        record.position = m_read;
        record.next = {m_read.segment, end};
        m_oldestCache = record.oldestUs;
        return record;
    }
    return std::nullopt;
}

void Spool::consume(const SpoolRecord &record)
{
    if (m_segments.empty() || record.position != m_read)
        return;
    advanceHead(record.next.offset, 1, record.points);
}

qint64 Spool::oldestPointUs()
{
    if (m_records == 0)
        return 0;
    if (!m_oldestCache) {
        const Segment &front = m_segments.front();
        const bool inFront = m_read.offset < front.bytes;
        const Segment &segment = inFront ? front : m_segments[1];
        SpoolFile file;
        char header[SpoolFormat::kHeaderBytes];
        std::optional<SpoolFormat::Header> decoded;
        if (file.open(segmentPath(segment.number), O_RDONLY) &&
            file.readAt(inFront ? m_read.offset : 0, header, SpoolFormat::kHeaderBytes))
            decoded = SpoolFormat::decodeHeader(header);
        m_oldestCache = decoded ? decoded->oldestUs : 0;
    }
    return *m_oldestCache;
}

} // namespace hai
