// SPDX-License-Identifier: GPL-3.0-or-later
// DemoConnection through a raw QWebSocket client: the auth phase, the command phase (ids,
// invalid_format, unknown_command, batched input), coalescing, subscriptions (events and
// compressed entities) and the slow-client rule, as docs/home-assistant-protocol.md §1-§3.
#include "demotestclient.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using hai::DemoHome;
using hai::DemoHomeOptions;
using namespace hai::test;

class TestDemoConnection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLoggingCategory::setFilterRules(u"hai.demo.info=false"_s);
    }
    void cleanup() { m_home.reset(); }

    void authRequiredAtOnce();
    void authOk();
    void authInvalidToken();
    void authMalformed_data();
    void authMalformed();
    void authInvalidJsonClosesSilently();
    void authTimeoutClosesSilently();
    void pingPong();
    void idsMustIncrease();
    void invalidFormat_data();
    void invalidFormat();
    void extraKeysOnTypeOnlyCommand();
    void schemaErrors_data();
    void schemaErrors();
    void unknownCommandDoesNotAdvanceId();
    void arraysFromClient();
    void coalescesAfterSupportedFeatures();
    void alwaysCoalesce();
    void invalidJsonClosesConnection();
    void subscribeAndUnsubscribeEvents();
    void subscribeToOneEventType();
    void subscribeEntitiesSnapshotAndDiffs();
    void subscribeEntitiesFilter();
    void slowClientIsClosed();

private:
    DemoHome &start(const DemoHomeOptions &options = smallOptions());
    std::unique_ptr<TestClient> connectedClient();

    std::unique_ptr<DemoHome> m_home;
};

DemoHome &TestDemoConnection::start(const DemoHomeOptions &options)
{
    m_home = std::make_unique<DemoHome>(options);
    if (!m_home->listen())
        qFatal("DemoHome did not listen");
    return *m_home;
}

std::unique_ptr<TestClient> TestDemoConnection::connectedClient()
{
    auto client = std::make_unique<TestClient>();
    if (!client->authenticate(m_home->url()))
        return nullptr;
    return client;
}

void TestDemoConnection::authRequiredAtOnce()
{
    DemoHome &home = start();
    QCOMPARE(home.url().toString(), u"ws://127.0.0.1:%1/api/websocket"_s.arg(home.port()));
    TestClient client;
    QVERIFY(client.open(home.url()));
    const QJsonObject first = client.next();
    QCOMPARE(first, parse("{\"type\":\"auth_required\",\"ha_version\":\"2026.8.0\"}"));
    QCOMPARE(client.frames.first(), u"{\"type\":\"auth_required\",\"ha_version\":\"2026.8.0\"}"_s);
}

void TestDemoConnection::authOk()
{
    start();
    QSignalSpy authenticated(m_home.get(), &DemoHome::clientAuthenticated);
    TestClient client;
    QVERIFY(client.open(m_home->url()));
    client.next();
    client.send({{u"type"_s, u"auth"_s}, {u"access_token"_s, u"demo-token"_s}});
    QCOMPARE(client.next(), parse("{\"type\":\"auth_ok\",\"ha_version\":\"2026.8.0\"}"));
    QCOMPARE(authenticated.size(), 1);
    QCOMPARE(m_home->authenticatedCount(), 1);
}

void TestDemoConnection::authInvalidToken()
{
    start();
    TestClient client;
    QVERIFY(client.open(m_home->url()));
    client.next();
    client.send({{u"type"_s, u"auth"_s}, {u"access_token"_s, u"wrong"_s}});
    QCOMPARE(client.next(),
             parse("{\"type\":\"auth_invalid\",\"message\":\"Invalid access token or password\"}"));
    QVERIFY(client.waitForDisconnected());
}

void TestDemoConnection::authMalformed_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("error");
    QTest::newRow("id not allowed")
        << u"{\"type\":\"auth\",\"access_token\":\"demo-token\",\"id\":1}"_s
        << u"Auth message incorrectly formatted: extra keys not allowed @ data['id']. Got 1"_s;
    QTest::newRow("token not a string")
        << u"{\"type\":\"auth\",\"access_token\":5}"_s
        << u"Auth message incorrectly formatted: expected str for dictionary value @ data['access_token']. Got 5"_s;
    QTest::newRow("wrong type")
        << u"{\"type\":\"login\",\"access_token\":\"demo-token\"}"_s
        << u"Auth message incorrectly formatted: not a valid value for dictionary value @ data['type']. Got 'login'"_s;
    QTest::newRow("no type")
        << u"{\"access_token\":\"demo-token\"}"_s
        << u"Auth message incorrectly formatted: required key not provided @ data['type']. Got None"_s;
    QTest::newRow("array")
        << u"[1]"_s << u"Auth message incorrectly formatted: expected a dictionary. Got [1]"_s;
    QTest::newRow("scalar")
        << u"5"_s << u"Auth message incorrectly formatted: expected a dictionary. Got 5"_s;
    QTest::newRow("no token") << u"{\"type\":\"auth\"}"_s << u"Invalid access token or password"_s;
    QTest::newRow("legacy password")
        << u"{\"type\":\"auth\",\"api_password\":\"x\"}"_s << u"Invalid access token or password"_s;
}

void TestDemoConnection::authMalformed()
{
    QFETCH(QString, message);
    QFETCH(QString, error);
    start();
    TestClient client;
    QVERIFY(client.open(m_home->url()));
    client.next();
    client.sendText(message);
    const QJsonObject reply = client.next();
    QCOMPARE(reply.value(u"type"_s).toString(), u"auth_invalid"_s);
    QCOMPARE(reply.value(u"message"_s).toString(), error);
    QVERIFY(client.waitForDisconnected());
}

void TestDemoConnection::authInvalidJsonClosesSilently()
{
    start();
    TestClient client;
    QVERIFY(client.open(m_home->url()));
    client.next();
    client.sendText(u"{not json"_s);
    QVERIFY(client.waitForDisconnected());
    QCOMPARE(client.frames.size(), 1);
}

void TestDemoConnection::authTimeoutClosesSilently()
{
    DemoHomeOptions options = smallOptions();
    options.authTimeoutMs = 200;
    start(options);
    TestClient client;
    QVERIFY(client.open(m_home->url()));
    QVERIFY(client.waitForDisconnected());
    QCOMPARE(client.frames,
             QStringList{u"{\"type\":\"auth_required\",\"ha_version\":\"2026.8.0\"}"_s});
}

void TestDemoConnection::pingPong()
{
    start();
    auto client = connectedClient();
    QVERIFY(client);
    client->sendText(u"{\"id\":19,\"type\":\"ping\"}"_s);
    QCOMPARE(client->next(), parse("{\"id\":19,\"type\":\"pong\"}"));
    QCOMPARE(client->frames.last(), u"{\"id\":19,\"type\":\"pong\"}"_s);
}

void TestDemoConnection::idsMustIncrease()
{
    start();
    auto client = connectedClient();
    QVERIFY(client);
    client->sendText(u"{\"id\":5,\"type\":\"ping\"}"_s);
    QCOMPARE(client->next().value(u"type"_s).toString(), u"pong"_s);
    for (int id : {5, 4}) {
        client->send({{u"id"_s, id}, {u"type"_s, u"ping"_s}});
        QCOMPARE(client->next(),
                 parse(u"{\"id\":%1,\"type\":\"result\",\"success\":false,\"error\":{\"code\":\"id_"
                       u"reuse\","
                       u"\"message\":\"Identifier values have to increase.\"}}"_s.arg(id)
                           .toUtf8()));
    }
    client->sendText(u"{\"id\":6,\"type\":\"ping\"}"_s);
    QCOMPARE(client->next().value(u"type"_s).toString(), u"pong"_s);
}

void TestDemoConnection::invalidFormat_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("id"); // as JSON
    QTest::newRow("no id") << u"{\"type\":\"ping\"}"_s << u"null"_s;
    QTest::newRow("id zero") << u"{\"id\":0,\"type\":\"ping\"}"_s << u"0"_s;
    QTest::newRow("id string") << u"{\"id\":\"7\",\"type\":\"ping\"}"_s << u"\"7\""_s;
    QTest::newRow("id float") << u"{\"id\":7.5,\"type\":\"ping\"}"_s << u"7.5"_s;
    QTest::newRow("id negative") << u"{\"id\":-3,\"type\":\"ping\"}"_s << u"-3"_s;
    QTest::newRow("id bool") << u"{\"id\":true,\"type\":\"ping\"}"_s << u"true"_s;
    QTest::newRow("no type") << u"{\"id\":7}"_s << u"7"_s;
    QTest::newRow("type number") << u"{\"id\":7,\"type\":5}"_s << u"7"_s;
    QTest::newRow("not an object") << u"[5]"_s << u"0"_s;
    QTest::newRow("bare number") << u"5"_s << u"0"_s;
}

void TestDemoConnection::invalidFormat()
{
    QFETCH(QString, message);
    QFETCH(QString, id);
    start();
    auto client = connectedClient();
    QVERIFY(client);
    client->sendText(message);
    const QJsonObject reply = client->next();
    const QJsonObject expected =
        parse((u"{\"id\":"_s + id +
               u",\"type\":\"result\",\"success\":false,\"error\":"
               u"{\"code\":\"invalid_format\",\"message\":\"Message incorrectly formatted.\"}}"_s)
                  .toUtf8());
    QCOMPARE(reply, expected);
    // The connection stays usable, and the bad message did not consume an id.
    client->sendText(u"{\"id\":7,\"type\":\"ping\"}"_s);
    QCOMPARE(client->next().value(u"type"_s).toString(), u"pong"_s);
}

void TestDemoConnection::extraKeysOnTypeOnlyCommand()
{
    start();
    auto client = connectedClient();
    QVERIFY(client);
    client->sendText(u"{\"id\":3,\"type\":\"get_states\",\"x\":1}"_s);
    const QJsonObject reply = client->next();
    QCOMPARE(reply.value(u"success"_s).toBool(true), false);
    QCOMPARE(reply.value(u"error"_s).toObject().value(u"code"_s).toString(), u"invalid_format"_s);
    QCOMPARE(reply.value(u"error"_s).toObject().value(u"message"_s).toString(),
             u"extra keys not allowed. Got {'id': 3, 'type': 'get_states', 'x': 1}"_s);
    // The id was consumed: the handler was reached.
    client->sendText(u"{\"id\":3,\"type\":\"ping\"}"_s);
    QCOMPARE(client->next().value(u"error"_s).toObject().value(u"code"_s).toString(),
             u"id_reuse"_s);
}

void TestDemoConnection::schemaErrors_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("error");
    QTest::newRow("extra key") << u"{\"id\":2,\"type\":\"subscribe_events\",\"foo\":\"bar\"}"_s
                               << u"extra keys not allowed @ data['foo']. Got 'bar'"_s;
    QTest::newRow("wrong type")
        << u"{\"id\":2,\"type\":\"subscribe_events\",\"event_type\":5}"_s
        << u"expected str for dictionary value @ data['event_type']. Got 5"_s;
    QTest::newRow("missing") << u"{\"id\":2,\"type\":\"unsubscribe_events\"}"_s
                             << u"required key not provided @ data['subscription']. Got None"_s;
    QTest::newRow("history ids")
        << u"{\"id\":2,\"type\":\"history/history_during_period\",\"start_time\":\"2026-01-01T00:00:00Z\",\"entity_ids\":\"sensor.a\"}"_s
        << u"expected a list for dictionary value @ data['entity_ids']. Got 'sensor.a'"_s;
    QTest::newRow("features")
        << u"{\"id\":2,\"type\":\"supported_features\",\"features\":[]}"_s
        << u"expected a dictionary for dictionary value @ data['features']. Got []"_s;
}

void TestDemoConnection::schemaErrors()
{
    QFETCH(QString, message);
    QFETCH(QString, error);
    start();
    auto client = connectedClient();
    QVERIFY(client);
    client->sendText(message);
    const QJsonObject reply = client->next();
    QCOMPARE(reply.value(u"id"_s).toInt(), 2);
    QCOMPARE(reply.value(u"error"_s).toObject().value(u"code"_s).toString(), u"invalid_format"_s);
    QCOMPARE(reply.value(u"error"_s).toObject().value(u"message"_s).toString(), error);
}

void TestDemoConnection::unknownCommandDoesNotAdvanceId()
{
    start();
    auto client = connectedClient();
    QVERIFY(client);
    client->sendText(u"{\"id\":3,\"type\":\"no_such_command\"}"_s);
    QCOMPARE(client->next(), parse("{\"id\":3,\"type\":\"result\",\"success\":false,\"error\":{"
                                   "\"code\":\"unknown_command\","
                                   "\"message\":\"Unknown command.\"}}"));
    client->sendText(u"{\"id\":3,\"type\":\"ping\"}"_s);
    QCOMPARE(client->next(), parse("{\"id\":3,\"type\":\"pong\"}"));
}

void TestDemoConnection::arraysFromClient()
{
    start();
    auto client = connectedClient();
    QVERIFY(client);
    client->sendText(
        u"[{\"id\":1,\"type\":\"ping\"},{\"id\":2,\"type\":\"ping\"},{\"id\":2,\"type\":\"ping\"}]"_s);
    QCOMPARE(client->next(), parse("{\"id\":1,\"type\":\"pong\"}"));
    QCOMPARE(client->next(), parse("{\"id\":2,\"type\":\"pong\"}"));
    QCOMPARE(client->next().value(u"error"_s).toObject().value(u"code"_s).toString(),
             u"id_reuse"_s);
    // Without coalescing every reply is its own frame.
    for (const QString &frame : std::as_const(client->frames))
        QVERIFY(frame.startsWith(u'{'));
}

void TestDemoConnection::coalescesAfterSupportedFeatures()
{
    start();
    auto client = connectedClient();
    QVERIFY(client);
    client->sendText(
        u"{\"id\":1,\"type\":\"supported_features\",\"features\":{\"coalesce_messages\":1}}"_s);
    QCOMPARE(client->next(),
             parse("{\"id\":1,\"type\":\"result\",\"success\":true,\"result\":null}"));
    // A single pending message goes unwrapped.
    client->sendText(u"{\"id\":2,\"type\":\"ping\"}"_s);
    QCOMPARE(client->next().value(u"type"_s).toString(), u"pong"_s);
    QVERIFY(client->frames.last().startsWith(u'{'));
    // Several queued at once go as one array frame.
    const qsizetype before = client->frames.size();
    client->sendText(
        u"[{\"id\":3,\"type\":\"ping\"},{\"id\":4,\"type\":\"ping\"},{\"id\":5,\"type\":\"ping\"}]"_s);
    QCOMPARE(client->next().value(u"id"_s).toInt(), 3);
    QCOMPARE(client->next().value(u"id"_s).toInt(), 4);
    QCOMPARE(client->next().value(u"id"_s).toInt(), 5);
    QCOMPARE(client->frames.size(), before + 1);
    QCOMPARE(
        client->frames.last(),
        u"[{\"id\":3,\"type\":\"pong\"},{\"id\":4,\"type\":\"pong\"},{\"id\":5,\"type\":\"pong\"}]"_s);
}

void TestDemoConnection::alwaysCoalesce()
{
    DemoHomeOptions options = smallOptions();
    options.alwaysCoalesce = true;
    start(options);
    auto client = connectedClient();
    QVERIFY(client);
    const qsizetype before = client->frames.size();
    client->sendText(u"[{\"id\":1,\"type\":\"ping\"},{\"id\":2,\"type\":\"ping\"}]"_s);
    QCOMPARE(client->next().value(u"id"_s).toInt(), 1);
    QCOMPARE(client->next().value(u"id"_s).toInt(), 2);
    QCOMPARE(client->frames.size(), before + 1);
    QVERIFY(client->frames.last().startsWith(u'['));
}

void TestDemoConnection::invalidJsonClosesConnection()
{
    start();
    auto client = connectedClient();
    QVERIFY(client);
    QSignalSpy disconnected(m_home.get(), &DemoHome::clientDisconnected);
    client->sendText(u"{\"id\":1,"_s);
    QVERIFY(client->waitForDisconnected());
    QVERIFY(disconnected.size() == 1 || disconnected.wait(kWait));
    QCOMPARE(m_home->connectionCount(), 0);
}

void TestDemoConnection::subscribeAndUnsubscribeEvents()
{
    start();
    auto client = connectedClient();
    QVERIFY(client);
    const QJsonObject subscribed = client->command({{u"type"_s, u"subscribe_events"_s}});
    QCOMPARE(subscribed, parse("{\"id\":1,\"type\":\"result\",\"success\":true,\"result\":null}"));
    const qint64 before = m_home->emittedStateChanges();
    m_home->emitNow(5);
    QCOMPARE(m_home->emittedStateChanges(), before + 5);
    for (int i = 0; i < 5; ++i) {
        const QJsonObject message = client->event(1);
        QCOMPARE(message.value(u"type"_s).toString(), u"event"_s);
        const QJsonObject event = message.value(u"event"_s).toObject();
        QCOMPARE(keysOf(event),
                 sorted({u"event_type"_s, u"data"_s, u"origin"_s, u"time_fired"_s, u"context"_s}));
        QCOMPARE(event.value(u"event_type"_s).toString(), u"state_changed"_s);
        QCOMPARE(event.value(u"origin"_s).toString(), u"LOCAL"_s);
        const QJsonObject data = event.value(u"data"_s).toObject();
        QCOMPARE(keysOf(data), sorted({u"entity_id"_s, u"old_state"_s, u"new_state"_s}));
        const QJsonObject newState = data.value(u"new_state"_s).toObject();
        QCOMPARE(event.value(u"time_fired"_s), newState.value(u"last_updated"_s));
        QCOMPARE(event.value(u"context"_s), newState.value(u"context"_s));
        QCOMPARE(data.value(u"entity_id"_s), newState.value(u"entity_id"_s));
    }
    // Key order of the cached serialisation: type, event, id.
    QVERIFY(client->frames.last().startsWith(
        u"{\"type\":\"event\",\"event\":{\"event_type\":\"state_changed\",\"data\":"_s));
    QVERIFY(client->frames.last().endsWith(u",\"id\":1}"_s));

    QCOMPARE(client->command({{u"type"_s, u"unsubscribe_events"_s}, {u"subscription"_s, 1}}),
             parse("{\"id\":2,\"type\":\"result\",\"success\":true,\"result\":null}"));
    m_home->emitNow(5);
    QCOMPARE(client->command({{u"type"_s, u"ping"_s}}).value(u"type"_s).toString(), u"pong"_s);
    QCOMPARE(client->queued(), 0); // no events after unsubscribing
    QCOMPARE(
        client->command({{u"type"_s, u"unsubscribe_events"_s}, {u"subscription"_s, 1}}),
        parse("{\"id\":4,\"type\":\"result\",\"success\":false,\"error\":{\"code\":\"not_found\","
              "\"message\":\"Subscription not found.\"}}"));
}

void TestDemoConnection::subscribeToOneEventType()
{
    start();
    auto client = connectedClient();
    QVERIFY(client);
    client->command(
        {{u"type"_s, u"subscribe_events"_s}, {u"event_type"_s, u"device_registry_updated"_s}});
    m_home->emitNow(10);
    const QString deviceId = m_home->deviceIds().at(2);
    QVERIFY(m_home->renameDevice(deviceId, u"Renamed"_s));
    const QJsonObject event = client->event(1).value(u"event"_s).toObject();
    QCOMPARE(event.value(u"event_type"_s).toString(), u"device_registry_updated"_s);
    QCOMPARE(event.value(u"data"_s).toObject().value(u"device_id"_s).toString(), deviceId);
    QCOMPARE(client->command({{u"type"_s, u"ping"_s}}).value(u"type"_s).toString(), u"pong"_s);
    QCOMPARE(client->queued(), 0); // no state_changed went through
}

void TestDemoConnection::subscribeEntitiesSnapshotAndDiffs()
{
    start();
    auto client = connectedClient();
    QVERIFY(client);
    QCOMPARE(client->command({{u"type"_s, u"subscribe_entities"_s}}),
             parse("{\"id\":1,\"type\":\"result\",\"success\":true,\"result\":null}"));
    const QJsonObject snapshot = client->event(1).value(u"event"_s).toObject();
    QCOMPARE(snapshot.keys(), QStringList{u"a"_s});
    QJsonObject entities = snapshot.value(u"a"_s).toObject();
    QCOMPARE(entities.size(), m_home->stateCount());

    // Apply diffs like home-assistant-js-websocket's entities.ts, then compare with the server.
    m_home->emitNow(300);
    QVERIFY(m_home->removeEntity(m_home->entityIds().at(3)));
    const QString added = m_home->addEntity(u"switch"_s, u"Kettle"_s);
    QVERIFY(!added.isEmpty());
    int changes = 0;
    while (changes < 302) {
        const QJsonObject event = client->event(1).value(u"event"_s).toObject();
        QVERIFY(!event.isEmpty());
        const QJsonObject a = event.value(u"a"_s).toObject();
        for (auto it = a.begin(); it != a.end(); ++it)
            entities.insert(it.key(), it.value());
        for (const QJsonValue &removed : event.value(u"r"_s).toArray())
            entities.remove(removed.toString());
        const QJsonObject c = event.value(u"c"_s).toObject();
        for (auto it = c.begin(); it != c.end(); ++it) {
            QVERIFY2(entities.contains(it.key()), qPrintable(it.key()));
            QJsonObject state = entities.value(it.key()).toObject();
            const QJsonObject plus = it.value().toObject().value(u"+"_s).toObject();
            if (plus.contains(u"s"_s))
                state.insert(u"s"_s, plus.value(u"s"_s));
            if (plus.contains(u"lc"_s)) {
                state.insert(u"lc"_s, plus.value(u"lc"_s));
                state.remove(u"lu"_s);
            } else if (plus.contains(u"lu"_s)) {
                state.insert(u"lu"_s, plus.value(u"lu"_s));
            }
            if (plus.contains(u"c"_s)) {
                const QJsonValue context = plus.value(u"c"_s);
                if (context.isString()) {
                    if (state.value(u"c"_s).isString())
                        state.insert(u"c"_s, context);
                    else {
                        QJsonObject full = state.value(u"c"_s).toObject();
                        full.insert(u"id"_s, context);
                        state.insert(u"c"_s, full);
                    }
                } else {
                    QJsonObject full = state.value(u"c"_s).isString()
                                           ? QJsonObject{{u"id"_s, state.value(u"c"_s)},
                                                         {u"parent_id"_s, QJsonValue()},
                                                         {u"user_id"_s, QJsonValue()}}
                                           : state.value(u"c"_s).toObject();
                    const QJsonObject changed = context.toObject();
                    for (auto c2 = changed.begin(); c2 != changed.end(); ++c2)
                        full.insert(c2.key(), c2.value());
                    state.insert(u"c"_s, full);
                }
            }
            QJsonObject attributes = state.value(u"a"_s).toObject();
            const QJsonObject plusAttributes = plus.value(u"a"_s).toObject();
            for (auto a2 = plusAttributes.begin(); a2 != plusAttributes.end(); ++a2)
                attributes.insert(a2.key(), a2.value());
            for (const QJsonValue &gone :
                 it.value().toObject().value(u"-"_s).toObject().value(u"a"_s).toArray())
                attributes.remove(gone.toString());
            state.insert(u"a"_s, attributes);
            entities.insert(it.key(), state);
        }
        changes += int(a.size() + c.size() + event.value(u"r"_s).toArray().size());
    }
    QVERIFY(entities.contains(added));
    QCOMPARE(entities.size(), m_home->stateCount());
    // Every entity now matches what the server holds.
    for (auto it = entities.begin(); it != entities.end(); ++it) {
        const QJsonObject state = parse(m_home->stateJson(it.key()));
        const QJsonObject mine = it.value().toObject();
        QCOMPARE(mine.value(u"s"_s), state.value(u"state"_s));
        QCOMPARE(mine.value(u"a"_s), state.value(u"attributes"_s));
        const QJsonObject context = state.value(u"context"_s).toObject();
        const QJsonValue expectedContext =
            context.value(u"parent_id"_s).isNull() && context.value(u"user_id"_s).isNull()
                ? context.value(u"id"_s)
                : QJsonValue(context);
        if (mine.value(u"c"_s).isString() || expectedContext.isString())
            QCOMPARE(mine.value(u"c"_s).isString() ? mine.value(u"c"_s)
                                                   : mine.value(u"c"_s).toObject().value(u"id"_s),
                     expectedContext.isString() ? expectedContext : context.value(u"id"_s));
        else
            QCOMPARE(mine.value(u"c"_s), expectedContext);
    }
}

void TestDemoConnection::subscribeEntitiesFilter()
{
    start();
    auto client = connectedClient();
    QVERIFY(client);
    QStringList lights;
    for (const QString &id : m_home->entityIds()) {
        if (id.startsWith(u"light."_s) && !m_home->stateJson(id).isEmpty())
            lights.append(id);
    }
    QVERIFY(lights.size() >= 2);
    client->command({{u"type"_s, u"subscribe_entities"_s},
                     {u"entity_ids"_s, QJsonArray::fromStringList(lights.mid(0, 2))}});
    const QJsonObject snapshot =
        client->event(1).value(u"event"_s).toObject().value(u"a"_s).toObject();
    QCOMPARE(sorted(snapshot.keys()), sorted(lights.mid(0, 2)));
    client->command({{u"type"_s, u"subscribe_entities"_s},
                     {u"include"_s, QJsonObject{{u"domains"_s, QJsonArray{u"binary_sensor"_s}}}},
                     {u"exclude"_s, QJsonObject{{u"entity_globs"_s, QJsonArray{u"*_door*"_s}}}}});
    const QJsonObject binary =
        client->event(2).value(u"event"_s).toObject().value(u"a"_s).toObject();
    QVERIFY(!binary.isEmpty());
    for (const QString &id : binary.keys())
        QVERIFY(id.startsWith(u"binary_sensor."_s) && !id.contains(u"_door"_s));
    QVERIFY(m_home->setState(lights.at(0), u"on"_s));
    const QJsonObject diff = client->event(1).value(u"event"_s).toObject();
    QVERIFY(diff.value(u"c"_s).toObject().contains(lights.at(0)));
}

void TestDemoConnection::slowClientIsClosed()
{
    start();
    auto client = connectedClient();
    QVERIFY(client);
    client->command({{u"type"_s, u"subscribe_events"_s}});
    QSignalSpy disconnected(m_home.get(), &DemoHome::clientDisconnected);
    QTest::ignoreMessage(
        QtCriticalMsg,
        QRegularExpression(
            u"^Client unable to keep up with pending messages\\. Reached 4096 pending messages\\. "
            u"The "
            u"system's load is too high or an integration is misbehaving; Last message was: .*"_s));
    // 5000 events in one go: the writer never gets a turn, so the queue reaches 4096.
    m_home->emitNow(5000);
    QVERIFY(client->waitForDisconnected());
    QVERIFY(disconnected.size() == 1 || disconnected.wait(kWait));
    // No error message was sent: only auth, the subscription result and nothing else.
    for (qsizetype i = 0; i < client->queued(); ++i)
        QVERIFY(client->next(0).value(u"type"_s) != u"result"_s);
    QCOMPARE(m_home->connectionCount(), 0);
}

QTEST_GUILESS_MAIN(TestDemoConnection)
#include "tst_democonnection.moc"
