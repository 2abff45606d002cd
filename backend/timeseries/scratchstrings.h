// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <vector>

namespace hai {

// Reusable strings for the few texts a point needs built (suffixed keys, Python reprs, number
// texts). A view into a string stays valid until reset(); strings keep their capacity across
// points, so mapping in steady state allocates nothing.
class ScratchStrings
{
public:
    // An empty string to fill; valid until the next reset().
    QString &next()
    {
        if (m_used == m_strings.size())
            m_strings.emplace_back();
        QString &text = m_strings[m_used++];
        text.resize(0); // keeps the capacity, unlike clear()
        return text;
    }

    // a + b in a scratch string.
    QStringView join(QStringView a, QStringView b)
    {
        QString &text = next();
        text.reserve(a.size() + b.size());
        text.append(a);
        text.append(b);
        return text;
    }

    void reset() { m_used = 0; }

private:
    std::vector<QString> m_strings; // moving a QString keeps its characters where they are
    size_t m_used = 0;
};

} // namespace hai
