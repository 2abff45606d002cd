// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace hai {

// Checks "Authorization: Bearer <token>" against the configured API token in constant time:
// both sides are hashed first, so neither the length nor the first differing byte leaks.
class BearerAuth
{
public:
    explicit BearerAuth(const QString &token);

    bool isConfigured() const { return !m_tokenDigest.isEmpty(); }
    bool accepts(const QByteArray &authorizationHeader) const;

    static bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

private:
    QByteArray m_tokenDigest;
};

} // namespace hai
