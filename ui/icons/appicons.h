// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>

namespace hai {

// The app's icons. The application icon is resources/icons/ha-ingestor.svg when Qt can read
// SVG, else the same design painted; the sidebar's page icons are simple line glyphs painted
// in the palette's text colour, so they fit light and dark themes at any scale.
class AppIcons
{
public:
    static QIcon application();
    static QIcon overview();
    static QIcon devices();
    static QIcon entities();
    static QIcon webhooks();
    static QIcon charts();
    static QIcon log();
};

} // namespace hai
