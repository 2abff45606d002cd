// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace hai {

// Reads compact JSON (a list or dict attribute as HA sent it) and prints the repr() of what
// json.loads() builds, as it goes: True/False/None, 'text' with CPython's escapes, JSON
// integers as ints (every digit kept), other numbers as floats, "[a, b]" and "{'k': v}".
// Used through PythonText::appendJsonRepr().
class PythonJsonRepr
{
public:
    PythonJsonRepr(QStringView json, QString *out)
        : m_json(json)
        , m_out(out)
    {}

    // False when the text is not JSON (what was printed so far is then left in `out`).
    bool run();

private:
    static constexpr int kMaxDepth = 200;

    void skipSpace();
    bool take(char16_t c);
    bool literal(QStringView word, QStringView python);
    int hex4();    // -1 when not 4 hex digits
    bool string(); // at the opening quote; prints its repr
    bool number();
    bool value(int depth);

    QStringView m_json;
    QString *m_out;
    QString m_text; // the current string, unescaped
    qsizetype m_pos = 0;
};

} // namespace hai
