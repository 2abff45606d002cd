// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <initializer_list>

namespace hai {

// What a search box holds: whitespace-separated words, each of which must appear in one of
// a row's fields (case-insensitive), so "kitchen light" finds "Light" in area "Kitchen".
class SearchTerms
{
public:
    SearchTerms() = default;
    explicit SearchTerms(const QString &text)
        : m_words(text.split(u' ', Qt::SkipEmptyParts))
    {}

    bool isEmpty() const { return m_words.isEmpty(); }

    bool matches(std::initializer_list<const QString *> fields) const
    {
        for (const QString &word : m_words) {
            bool found = false;
            for (const QString *field : fields) {
                if (field->contains(word, Qt::CaseInsensitive)) {
                    found = true;
                    break;
                }
            }
            if (!found)
                return false;
        }
        return true;
    }

private:
    QStringList m_words;
};

} // namespace hai
