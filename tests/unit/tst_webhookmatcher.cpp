// SPDX-License-Identifier: GPL-3.0-or-later
#include "hastatesamples.h"
#include "homeassistant/haevent.h"
#include "registry/database.h"
#include "registry/registrywriter.h"
#include "registrysamples.h"
#include "webhooks/webhookmatcher.h"
#include "webhooks/webhookregistryview.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace hai;

Q_DECLARE_METATYPE(hai::WebhookFilter)

namespace {

constexpr qint64 kNowUs = 1767607200123456;

// A filter built one condition at a time, so each data row reads as what it sets.
struct Filter
{
    WebhookFilter f;
    Filter &ids(const QStringList &v) { return f.entityIds = v, *this; }
    Filter &domains(const QStringList &v) { return f.domains = v, *this; }
    Filter &areas(const QStringList &v) { return f.areaIds = v, *this; }
    Filter &devices(const QStringList &v) { return f.deviceIds = v, *this; }
    Filter &to(const QStringList &v) { return f.toState = v, *this; }
    Filter &from(const QStringList &v) { return f.fromState = v, *this; }
    Filter &above(double v) { return f.numericAbove = v, *this; }
    Filter &below(double v) { return f.numericBelow = v, *this; }
    operator WebhookFilter() const { return f; }
};

Webhook webhook(const QStringList &events, const WebhookFilter &filter = {}, bool enabled = true)
{
    Webhook w;
    w.id = u"wh-%1"_s.arg(events.join(u'+'));
    w.url = QUrl(u"http://127.0.0.1:9/hook"_s);
    w.events = events;
    w.secret = u"0123456789abcdef"_s;
    w.filter = filter;
    w.enabled = enabled;
    return w;
}

// std::nullopt stands for HA's null state (a new or a removed entity).
HaEvent stateEvent(const QString &entityId, const std::optional<QString> &oldState,
                   const std::optional<QString> &newState)
{
    HaEvent event;
    event.eventType = u"state_changed"_s;
    event.entityId = entityId;
    if (oldState)
        event.oldState = test::stateRecord(*oldState, {}, kNowUs - 60000000, kNowUs - 60000000);
    if (newState)
        event.newState =
            test::stateRecord(*newState, {test::str(u"friendly_name"_s, entityId)}, kNowUs, kNowUs);
    event.timeFiredUs = event.lastUpdatedUs = kNowUs;
    return event;
}

HaEvent otherEvent(const QString &type, const QJsonObject &data)
{
    HaEvent event;
    event.eventType = type;
    event.data = data;
    event.timeFiredUs = event.lastUpdatedUs = kNowUs;
    return event;
}

HaEvent deviceEvent(const QString &action, const QString &deviceId)
{
    return otherEvent(u"device_registry_updated"_s,
                      {{u"action"_s, action}, {u"device_id"_s, deviceId}});
}

// Entities carry their effective area (their own, else their device's), as the registry
// stores it; sensor.child_power sits on a child device that inherits its parent's area.
WebhookRegistryView sampleView()
{
    WebhookRegistryView view;
    view.entities = {
        {u"light.kitchen"_s, {u"dev_kitchen"_s, u"kitchen"_s, u"hue"_s}},
        {u"sensor.kitchen_temperature"_s, {u"dev_kitchen_sensor"_s, u"kitchen"_s, u"zha"_s}},
        {u"sensor.bedroom_temperature"_s, {u"dev_bedroom"_s, u"bedroom"_s, u"zha"_s}},
        {u"light.living_lamp_nightlight"_s, {u"dev_living"_s, u"bedroom"_s, u"hue"_s}},
        {u"sensor.child_power"_s, {u"dev_child"_s, QString(), u"shelly"_s}},
        {u"sensor.outdoor"_s, {QString(), QString(), u"template"_s}},
        {u"automation.wake_up"_s, {QString(), u"bedroom"_s, u"automation"_s}},
    };
    view.deviceAreas = {{u"dev_kitchen"_s, u"kitchen"_s}, {u"dev_kitchen_sensor"_s, u"kitchen"_s},
                        {u"dev_bedroom"_s, u"bedroom"_s}, {u"dev_living"_s, u"living_room"_s},
                        {u"dev_child"_s, u"garage"_s},    {u"dev_new"_s, u"garage"_s}};
    view.deviceNames = {{u"dev_kitchen"_s, u"Kitchen Light"_s}};
    view.areaNames = {{u"kitchen"_s, u"Kitchen"_s}, {u"garage"_s, u"Garage"_s}};
    return view;
}

QStringList matchedTypes(const WebhookMatcher &matcher, const HaEvent &event,
                         const WebhookRegistryView &view)
{
    QList<WebhookMatcher::Match> matches;
    matcher.match(event, view, &matches);
    QStringList types;
    for (const auto &m : matches)
        types.append(u"%1:%2"_s.arg(m.webhook).arg(m.eventType));
    return types;
}

} // namespace

class TestWebhookMatcher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void globMatches_data();
    void globMatches();
    void match_data();
    void match();
    void disabledAndSeveral();
    void backfillNeverMatches();
    void emptyMatcher();
    void registryViewAndDeviceMove();
};

void TestWebhookMatcher::globMatches_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("matches");
    const auto row = [](const char *name, const QString &p, const QString &t, bool m) {
        QTest::newRow(name) << p << t << m;
    };
    row("empty both", u""_s, u""_s, true);
    row("empty pattern", u""_s, u"a"_s, false);
    row("star matches empty", u"*"_s, u""_s, true);
    row("star matches all", u"*"_s, u"light.kitchen"_s, true);
    row("? needs one", u"?"_s, u""_s, false);
    row("? one", u"?"_s, u"a"_s, true);
    row("? not two", u"?"_s, u"ab"_s, false);
    row("exact", u"light.kitchen"_s, u"light.kitchen"_s, true);
    row("exact longer text", u"light.kitchen"_s, u"light.kitchen_2"_s, false);
    row("exact shorter text", u"light.kitchen"_s, u"light.kitche"_s, false);
    row("case sensitive", u"Light.*"_s, u"light.kitchen"_s, false);
    row("domain glob", u"sensor.*"_s, u"sensor.kitchen_temperature"_s, true);
    row("domain glob other domain", u"sensor.*"_s, u"binary_sensor.motion"_s, false);
    row("infix", u"sensor.*_temperature"_s, u"sensor.kitchen_temperature"_s, true);
    row("infix with tail", u"sensor.*_temperature"_s, u"sensor.kitchen_temperature_2"_s, false);
    row("star matches empty run", u"a*b"_s, u"ab"_s, true);
    row("star backtracks", u"*_temp"_s, u"sensor_temp_x_temp"_s, true);
    row("double star", u"a**b"_s, u"axyb"_s, true);
    row("trailing stars", u"light.kitchen**"_s, u"light.kitchen"_s, true);
    row("star then ?", u"*?"_s, u""_s, false);
    row("? inside", u"light.kitche?"_s, u"light.kitchen"_s, true);
    row("? is one character", u"light.kitch?"_s, u"light.kitchen"_s, false);
    row("? and star", u"sensor.?_*"_s, u"sensor.a_temp"_s, true);
    row("regex characters are literal", u"sensor.[a]+"_s, u"sensor.[a]+"_s, true);
    row("regex class is not a class", u"sensor.[a]"_s, u"sensor.a"_s, false);
    row("dot is literal", u"light.*"_s, u"lightx"_s, false);
    row("pathological fails", u"a*a*a*a*a*a*b"_s, QString(64, u'a'), false);
    row("pathological matches", u"a*a*a*a*a*a*b"_s, QString(64, u'a') + u'b', true);
}

void TestWebhookMatcher::globMatches()
{
    QFETCH(QString, pattern);
    QFETCH(QString, text);
    QFETCH(bool, matches);
    QCOMPARE(WebhookMatcher::globMatches(pattern, text), matches);
}

void TestWebhookMatcher::match_data()
{
    QTest::addColumn<QStringList>("events");
    QTest::addColumn<WebhookFilter>("filter");
    QTest::addColumn<HaEvent>("event");
    QTest::addColumn<QStringList>("expected"); // event types matched by webhook 0

    const QStringList sc{u"state_changed"_s};
    const QStringList none;
    const QStringList yes{u"state_changed"_s};
    const auto row = [](const char *name, const QStringList &events, const WebhookFilter &filter,
                        const HaEvent &event, const QStringList &expected) {
        QTest::newRow(name) << events << filter << event << expected;
    };
    const HaEvent kitchenOn = stateEvent(u"light.kitchen"_s, u"off"_s, u"on"_s);
    const HaEvent temperature = stateEvent(u"sensor.kitchen_temperature"_s, u"21"_s, u"21.5"_s);

    // entity ids and globs
    row("no filter", sc, {}, kitchenOn, yes);
    row("exact id", sc, Filter().ids({u"light.kitchen"_s}), kitchenOn, yes);
    row("exact id, other entity", sc, Filter().ids({u"light.kitchen"_s}), temperature, none);
    row("glob", sc, Filter().ids({u"sensor.*_temperature"_s}), temperature, yes);
    row("glob, other entity", sc, Filter().ids({u"sensor.*_humidity"_s}), temperature, none);
    row("? glob", sc, Filter().ids({u"light.kitche?"_s}), kitchenOn, yes);
    row("a set list of \"\" matches nothing", sc, Filter().ids({u""_s}), kitchenOn, none);
    row("exact or glob", sc, Filter().ids({u"light.x"_s, u"sensor.*"_s}), temperature, yes);
    // domains
    row("domain", sc, Filter().domains({u"light"_s}), kitchenOn, yes);
    row("other domain", sc, Filter().domains({u"light"_s}), temperature, none);
    row("several domains", sc, Filter().domains({u"switch"_s, u"sensor"_s, u"light"_s}),
        temperature, yes);
    row("domain prefix is not the domain", sc, Filter().domains({u"sens"_s}), temperature, none);
    row("ids and domains both hold", sc, Filter().ids({u"*.kitchen*"_s}).domains({u"light"_s}),
        temperature, none);
    // areas and devices
    row("area via device", sc, Filter().areas({u"kitchen"_s}), kitchenOn, yes);
    row("area, elsewhere", sc, Filter().areas({u"bedroom"_s}), kitchenOn, none);
    row("entity's own area", sc, Filter().areas({u"bedroom"_s}),
        stateEvent(u"light.living_lamp_nightlight"_s, u"off"_s, u"on"_s), yes);
    row("own area beats device's", sc, Filter().areas({u"living_room"_s}),
        stateEvent(u"light.living_lamp_nightlight"_s, u"off"_s, u"on"_s), none);
    row("area of a child device", sc, Filter().areas({u"garage"_s}),
        stateEvent(u"sensor.child_power"_s, u"1"_s, u"2"_s), yes);
    row("no area", sc, Filter().areas({u"kitchen"_s}),
        stateEvent(u"sensor.outdoor"_s, u"1"_s, u"2"_s), none);
    row("unknown entity, area", sc, Filter().areas({u"kitchen"_s}),
        stateEvent(u"sensor.unknown"_s, u"1"_s, u"2"_s), none);
    row("device", sc, Filter().devices({u"dev_living"_s}),
        stateEvent(u"light.living_lamp_nightlight"_s, u"off"_s, u"on"_s), yes);
    row("other device", sc, Filter().devices({u"dev_living"_s}), kitchenOn, none);
    row("no device", sc, Filter().devices({u"dev_kitchen"_s}),
        stateEvent(u"sensor.outdoor"_s, u"1"_s, u"2"_s), none);
    row("device and area", sc, Filter().devices({u"dev_kitchen"_s}).areas({u"kitchen"_s}),
        kitchenOn, yes);
    // to and from state
    row("to", sc, Filter().to({u"on"_s}), kitchenOn, yes);
    row("to, other state", sc, Filter().to({u"off"_s}), kitchenOn, none);
    row("to, removed entity", sc, Filter().to({u"on"_s}),
        stateEvent(u"light.kitchen"_s, u"on"_s, std::nullopt), none);
    row("from", sc, Filter().from({u"off"_s}), kitchenOn, yes);
    row("from, new entity", sc, Filter().from({u"off"_s}),
        stateEvent(u"light.kitchen"_s, std::nullopt, u"on"_s), none);
    row("from and to", sc, Filter().from({u"off"_s}).to({u"on"_s, u"dim"_s}), kitchenOn, yes);
    // numeric bounds
    row("above", sc, Filter().above(21), temperature, yes);
    row("above is strict", sc, Filter().above(21.5), temperature, none);
    row("below", sc, Filter().below(22), temperature, yes);
    row("below is strict", sc, Filter().below(21.5), temperature, none);
    row("between", sc, Filter().above(20).below(22), temperature, yes);
    row("outside", sc, Filter().above(10).below(20), temperature, none);
    row("negative", sc, Filter().below(0), stateEvent(u"sensor.outdoor"_s, u"1"_s, u"-3.5"_s), yes);
    row("exponent", sc, Filter().above(999), stateEvent(u"sensor.outdoor"_s, u"1"_s, u"1e3"_s),
        yes);
    row("non-numeric", sc, Filter().above(0), stateEvent(u"sensor.outdoor"_s, u"1"_s, u"unknown"_s),
        none);
    row("comma decimal is not a number", sc, Filter().above(0),
        stateEvent(u"sensor.outdoor"_s, u"1"_s, u"21,5"_s), none);
    row("nan", sc, Filter().below(1e300), stateEvent(u"sensor.outdoor"_s, u"1"_s, u"nan"_s), none);
    row("inf", sc, Filter().above(0), stateEvent(u"sensor.outdoor"_s, u"1"_s, u"inf"_s), none);
    row("removed entity", sc, Filter().above(0),
        stateEvent(u"sensor.outdoor"_s, u"1"_s, std::nullopt), none);
    // derived state events
    const QStringList both{u"state_changed"_s, u"entity_unavailable"_s};
    row("unavailable", both, {}, stateEvent(u"light.kitchen"_s, u"on"_s, u"unavailable"_s), both);
    row("unavailable, new entity", both, {},
        stateEvent(u"light.kitchen"_s, std::nullopt, u"unavailable"_s), both);
    row("still unavailable", both, {},
        stateEvent(u"light.kitchen"_s, u"unavailable"_s, u"unavailable"_s), sc);
    row("back from unavailable", both, {},
        stateEvent(u"light.kitchen"_s, u"unavailable"_s, u"on"_s), sc);
    row("unavailable only", {u"entity_unavailable"_s}, Filter().domains({u"light"_s}),
        stateEvent(u"light.kitchen"_s, u"on"_s, u"unavailable"_s), {u"entity_unavailable"_s});
    row("unavailable only, plain change", {u"entity_unavailable"_s}, {}, kitchenOn, none);
    row("not subscribed", {u"automation_triggered"_s}, {}, kitchenOn, none);
    // device events
    const QStringList added{u"device_added"_s};
    const QStringList devices{u"device_added"_s, u"device_removed"_s};
    const HaEvent create = deviceEvent(u"create"_s, u"dev_new"_s);
    row("device added", added, {}, create, added);
    row("device removed", devices, {}, deviceEvent(u"remove"_s, u"dev_new"_s),
        {u"device_removed"_s});
    row("device removed, not subscribed", added, {}, deviceEvent(u"remove"_s, u"dev_new"_s), none);
    row("device update", devices, {}, deviceEvent(u"update"_s, u"dev_new"_s), none);
    row("device id", added, Filter().devices({u"dev_new"_s}), create, added);
    row("other device id", added, Filter().devices({u"dev_kitchen"_s}), create, none);
    row("device area", added, Filter().areas({u"garage"_s}), create, added);
    row("other device area", added, Filter().areas({u"kitchen"_s}), create, none);
    row("device without area", added, Filter().areas({u"garage"_s}),
        deviceEvent(u"create"_s, u"dev_unknown"_s), none);
    row("device, entity filter", added, Filter().ids({u"*"_s}), create, none);
    row("device, domain filter", added, Filter().domains({u"light"_s}), create, none);
    row("device, state filter", added, Filter().to({u"on"_s}), create, none);
    row("device, numeric filter", added, Filter().above(0), create, none);
    row("device event without device id", added, {},
        otherEvent(u"device_registry_updated"_s, {{u"action"_s, u"create"_s}}), none);
    // other HA events
    const QStringList automation{u"automation_triggered"_s};
    const HaEvent triggered =
        otherEvent(u"automation_triggered"_s,
                   {{u"name"_s, u"Wake up"_s}, {u"entity_id"_s, u"automation.wake_up"_s}});
    const HaEvent started = otherEvent(u"homeassistant_started"_s, {});
    row("HA event", automation, {}, triggered, automation);
    row("HA event, entity glob", automation, Filter().ids({u"automation.*"_s}), triggered,
        automation);
    row("HA event, other entity", automation, Filter().ids({u"light.*"_s}), triggered, none);
    row("HA event, domain", automation, Filter().domains({u"automation"_s}), triggered, automation);
    row("HA event, area of its entity", automation, Filter().areas({u"bedroom"_s}), triggered,
        automation);
    row("HA event, state filter", automation, Filter().to({u"on"_s}), triggered, none);
    row("HA event without entity", {u"homeassistant_started"_s}, {}, started,
        {u"homeassistant_started"_s});
    row("HA event without entity, entity filter", {u"homeassistant_started"_s},
        Filter().ids({u"*"_s}), started, none);
    row("HA event, other type", automation, {}, started, none);
    row("unknown event type", {u"my_event"_s}, {}, otherEvent(u"my_event"_s, {}), none);
}

void TestWebhookMatcher::match()
{
    QFETCH(QStringList, events);
    QFETCH(WebhookFilter, filter);
    QFETCH(HaEvent, event);
    QFETCH(QStringList, expected);
    const WebhookMatcher matcher(WebhookList{webhook(events, filter)});
    QStringList want;
    for (const QString &type : expected)
        want.append(u"0:"_s + type);
    QCOMPARE(matchedTypes(matcher, event, sampleView()), want);
}

void TestWebhookMatcher::disabledAndSeveral()
{
    const WebhookList webhooks{
        webhook({u"state_changed"_s}, Filter().domains({u"light"_s})),
        webhook({u"state_changed"_s}, {}, false), // disabled: never matches
        webhook({u"entity_unavailable"_s, u"state_changed"_s}, Filter().areas({u"kitchen"_s})),
        webhook({u"automation_triggered"_s}),
        webhook({u"state_changed"_s}, Filter().domains({u"sensor"_s})),
    };
    const WebhookMatcher matcher(webhooks);
    QCOMPARE(matcher.webhooks().size(), 4);
    QCOMPARE(matcher.webhooks().at(1).id, webhooks.at(2).id);
    QVERIFY(!matcher.isEmpty());

    const WebhookRegistryView view = sampleView();
    // Webhook order, then state_changed before entity_unavailable.
    QCOMPARE(matchedTypes(matcher, stateEvent(u"light.kitchen"_s, u"on"_s, u"unavailable"_s), view),
             (QStringList{u"0:state_changed"_s, u"1:state_changed"_s, u"1:entity_unavailable"_s}));
    QCOMPARE(matchedTypes(matcher, stateEvent(u"sensor.outdoor"_s, u"1"_s, u"2"_s), view),
             QStringList{u"3:state_changed"_s});

    // Matches are appended to what the list already holds.
    QList<WebhookMatcher::Match> matches{{7, u"x"_s}};
    matcher.match(stateEvent(u"sensor.outdoor"_s, u"1"_s, u"2"_s), view, &matches);
    QCOMPARE(matches.size(), 2);
    QCOMPARE(matches.at(0).webhook, 7);
    QCOMPARE(matches.at(1).webhook, 3);

    const WebhookMatcher allDisabled(WebhookList{webhook({u"state_changed"_s}, {}, false)});
    QVERIFY(allDisabled.isEmpty());
    QVERIFY(matchedTypes(allDisabled, stateEvent(u"light.kitchen"_s, u"off"_s, u"on"_s), view)
                .isEmpty());
}

void TestWebhookMatcher::backfillNeverMatches()
{
    const WebhookMatcher matcher(
        WebhookList{webhook({u"state_changed"_s, u"entity_unavailable"_s, u"device_added"_s})});
    const WebhookRegistryView view = sampleView();
    HaEvent event = stateEvent(u"light.kitchen"_s, u"on"_s, u"unavailable"_s);
    QCOMPARE(matchedTypes(matcher, event, view).size(), 2);
    event.backfill = true;
    QVERIFY(matchedTypes(matcher, event, view).isEmpty());
    HaEvent create = deviceEvent(u"create"_s, u"dev_new"_s);
    create.backfill = true;
    QVERIFY(matchedTypes(matcher, create, view).isEmpty());
}

void TestWebhookMatcher::emptyMatcher()
{
    const WebhookMatcher matcher;
    QVERIFY(matcher.isEmpty());
    QVERIFY(matchedTypes(matcher, stateEvent(u"light.kitchen"_s, u"off"_s, u"on"_s), sampleView())
                .isEmpty());
    WebhookMatcher moved = WebhookMatcher(WebhookList{webhook({u"state_changed"_s})});
    WebhookMatcher target;
    target = std::move(moved);
    QCOMPARE(target.webhooks().size(), 1);
    QCOMPARE(matchedTypes(target, stateEvent(u"light.kitchen"_s, u"off"_s, u"on"_s), sampleView()),
             QStringList{u"0:state_changed"_s});
}

// The view read from a real registry: names, device areas (a child device inheriting its
// parent's), and a device that moves to another area matching by its new area once reloaded.
void TestWebhookMatcher::registryViewAndDeviceMove()
{
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    DatabaseLocation location;
    location.sqlitePath = dir.filePath(u"registry.db"_s);
    Database database;
    QString error;
    QVERIFY2(test::openMigrated(database, location, &error), qPrintable(error));
    RegistryWriter writer(database);
    QVERIFY2(test::writeSample(writer, test::smallHome(), RegistryWriter::Mode::Full, &error),
             qPrintable(error));
    const QJsonObject child{{u"id"_s, u"dev_child"_s},
                            {u"name"_s, u"Child Plug"_s},
                            {u"parent_device_id"_s, u"dev_bedroom_sensor"_s},
                            {u"area_id"_s, QJsonValue::Null}};
    QVERIFY(writer.upsertDevices(QJsonArray{child}, RegistryWriter::Mode::Partial).ok);
    QVERIFY(writer
                .upsertEntities(QJsonArray{QJsonObject{{u"entity_id"_s, u"sensor.child_power"_s},
                                                       {u"device_id"_s, u"dev_child"_s},
                                                       {u"platform"_s, u"shelly"_s}}},
                                RegistryWriter::Mode::Partial)
                .ok);

    Database reader;
    QVERIFY2(reader.open(location, Database::Role::Reader, &error), qPrintable(error));
    auto view = WebhookRegistryView::load(reader, &error);
    QVERIFY2(view, qPrintable(error));
    QCOMPARE(view->entities.size(), 16);
    QCOMPARE(view->deviceNames.value(u"dev_living_lamp"_s), u"Reading Lamp"_s); // name_by_user
    QCOMPARE(view->deviceNames.value(u"dev_hue_bridge"_s), u"Hue Bridge"_s);
    QCOMPARE(view->deviceAreas.value(u"dev_kitchen_light"_s), u"kitchen"_s);
    QVERIFY(!view->deviceAreas.contains(u"dev_hue_bridge"_s));
    QCOMPARE(view->deviceAreas.value(u"dev_child"_s), u"bedroom"_s);
    QCOMPARE(view->areaNames.size(), 4);
    QCOMPARE(view->areaNames.value(u"living_room"_s), u"Living Room"_s);

    const WebhookMatcher matcher(
        WebhookList{webhook({u"state_changed"_s}, Filter().areas({u"garage"_s})),
                    webhook({u"state_changed"_s}, Filter().areas({u"bedroom"_s}))});
    const HaEvent kitchenOn = stateEvent(u"light.kitchen"_s, u"off"_s, u"on"_s);
    QVERIFY(matchedTypes(matcher, kitchenOn, *view).isEmpty());
    QCOMPARE(matchedTypes(matcher, stateEvent(u"sensor.child_power"_s, u"1"_s, u"2"_s), *view),
             QStringList{u"1:state_changed"_s});

    const QJsonObject moved{{u"id"_s, u"dev_kitchen_light"_s},
                            {u"name"_s, u"Kitchen Light"_s},
                            {u"area_id"_s, u"garage"_s},
                            {u"config_entries"_s, QJsonArray{u"e_hue"_s}}};
    QVERIFY(writer.upsertDevices(QJsonArray{moved}, RegistryWriter::Mode::Partial).ok);
    // The old view still says kitchen; the reloaded one says garage.
    QVERIFY(matchedTypes(matcher, kitchenOn, *view).isEmpty());
    view = WebhookRegistryView::load(reader, &error);
    QVERIFY2(view, qPrintable(error));
    QCOMPARE(matchedTypes(matcher, kitchenOn, *view), QStringList{u"0:state_changed"_s});

    Database closed; // never opened: the loader reports, it does not crash
    QVERIFY(!WebhookRegistryView::load(closed, &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestWebhookMatcher)
#include "tst_webhookmatcher.moc"
