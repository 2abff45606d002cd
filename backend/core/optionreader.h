// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "optionparsing.h"

namespace hai {

// Reads typed values out of RawOptions for one group of settings; every read either stores the
// value, leaves the default when the option is absent, or fails with a message naming it.
class OptionReader
{
public:
    OptionReader(const RawOptions &raw, QString *error)
        : m_raw(raw)
        , m_error(error)
    {}

    bool has(const QString &name) const { return m_raw.contains(name); }
    QString value(const QString &name) const { return m_raw.value(name); }

    bool fail(const QString &name, const QString &reason)
    {
        *m_error = optionparsing::failure(name, reason);
        return false;
    }
    bool readBool(const QString &name, bool *out)
    {
        if (!has(name))
            return true;
        bool ok = false;
        *out = optionparsing::parseBool(value(name), &ok);
        return ok || fail(name, QStringLiteral("expected true or false"));
    }
    template <typename Int>
    bool readInt(const QString &name, qint64 min, qint64 max, Int *out, qint64 scale = 1)
    {
        if (!has(name))
            return true;
        qint64 number = 0;
        QString reason;
        if (!optionparsing::parseInt(value(name), min, max, &number, &reason))
            return fail(name, reason);
        *out = Int(number * scale);
        return true;
    }
    template <typename Enum>
    bool readChoice(const QString &name, const QList<QPair<QString, Enum>> &choices, Enum *out)
    {
        if (!has(name))
            return true;
        const QString text = value(name).trimmed().toLower();
        QStringList names;
        for (const auto &[choiceName, choice] : choices) {
            if (text == choiceName) {
                *out = choice;
                return true;
            }
            names.append(choiceName);
        }
        return fail(name, QStringLiteral("'%1' is not one of %2")
                              .arg(value(name), names.join(QStringLiteral(", "))));
    }

private:
    const RawOptions &m_raw;
    QString *m_error;
};

} // namespace hai
