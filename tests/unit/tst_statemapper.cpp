// SPDX-License-Identifier: GPL-3.0-or-later
#include "hastatesamples.h"
#include "homeassistant/haevent.h"
#include "timeseries/registrytagcache.h"
#include "timeseries/statemapper.h"

#include <QJsonArray>
#include <QTest>

#include <functional>
#include <limits>

using namespace Qt::StringLiterals;
using namespace hai;
using namespace hai::test;

namespace {

// One event with the options it is mapped under; each row gives the line for both schemas.
struct Case
{
    HaEvent event;
    MappingOptions options;
    bool withRegistry = false;
};

constexpr qint64 kT1 = 1767607200123456; // 2026-01-05T10:00:00.123456Z
constexpr qint64 kSecond = 1000000;
constexpr int kWritten = -1;

HaStateRecord record(const QString &state, const HaAttributes &attributes = {},
                     qint64 lastChanged = kT1, qint64 lastUpdated = kT1)
{
    return stateRecord(state, attributes, lastChanged, lastUpdated);
}

Case changed(const QString &entityId, const HaStateRecord &oldState, const HaStateRecord &newState,
             const QString &contextId = {})
{
    Case c;
    c.event.eventType = u"state_changed"_s;
    c.event.entityId = entityId;
    c.event.oldState = oldState;
    c.event.newState = newState;
    c.event.context.id = contextId;
    c.event.timeFiredUs = newState.valid ? newState.lastUpdatedUs : kT1;
    c.event.lastUpdatedUs = c.event.timeFiredUs;
    return c;
}

Case withOptions(Case c, const std::function<void(MappingOptions &)> &change)
{
    change(c.options);
    return c;
}

QByteArray line(const char *text)
{
    return QByteArray(text) + '\n';
}

} // namespace

Q_DECLARE_METATYPE(Case)

class TestStateMapper : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void map_data();
    void map();
    void replayWritesTheSameLine();
    void countersCountEverySkip();
    void registryReplacementIsPickedUp();
};

void TestStateMapper::map_data()
{
    QTest::addColumn<Case>("input");
    QTest::addColumn<QByteArray>("homeIq"); // expected line, empty when skipped
    QTest::addColumn<int>("homeIqSkip");    // SkipReason, or kWritten
    QTest::addColumn<QByteArray>("ha");
    QTest::addColumn<int>("haSkip");
    const int stateNotStored = int(SkipReason::StateNotStored);

    const HaAttributes temperature = {
        str(u"unit_of_measurement"_s, u"°C"_s), str(u"device_class"_s, u"temperature"_s),
        str(u"friendly_name"_s, u"Living temperature"_s), str(u"state_class"_s, u"measurement"_s)};
    const Case numeric = changed(u"sensor.living_temperature"_s,
                                 record(u"21.0"_s, temperature, kT1 - 60 * kSecond - 500000),
                                 record(u"21.5"_s, temperature), u"01JGXYZ"_s);
    QTest::newRow("numeric sensor with unit")
        << numeric
        << line(u8"home_assistant_events,device_class=temperature,domain=sensor,"
                "entity_id=sensor.living_temperature,unit_of_measurement=°C "
                "state_value=\"21.5\",normalized_value=21.5,previous_state=\"21.0\","
                "duration_in_state_seconds=60.5,context_id=\"01JGXYZ\" 1767607200123456")
        << kWritten
        << line(u8"°C,domain=sensor,entity_id=living_temperature value=21.5,"
                "device_class_str=\"temperature\",friendly_name_str=\"Living temperature\","
                "state_class_str=\"measurement\" 1767607200123456")
        << kWritten;

    const HaAttributes door = {str(u"device_class"_s, u"door"_s),
                               str(u"friendly_name"_s, u"Front door"_s)};
    QTest::newRow("binary on/off")
        << changed(u"binary_sensor.front_door"_s, record(u"off"_s, door, kT1 - 3600 * kSecond),
                   record(u"on"_s, door))
        << line("home_assistant_events,device_class=door,domain=binary_sensor,"
                "entity_id=binary_sensor.front_door state_value=\"on\",normalized_value=1,"
                "previous_state=\"off\",duration_in_state_seconds=3600 1767607200123456")
        << kWritten
        << line("binary_sensor.front_door,domain=binary_sensor,entity_id=front_door "
                "state=\"on\",value=1,device_class_str=\"door\",friendly_name_str=\"Front door\" "
                "1767607200123456")
        << kWritten;

    const HaAttributes lock = {str(u"friendly_name"_s, u"Front lock"_s),
                               num(u"supported_features"_s, 0)};
    QTest::newRow("lock unlocked")
        << changed(u"lock.front"_s, record(u"locked"_s, lock, kT1 - 5 * kSecond),
                   record(u"unlocked"_s, lock))
        << line("home_assistant_events,domain=lock,entity_id=lock.front "
                "state_value=\"unlocked\",normalized_value=0,previous_state=\"locked\","
                "duration_in_state_seconds=5 1767607200123456")
        << kWritten
        << line("lock.front,domain=lock,entity_id=front state=\"unlocked\",value=0,"
                "friendly_name_str=\"Front lock\",supported_features=0 1767607200123456")
        << kWritten;

    const HaAttributes sun = {str(u"next_rising"_s, u"2026-01-06T07:00:00+00:00"_s),
                              num(u"elevation"_s, 23.5), boolean(u"rising"_s, true),
                              str(u"friendly_name"_s, u"Sun"_s)};
    QTest::newRow("sun above_horizon, digit tail of a date")
        << changed(u"sun.sun"_s, record(u"below_horizon"_s, sun, kT1 - 36000 * kSecond),
                   record(u"above_horizon"_s, sun))
        << line("home_assistant_events,domain=sun,entity_id=sun.sun "
                "state_value=\"above_horizon\",normalized_value=1,"
                "previous_state=\"below_horizon\",duration_in_state_seconds=36000 "
                "1767607200123456")
        << kWritten
        << line("sun.sun,domain=sun,entity_id=sun state=\"above_horizon\",value=1,"
                "next_rising_str=\"2026-01-06T07:00:00+00:00\",next_rising=2.026010607e+17,"
                "elevation=23.5,rising=1,friendly_name_str=\"Sun\" 1767607200123456")
        << kWritten;

    const HaAttributes tracker = {str(u"source_type"_s, u"gps"_s), num(u"latitude"_s, 52.37),
                                  num(u"longitude"_s, 4.89), num(u"gps_accuracy"_s, 12),
                                  str(u"friendly_name"_s, u"Phone"_s)};
    QTest::newRow("device_tracker not_home")
        << changed(u"device_tracker.phone"_s, record(u"home"_s, tracker, kT1 - 600 * kSecond),
                   record(u"not_home"_s, tracker))
        << line("home_assistant_events,domain=device_tracker,entity_id=device_tracker.phone "
                "state_value=\"not_home\",normalized_value=0,previous_state=\"home\","
                "duration_in_state_seconds=600 1767607200123456")
        << kWritten
        << line("device_tracker.phone,domain=device_tracker,entity_id=phone "
                "state=\"not_home\",value=0,source_type_str=\"gps\",latitude=52.37,"
                "longitude=4.89,gps_accuracy=12,friendly_name_str=\"Phone\" 1767607200123456")
        << kWritten;

    const HaAttributes watt = {str(u"unit_of_measurement"_s, u"W"_s)};
    QTest::newRow("unknown")
        << changed(u"sensor.power"_s, record(u"5"_s, watt, kT1 - kSecond),
                   record(u"unknown"_s, watt))
        << line("home_assistant_events,domain=sensor,entity_id=sensor.power,"
                "unit_of_measurement=W state_value=\"unknown\",previous_state=\"5\","
                "duration_in_state_seconds=1 1767607200123456")
        << kWritten << QByteArray() << stateNotStored;

    QTest::newRow("unavailable, new entity")
        << changed(u"sensor.power"_s, {}, record(u"unavailable"_s, watt))
        << line("home_assistant_events,domain=sensor,entity_id=sensor.power,"
                "unit_of_measurement=W state_value=\"unavailable\" 1767607200123456")
        << kWritten << QByteArray() << stateNotStored;

    QTest::newRow("empty state")
        << changed(u"sensor.text"_s, {}, record(QString()))
        << line("home_assistant_events,domain=sensor,entity_id=sensor.text state_value=\"\" "
                "1767607200123456")
        << kWritten << QByteArray() << stateNotStored;

    QTest::newRow("removed entity")
        << changed(u"sensor.gone"_s, record(u"1"_s), HaStateRecord()) << QByteArray()
        << int(SkipReason::EntityRemoved) << QByteArray() << int(SkipReason::EntityRemoved);

    const HaAttributes dim = {num(u"brightness"_s, 120)};
    const HaAttributes bright = {num(u"brightness"_s, 180)};
    QTest::newRow("attribute-only change has no duration")
        << changed(u"light.hall"_s, record(u"on"_s, dim, kT1 - 100 * kSecond, kT1 - kSecond),
                   record(u"on"_s, bright, kT1 - 100 * kSecond, kT1))
        << line("home_assistant_events,domain=light,entity_id=light.hall state_value=\"on\","
                "normalized_value=1,previous_state=\"on\" 1767607200123456")
        << kWritten
        << line("light.hall,domain=light,entity_id=hall state=\"on\",value=1,brightness=180 "
                "1767607200123456")
        << kWritten;

    const HaAttributes kitchen = {
        json(u"supported_color_modes"_s, uR"(["color_temp","hs"])"_s),
        str(u"color_mode"_s, u"hs"_s),
        num(u"brightness"_s, 180),
        json(u"hs_color"_s, u"[30.0,50.5]"_s),
        json(u"rgb_color"_s, u"[255,128,0]"_s),
        null(u"effect"_s),
        str(u"friendly_name"_s, u"Kitchen"_s),
        num(u"supported_features"_s, 44),
        json(u"extra"_s, uR"({"name":"it's","on":true,"n":null,"list":[1,"a\"b"],"e":1e3})"_s)};
    QTest::newRow("light: lists, dicts, bool, null in the ha schema")
        << changed(u"light.kitchen"_s, record(u"off"_s, {}, kT1 - 2 * kSecond),
                   record(u"on"_s, kitchen))
        << line("home_assistant_events,domain=light,entity_id=light.kitchen state_value=\"on\","
                "normalized_value=1,previous_state=\"off\",duration_in_state_seconds=2 "
                "1767607200123456")
        << kWritten
        << line(R"(light.kitchen,domain=light,entity_id=kitchen state="on",value=1,)"
                R"(supported_color_modes_str="['color_temp', 'hs']",color_mode_str="hs",)"
                R"(brightness=180,hs_color_str="[30.0, 50.5]",rgb_color_str="[255, 128, 0]",)"
                R"(rgb_color=2551280,effect_str="None",friendly_name_str="Kitchen",)"
                R"(supported_features=44,extra_str="{'name': \"it's\", 'on': True, 'n': None, )"
                R"('list': [1, 'a\"b'], 'e': 1000.0}",extra=11000 1767607200123456)")
        << kWritten;

    QTest::newRow("homeiq attribute fields all")
        << withOptions(changed(u"light.kitchen"_s, {}, record(u"on"_s, kitchen)),
                       [](MappingOptions &o) { o.attributeFields = AttributeFields::All; })
        << line(R"(home_assistant_events,domain=light,entity_id=light.kitchen state_value="on",)"
                R"(normalized_value=1,supported_color_modes_str="[\"color_temp\",\"hs\"]",)"
                R"(color_mode_str="hs",brightness=180,hs_color_str="[30.0,50.5]",)"
                R"(rgb_color_str="[255,128,0]",friendly_name_str="Kitchen",)"
                R"(supported_features=44,extra_str="{\"name\":\"it's\",\"on\":true,\"n\":null,)"
                R"(\"list\":[1,\"a\\\"b\"],\"e\":1e3}" 1767607200123456)")
        << kWritten
        << line(R"(light.kitchen,domain=light,entity_id=kitchen state="on",value=1,)"
                R"(supported_color_modes_str="['color_temp', 'hs']",color_mode_str="hs",)"
                R"(brightness=180,hs_color_str="[30.0, 50.5]",rgb_color_str="[255, 128, 0]",)"
                R"(rgb_color=2551280,effect_str="None",friendly_name_str="Kitchen",)"
                R"(supported_features=44,extra_str="{'name': \"it's\", 'on': True, 'n': None, )"
                R"('list': [1, 'a\"b'], 'e': 1000.0}",extra=11000 1767607200123456)")
        << kWritten;

    QTest::newRow("attribute fields numeric")
        << withOptions(changed(u"light.kitchen"_s, {}, record(u"on"_s, kitchen)),
                       [](MappingOptions &o) { o.attributeFields = AttributeFields::Numeric; })
        << line("home_assistant_events,domain=light,entity_id=light.kitchen state_value=\"on\","
                "normalized_value=1,brightness=180,supported_features=44 1767607200123456")
        << kWritten
        << line("light.kitchen,domain=light,entity_id=kitchen state=\"on\",value=1,"
                "brightness=180,rgb_color=2551280,supported_features=44,extra=11000 "
                "1767607200123456")
        << kWritten;

    QTest::newRow("attribute fields none")
        << withOptions(changed(u"light.kitchen"_s, {}, record(u"on"_s, kitchen)),
                       [](MappingOptions &o) { o.attributeFields = AttributeFields::None; })
        << line("home_assistant_events,domain=light,entity_id=light.kitchen state_value=\"on\","
                "normalized_value=1 1767607200123456")
        << kWritten
        << line("light.kitchen,domain=light,entity_id=kitchen state=\"on\",value=1 "
                "1767607200123456")
        << kWritten;

    const HaAttributes distance = {str(u"unit_of_measurement"_s, u"km"_s),
                                   str(u"range"_s, u"12 km"_s), str(u"version"_s, u"v1.2.3"_s),
                                   str(u"code"_s, u"A1"_s), str(u"speed"_s, u"1e3"_s)};
    QTest::newRow("digit tail")
        << changed(u"sensor.distance"_s, {}, record(u"3.5"_s, distance))
        << line("home_assistant_events,domain=sensor,entity_id=sensor.distance,"
                "unit_of_measurement=km state_value=\"3.5\",normalized_value=3.5 "
                "1767607200123456")
        << kWritten
        << line("km,domain=sensor,entity_id=distance value=3.5,range_str=\"12 km\",range=12,"
                "version_str=\"v1.2.3\",code_str=\"A1\",speed=1000 1767607200123456")
        << kWritten;

    const HaAttributes clash = {str(u"state"_s, u"idle"_s), num(u"value"_s, 7),
                                num(u"state_value"_s, 3), num(u"x_str"_s, 4), num(u"time"_s, 5)};
    QTest::newRow("attribute keys that clash")
        << withOptions(changed(u"sensor.weird"_s, {}, record(u"on"_s, clash)),
                       [](MappingOptions &o) { o.attributeFields = AttributeFields::All; })
        << line("home_assistant_events,domain=sensor,entity_id=sensor.weird state_value=\"on\","
                "normalized_value=1,state_str=\"idle\",value=7,state_value_=3,x_str_num=4,"
                "time_=5 1767607200123456")
        << kWritten
        << line("sensor.weird,domain=sensor,entity_id=weird state=\"on\",value=1,"
                "state__str=\"idle\",value_=7,state_value=3,x_str=4,time_=5 1767607200123456")
        << kWritten;

    const HaAttributes nan = {str(u"bad"_s, u"nan"_s), str(u"worse"_s, u"-inf"_s),
                              num(u"nan_number"_s, std::numeric_limits<double>::quiet_NaN()),
                              num(u"ok"_s, 1)};
    QTest::newRow("non-finite attributes")
        << withOptions(changed(u"sensor.odd"_s, {}, record(u"5"_s, nan)),
                       [](MappingOptions &o) { o.attributeFields = AttributeFields::Numeric; })
        << line("home_assistant_events,domain=sensor,entity_id=sensor.odd state_value=\"5\","
                "normalized_value=5,ok=1 1767607200123456")
        << kWritten << line("sensor.odd,domain=sensor,entity_id=odd value=5,ok=1 1767607200123456")
        << kWritten;

    QTest::newRow("state nan")
        << changed(u"sensor.odd"_s, {}, record(u"nan"_s))
        << line("home_assistant_events,domain=sensor,entity_id=sensor.odd state_value=\"nan\" "
                "1767607200123456")
        << kWritten << QByteArray() << int(SkipReason::NoFields);

    const HaAttributes tagged = {str(u"unit_of_measurement"_s, u"m=s, x"_s),
                                 str(u"location"_s, u"Living room, east=1"_s), num(u"floor"_s, 2),
                                 null(u"zone"_s), num(u"power"_s, 3)};
    QTest::newRow("attribute tags and escaping")
        << withOptions(changed(u"sensor.meter"_s, {}, record(u"7"_s, tagged)),
                       [](MappingOptions &o) {
                           o.attributeTags = {u"location"_s, u"floor"_s, u"zone"_s};
                           o.attributeFields = AttributeFields::Numeric;
                       })
        << line(R"(home_assistant_events,domain=sensor,entity_id=sensor.meter,floor=2,)"
                R"(location=Living\ room\,\ east\=1,unit_of_measurement=m\=s\,\ x )"
                R"(state_value="7",normalized_value=7,power=3 1767607200123456)")
        << kWritten
        << line(R"(m=s\,\ x,domain=sensor,entity_id=meter,floor=2,)"
                R"(location=Living\ room\,\ east\=1 value=7,power=3 1767607200123456)")
        << kWritten;

    QTest::newRow("static tags override")
        << withOptions(changed(u"sensor.living_temperature"_s, {}, record(u"21.5"_s, temperature)),
                       [](MappingOptions &o) {
                           o.staticTags = {{u"domain"_s, u"custom"_s}, {u"site"_s, u"home 1"_s}};
                       })
        << line(u8"home_assistant_events,device_class=temperature,domain=custom,"
                "entity_id=sensor.living_temperature,site=home\\ 1,unit_of_measurement=°C "
                "state_value=\"21.5\",normalized_value=21.5 1767607200123456")
        << kWritten
        << line(u8"°C,domain=custom,entity_id=living_temperature,site=home\\ 1 value=21.5,"
                "device_class_str=\"temperature\",friendly_name_str=\"Living temperature\","
                "state_class_str=\"measurement\" 1767607200123456")
        << kWritten;

    QTest::newRow("measurement override")
        << withOptions(changed(u"sensor.living_temperature"_s, {}, record(u"21.5"_s, temperature)),
                       [](MappingOptions &o) { o.measurement = u"ha_states"_s; })
        << line(u8"ha_states,device_class=temperature,domain=sensor,"
                "entity_id=sensor.living_temperature,unit_of_measurement=°C "
                "state_value=\"21.5\",normalized_value=21.5 1767607200123456")
        << kWritten
        << line(u8"ha_states,domain=sensor,entity_id=living_temperature value=21.5,"
                "unit_of_measurement_str=\"°C\",device_class_str=\"temperature\","
                "friendly_name_str=\"Living temperature\",state_class_str=\"measurement\" "
                "1767607200123456")
        << kWritten;

    const auto excludeHidden = [](MappingOptions &o) {
        o.include = {u"sensor"_s};
        o.exclude = {u"sensor.hidden*"_s};
    };
    QTest::newRow("excluded") << withOptions(changed(u"sensor.hidden_1"_s, {}, record(u"1"_s)),
                                             excludeHidden)
                              << QByteArray() << int(SkipReason::Filtered) << QByteArray()
                              << int(SkipReason::Filtered);
    QTest::newRow("not included") << withOptions(changed(u"light.x"_s, {}, record(u"on"_s)),
                                                 excludeHidden)
                                  << QByteArray() << int(SkipReason::Filtered) << QByteArray()
                                  << int(SkipReason::Filtered);

    Case registry = changed(u"sensor.living_temperature"_s, {}, record(u"21.5"_s, temperature));
    registry.withRegistry = true;
    QTest::newRow("registry tags (homeiq only)")
        << registry
        << line(u8"home_assistant_events,area_id=living_room,device_class=temperature,"
                "device_id=dev1,domain=sensor,entity_id=sensor.living_temperature,"
                "integration=mqtt,unit_of_measurement=°C state_value=\"21.5\","
                "normalized_value=21.5 1767607200123456")
        << kWritten
        << line(u8"°C,domain=sensor,entity_id=living_temperature value=21.5,"
                "device_class_str=\"temperature\",friendly_name_str=\"Living temperature\","
                "state_class_str=\"measurement\" 1767607200123456")
        << kWritten;

    Case automation;
    automation.event.eventType = u"automation_triggered"_s;
    automation.event.data = {{u"name"_s, u"Lights on"_s},
                             {u"entity_id"_s, u"automation.lights_on"_s},
                             {u"source"_s, u"state of sensor.x"_s}};
    automation.event.context = {u"01CTX"_s, u"01PARENT"_s, QString()};
    automation.event.timeFiredUs = kT1 + 1;
    automation.event.lastUpdatedUs = kT1 + 1;
    automation.options.eventTypes = {u"state_changed"_s, u"automation_triggered"_s,
                                     u"call_service"_s};
    const QByteArray automationLine =
        line(R"(home_assistant_event_log,domain=automation,entity_id=automation.lights_on,)"
             R"(event_type=automation_triggered data="{\"entity_id\":\"automation.lights_on\",)"
             R"(\"name\":\"Lights on\",\"source\":\"state of sensor.x\"}",context_id="01CTX",)"
             R"(context_parent_id="01PARENT" 1767607200123457)");
    QTest::newRow("event log: automation_triggered")
        << automation << automationLine << kWritten << automationLine << kWritten;

    Case service = automation;
    service.event.eventType = u"call_service"_s;
    service.event.data = {{u"domain"_s, u"light"_s},
                          {u"service"_s, u"turn_on"_s},
                          {u"service_data"_s, QJsonObject{{u"entity_id"_s, u"light.kitchen"_s}}}};
    service.event.context = {u"01CTX2"_s, QString(), u"user1"_s};
    const QByteArray serviceLine =
        line(R"(home_assistant_event_log,domain=light,event_type=call_service,service=turn_on )"
             R"(data="{\"domain\":\"light\",\"service\":\"turn_on\",\"service_data\":)"
             R"({\"entity_id\":\"light.kitchen\"}}",context_id="01CTX2",context_user_id="user1" )"
             R"(1767607200123457)");
    QTest::newRow("event log: call_service")
        << service << serviceLine << kWritten << serviceLine << kWritten;

    Case unlisted = service;
    unlisted.options = MappingOptions();
    QTest::newRow("event type not listed")
        << unlisted << QByteArray() << int(SkipReason::EventTypeNotStored) << QByteArray()
        << int(SkipReason::EventTypeNotStored);

    QTest::newRow("state_changed not listed")
        << withOptions(changed(u"sensor.a"_s, {}, record(u"1"_s)),
                       [](MappingOptions &o) { o.eventTypes = {u"call_service"_s}; })
        << QByteArray() << int(SkipReason::EventTypeNotStored) << QByteArray()
        << int(SkipReason::EventTypeNotStored);

    QTest::newRow("entity id without a domain")
        << changed(u"nodot"_s, {}, record(u"1"_s)) << QByteArray() << int(SkipReason::Invalid)
        << QByteArray() << int(SkipReason::Invalid);
}

void TestStateMapper::map()
{
    QFETCH(Case, input);
    QFETCH(QByteArray, homeIq);
    QFETCH(int, homeIqSkip);
    QFETCH(QByteArray, ha);
    QFETCH(int, haSkip);

    RegistryTagCache registry;
    if (input.withRegistry)
        registry.replace(
            {{u"sensor.living_temperature"_s, {u"dev1"_s, u"living_room"_s, u"mqtt"_s}}});

    for (const PointSchema schema : {PointSchema::HomeIq, PointSchema::Ha}) {
        MappingOptions options = input.options;
        options.schema = schema;
        StateMapper mapper(options, &registry);
        const QByteArray &expected = schema == PointSchema::HomeIq ? homeIq : ha;
        const int expectedSkip = schema == PointSchema::HomeIq ? homeIqSkip : haSkip;
        QByteArray out = "previous\n";
        SkipReason reason = SkipReason::Invalid;
        const bool written = mapper.map(input.event, &out, &reason);
        QCOMPARE(out, "previous\n" + expected);
        QCOMPARE(written, expectedSkip == kWritten);
        QCOMPARE(mapper.counters().written, quint64(written ? 1 : 0));
        if (!written) {
            QCOMPARE(int(reason), expectedSkip);
            QCOMPARE(mapper.counters().skippedFor(reason), quint64(1));
        }
        QCOMPARE(mapper.counters().skippedTotal(), quint64(written ? 0 : 1));
    }
}

void TestStateMapper::replayWritesTheSameLine()
{
    const HaAttributes attributes = {str(u"unit_of_measurement"_s, u"W"_s),
                                     json(u"list"_s, u"[1,2.5]"_s)};
    Case live = changed(u"sensor.power"_s, record(u"4"_s, attributes, kT1 - kSecond),
                        record(u"5"_s, attributes), u"01CTX"_s);
    for (const PointSchema schema : {PointSchema::HomeIq, PointSchema::Ha}) {
        MappingOptions options;
        options.schema = schema;
        options.attributeFields = AttributeFields::All;
        StateMapper mapper(options);
        QByteArray first;
        QByteArray second;
        QVERIFY(mapper.map(live.event, &first));
        QVERIFY(mapper.map(live.event, &second));
        QCOMPARE(second, first);
        QVERIFY(first.endsWith(" 1767607200123456\n"));
    }
}

void TestStateMapper::countersCountEverySkip()
{
    MappingOptions options;
    options.exclude = {u"sensor.hidden"_s};
    StateMapper mapper(options);
    QByteArray out;
    mapper.map(changed(u"sensor.a"_s, {}, record(u"1"_s)).event, &out);
    mapper.map(changed(u"sensor.hidden"_s, {}, record(u"1"_s)).event, &out);
    mapper.map(changed(u"sensor.a"_s, record(u"1"_s), {}).event, &out);
    mapper.map(changed(u"x"_s, {}, record(u"1"_s)).event, &out);
    HaEvent other;
    other.eventType = u"call_service"_s;
    mapper.map(other, &out);
    const MappingCounters &counters = mapper.counters();
    QCOMPARE(counters.written, quint64(1));
    QCOMPARE(counters.skippedFor(SkipReason::Filtered), quint64(1));
    QCOMPARE(counters.skippedFor(SkipReason::EntityRemoved), quint64(1));
    QCOMPARE(counters.skippedFor(SkipReason::Invalid), quint64(1));
    QCOMPARE(counters.skippedFor(SkipReason::EventTypeNotStored), quint64(1));
    QCOMPARE(counters.skippedTotal(), quint64(4));
    QCOMPARE(out.count('\n'), 1);
    QCOMPARE(StateMapper::skipReasonName(SkipReason::EventTypeNotStored),
             u"event_type_not_stored"_s);
    QCOMPARE(StateMapper::skipReasonName(SkipReason::NoFields), u"no_fields"_s);
}

void TestStateMapper::registryReplacementIsPickedUp()
{
    RegistryTagCache registry;
    StateMapper mapper(MappingOptions(), &registry);
    const HaEvent event = changed(u"sensor.a"_s, {}, record(u"1"_s)).event;
    QByteArray out;
    QVERIFY(mapper.map(event, &out));
    QVERIFY(!out.contains("area_id"));
    registry.replace({{u"sensor.a"_s, {u"d1"_s, u"kitchen"_s, u"zha"_s}}});
    out.clear();
    QVERIFY(mapper.map(event, &out));
    QVERIFY(out.startsWith("home_assistant_events,area_id=kitchen,device_id=d1,domain=sensor,"
                           "entity_id=sensor.a,integration=zha "));
    registry.replace({{u"sensor.a"_s, {u"d1"_s, QString(), u"zha"_s}}});
    out.clear();
    QVERIFY(mapper.map(event, &out));
    QVERIFY(out.startsWith("home_assistant_events,device_id=d1,domain=sensor,"));
}

QTEST_GUILESS_MAIN(TestStateMapper)
#include "tst_statemapper.moc"
