// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVariant>

namespace hai {
class Database;
}

namespace hai::test {

// The first column of the first row that `sql` reads on `database`, with `bound` bound in
// order: a null QVariant when there is no row, "<error: reason>" when the statement fails, so
// that a QCOMPARE on it says why.
QVariant queryValue(const Database &database, const QString &sql, const QVariantList &bound = {});

} // namespace hai::test
