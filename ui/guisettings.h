// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSettings>

namespace hai {

// The GUI's own preferences (window layout, last page, close to tray), kept apart from the
// app's ha-ingestor.ini: ~/.config/ha-ingestor/gui.conf. Named explicitly because the app sets
// no organisation name (that would move the default data folder). Tests redirect it with
// QStandardPaths::setTestModeEnabled(true).
class GuiSettings : public QSettings
{
public:
    GuiSettings()
        : QSettings(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("ha-ingestor"),
                    QStringLiteral("gui"))
    {}
};

} // namespace hai
