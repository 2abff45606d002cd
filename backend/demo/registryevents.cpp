// SPDX-License-Identifier: GPL-3.0-or-later
#include "registryevents.h"

#include "homegenerator.h"
#include "homemodel.h"
#include "jsonwriter.h"

namespace hai {

HomeEvent RegistryEvents::event(HomeModel &model, const char *eventType, const QByteArray &data)
{
    HomeEvent event;
    event.eventType = eventType;
    event.dataJson = data;
    event.timeFired = model.clock().next();
    event.context = model.newContext(event.timeFired);
    return event;
}

QByteArray RegistryEvents::actionData(QByteArrayView action, QByteArrayView idKey,
                                      const QByteArray &id, QByteArrayView extra)
{
    QByteArray data = "{\"action\":";
    JsonWriter::appendString(data, action);
    data.append(',');
    JsonWriter::appendKey(data, idKey);
    JsonWriter::appendStringOrNull(data, id);
    if (!extra.isEmpty()) {
        data.append(',');
        data.append(extra.data(), extra.size());
    }
    data.append('}');
    return data;
}

QByteArray RegistryEvents::changes(QByteArrayView field, const QByteArray &oldJson)
{
    QByteArray out = "\"changes\":{";
    JsonWriter::appendKey(out, field);
    out.append(oldJson);
    out.append('}');
    return out;
}

QByteArray RegistryEvents::stringJson(const QByteArray &value)
{
    QByteArray out;
    JsonWriter::appendStringOrNull(out, value);
    return out;
}

QByteArray RegistryEvents::listJson(const QList<QByteArray> &values)
{
    QByteArray out;
    JsonWriter::appendStringList(out, values);
    return out;
}

QByteArray RegistryEvents::uniqueSlug(QByteArrayView name, const QList<QByteArray> &taken)
{
    const QByteArray base = HomeGenerator::slugify(name);
    QByteArray candidate = base;
    for (int suffix = 2; taken.contains(candidate); ++suffix)
        candidate = base + '_' + QByteArray::number(suffix);
    return candidate;
}

} // namespace hai
