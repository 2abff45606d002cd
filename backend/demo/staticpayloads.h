// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

namespace hai {

// The replies that hardly depend on the home: get_config (Config.as_dict), get_services and
// get_panels, in HA's shapes.
class StaticPayloads
{
public:
    static QByteArray config(const QByteArray &version, const QByteArray &timeZone,
                             const QList<QByteArray> &integrations);
    static QByteArray services();
    static QByteArray panels();
};

} // namespace hai
