// SPDX-License-Identifier: GPL-3.0-or-later
#include "demoframes.h"
#include "homeassistant/haeventparser.h"
#include "homeassistant/hafasteventparser.h"
#include "homeassistant/haframeparser.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using hai::HaEvent;
using hai::HaFastEventParser;

// The fast parser must agree with the general one (QJsonDocument + HaEventParser) on every
// frame it accepts, and decline everything else so the general path can count it.
class TestHaFastEventParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void agreesOnDemoTraffic_data();
    void agreesOnDemoTraffic();
    void agreesOnEdgeCases_data();
    void agreesOnEdgeCases();
    void declines_data();
    void declines();
    void mutatedFramesAgreeOrDecline();
};

namespace {

// The general path: every message of the frame, read the way HaProtocol + HaClient do.
QList<HaEvent> parseSlowly(const QByteArray &frame)
{
    QList<QJsonObject> messages;
    hai::HaFrameParser::parse(frame, &messages, nullptr);
    QList<HaEvent> events;
    for (const QJsonObject &message : std::as_const(messages)) {
        HaEvent event;
        QString why;
        if (!hai::HaEventParser::parse(message.value(u"event"_s).toObject(), &event, &why))
            qFatal("the general parser rejected a test frame: %s", qPrintable(why));
        events.append(event);
    }
    return events;
}

void compareBothWays(const QByteArray &frame)
{
    HaFastEventParser fast;
    HaFastEventParser::Parsed parsed;
    QVERIFY2(fast.parseFrame(frame, &parsed), frame.left(300).constData());
    const QList<HaEvent> expected = parseSlowly(frame);
    QCOMPARE(parsed.size(), expected.size());
    for (qsizetype i = 0; i < parsed.size(); ++i) {
        QCOMPARE(parsed[i].first, 7);
        const HaEvent &got = parsed[i].second;
        QCOMPARE(got.entityId, expected[i].entityId);
        QCOMPARE(got.newState.state, expected[i].newState.state);
        QCOMPARE(got.newState.attributes.size(), expected[i].newState.attributes.size());
        QVERIFY2(got == expected[i], qPrintable(got.entityId));
    }
}

QByteArray message(const QByteArray &event)
{
    return R"({"id":7,"type":"event","event":)" + event + '}';
}

QByteArray stateEvent(const QByteArray &newState, const QByteArray &oldState = "null")
{
    return message(R"({"event_type":"state_changed","data":{"entity_id":"sensor.t","old_state":)" +
                   oldState + R"(,"new_state":)" + newState +
                   R"(},"origin":"LOCAL","time_fired":"2026-01-05T10:00:00.123456+00:00",)"
                   R"("context":{"id":"01JGXYZ","parent_id":null,"user_id":"u1"}})");
}

const QByteArray kState =
    R"({"entity_id":"sensor.t","state":"21.5","attributes":{"unit_of_measurement":"°C"},)"
    R"("last_changed":"2026-01-05T10:00:00+00:00","last_updated":"2026-01-05T10:00:00.123456+00:00",)"
    R"("context":{"id":"01JGXYZ","parent_id":null,"user_id":null}})";

} // namespace

void TestHaFastEventParser::agreesOnDemoTraffic_data()
{
    QTest::addColumn<int>("perFrame");
    QTest::newRow("one event per frame") << 1;
    QTest::newRow("coalesced, 25 per frame") << 25;
}

void TestHaFastEventParser::agreesOnDemoTraffic()
{
    QFETCH(int, perFrame);
    const QList<QByteArray> frames = hai::test::demoEventFrames(3000, perFrame, 20);
    QVERIFY(frames.size() >= 3000 / perFrame);
    for (const QByteArray &frame : frames) {
        compareBothWays(frame);
        if (QTest::currentTestFailed())
            return;
    }
}

void TestHaFastEventParser::agreesOnEdgeCases_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::newRow("plain") << stateEvent(kState);
    QTest::newRow("with old state") << stateEvent(kState, kState);
    QTest::newRow("removed entity") << stateEvent("null", kState);
    QTest::newRow("no last_changed, no attributes")
        << stateEvent(R"({"state":"on","last_updated":"2026-01-05T10:00:00+00:00"})");
    QTest::newRow("attributes of every kind") << stateEvent(
        R"({"state":"on","attributes":{"list":["a",1,null],"dict":{"k":[true]},"b":false,)"
        R"("n":null,"big":12345678901234567890,"neg":-1.5e-3,"esc":"a\"b\\c\u00e9\n",)"
        R"("k\u00e9y":1},"last_updated":"2026-01-05T10:00:00+00:00"})");
    QTest::newRow("string context")
        << message(R"({"event_type":"state_changed","data":{"entity_id":"a.b","new_state":null},)"
                   R"("time_fired":"2026-01-05T10:00:00Z","context":"01JG"})");
    QTest::newRow("array of two") << '[' + stateEvent(kState) + ',' + stateEvent(kState) + ']';
    QTest::newRow("spaces and newlines") << " \n" + stateEvent(kState) + " \n";
}

void TestHaFastEventParser::agreesOnEdgeCases()
{
    QFETCH(QByteArray, frame);
    compareBothWays(frame);
}

void TestHaFastEventParser::declines_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::newRow("result") << QByteArray(
        R"({"id":7,"type":"result","success":true,"result":null})");
    QTest::newRow("pong") << QByteArray(R"({"id":7,"type":"pong"})");
    QTest::newRow("event then result")
        << '[' + stateEvent(kState) + R"(,{"id":8,"type":"result","success":true}])";
    QTest::newRow("other event type") << message(
        R"({"event_type":"call_service","data":{},"time_fired":"2026-01-05T10:00:00+00:00"})");
    QTest::newRow("unknown message key")
        << QByteArray(R"({"id":7,"type":"event","extra":1,"event":{}})");
    QTest::newRow("state is a number")
        << stateEvent(R"({"state":1,"last_updated":"2026-01-05T10:00:00+00:00"})");
    QTest::newRow("bad last_updated") << stateEvent(R"({"state":"on","last_updated":"yesterday"})");
    QTest::newRow("no last_updated") << stateEvent(R"({"state":"on"})");
    QTest::newRow("attributes a list")
        << stateEvent(R"({"state":"on","attributes":[],"last_updated":"2026-01-05T10:00:00Z"})");
    QTest::newRow("no time_fired")
        << message(R"({"event_type":"state_changed","data":{"entity_id":"a.b","new_state":null}})");
    QTest::newRow("empty entity id")
        << message(R"({"event_type":"state_changed","data":{"entity_id":"","new_state":null},)"
                   R"("time_fired":"2026-01-05T10:00:00Z"})");
    QTest::newRow("trailing garbage") << stateEvent(kState) + "x";
    QTest::newRow("two documents") << stateEvent(kState) + stateEvent(kState);
    QTest::newRow("truncated") << stateEvent(kState).chopped(3);
    QTest::newRow("invalid UTF-8") << stateEvent(kState).replace("21.5", "\xff\xfe");
    QTest::newRow("empty array") << QByteArray("[]");
    QTest::newRow("not JSON") << QByteArray("hello");
    QTest::newRow("id zero") << stateEvent(kState).replace("\"id\":7", "\"id\":0");
}

void TestHaFastEventParser::declines()
{
    QFETCH(QByteArray, frame);
    HaFastEventParser fast;
    HaFastEventParser::Parsed parsed;
    parsed.append({1, HaEvent()}); // what was there before must stay
    QVERIFY(!fast.parseFrame(frame, &parsed));
    QCOMPARE(parsed.size(), 1);
    // The parser is reusable after a decline.
    parsed.clear();
    QVERIFY(fast.parseFrame(stateEvent(kState), &parsed));
    QCOMPARE(parsed.size(), 1);
}

// Random byte edits of real frames: whatever the fast parser accepts, the general one must
// accept too, with the same events. Under ASan/UBSan this also fuzzes the simdjson path.
void TestHaFastEventParser::mutatedFramesAgreeOrDecline()
{
    const QList<QByteArray> frames = hai::test::demoEventFrames(400, 4, 20);
    QRandomGenerator random(20261123);
    const QByteArray alphabet = R"({}[]":,0123456789.-+eEtrufalsn \u)";
    HaFastEventParser fast;
    int accepted = 0;
    for (int round = 0; round < 20000; ++round) {
        QByteArray frame = frames.at(random.bounded(frames.size()));
        const int edits = 1 + random.bounded(3);
        for (int i = 0; i < edits && !frame.isEmpty(); ++i) {
            const int at = random.bounded(frame.size());
            switch (random.bounded(4)) {
            case 0:
                frame[at] = alphabet.at(random.bounded(alphabet.size()));
                break;
            case 1:
                frame.remove(at, 1 + random.bounded(8));
                break;
            case 2:
                frame.insert(at, alphabet.at(random.bounded(alphabet.size())));
                break;
            default:
                frame.truncate(at);
                break;
            }
        }
        HaFastEventParser::Parsed parsed;
        if (!fast.parseFrame(frame, &parsed))
            continue;
        ++accepted;
        QList<QJsonObject> messages;
        hai::HaFrameParser::parse(frame, &messages, nullptr);
        QVERIFY2(messages.size() == parsed.size(), frame.constData());
        for (qsizetype i = 0; i < parsed.size(); ++i) {
            HaEvent expected;
            QString why;
            QVERIFY2(hai::HaEventParser::parse(messages[i].value(u"event"_s).toObject(), &expected,
                                               &why),
                     frame.constData());
            QVERIFY2(parsed[i].second == expected, frame.constData());
        }
    }
    qInfo("%d of 20000 mutated frames were still accepted (and agreed)", accepted);
}

QTEST_GUILESS_MAIN(TestHaFastEventParser)
#include "tst_hafasteventparser.moc"
