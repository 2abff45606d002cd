// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/httpapi.h"
#include "core/settings.h"
#include "homeassistant/hastats.h"
#include "homeassistant/livestatecache.h"
#include "httpclient.h"
#include "registry/registryservice.h"

#include <QJsonObject>
#include <QTemporaryDir>

#include <memory>

namespace hai::test {

inline const QByteArray kApiToken = "test-api-token-0123456789";
inline const QHash<QByteArray, QByteArray> kAuthJson = {{"authorization", "Bearer " + kApiToken},
                                                        {"content-type", "application/json"}};

// Home Assistant-shaped registry items for the REST tests.
QJsonObject jsonObject(std::initializer_list<QPair<QString, QJsonValue>> pairs);
QJsonObject haDevice(const QString &id, const QString &name, const QJsonValue &manufacturer,
                     const QString &model, const QJsonValue &area, const QString &entry);
QJsonObject haEntity(const QString &id, const QJsonValue &deviceId, const QString &platform,
                     const QJsonValue &area = QJsonValue::Null);

// A real HttpApi on a loopback port over a real SQLite registry, seeded with a small home:
// 2 floors, 4 areas, 1 label, 3 integrations, 5 devices, 9 entities, and a live state for
// light.kitchen. The REST tests share it; start() and getJson() use QTest checks.
struct ApiTestbed
{
    void start();
    void stop();
    QJsonObject getJson(const QString &path, int expectedStatus = 200);

    QTemporaryDir dir;
    Settings settings;
    std::unique_ptr<RegistryService> registry;
    std::unique_ptr<HttpApi> api;
    std::unique_ptr<HttpClient> http;
    std::shared_ptr<LiveStateCache> liveStates = std::make_shared<LiveStateCache>();
    std::shared_ptr<HaStats> haStats = std::make_shared<HaStats>();
};

} // namespace hai::test
