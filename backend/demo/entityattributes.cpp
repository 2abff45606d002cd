// SPDX-License-Identifier: GPL-3.0-or-later
#include "entityattributes.h"

#include "jsonwriter.h"

#include <cmath>

namespace hai {

namespace {

QByteArray numberList(std::initializer_list<double> values, bool integers)
{
    QByteArray json = "[";
    bool first = true;
    for (double v : values) {
        if (!first)
            json += ',';
        first = false;
        if (integers)
            JsonWriter::appendInt(json, qint64(std::lround(v)));
        else
            JsonWriter::appendDouble(json, v);
    }
    json += ']';
    return json;
}

double round(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

// HSV (value 1) to RGB, for a light's rgb_color.
void hueToRgb(double hue, double saturation, int *r, int *g, int *b)
{
    const double c = saturation / 100.0;
    const double h = std::fmod(hue, 360.0) / 60.0;
    const double x = c * (1 - std::fabs(std::fmod(h, 2.0) - 1));
    double rf = 0, gf = 0, bf = 0;
    if (h < 1)
        rf = c, gf = x;
    else if (h < 2)
        rf = x, gf = c;
    else if (h < 3)
        gf = c, bf = x;
    else if (h < 4)
        gf = x, bf = c;
    else if (h < 5)
        rf = x, bf = c;
    else
        rf = c, bf = x;
    const double m = 1 - c;
    *r = int(std::lround((rf + m) * 255));
    *g = int(std::lround((gf + m) * 255));
    *b = int(std::lround((bf + m) * 255));
}

void appendFriendlyName(AttributeSet::Builder &items, const EntityEntry &entity)
{
    items.string("friendly_name", entity.friendlyName);
}

AttributesPtr lightAttributes(const EntityEntry &entity, bool on)
{
    AttributeSet::Builder items(600);
    items.integer("min_color_temp_kelvin", 2000);
    items.integer("max_color_temp_kelvin", 6535);
    items.integer("min_mireds", 153);
    items.integer("max_mireds", 500);
    items.raw("supported_color_modes", "[\"color_temp\",\"xy\"]");
    if (on) {
        const double hue = round(entity.aux, 1);
        const double saturation = 70.0;
        int r = 0, g = 0, b = 0;
        hueToRgb(hue, saturation, &r, &g, &b);
        const double sum = std::max(1, r + g + b);
        items.string("color_mode", "xy");
        items.integer("brightness", qint64(entity.value));
        items.null("color_temp_kelvin");
        items.null("color_temp");
        items.raw("hs_color", numberList({hue, saturation}, false));
        items.raw("rgb_color", numberList({double(r), double(g), double(b)}, true));
        items.raw("xy_color", numberList({round(r / sum, 3), round(g / sum, 3)}, false));
    } else {
        for (const char *key : {"color_mode", "brightness", "color_temp_kelvin", "color_temp",
                                "hs_color", "rgb_color", "xy_color"})
            items.null(key);
    }
    appendFriendlyName(items, entity);
    items.integer("supported_features", 40);
    return items.build();
}

AttributesPtr climateAttributes(const EntityEntry &entity, QByteArrayView state)
{
    const bool heating = state == "heat" && entity.value < entity.aux;
    AttributeSet::Builder items(400);
    items.raw("hvac_modes", "[\"off\",\"heat\",\"auto\"]");
    items.number("min_temp", 7.0);
    items.number("max_temp", 35.0);
    items.number("target_temp_step", 0.5);
    items.number("current_temperature", round(entity.value, 1));
    items.number("temperature", round(entity.aux, 1));
    items.integer("current_humidity", 40 + qint64(entity.value) % 15);
    items.string("hvac_action", state == "off" ? "off" : heating ? "heating" : "idle");
    appendFriendlyName(items, entity);
    items.integer("supported_features", 385);
    return items.build();
}

AttributesPtr weatherAttributes(const EntityEntry &entity)
{
    AttributeSet::Builder items(600);
    const double t = round(entity.value, 1);
    items.number("temperature", t);
    items.number("dew_point", round(t - 6.5, 1));
    items.string("temperature_unit", "°C");
    items.integer("humidity", 55 + qint64(std::fabs(t * 3)) % 40);
    items.number("cloud_coverage", round(std::fmod(std::fabs(t) * 7.3, 100.0), 1));
    items.number("pressure", round(1013.2 + std::fmod(t, 9.0), 1));
    items.string("pressure_unit", "hPa");
    items.number("wind_bearing", round(std::fmod(std::fabs(t) * 37.0, 360.0), 1));
    items.number("wind_speed", round(std::fmod(std::fabs(t) * 3.1, 40.0), 1));
    items.string("wind_speed_unit", "km/h");
    items.string("visibility_unit", "km");
    items.string("precipitation_unit", "mm");
    items.string("attribution", "Weather forecast from met.no, delivered by "
                                "the Norwegian Meteorological Institute.");
    appendFriendlyName(items, entity);
    items.integer("supported_features", 3);
    return items.build();
}

AttributesPtr sunAttributes(const EntityEntry &entity)
{
    AttributeSet::Builder items(500);
    items.string("next_dawn", "2026-01-06T06:51:12.336084+00:00");
    items.string("next_dusk", "2026-01-05T16:54:02.219710+00:00");
    items.string("next_midnight", "2026-01-05T23:52:41+00:00");
    items.string("next_noon", "2026-01-05T11:52:36+00:00");
    items.string("next_rising", "2026-01-06T07:47:33.808132+00:00");
    items.string("next_setting", "2026-01-05T15:57:54.521633+00:00");
    items.number("elevation", round(entity.value, 2));
    items.number("azimuth", round(entity.aux, 2));
    items.boolean("rising", entity.value < 15);
    appendFriendlyName(items, entity);
    return items.build();
}

} // namespace

AttributesPtr EntityAttributes::base(const EntityEntry &entity)
{
    AttributeSet::Builder items(200);
    if (!entity.stateClass.isNull())
        items.string("state_class", entity.stateClass);
    if (entity.domain() == "input_number") {
        items.number("initial", entity.minimum);
        items.boolean("editable", true);
        items.number("min", entity.minimum);
        items.number("max", entity.maximum);
        items.number("step", entity.step);
        items.string("mode", "slider");
    } else if (entity.domain() == "input_boolean") {
        items.boolean("editable", true);
    }
    if (!entity.unit.isNull())
        items.string("unit_of_measurement", entity.unit);
    if (!entity.deviceClass.isNull())
        items.string("device_class", entity.deviceClass);
    if (!entity.icon.isNull())
        items.string("icon", entity.icon);
    appendFriendlyName(items, entity);
    if (entity.kind == StateKind::Lock)
        items.integer("supported_features", 0);
    return items.build();
}

AttributesPtr EntityAttributes::forState(const EntityEntry &entity, QByteArrayView state)
{
    if (state == "unavailable")
        return unavailable(entity);
    switch (entity.kind) {
    case StateKind::Light:
        return lightAttributes(entity, state == "on");
    case StateKind::Climate:
        return climateAttributes(entity, state);
    case StateKind::Weather:
        return weatherAttributes(entity);
    case StateKind::Static:
        return sunAttributes(entity);
    default:
        return entity.baseAttributes ? entity.baseAttributes : base(entity);
    }
}

AttributesPtr EntityAttributes::unavailable(const EntityEntry &entity)
{
    static const QByteArrayView kept[] = {"state_class",
                                          "unit_of_measurement",
                                          "device_class",
                                          "friendly_name",
                                          "supported_features",
                                          "supported_color_modes",
                                          "min_color_temp_kelvin",
                                          "max_color_temp_kelvin",
                                          "min_mireds",
                                          "max_mireds",
                                          "hvac_modes",
                                          "min_temp",
                                          "max_temp",
                                          "target_temp_step",
                                          "icon",
                                          "editable"};
    const AttributesPtr full = entity.kind == StateKind::Light ? lightAttributes(entity, false)
                               : entity.kind == StateKind::Climate
                                   ? climateAttributes(entity, "off")
                               : entity.kind == StateKind::Weather ? weatherAttributes(entity)
                               : entity.kind == StateKind::Static  ? sunAttributes(entity)
                               : entity.baseAttributes             ? entity.baseAttributes
                                                                   : base(entity);
    AttributeSet::Builder items(full->json().size());
    for (qsizetype i = 0; i < full->size(); ++i) {
        for (QByteArrayView key : kept) {
            if (full->key(i) == key) {
                items.raw(key, full->valueAt(i));
                break;
            }
        }
    }
    return items.build();
}

} // namespace hai
