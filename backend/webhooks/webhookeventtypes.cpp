// SPDX-License-Identifier: GPL-3.0-or-later
#include "webhookeventtypes.h"

using namespace Qt::StringLiterals;

namespace hai::WebhookEventTypes {

const QStringList &homeAssistant()
{
    static const QStringList types{u"state_changed"_s,         u"automation_triggered"_s,
                                   u"script_started"_s,        u"call_service"_s,
                                   u"homeassistant_started"_s, u"homeassistant_stop"_s};
    return types;
}

const QStringList &app()
{
    static const QStringList types{u"device_added"_s, u"device_removed"_s, u"entity_unavailable"_s};
    return types;
}

const QStringList &all()
{
    static const QStringList types = homeAssistant() + app();
    return types;
}

bool isKnown(const QString &type)
{
    return all().contains(type);
}

} // namespace hai::WebhookEventTypes
