// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "registry/database.h"
#include "registry/registryservice.h"
#include "registrysamples.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <memory>

namespace hai::test {

// A real SQLite registry in a temporary folder, written by a RegistryService from a sample
// home, for the device and entity model tests. Writes go through the service, so they fire
// registryChanged like the app's do.
class RegistryFixture
{
public:
    bool open(const RegistrySample &sample, QString *error)
    {
        if (!m_dir.isValid()) {
            *error = QStringLiteral("no temporary folder");
            return false;
        }
        m_location.sqlitePath = m_dir.filePath(QStringLiteral("metadata.db"));
        m_service = std::make_unique<RegistryService>(m_location);
        if (!m_service->open(error))
            return false;
        bool ok = false;
        m_service->apply(QStringLiteral("all"), [&](RegistryWriter &writer) {
            RegistryWriter::Outcome outcome;
            outcome.ok = ok = writeSample(writer, sample, RegistryWriter::Mode::Full, error);
            return outcome;
        });
        return ok;
    }

    const DatabaseLocation &location() const { return m_location; }
    RegistryService *service() const { return m_service.get(); }

    // One partial upsert of devices (or entities) as HA would send them.
    bool upsertDevices(const QJsonArray &items)
    {
        return m_service
            ->apply(QStringLiteral("devices"),
                    [&](RegistryWriter &writer) {
                        return writer.upsertDevices(items, RegistryWriter::Mode::Partial);
                    })
            .ok;
    }
    bool upsertEntities(const QJsonArray &items)
    {
        return m_service
            ->apply(QStringLiteral("entities"),
                    [&](RegistryWriter &writer) {
                        return writer.upsertEntities(items, RegistryWriter::Mode::Partial);
                    })
            .ok;
    }
    bool upsertAreas(const QJsonArray &items)
    {
        return m_service
            ->apply(QStringLiteral("areas"),
                    [&](RegistryWriter &writer) {
                        return writer.upsertAreas(items, RegistryWriter::Mode::Partial);
                    })
            .ok;
    }
    bool deleteDevice(const QString &deviceId)
    {
        return m_service
            ->apply(QStringLiteral("devices"),
                    [&](RegistryWriter &writer) { return writer.deleteDevice(deviceId); })
            .ok;
    }
    bool deleteEntity(const QString &entityId)
    {
        return m_service
            ->apply(QStringLiteral("entities"),
                    [&](RegistryWriter &writer) { return writer.deleteEntity(entityId); })
            .ok;
    }

    // The sample's device item, changed by `changes`: a partial upsert keeps nothing else.
    static QJsonObject deviceWith(const RegistrySample &sample, const QString &id,
                                  const QJsonObject &changes)
    {
        for (const QJsonValue &value : sample.devices) {
            QJsonObject device = value.toObject();
            if (device.value(QStringLiteral("id")).toString() != id)
                continue;
            for (auto it = changes.begin(); it != changes.end(); ++it)
                device.insert(it.key(), it.value());
            return device;
        }
        return {};
    }

private:
    QTemporaryDir m_dir;
    DatabaseLocation m_location;
    std::unique_ptr<RegistryService> m_service;
};

} // namespace hai::test
