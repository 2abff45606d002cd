// SPDX-License-Identifier: GPL-3.0-or-later
#include "optionparsing.h"

using namespace Qt::StringLiterals;

namespace hai::optionparsing {

QString failure(const QString &option, const QString &reason)
{
    return u"--"_s + option + u": "_s + reason;
}

bool parseBool(const QString &text, bool *ok)
{
    const QString lower = text.trimmed().toLower();
    *ok = true;
    if (lower == u"1"_s || lower == u"true"_s || lower == u"yes"_s || lower == u"on"_s)
        return true;
    if (lower == u"0"_s || lower == u"false"_s || lower == u"no"_s || lower == u"off"_s)
        return false;
    *ok = false;
    return false;
}

bool parseUrl(const QString &text, const QStringList &schemes, QUrl *out, QString *reason)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || !schemes.contains(url.scheme())) {
        *reason = u"'%1' is not a valid URL (expected %2://HOST[:PORT])"_s.arg(
            text, schemes.join(u"|"_s));
        return false;
    }
    if (url.port() == 0 || url.port() > 65535) {
        *reason = u"port out of range (1-65535)"_s;
        return false;
    }
    *out = url;
    return true;
}

bool parseInt(const QString &text, qint64 min, qint64 max, qint64 *out, QString *reason)
{
    bool ok = false;
    const qint64 number = text.trimmed().toLongLong(&ok);
    if (!ok || number < min || number > max) {
        *reason = u"'%1' is not a whole number from %2 to %3"_s.arg(text).arg(min).arg(max);
        return false;
    }
    *out = number;
    return true;
}

QStringList parseList(const QString &text)
{
    QStringList items;
    for (const QString &item : text.split(u',', Qt::SkipEmptyParts)) {
        const QString trimmed = item.trimmed();
        if (!trimmed.isEmpty())
            items.append(trimmed);
    }
    return items;
}

} // namespace hai::optionparsing
