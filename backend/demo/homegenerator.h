// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace hai {

class HomeModel;
struct EntityEntry;

// Fills a HomeModel with a deterministic home from its options (seed, sizes, base time):
// floors, areas, labels, config entries of real integrations (hue, zha, mqtt, shelly, met,
// ...), devices with HA-like names and entities with their first states. The same options
// give the same home, byte for byte.
class HomeGenerator
{
public:
    static void generate(HomeModel &model);

    // HA's slugify with "_": lower case, common accents folded, other characters -> "_".
    static QByteArray slugify(QByteArrayView utf8);
    // The state string of a number with the entity's precision ("21.4", "45").
    static QByteArray formatValue(double value, int precision);
    // Fills the simulation fields (kind, unit, ranges, friendly name, attributes) of an
    // entity created at run time (DemoHome::addEntity).
    static void describeEntity(EntityEntry &entity, QByteArrayView friendlyName);
};

} // namespace hai
