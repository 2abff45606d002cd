// SPDX-License-Identifier: GPL-3.0-or-later
#include "pythonjsonrepr.h"

#include "pythontext.h"

using namespace Qt::StringLiterals;

namespace hai {

bool PythonJsonRepr::run()
{
    if (!value(0))
        return false;
    skipSpace();
    return m_pos == m_json.size();
}

void PythonJsonRepr::skipSpace()
{
    while (m_pos < m_json.size() && (m_json[m_pos] == u' ' || m_json[m_pos] == u'\t' ||
                                     m_json[m_pos] == u'\n' || m_json[m_pos] == u'\r'))
        ++m_pos;
}

bool PythonJsonRepr::take(char16_t c)
{
    skipSpace();
    if (m_pos < m_json.size() && m_json[m_pos] == c) {
        ++m_pos;
        return true;
    }
    return false;
}

bool PythonJsonRepr::literal(QStringView word, QStringView python)
{
    if (!m_json.mid(m_pos).startsWith(word))
        return false;
    m_pos += word.size();
    m_out->append(python);
    return true;
}

int PythonJsonRepr::hex4()
{
    if (m_pos + 4 > m_json.size())
        return -1;
    bool ok = false;
    const int code = m_json.mid(m_pos, 4).toInt(&ok, 16);
    m_pos += 4;
    return ok ? code : -1;
}

bool PythonJsonRepr::string()
{
    ++m_pos; // the opening quote
    // Most strings have no escapes: print them straight from the JSON text.
    for (qsizetype end = m_pos; end < m_json.size(); ++end) {
        if (m_json[end] == u'\\')
            break;
        if (m_json[end] == u'"') {
            PythonText::appendStringRepr(m_out, m_json.mid(m_pos, end - m_pos));
            m_pos = end + 1;
            return true;
        }
    }
    m_text.resize(0);
    while (m_pos < m_json.size()) {
        const QChar c = m_json[m_pos++];
        if (c == u'"') {
            PythonText::appendStringRepr(m_out, m_text);
            return true;
        }
        if (c != u'\\') {
            m_text.append(c);
            continue;
        }
        if (m_pos >= m_json.size())
            return false;
        const char16_t e = m_json[m_pos++].unicode();
        switch (e) {
        case u'"':
        case u'\\':
        case u'/':
            m_text.append(QChar(e));
            break;
        case u'b':
            m_text.append(u'\b');
            break;
        case u'f':
            m_text.append(u'\f');
            break;
        case u'n':
            m_text.append(u'\n');
            break;
        case u'r':
            m_text.append(u'\r');
            break;
        case u't':
            m_text.append(u'\t');
            break;
        case u'u': {
            const int code = hex4();
            if (code < 0)
                return false;
            m_text.append(QChar(char16_t(code)));
            break;
        }
        default:
            return false;
        }
    }
    return false;
}

bool PythonJsonRepr::number()
{
    const qsizetype start = m_pos;
    bool isFloat = false;
    while (m_pos < m_json.size()) {
        const char16_t c = m_json[m_pos].unicode();
        if (c == u'.' || c == u'e' || c == u'E')
            isFloat = true;
        else if (!((c >= u'0' && c <= u'9') || c == u'-' || c == u'+'))
            break;
        ++m_pos;
    }
    const QStringView token = m_json.mid(start, m_pos - start);
    double value = 0;
    if (token.isEmpty() || !PythonText::toFloat(token, &value))
        return false;
    if (isFloat)
        PythonText::appendFloatRepr(m_out, value);
    else if (value == 0)
        m_out->append(u'0'); // "-0" is the int 0
    else
        m_out->append(token); // ints are exact in Python: keep every digit
    return true;
}

bool PythonJsonRepr::value(int depth)
{
    skipSpace();
    if (m_pos >= m_json.size() || depth > kMaxDepth)
        return false;
    const char16_t c = m_json[m_pos].unicode();
    if (c == u'"')
        return string();
    if (c == u'[' || c == u'{') {
        const bool isList = c == u'[';
        ++m_pos;
        m_out->append(QChar(c));
        const char16_t close = isList ? u']' : u'}';
        if (take(close)) {
            m_out->append(QChar(close));
            return true;
        }
        for (bool first = true;; first = false) {
            if (!first)
                m_out->append(u", "_s);
            if (!isList) {
                skipSpace();
                if (m_pos >= m_json.size() || m_json[m_pos] != u'"' || !string() || !take(u':'))
                    return false;
                m_out->append(u": "_s);
            }
            if (!value(depth + 1))
                return false;
            if (take(close)) {
                m_out->append(QChar(close));
                return true;
            }
            if (!take(u','))
                return false;
        }
    }
    if (c == u't')
        return literal(u"true", u"True");
    if (c == u'f')
        return literal(u"false", u"False");
    if (c == u'n')
        return literal(u"null", u"None");
    return number();
}

} // namespace hai
