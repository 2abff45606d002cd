// SPDX-License-Identifier: GPL-3.0-or-later
#include "hatime.h"

#include <QDateTime>

#include <chrono>
#include <cmath>

namespace hai {

namespace {

constexpr qint64 kMicrosPerSecond = 1000000;

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

void civilFromDays(qint64 z, qint64 *y, unsigned *m, unsigned *d)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = qint64(yoe) + era * 400 + (*m <= 2);
}

// Reads exactly `count` digits at `pos`.
template <typename Char>
bool digits(const Char *text, qsizetype size, qsizetype pos, int count, int *value)
{
    if (pos + count > size)
        return false;
    int result = 0;
    for (int i = 0; i < count; ++i) {
        const auto c = text[pos + i];
        if (c < '0' || c > '9')
            return false;
        result = result * 10 + int(c - '0');
    }
    *value = result;
    return true;
}

// One parser for UTF-16 (QString) and UTF-8 (raw frames): the format is ASCII only.
template <typename Char>
bool parseIsoChars(const Char *text, qsizetype size, qint64 *microseconds)
{
    int year, month, day, hour, minute, second = 0;
    if (size < 16 || !digits(text, size, 0, 4, &year) || text[4] != '-' ||
        !digits(text, size, 5, 2, &month) || text[7] != '-' || !digits(text, size, 8, 2, &day) ||
        (text[10] != 'T' && text[10] != ' ') || !digits(text, size, 11, 2, &hour) ||
        text[13] != ':' || !digits(text, size, 14, 2, &minute))
        return false;
    qsizetype pos = 16;
    if (pos < size && text[pos] == ':') {
        if (!digits(text, size, pos + 1, 2, &second))
            return false;
        pos += 3;
    }
    qint64 micros = 0;
    if (pos < size && (text[pos] == '.' || text[pos] == ',')) {
        ++pos;
        int count = 0;
        qint64 scaled = 0; // the fraction in units of 10^-9 s, for rounding to µs
        while (pos < size && text[pos] >= '0' && text[pos] <= '9') {
            if (count < 9)
                scaled = scaled * 10 + int(text[pos] - '0');
            ++count;
            ++pos;
        }
        if (count == 0)
            return false;
        for (int i = count; i < 9; ++i)
            scaled *= 10;
        micros = (scaled + 500) / 1000;
    }
    qint64 offsetSeconds = 0;
    if (pos < size) {
        const auto sign = text[pos];
        if (sign == 'Z' && pos + 1 == size) {
            pos += 1;
        } else if (sign == '+' || sign == '-') {
            int oh = 0, om = 0;
            if (!digits(text, size, pos + 1, 2, &oh))
                return false;
            pos += 3;
            if (pos < size) {
                if (text[pos] == ':')
                    ++pos;
                if (!digits(text, size, pos, 2, &om))
                    return false;
                pos += 2;
            }
            if (oh > 23 || om > 59)
                return false;
            offsetSeconds = (sign == '+' ? 1 : -1) * (oh * 3600 + om * 60);
        } else {
            return false;
        }
    }
    if (pos != size || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 ||
        second > 60)
        return false;
    const qint64 days = daysFromCivil(year, unsigned(month), unsigned(day));
    const qint64 seconds = days * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
    *microseconds = seconds * kMicrosPerSecond + micros;
    return true;
}

void appendPadded(QChar *&out, int value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = QChar(u'0' + value % 10);
        value /= 10;
    }
    out += width;
}

} // namespace

bool HaTime::parseIso(QStringView text, qint64 *microseconds)
{
    return parseIsoChars(text.utf16(), text.size(), microseconds);
}

bool HaTime::parseIso(std::string_view utf8, qint64 *microseconds)
{
    return parseIsoChars(utf8.data(), qsizetype(utf8.size()), microseconds);
}

QString HaTime::toIso(qint64 microseconds)
{
    qint64 seconds = microseconds / kMicrosPerSecond;
    qint64 micros = microseconds % kMicrosPerSecond;
    if (micros < 0) {
        micros += kMicrosPerSecond;
        --seconds;
    }
    qint64 days = seconds / 86400;
    qint64 inDay = seconds % 86400;
    if (inDay < 0) {
        inDay += 86400;
        --days;
    }
    qint64 year;
    unsigned month, day;
    civilFromDays(days, &year, &month, &day);

    QString out(micros ? 32 : 25, Qt::Uninitialized);
    QChar *p = out.data();
    appendPadded(p, int(year), 4);
    *p++ = u'-';
    appendPadded(p, int(month), 2);
    *p++ = u'-';
    appendPadded(p, int(day), 2);
    *p++ = u'T';
    appendPadded(p, int(inDay / 3600), 2);
    *p++ = u':';
    appendPadded(p, int(inDay / 60 % 60), 2);
    *p++ = u':';
    appendPadded(p, int(inDay % 60), 2);
    if (micros) {
        *p++ = u'.';
        appendPadded(p, int(micros), 6);
    }
    for (char16_t c : u"+00:00")
        if (c)
            *p++ = QChar(c);
    return out;
}

std::optional<qint64> HaTime::fromEpochSeconds(double seconds)
{
    constexpr double kYear10000 = 253402300800.0; // Python's datetime.max is in year 9999
    if (!std::isfinite(seconds) || std::abs(seconds) >= kYear10000)
        return std::nullopt;
    // modf is exact, so only the fraction is scaled: no precision is lost on the whole seconds.
    double whole = 0;
    const double fraction = std::modf(seconds, &whole);
    return qint64(whole) * kMicrosPerSecond + std::llround(fraction * 1e6);
}

double HaTime::nowSeconds()
{
    return double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
}

qint64 HaTime::nowMicroseconds()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace hai
