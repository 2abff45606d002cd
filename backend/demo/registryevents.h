// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "homeevent.h"

#include <QByteArray>
#include <QList>

namespace hai {

class HomeModel;

// Builders for the data of HA's *_registry_updated events, shared by the mutators.
class RegistryEvents
{
public:
    // A registry event fired now, with a fresh context.
    static HomeEvent event(HomeModel &model, const char *eventType, const QByteArray &data);
    // {"action":"<action>","<idKey>":"<id>"[,<extra>]}; extra is already serialised members.
    static QByteArray actionData(QByteArrayView action, QByteArrayView idKey, const QByteArray &id,
                                 QByteArrayView extra = {});
    // "changes":{"<field>":<old value JSON>}
    static QByteArray changes(QByteArrayView field, const QByteArray &oldJson);
    static QByteArray stringJson(const QByteArray &value); // "x" or null
    static QByteArray listJson(const QList<QByteArray> &values);
    // HA's id for a new area, floor or label: the slug of the name, suffixed _2, _3... if taken.
    static QByteArray uniqueSlug(QByteArrayView name, const QList<QByteArray> &taken);
};

} // namespace hai
