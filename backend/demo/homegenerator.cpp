// SPDX-License-Identifier: GPL-3.0-or-later
#include "homegenerator.h"

#include "entityattributes.h"
#include "homecatalog.h"
#include "homemodel.h"
#include "isotime.h"
#include "ulid.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace hai {

namespace {

constexpr qint64 kSecond = 1000000;
constexpr qint64 kDay = 86400 * kSecond;

using DeviceKind = HomeCatalog::DeviceKind;
using EntitySpec = HomeCatalog::EntitySpec;

QByteArray lit(const char *text)
{
    return HomeCatalog::literal(text);
}

class Builder
{
public:
    explicit Builder(HomeModel &model)
        : m_model(model)
        , m_options(model.options())
        , m_random(model.options().seed)
    {
        m_base = m_options.baseTimeMs > 0 ? m_options.baseTimeMs * 1000
                                          : IsoTime::nowMicroseconds() / kSecond * kSecond;
    }

    void run()
    {
        m_model.reserve(m_options.devices, m_options.devices * m_options.entitiesPerDevice +
                                               m_options.standaloneEntities);
        addFloorsAreasLabels();
        addConfigEntries();
        for (int i = 0; i < m_options.devices; ++i)
            addDevice(i);
        addStandaloneEntities();
        m_model.clock().ensureAfter(m_base);
    }

private:
    qint64 pastTime(int maxDays)
    {
        return m_base - kDay - qint64(m_random.bounded(maxDays)) * kDay -
               qint64(m_random.bounded(86400)) * kSecond - m_random.bounded(1000000);
    }

    void addFloorsAreasLabels()
    {
        for (int i = 0; i < m_options.floors; ++i) {
            FloorEntry floor;
            floor.name = HomeCatalog::floorName(i);
            floor.floorId = HomeGenerator::slugify(floor.name);
            floor.level = i;
            floor.icon =
                i < 3 ? QByteArray("mdi:home-floor-") + QByteArray::number(i) : QByteArray();
            floor.createdAt = floor.modifiedAt = pastTime(900);
            m_model.floors().append(floor);
        }
        for (int i = 0; i < m_options.labels; ++i) {
            LabelEntry label;
            label.name = HomeCatalog::labelName(i);
            label.labelId = HomeGenerator::slugify(label.name);
            label.color = HomeCatalog::labelColor(i);
            label.icon = i % 2 ? QByteArray() : QByteArray("mdi:tag");
            label.description = i % 3 ? QByteArray() : "Things that matter: " + label.name;
            label.createdAt = pastTime(400);
            label.modifiedAt = label.createdAt + kDay;
            m_model.labels().append(label);
        }
        for (int i = 0; i < m_options.areas; ++i) {
            AreaEntry area;
            area.name = HomeCatalog::areaName(i);
            area.areaId = HomeGenerator::slugify(area.name);
            if (m_options.floors > 0 && !(i == m_options.areas - 1 && m_options.areas > 2))
                area.floorId = m_model.floors().at(i % m_options.floors).floorId;
            area.icon = HomeCatalog::areaIcon(i);
            if (i == 0)
                area.aliases.append("Lounge");
            if (i == 0 && m_options.labels > 0)
                area.labels.append(m_model.labels().at(0).labelId);
            area.createdAt = area.modifiedAt = pastTime(900);
            m_model.areas().append(area);
        }
    }

    void addConfigEntries()
    {
        for (const HomeCatalog::Integration &spec : HomeCatalog::integrations()) {
            ConfigEntryInfo entry;
            entry.createdAt = pastTime(900);
            entry.modifiedAt = entry.createdAt + 3 * kDay;
            entry.entryId = Ulid::make(entry.createdAt / 1000, m_random);
            entry.domain = spec.domain;
            entry.title = spec.title;
            entry.integrationType = spec.type;
            entry.source = spec.source;
            entry.state = spec.state;
            entry.reason = spec.reason ? QByteArray(spec.reason) : QByteArray();
            entry.supportsOptions = entry.domain == "hue" || entry.domain == "zha" ||
                                    entry.domain == "mqtt" || entry.domain == "met";
            entry.supportsRemoveDevice = entry.domain == "zha" || entry.domain == "mqtt";
            entry.supportsReconfigure = entry.domain == "mqtt" || entry.domain == "shelly";
            m_model.configEntries().append(entry);
        }
    }

    QByteArray entryFor(QByteArrayView domain) const
    {
        const int index = [&] {
            for (int i = 0; i < m_model.configEntries().size(); ++i) {
                if (m_model.configEntries().at(i).domain == domain)
                    return i;
            }
            return -1;
        }();
        return index >= 0 ? m_model.configEntries().at(index).entryId : QByteArray();
    }

    const DeviceKind &pickKind()
    {
        int total = 0;
        for (const DeviceKind &kind : HomeCatalog::deviceKinds())
            total += kind.weight;
        int roll = m_random.bounded(total);
        for (const DeviceKind &kind : HomeCatalog::deviceKinds()) {
            if (roll < kind.weight)
                return kind;
            roll -= kind.weight;
        }
        return HomeCatalog::deviceKinds().first();
    }

    void addDevice(int index)
    {
        DeviceEntry device;
        device.id = Ulid::uuidHex(m_random);
        device.createdAt = pastTime(700);
        device.modifiedAt = device.createdAt + qint64(m_random.bounded(30)) * kDay;
        const bool noArea = m_options.areas == 0 || index % 17 == 1;
        if (!noArea)
            device.areaId = m_model.areas().at(m_random.bounded(m_options.areas)).areaId;
        const QByteArray areaName =
            noArea ? QByteArray() : m_model.areas().at(m_model.findArea(device.areaId)).name;

        QList<EntitySpec> specs;
        if (index == 0 && m_options.devices >= 3) {
            // The met.no forecast: a service device with the weather entity.
            device.name = "Forecast Home";
            device.manufacturer = "Met.no";
            device.model = "Forecast";
            device.entryType = "service";
            device.configEntryId = entryFor("met");
            device.identifiers.append({"met", device.configEntryId});
            specs = HomeCatalog::forecastEntities();
        } else {
            const DeviceKind &kind = pickKind();
            const int ordinal = ++m_kindCounter[kind.label];
            device.name = areaName.isEmpty() ? QByteArray(kind.label) : areaName + ' ' + kind.label;
            if (index % 500 == 4)
                device.name = "Mia's \"Star\" " + QByteArray(kind.label);
            device.name += ' ' + QByteArray::number(ordinal);
            device.manufacturer = lit(kind.manufacturer);
            device.model = lit(kind.model);
            device.modelId = lit(kind.modelId);
            device.configEntryId = entryFor(kind.platform);
            device.swVersion = QByteArray::number(1 + m_random.bounded(3)) + '.' +
                               QByteArray::number(m_random.bounded(20)) + '.' +
                               QByteArray::number(m_random.bounded(10));
            if (m_random.chance(0.3))
                device.hwVersion = "rev" + QByteArray::number(1 + m_random.bounded(4));
            const QByteArray connection = QByteArray(kind.connection ? kind.connection : "");
            const QByteArray address =
                HomeCatalog::hexBytes(m_random, connection == "zigbee" ? 8 : 6, ':');
            if (!connection.isEmpty())
                device.connections.append({connection, address});
            device.identifiers.append(
                {lit(kind.platform), connection.isEmpty() ? Ulid::uuidHex(m_random) : address});
            if (device.manufacturer == "Shelly")
                device.configurationUrl =
                    "http://192.168.1." + QByteArray::number(20 + index % 200);
            if (m_random.chance(0.25))
                device.serialNumber = HomeCatalog::hexBytes(m_random, 6, 0).toUpper();
            if (QByteArrayView(kind.platform) == "hue") {
                if (m_hueBridge.isEmpty())
                    m_hueBridge = device.id;
                else
                    device.viaDeviceId = m_hueBridge;
            }
            specs = kind.entities;
        }
        if (index % 13 == 6 && m_options.labels > 0)
            device.labels.append(m_model.labels().at((index / 13) % m_options.labels).labelId);
        if (index % 41 == 21)
            device.nameByUser = device.name + " (mine)";
        if (index % 97 == 50)
            device.disabledBy = "user";
        const QByteArray displayName = device.nameByUser.isNull() ? device.name : device.nameByUser;
        const QByteArray deviceSlug = HomeGenerator::slugify(device.name);
        m_model.addDevice(device);

        const int count = m_options.entitiesPerDevice;
        for (int e = 0; e < count; ++e) {
            const bool extra = e >= specs.size();
            const EntitySpec &spec =
                extra ? HomeCatalog::extra(int(e - specs.size())) : specs.at(e);
            const int round = extra ? int((e - specs.size()) / HomeCatalog::extraCount()) + 2 : 0;
            addDeviceEntity(device, spec, displayName, deviceSlug, e, round);
        }
    }

    void addDeviceEntity(const DeviceEntry &device, const EntitySpec &spec,
                         const QByteArray &displayName, const QByteArray &deviceSlug, int position,
                         int round)
    {
        EntityEntry entity;
        entity.platform = device.identifiers.first().first;
        entity.configEntryId = device.configEntryId;
        entity.deviceId = device.id;
        if (spec.name) {
            entity.originalName = lit(spec.name);
            if (round > 0)
                entity.originalName += ' ' + QByteArray::number(round);
        }
        QByteArray objectId = deviceSlug;
        if (*spec.key)
            objectId += '_' + HomeGenerator::slugify(entity.originalName);
        entity.entityId = m_model.uniqueEntityId(spec.domain, objectId);
        entity.uniqueId = device.identifiers.first().second + '-' +
                          (*spec.key ? QByteArray(spec.key) : QByteArray(spec.domain));
        if (round > 0)
            entity.uniqueId += '-' + QByteArray::number(round);
        entity.entityCategory = spec.diagnostic ? lit("diagnostic") : QByteArray();
        if (spec.disabled)
            entity.disabledBy = lit("integration");
        if (!device.disabledBy.isNull())
            entity.disabledBy = lit("device");
        if (QByteArrayView(spec.key) == "device_temperature")
            entity.translationKey = lit("device_temperature");
        // One entity in fifty overrides its device's area.
        const int serial = m_entitySerial++;
        if (!device.areaId.isNull() && m_options.areas > 1 && (serial % 50 == 1)) {
            const int areaIndex = (m_model.findArea(device.areaId) + 1) % m_options.areas;
            entity.areaId = m_model.areas().at(areaIndex).areaId;
        }
        if (serial % 23 == 5 && m_options.labels > 1)
            entity.labels.append(m_model.labels().at(1 + serial % (m_options.labels - 1)).labelId);
        if (serial % 37 == 9)
            entity.name = displayName + " custom " + QByteArray::number(position);
        if (serial % 61 == 30)
            entity.hiddenBy = "user";
        static const char *const precisionOptions[] = {
            "{\"sensor\":{\"suggested_display_precision\":0}}",
            "{\"sensor\":{\"suggested_display_precision\":1}}",
            "{\"sensor\":{\"suggested_display_precision\":2}}",
            "{\"sensor\":{\"suggested_display_precision\":3}}"};
        if (spec.kind == StateKind::Numeric || spec.kind == StateKind::Counter) {
            entity.optionsJson = serial % 29 == 3
                                     ? lit("{\"sensor\":{\"display_precision\":2,\"suggested_"
                                           "display_precision\":1}}")
                                     : lit(precisionOptions[std::clamp(spec.precision, 0, 3)]);
        } else {
            entity.optionsJson = lit("{\"conversation\":{\"should_expose\":true}}");
        }
        entity.createdAt = device.createdAt + qint64(position) * kSecond;
        entity.modifiedAt = entity.createdAt + qint64(m_random.bounded(20)) * kDay;
        entity.id = Ulid::uuidHex(m_random);

        entity.kind = spec.kind;
        entity.deviceClass = lit(spec.deviceClass);
        entity.unit = lit(spec.unit);
        entity.stateClass = lit(spec.stateClass);
        entity.minimum = spec.minimum;
        entity.maximum = spec.maximum;
        entity.step = spec.step;
        entity.precision = qint8(spec.precision);
        const QByteArray shownName = !entity.name.isNull() ? entity.name
                                     : entity.originalName.isNull()
                                         ? displayName
                                         : displayName + ' ' + entity.originalName;
        const bool temperature =
            entity.kind == StateKind::Numeric && entity.deviceClass == "temperature";
        const QByteArray entityId = entity.entityId;
        finishEntity(entity, shownName);
        if (temperature && !device.areaId.isNull()) {
            AreaEntry &area = m_model.areas()[m_model.findArea(device.areaId)];
            if (area.temperatureEntityId.isNull())
                area.temperatureEntityId = entityId;
        }
    }

    void addStandaloneEntities()
    {
        for (int i = 0; i < m_options.standaloneEntities; ++i) {
            const HomeCatalog::Standalone &spec = HomeCatalog::standalone(i);
            EntityEntry entity;
            QByteArray entityId = spec.entityId;
            if (i >= HomeCatalog::standaloneCount())
                entityId += '_' + QByteArray::number(i / HomeCatalog::standaloneCount() + 1);
            entity.entityId = m_model.uniqueEntityId(entityId.left(entityId.indexOf('.')),
                                                     entityId.mid(entityId.indexOf('.') + 1));
            entity.platform = spec.platform;
            entity.uniqueId = Ulid::uuidHex(m_random);
            entity.id = Ulid::uuidHex(m_random);
            entity.hasEntityName = false;
            entity.originalName = lit(spec.name);
            if (entity.platform == "sun")
                entity.configEntryId = entryFor("sun");
            entity.createdAt = pastTime(300);
            entity.modifiedAt = entity.createdAt;
            entity.kind = spec.kind;
            entity.unit = spec.unit ? QByteArray(spec.unit) : QByteArray();
            entity.deviceClass = spec.deviceClass ? QByteArray(spec.deviceClass) : QByteArray();
            if (entity.kind == StateKind::Numeric) {
                entity.stateClass =
                    entity.platform == "template" ? QByteArray("measurement") : QByteArray();
                entity.minimum = entity.unit == "W" ? 100 : 5;
                entity.maximum = entity.unit == "W" ? 9000 : 25;
                entity.step = entity.unit == "W" ? 120 : 0.5;
            }
            if (i == 1)
                entity.areaId =
                    m_model.areas().isEmpty() ? QByteArray() : m_model.areas().first().areaId;
            finishEntity(entity, spec.name);
        }
    }

    // Simulation fields, attributes and the first state; then into the model.
    void finishEntity(EntityEntry &entity, const QByteArray &friendlyName)
    {
        HomeGenerator::describeEntity(entity, friendlyName);
        const bool enabled = entity.disabledBy.isNull();
        const int index = m_model.addEntity(std::move(entity));
        if (!enabled)
            return;
        EntityEntry &stored = m_model.entities()[index];
        EntityState state;
        state.entityId = stored.entityId;
        state.state = initialState(stored);
        state.attributes = EntityAttributes::forState(stored, state.state);
        // Spread over the last six hours; every seventh lands on a whole second.
        const int serial = m_stateSerial++;
        state.lastUpdated = m_base - kSecond - qint64(m_random.bounded(6 * 3600)) * kSecond -
                            (serial % 7 == 3 ? 0 : 1 + m_random.bounded(999999));
        state.lastChanged = state.lastUpdated;
        if ((stored.kind == StateKind::Light || stored.kind == StateKind::Climate ||
             stored.kind == StateKind::Static) &&
            serial % 2)
            state.lastChanged -= qint64(1 + m_random.bounded(3600)) * kSecond;
        state.lastReported = state.lastUpdated;
        if (serial % 5 == 2)
            state.lastReported += qint64(m_random.bounded(900)) * kSecond / 1000;
        state.context.id = Ulid::make(state.lastUpdated / 1000, m_random);
        m_model.setInitialState(index, std::move(state));
    }

    QByteArray initialState(EntityEntry &entity)
    {
        const int roll = m_random.bounded(100);
        const bool device = !entity.deviceId.isNull();
        switch (entity.kind) {
        case StateKind::Numeric:
        case StateKind::Counter:
            entity.value = m_random.range(entity.minimum, entity.maximum);
            if (device && roll < 2)
                return "unavailable";
            if (device && roll < 3)
                return "unknown";
            return HomeGenerator::formatValue(entity.value, entity.precision);
        case StateKind::Binary:
            if (device && roll < 2)
                return "unavailable";
            return roll < 80 ? "off" : "on";
        case StateKind::Light:
            entity.value = 1 + m_random.bounded(255);
            entity.aux = m_random.range(0, 360);
            if (roll < 2)
                return "unavailable";
            return roll < 60 ? "off" : "on";
        case StateKind::Climate:
            entity.value = m_random.range(18, 23);
            entity.aux = 19 + 0.5 * m_random.bounded(7);
            return roll < 80 ? "heat" : "off";
        case StateKind::Switch:
            return roll < 50 ? "off" : "on";
        case StateKind::Lock:
            return roll < 80 ? "locked" : "unlocked";
        case StateKind::Weather:
            entity.value = m_random.range(2, 18);
            return HomeCatalog::weatherCondition(roll);
        case StateKind::Static:
            entity.value = m_random.range(5, 40);
            entity.aux = m_random.range(100, 250);
            return "above_horizon";
        }
        return "unknown";
    }

    HomeModel &m_model;
    const DemoHomeOptions &m_options;
    DemoRandom m_random;
    qint64 m_base = 0;
    QHash<QByteArray, int> m_kindCounter;
    QByteArray m_hueBridge;
    int m_entitySerial = 0;
    int m_stateSerial = 0;
};

} // namespace

void HomeGenerator::generate(HomeModel &model)
{
    Builder(model).run();
}

QByteArray HomeGenerator::slugify(QByteArrayView utf8)
{
    // Fold the accents a home is likely to use; anything else non-alphanumeric separates.
    static const struct
    {
        const char *from;
        const char *to;
    } folds[] = {{"ä", "a"}, {"ö", "o"},  {"ü", "u"}, {"Ä", "a"}, {"Ö", "o"},
                 {"Ü", "u"}, {"ß", "ss"}, {"é", "e"}, {"è", "e"}, {"ê", "e"},
                 {"à", "a"}, {"ç", "c"},  {"ø", "o"}, {"å", "a"}, {"ñ", "n"}};
    QByteArray out;
    out.reserve(utf8.size());
    bool pendingSeparator = false;
    for (qsizetype i = 0; i < utf8.size();) {
        const char c = utf8.at(i);
        QByteArray piece;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            piece = QByteArray(1, c);
            ++i;
        } else if (c >= 'A' && c <= 'Z') {
            piece = QByteArray(1, char(c - 'A' + 'a'));
            ++i;
        } else if (static_cast<unsigned char>(c) >= 0x80) {
            qsizetype length = 1;
            while (i + length < utf8.size() &&
                   (static_cast<unsigned char>(utf8.at(i + length)) & 0xC0) == 0x80)
                ++length;
            for (const auto &fold : folds) {
                if (utf8.sliced(i, length) == QByteArrayView(fold.from)) {
                    piece = fold.to;
                    break;
                }
            }
            i += length;
        } else {
            ++i;
        }
        if (piece.isEmpty()) {
            pendingSeparator = !out.isEmpty();
            continue;
        }
        if (pendingSeparator)
            out.append('_');
        pendingSeparator = false;
        out.append(piece);
    }
    return out.isEmpty() ? QByteArray("unnamed") : out;
}

QByteArray HomeGenerator::formatValue(double value, int precision)
{
    char buffer[48];
    const double scale = std::pow(10.0, precision);
    double rounded = std::round(value * scale) / scale;
    if (rounded == 0)
        rounded = 0; // no "-0.0"
    const auto result =
        std::to_chars(buffer, buffer + sizeof buffer, rounded, std::chars_format::fixed, precision);
    return QByteArray(buffer, result.ptr - buffer);
}

void HomeGenerator::describeEntity(EntityEntry &entity, QByteArrayView friendlyName)
{
    entity.friendlyName = friendlyName.toByteArray();
    if (entity.kind == StateKind::Numeric || entity.kind == StateKind::Counter ||
        entity.kind == StateKind::Binary || entity.kind == StateKind::Switch ||
        entity.kind == StateKind::Lock)
        entity.baseAttributes = EntityAttributes::base(entity);
}

} // namespace hai
