// SPDX-License-Identifier: GPL-3.0-or-later
// Mapping benchmark: state_changed events → line protocol on one core, per schema. A pool of
// generated entities (60 % sensors with 4 attributes, 25 % binary sensors with 2, 15 % lights
// with 8, lists included) is cycled through; each event gets a fresh last_updated.
// Prints figures only; never asserts on time.
//   bench_mapping [--events N] [--entities M] [--only TEXT]
#include "benchstats.h"
#include "homeassistant/haevent.h"
#include "timeseries/registrytagcache.h"
#include "timeseries/statemapper.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>
#include <ctime>
#include <functional>
#include <vector>

using namespace Qt::StringLiterals;
using namespace hai;

namespace {

constexpr qint64 kStartUs = 1767607200000000;
constexpr qsizetype kBatchBytes = 4 * 1024 * 1024; // the writer would take a batch about here

double threadCpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

HaAttribute attribute(const QString &key, HaAttributeValue::Kind kind, const QString &text = {},
                      double number = 0)
{
    HaAttribute a{key, {}};
    a.value.kind = kind;
    a.value.text = text;
    a.value.number = number;
    return a;
}
HaAttribute text(const QString &key, const QString &value)
{
    return attribute(key, HaAttributeValue::Kind::String, value);
}
HaAttribute number(const QString &key, double value)
{
    return attribute(key, HaAttributeValue::Kind::Number, {}, value);
}
HaAttribute list(const QString &key, const QString &json)
{
    return attribute(key, HaAttributeValue::Kind::Composite, json);
}

HaStateRecord state(const QString &value, const HaAttributes &attributes, qint64 changedUs)
{
    HaStateRecord record;
    record.valid = true;
    record.state = value;
    record.attributes = attributes;
    record.lastChangedUs = changedUs;
    record.lastUpdatedUs = changedUs;
    return record;
}

// One event per entity; the states alternate so previous_state and durations are written.
std::vector<HaEvent> generateEvents(int entities)
{
    static const QString units[] = {u"°C"_s, u"W"_s, u"%"_s, u"kWh"_s};
    static const QString classes[] = {u"temperature"_s, u"power"_s, u"humidity"_s, u"energy"_s};
    std::vector<HaEvent> events;
    events.reserve(size_t(entities));
    for (int i = 0; i < entities; ++i) {
        HaEvent event;
        event.eventType = u"state_changed"_s;
        event.context.id = u"01JGX%1"_s.arg(i, 19, 10, QChar(u'0'));
        const int kind = i % 20;
        HaAttributes attributes;
        QString oldValue, newValue;
        if (kind < 12) {
            event.entityId = u"sensor.room_%1_%2"_s.arg(i).arg(classes[i % 4]);
            attributes = {text(u"unit_of_measurement"_s, units[i % 4]),
                          text(u"device_class"_s, classes[i % 4]),
                          text(u"state_class"_s, u"measurement"_s),
                          text(u"friendly_name"_s, u"Room %1 %2"_s.arg(i).arg(classes[i % 4]))};
            oldValue = QString::number(20 + (i % 97) * 0.1, 'f', 1);
            newValue = QString::number(20.05 + (i % 89) * 0.13, 'f', 2);
        } else if (kind < 17) {
            event.entityId = u"binary_sensor.motion_%1"_s.arg(i);
            attributes = {text(u"device_class"_s, u"motion"_s),
                          text(u"friendly_name"_s, u"Motion %1"_s.arg(i))};
            oldValue = i % 2 ? u"on"_s : u"off"_s;
            newValue = i % 2 ? u"off"_s : u"on"_s;
        } else {
            event.entityId = u"light.lamp_%1"_s.arg(i);
            attributes = {list(u"supported_color_modes"_s, uR"(["color_temp","hs"])"_s),
                          text(u"color_mode"_s, u"hs"_s),
                          number(u"brightness"_s, i % 256),
                          list(u"hs_color"_s, u"[30.0,50.5]"_s),
                          list(u"rgb_color"_s, u"[255,128,0]"_s),
                          list(u"xy_color"_s, u"[0.512,0.411]"_s),
                          text(u"friendly_name"_s, u"Lamp %1"_s.arg(i)),
                          number(u"supported_features"_s, 44)};
            oldValue = u"off"_s;
            newValue = u"on"_s;
        }
        event.oldState = state(oldValue, attributes, kStartUs - 60000000 - i);
        event.newState = state(newValue, attributes, kStartUs);
        event.timeFiredUs = event.lastUpdatedUs = kStartUs;
        events.push_back(std::move(event));
    }
    return events;
}

QString g_only; // --only: run the configurations whose name contains it

void run(const char *name, const MappingOptions &options, const RegistryTagCache *registry,
         std::vector<HaEvent> &events, qint64 count)
{
    if (!QString::fromUtf8(name).contains(g_only))
        return;
    StateMapper mapper(options, registry);
    QByteArray out;
    out.reserve(kBatchBytes + 64 * 1024);
    qint64 bytes = 0;
    // One pass first: the filter cache and the registry snapshot fill as they would live.
    for (const HaEvent &event : events)
        mapper.map(event, &out);
    out.truncate(0);
    const quint64 warmUpLines = mapper.counters().written;

    QElapsedTimer wall;
    const double cpuStart = threadCpuSeconds();
    wall.start();
    for (qint64 n = 0; n < count; ++n) {
        HaEvent &event = events[size_t(n % qint64(events.size()))];
        event.lastUpdatedUs = event.newState.lastUpdatedUs = kStartUs + n;
        mapper.map(event, &out);
        if (out.size() >= kBatchBytes) {
            bytes += out.size();
            out.truncate(0); // keeps the capacity, like a writer reusing its batch buffer
        }
    }
    bytes += out.size();
    const double seconds = double(wall.nsecsElapsed()) / 1e9;
    const double cpu = threadCpuSeconds() - cpuStart;
    const MappingCounters &counters = mapper.counters();
    std::printf(
        "  %-34s %9.0f events/s  %6.0f ns/event (cpu %6.0f)  %5.0f B/line  "
        "written %llu skipped %llu\n",
        name, double(count) / seconds, seconds * 1e9 / double(count), cpu * 1e9 / double(count),
        counters.written > warmUpLines ? double(bytes) / double(counters.written - warmUpLines)
                                       : 0.0,
        static_cast<unsigned long long>(counters.written),
        static_cast<unsigned long long>(counters.skippedTotal()));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption eventsOption(u"events"_s, u"Events per schema."_s, u"N"_s,
                                          u"1000000"_s);
    const QCommandLineOption entitiesOption(u"entities"_s, u"Distinct entities."_s, u"M"_s,
                                            u"10000"_s);
    const QCommandLineOption onlyOption(u"only"_s, u"Run configurations whose name has TEXT."_s,
                                        u"TEXT"_s);
    parser.addOptions({eventsOption, entitiesOption, onlyOption});
    parser.process(app);
    g_only = parser.value(onlyOption);
    const qint64 count = qMax<qint64>(1, parser.value(eventsOption).toLongLong());
    const int entities = qMax(20, parser.value(entitiesOption).toInt());

    std::printf("bench_mapping: %lld events per run over %d entities, one thread\n%s\n",
                static_cast<long long>(count), entities, qPrintable(test::machineSummary()));
    std::vector<HaEvent> events = generateEvents(entities);

    // Three entities per device, 100 areas; equal ids share one string, as load() makes them.
    RegistryTagCache registry;
    EntityTagMap tags;
    QString device;
    QList<QString> areas;
    for (int a = 0; a < 100; ++a)
        areas.append(u"area_%1"_s.arg(a));
    for (int i = 0; i < entities; ++i) {
        if (i % 3 == 0)
            device = u"dev_%1"_s.arg(i / 3);
        tags.insert(events[size_t(i)].entityId, {device, areas.at(i % 100), u"hue"_s});
    }
    registry.replace(tags);

    MappingOptions homeIq;
    run("homeiq", homeIq, nullptr, events, count);
    run("homeiq + registry tags", homeIq, &registry, events, count);
    MappingOptions homeIqAll = homeIq;
    homeIqAll.attributeFields = AttributeFields::All;
    run("homeiq + registry, attributes all", homeIqAll, &registry, events, count);
    MappingOptions filtered = homeIq;
    filtered.include = {u"sensor"_s, u"light"_s, u"binary_sensor.motion_1*"_s};
    filtered.exclude = {u"sensor.room_1*"_s};
    run("homeiq + registry + include/exclude", filtered, &registry, events, count);
    MappingOptions ha;
    ha.schema = PointSchema::Ha;
    run("ha (attributes all)", ha, nullptr, events, count);
    MappingOptions haNumeric = ha;
    haNumeric.attributeFields = AttributeFields::Numeric;
    run("ha, attributes numeric", haNumeric, nullptr, events, count);
    return 0;
}
