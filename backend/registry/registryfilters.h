// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QString>

namespace hai {

struct PageRequest
{
    static constexpr int kDefaultLimit = 100;
    static constexpr int kMaxLimit = 1000;
    int limit = kDefaultLimit; // 1..kMaxLimit
    int offset = 0;            // >= 0
};

// Empty members do not filter; the others must all match. Ids, manufacturer, model, domain
// and platform match exactly. `query` is a case-insensitive substring of the names (and of
// the ids, for entities); % and _ in it are literal.
struct DeviceFilter
{
    QString manufacturer;
    QString model;
    QString areaId;
    QString integration;
    QString query;
};

// areaId matches the entity's own area, or its device's area when the entity has none
// (Home Assistant's rule).
struct EntityFilter
{
    QString domain;
    QString deviceId;
    QString areaId;
    QString platform;
    QString query;
};

struct Page
{
    QJsonArray items;
    qint64 total = 0; // rows matching the filter, ignoring limit/offset
};

} // namespace hai
