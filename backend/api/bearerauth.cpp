// SPDX-License-Identifier: GPL-3.0-or-later
#include "bearerauth.h"

#include <QCryptographicHash>

namespace hai {

namespace {
QByteArray digest(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}
} // namespace

BearerAuth::BearerAuth(const QString &token)
    : m_tokenDigest(token.isEmpty() ? QByteArray() : digest(token.toUtf8()))
{}

bool BearerAuth::accepts(const QByteArray &authorizationHeader) const
{
    static const QByteArray prefix = QByteArrayLiteral("Bearer ");
    if (!isConfigured() || !authorizationHeader.startsWith(prefix))
        return false;
    return constantTimeEquals(digest(authorizationHeader.mid(prefix.size()).trimmed()),
                              m_tokenDigest);
}

bool BearerAuth::constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0;
}

} // namespace hai
