// SPDX-License-Identifier: GPL-3.0-or-later
// StateJson with JsonWriter, IsoTime and Ulid: the byte-level shapes DemoHome sends.
#include "demo/demorandom.h"
#include "demo/homestate.h"
#include "demo/isotime.h"
#include "demo/jsonwriter.h"
#include "demo/statejson.h"
#include "demo/ulid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace hai;

namespace {

constexpr qint64 kT0 = 1767607200000000; // 2026-01-05T10:00:00Z in microseconds

StatePtr makeState(const QByteArray &state, qint64 changed, qint64 updated,
                   QList<Attribute> attributes, StateContext context = {})
{
    auto s = std::make_shared<EntityState>();
    s->entityId = "light.kitchen";
    s->state = state;
    s->attributes = AttributeSet::make(std::move(attributes));
    s->lastChanged = changed;
    s->lastUpdated = updated;
    s->lastReported = updated;
    s->context = context;
    if (s->context.id.isNull())
        s->context.id = "01JGXYZ0000000000000000000";
    return s;
}

QList<QByteArray> keysInOrder(const QByteArray &object)
{
    // Top-level keys of a compact JSON object, in the order they appear.
    QList<QByteArray> keys;
    int depth = 0;
    bool inString = false;
    for (qsizetype i = 0; i < object.size(); ++i) {
        const char c = object.at(i);
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            if (depth == 1 && (object.at(i - 1) == '{' || object.at(i - 1) == ',')) {
                const qsizetype end = object.indexOf('"', i + 1);
                keys.append(object.mid(i + 1, end - i - 1));
            }
            inString = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return keys;
}

} // namespace

class TestStateJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void escapesStrings_data();
    void escapesStrings();
    void doubles_data();
    void doubles();
    void isoTime_data();
    void isoTime();
    void parsesTimes_data();
    void parsesTimes();
    void ulids();
    void stateObjectShape();
    void stateWithoutLastReported();
    void eventMessageShape();
    void compressedState();
    void compressedDiff_data();
    void compressedDiff();
    void entitiesPayloads();
};

void TestStateJson::escapesStrings_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QByteArray("abc") << QByteArray("\"abc\"");
    QTest::newRow("empty") << QByteArray("") << QByteArray("\"\"");
    QTest::newRow("quote and backslash") << QByteArray("a\"b\\c") << QByteArray("\"a\\\"b\\\\c\"");
    QTest::newRow("controls") << QByteArray("\n\t\r\b\f\x01")
                              << QByteArray("\"\\n\\t\\r\\b\\f\\u0001\"");
    QTest::newRow("utf8 kept") << QByteArray("Küche °C") << QByteArray("\"Küche °C\"");
    QTest::newRow("slash kept") << QByteArray("a/b") << QByteArray("\"a/b\"");
    QTest::newRow("long plain") << QByteArray("sensor.living_room_temperature_3")
                                << QByteArray("\"sensor.living_room_temperature_3\"");
    QTest::newRow("late quote") << QByteArray("0123456789ab\"def")
                                << QByteArray("\"0123456789ab\\\"def\"");
    QTest::newRow("late control") << QByteArray("012345678\x1f")
                                  << QByteArray("\"012345678\\u001f\"");
    QTest::newRow("late backslash")
        << QByteArray("0123456789abcdef\\") << QByteArray("\"0123456789abcdef\\\\\"");
    QTest::newRow("high bytes")
        << QByteArray("\xc3\xa4\xc3\xb6\xc3\xbc\xc3\x9f\xe2\x82\xac\xf0\x9f\x98\x80")
        << QByteArray("\"\xc3\xa4\xc3\xb6\xc3\xbc\xc3\x9f\xe2\x82\xac\xf0\x9f\x98\x80\"");
    QTest::newRow("del kept") << QByteArray("abcdefgh\x7f") << QByteArray("\"abcdefgh\x7f\"");
}

void TestStateJson::escapesStrings()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QByteArray out = "x";
    JsonWriter::appendString(out, input);
    QCOMPARE(out, "x" + expected);
    // And it reads back.
    const QJsonDocument doc = QJsonDocument::fromJson("[" + expected + "]");
    QCOMPARE(doc.array().at(0).toString().toUtf8(), input);
}

void TestStateJson::doubles_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("fraction") << 21.5 << QByteArray("21.5");
    QTest::newRow("whole") << 100.0 << QByteArray("100.0");
    QTest::newRow("epoch micro") << 1767607200.123456 << QByteArray("1767607200.123456");
    QTest::newRow("epoch whole") << 1767607200.0 << QByteArray("1767607200.0");
    QTest::newRow("negative") << -3.25 << QByteArray("-3.25");
    QTest::newRow("tiny") << 1e-7 << QByteArray("1e-7");
    QTest::newRow("huge") << 1e16 << QByteArray("1e16");
    QTest::newRow("nan") << std::nan("") << QByteArray("null");
    QTest::newRow("inf") << HUGE_VAL << QByteArray("null");
}

void TestStateJson::doubles()
{
    QFETCH(double, value);
    QFETCH(QByteArray, expected);
    QCOMPARE(JsonWriter::number(value), expected);
}

void TestStateJson::isoTime_data()
{
    QTest::addColumn<qint64>("micros");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("micro") << kT0 + 123456 << QByteArray("2026-01-05T10:00:00.123456+00:00");
    QTest::newRow("whole second has no fraction") << kT0 << QByteArray("2026-01-05T10:00:00+00:00");
    QTest::newRow("leading zeros") << kT0 + 1 << QByteArray("2026-01-05T10:00:00.000001+00:00");
    QTest::newRow("epoch") << qint64(0) << QByteArray("1970-01-01T00:00:00+00:00");
    QTest::newRow("leap day") << qint64(1709164800) * 1000000 + 500000
                              << QByteArray("2024-02-29T00:00:00.500000+00:00");
    QTest::newRow("end of year") << qint64(1735689599) * 1000000 + 999999
                                 << QByteArray("2024-12-31T23:59:59.999999+00:00");
}

void TestStateJson::isoTime()
{
    QFETCH(qint64, micros);
    QFETCH(QByteArray, expected);
    QCOMPARE(IsoTime::toIso(micros), expected);
    QCOMPARE(IsoTime::parse(QString::fromUtf8(expected), QTimeZone::utc()).value_or(-1), micros);
}

void TestStateJson::parsesTimes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected"); // -1 = invalid
    QTest::newRow("Z") << u"2026-01-05T10:00:00Z"_s << kT0;
    QTest::newRow("offset") << u"2026-01-05T11:00:00+01:00"_s << kT0;
    QTest::newRow("offset no colon") << u"2026-01-05T11:00:00+0100"_s << kT0;
    QTest::newRow("fraction") << u"2026-01-05T10:00:00.5Z"_s << kT0 + 500000;
    QTest::newRow("space separator") << u"2026-01-05 10:00:00+00:00"_s << kT0;
    QTest::newRow("no seconds") << u"2026-01-05T10:00Z"_s << kT0;
    QTest::newRow("naive is Amsterdam") << u"2026-01-05T11:00:00"_s << kT0;
    QTest::newRow("date only") << u"2026-01-05"_s << kT0 - qint64(11) * 3600 * 1000000;
    QTest::newRow("garbage") << u"yesterday"_s << qint64(-1);
    QTest::newRow("bad month") << u"2026-13-05T10:00:00Z"_s << qint64(-1);
}

void TestStateJson::parsesTimes()
{
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    const auto parsed = IsoTime::parse(text, QTimeZone("Europe/Amsterdam"));
    QCOMPARE(parsed.value_or(-1), expected);
}

void TestStateJson::ulids()
{
    DemoRandom random(7);
    const QByteArray a = Ulid::make(kT0 / 1000, random);
    const QByteArray b = Ulid::make(kT0 / 1000 + 1, random);
    QCOMPARE(a.size(), 26);
    QVERIFY(Ulid::isValid(a));
    QVERIFY(a < b);                                 // time-prefixed: later ids sort after
    QCOMPARE(a.left(10), QByteArray("01KE6SJT80")); // 1767607200000 ms
    DemoRandom again(7);
    QCOMPARE(Ulid::make(kT0 / 1000, again), a);
    const QByteArray uuid = Ulid::uuidHex(random);
    QCOMPARE(uuid.size(), 32);
    QCOMPARE(uuid.at(12), '4');
}

void TestStateJson::stateObjectShape()
{
    const StatePtr state = makeState("on", kT0, kT0 + 250000,
                                     {Attribute::integer("brightness", 180),
                                      Attribute::raw("rgb_color", "[255,120,0]"),
                                      Attribute::string("friendly_name", "Kitchen \"main\"")});
    const QByteArray json = StateJson::stateJson(*state, true);
    QCOMPARE(keysInOrder(json),
             (QList<QByteArray>{"entity_id", "state", "attributes", "last_changed", "last_reported",
                                "last_updated", "context"}));
    QVERIFY(json.contains("\"last_changed\":\"2026-01-05T10:00:00+00:00\""));
    QVERIFY(json.contains("\"last_updated\":\"2026-01-05T10:00:00.250000+00:00\""));
    QVERIFY(json.contains("\"attributes\":{\"brightness\":180,\"rgb_color\":[255,120,0],"
                          "\"friendly_name\":\"Kitchen \\\"main\\\"\"}"));
    QVERIFY(json.endsWith("\"context\":{\"id\":\"01JGXYZ0000000000000000000\",\"parent_id\":null,"
                          "\"user_id\":null}}"));
    const QJsonObject parsed = QJsonDocument::fromJson(json).object();
    QCOMPARE(parsed.value(u"attributes"_s).toObject().value(u"friendly_name"_s).toString(),
             u"Kitchen \"main\""_s);

    // Padding for the huge get_states fault keeps the object valid.
    QByteArray padded;
    StateJson::appendState(padded, *state, true, 1000);
    QVERIFY(padded.size() > json.size() + 1000);
    QCOMPARE(QJsonDocument::fromJson(padded)
                 .object()
                 .value(u"attributes"_s)
                 .toObject()
                 .value(u"demo_padding"_s)
                 .toString()
                 .size(),
             1000);
}

void TestStateJson::stateWithoutLastReported()
{
    const StatePtr state = makeState("21.5", kT0, kT0, {});
    const QByteArray json = StateJson::stateJson(*state, false);
    QCOMPARE(keysInOrder(json), (QList<QByteArray>{"entity_id", "state", "attributes",
                                                   "last_changed", "last_updated", "context"}));
    QVERIFY(json.contains("\"attributes\":{}"));
}

void TestStateJson::eventMessageShape()
{
    const StatePtr oldState = makeState("off", kT0, kT0, {});
    const StatePtr newState = makeState("on", kT0 + 5, kT0 + 5, {});
    HomeEvent event;
    event.eventType = "state_changed";
    event.entityId = "light.kitchen";
    event.oldState = oldState;
    event.newState = newState;
    event.oldStateJson = StateJson::stateJson(*oldState, true);
    event.newStateJson = StateJson::stateJson(*newState, true);
    event.timeFired = newState->lastUpdated;
    event.context = newState->context;
    QByteArray body;
    StateJson::appendEventBody(body, event);
    QByteArray message;
    StateJson::appendEventMessage(message, body, 18);
    QCOMPARE(keysInOrder(message), (QList<QByteArray>{"type", "event", "id"}));
    QCOMPARE(keysInOrder(body),
             (QList<QByteArray>{"event_type", "data", "origin", "time_fired", "context"}));
    const QJsonObject parsed = QJsonDocument::fromJson(message).object();
    QCOMPARE(parsed.value(u"id"_s).toInt(), 18);
    const QJsonObject e = parsed.value(u"event"_s).toObject();
    QCOMPARE(e.value(u"origin"_s).toString(), u"LOCAL"_s);
    QCOMPARE(e.value(u"time_fired"_s).toString(), u"2026-01-05T10:00:00.000005+00:00"_s);
    QCOMPARE(e.value(u"data"_s).toObject().value(u"entity_id"_s).toString(), u"light.kitchen"_s);
    QCOMPARE(
        e.value(u"data"_s).toObject().value(u"new_state"_s).toObject().value(u"last_updated"_s),
        e.value(u"time_fired"_s));
}

void TestStateJson::compressedState()
{
    const StatePtr same = makeState("on", kT0, kT0, {Attribute::integer("brightness", 3)});
    QByteArray out;
    StateJson::appendCompressedState(out, *same);
    QCOMPARE(out, QByteArray(
                      "{\"s\":\"on\",\"a\":{\"brightness\":3},\"c\":\"01JGXYZ0000000000000000000\","
                      "\"lc\":1767607200.0}"));
    StateContext user{"01JGXYZ0000000000000000001", QByteArray(), "abc"};
    const StatePtr later = makeState("on", kT0, kT0 + 123456, {}, user);
    out.clear();
    StateJson::appendCompressedState(out, *later);
    QCOMPARE(out, QByteArray("{\"s\":\"on\",\"a\":{},\"c\":{\"id\":\"01JGXYZ0000000000000000001\","
                             "\"parent_id\":null,\"user_id\":\"abc\"},\"lc\":1767607200.0,"
                             "\"lu\":1767607200.123456}"));
}

void TestStateJson::compressedDiff_data()
{
    QTest::addColumn<StatePtr>("before");
    QTest::addColumn<StatePtr>("after");
    QTest::addColumn<QByteArray>("expected");
    const StateContext c1{"C1", {}, {}};
    const StateContext c2{"C2", {}, {}};
    const StateContext user{"C2", {}, "U"};
    const StatePtr base =
        makeState("on", kT0, kT0,
                  {Attribute::integer("brightness", 100), Attribute::string("effect", "fire")}, c1);
    QTest::newRow("state changed")
        << base
        << makeState("off", kT0 + 1000000, kT0 + 1000000,
                     {Attribute::integer("brightness", 100), Attribute::string("effect", "fire")},
                     c2)
        << QByteArray("{\"+\":{\"s\":\"off\",\"lc\":1767607201.0,\"c\":\"C2\"}}");
    QTest::newRow("attribute only")
        << base
        << makeState("on", kT0, kT0 + 500000,
                     {Attribute::integer("brightness", 180), Attribute::string("effect", "fire")},
                     c2)
        << QByteArray("{\"+\":{\"lu\":1767607200.5,\"c\":\"C2\",\"a\":{\"brightness\":180}}}");
    QTest::newRow("attribute removed and added")
        << base
        << makeState("on", kT0, kT0 + 1,
                     {Attribute::integer("brightness", 100), Attribute::integer("color_temp", 300)},
                     c2)
        << QByteArray("{\"+\":{\"lu\":1767607200.000001,\"c\":\"C2\",\"a\":{\"color_temp\":300}},"
                      "\"-\":{\"a\":[\"effect\"]}}");
    QTest::newRow("user id appears")
        << base
        << makeState("off", kT0 + 2000000, kT0 + 2000000,
                     {Attribute::integer("brightness", 100), Attribute::string("effect", "fire")},
                     user)
        << QByteArray("{\"+\":{\"s\":\"off\",\"lc\":1767607202.0,\"c\":{\"user_id\":\"U\",\"id\":"
                      "\"C2\"}}}");
}

void TestStateJson::compressedDiff()
{
    QFETCH(StatePtr, before);
    QFETCH(StatePtr, after);
    QFETCH(QByteArray, expected);
    QByteArray out;
    StateJson::appendCompressedDiff(out, *before, *after);
    QCOMPARE(out, expected);
}

void TestStateJson::entitiesPayloads()
{
    const StatePtr state = makeState("on", kT0, kT0, {});
    HomeEvent added;
    added.eventType = "state_changed";
    added.entityId = "light.kitchen";
    added.newState = state;
    QByteArray out;
    StateJson::appendEntitiesPayload(out, added);
    QVERIFY(out.startsWith("{\"a\":{\"light.kitchen\":{\"s\":\"on\""));
    HomeEvent removed = added;
    removed.newState.reset();
    removed.oldState = state;
    out.clear();
    StateJson::appendEntitiesPayload(out, removed);
    QCOMPARE(out, QByteArray("{\"r\":[\"light.kitchen\"]}"));
    QByteArray message;
    StateJson::appendEntitiesMessage(message, 7, out);
    QCOMPARE(message,
             QByteArray("{\"id\":7,\"type\":\"event\",\"event\":{\"r\":[\"light.kitchen\"]}}"));
}

QTEST_GUILESS_MAIN(TestStateJson)
#include "tst_statejson.moc"
