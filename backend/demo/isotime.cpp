// SPDX-License-Identifier: GPL-3.0-or-later
#include "isotime.h"

#include "jsonwriter.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

#include <chrono>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

constexpr qint64 kMicrosPerSecond = 1000000;
constexpr qint64 kSecondsPerDay = 86400;

// Howard Hinnant's civil_from_days: days since 1970-01-01 -> year, month, day.
void civilFromDays(qint64 days, int *year, int *month, int *day)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra =
        (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    *day = int(dayOfYear - (153 * mp + 2) / 5 + 1);
    *month = int(mp < 10 ? mp + 3 : mp - 9);
    *year = int(yearOfEra + era * 400 + (*month <= 2 ? 1 : 0));
}

inline void put2(char *at, int value)
{
    at[0] = char('0' + value / 10);
    at[1] = char('0' + value % 10);
}

} // namespace

void IsoTime::appendIso(QByteArray &out, qint64 microseconds)
{
    qint64 seconds = microseconds / kMicrosPerSecond;
    qint64 fraction = microseconds % kMicrosPerSecond;
    if (fraction < 0) {
        fraction += kMicrosPerSecond;
        --seconds;
    }
    qint64 days = seconds / kSecondsPerDay;
    qint64 secondOfDay = seconds % kSecondsPerDay;
    if (secondOfDay < 0) {
        secondOfDay += kSecondsPerDay;
        --days;
    }
    int year = 0, month = 0, day = 0;
    civilFromDays(days, &year, &month, &day);

    char buffer[33] = "0000-00-00T00:00:00.000000+00:00";
    buffer[0] = char('0' + (year / 1000) % 10);
    buffer[1] = char('0' + (year / 100) % 10);
    put2(buffer + 2, year % 100);
    put2(buffer + 5, month);
    put2(buffer + 8, day);
    put2(buffer + 11, int(secondOfDay / 3600));
    put2(buffer + 14, int(secondOfDay / 60 % 60));
    put2(buffer + 17, int(secondOfDay % 60));
    if (fraction == 0) {
        out.append(buffer, 19);
        out.append("+00:00", 6);
        return;
    }
    for (int i = 25; i >= 20; --i) {
        buffer[i] = char('0' + fraction % 10);
        fraction /= 10;
    }
    out.append(buffer, 32);
}

QByteArray IsoTime::toIso(qint64 microseconds)
{
    QByteArray out;
    out.reserve(32);
    appendIso(out, microseconds);
    return out;
}

void IsoTime::appendEpochSeconds(QByteArray &out, qint64 microseconds)
{
    JsonWriter::appendDouble(out, epochSeconds(microseconds));
}

std::optional<qint64> IsoTime::parse(const QString &text, const QTimeZone &naiveZone)
{
    static const QRegularExpression pattern(
        u"^(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{1,2})"
        u"(?::(\\d{1,2})(?:\\.(\\d{1,6})\\d{0,6})?)?)?(Z|[+-]\\d{2}(?::?\\d{2})?)?$"_s);
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const QDate date(match.captured(1).toInt(), match.captured(2).toInt(),
                     match.captured(3).toInt());
    const QTime time(match.captured(4).toInt(), match.captured(5).toInt(),
                     match.captured(6).toInt());
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    QString micros = match.captured(7);
    const int fraction = micros.isEmpty() ? 0 : micros.leftJustified(6, u'0').toInt();

    const QString offsetText = match.captured(8);
    QDateTime dateTime;
    if (offsetText.isEmpty()) {
        dateTime = QDateTime(date, time, naiveZone.isValid() ? naiveZone : QTimeZone::utc());
    } else if (offsetText == u"Z"_s) {
        dateTime = QDateTime(date, time, QTimeZone::utc());
    } else {
        const int sign = offsetText.startsWith(u'-') ? -1 : 1;
        const QString digits = offsetText.mid(1).remove(u':');
        const int hours = digits.left(2).toInt();
        const int minutes = digits.size() >= 4 ? digits.mid(2, 2).toInt() : 0;
        dateTime = QDateTime(date, time, QTimeZone(sign * (hours * 3600 + minutes * 60)));
    }
    if (!dateTime.isValid())
        return std::nullopt;
    return dateTime.toMSecsSinceEpoch() * 1000 + fraction;
}

qint64 IsoTime::nowMicroseconds()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace hai
