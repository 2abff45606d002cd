// SPDX-License-Identifier: GPL-3.0-or-later
#include "homeassistant/haprotocol.h"
#include "homeassistant/hastats.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using hai::HaBadInput;
using hai::HaProtocol;
using hai::HaResult;

class TestHaProtocol : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void authFlow();
    void authInvalid();
    void idsIncreaseFromOne();
    void resultsAndErrors();
    void arrayFrameIsNormalised();
    void eventsReachTheirSubscription();
    void duplicateSubscriptionRefused();
    void failedSubscriptionIsDropped();
    void pong();
    void closeFailsPendingInOrder();
    void callbackClosingMidFrame();
    void badInput_data();
    void badInput();

private:
    void authenticate();
    QJsonObject lastSent() const;

    std::unique_ptr<hai::HaStats> m_stats;
    std::unique_ptr<HaProtocol> m_protocol;
    QList<QByteArray> m_sent;
    QStringList m_auth; // "required:<v>", "ok:<v>", "invalid:<msg>"
};

void TestHaProtocol::init()
{
    m_sent.clear();
    m_auth.clear();
    m_stats = std::make_unique<hai::HaStats>();
    m_protocol = std::make_unique<HaProtocol>(
        m_stats.get(),
        HaProtocol::Handlers{[this](const QByteArray &frame) { m_sent << frame; },
                             [this](const QString &v) {
                                 m_auth << u"required:"_s + v;
                                 m_protocol->sendAuth(u"secret"_s);
                             },
                             [this](const QString &v) { m_auth << u"ok:"_s + v; },
                             [this](const QString &m) { m_auth << u"invalid:"_s + m; }});
}

QJsonObject TestHaProtocol::lastSent() const
{
    return m_sent.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(m_sent.last()).object();
}

void TestHaProtocol::authenticate()
{
    m_protocol->handleFrame(R"({"type":"auth_required","ha_version":"2026.8.0"})");
    m_protocol->handleFrame(R"({"type":"auth_ok","ha_version":"2026.8.0"})");
    QCOMPARE(m_protocol->phase(), HaProtocol::Phase::Command);
}

void TestHaProtocol::authFlow()
{
    m_protocol->handleFrame(R"({"type":"auth_required","ha_version":"2026.8.0"})");
    QCOMPARE(m_auth, QStringList{u"required:2026.8.0"_s});
    QCOMPARE(lastSent(), (QJsonObject{{u"type"_s, u"auth"_s}, {u"access_token"_s, u"secret"_s}}));
    // Commands wait for auth_ok.
    QCOMPARE(m_protocol->sendCommand(QJsonObject{{u"type"_s, u"get_states"_s}}, {}), 0);
    m_protocol->handleFrame(R"({"type":"auth_ok","ha_version":"2026.8.0"})");
    QCOMPARE(m_auth.last(), u"ok:2026.8.0"_s);
    // A second auth_ok is unexpected, not fatal.
    m_protocol->handleFrame(R"({"type":"auth_ok","ha_version":"x"})");
    QCOMPARE(m_stats->badInput(HaBadInput::UnexpectedMessage), 1u);
    QCOMPARE(m_auth.size(), 2);
}

void TestHaProtocol::authInvalid()
{
    m_protocol->handleFrame(R"({"type":"auth_required"})");
    m_protocol->handleFrame(
        R"({"type":"auth_invalid","message":"Invalid access token or password"})");
    QCOMPARE(m_auth.last(), u"invalid:Invalid access token or password"_s);
    QCOMPARE(m_protocol->phase(), HaProtocol::Phase::Closed);
}

void TestHaProtocol::idsIncreaseFromOne()
{
    authenticate();
    for (int expected = 1; expected <= 5; ++expected) {
        QCOMPARE(m_protocol->sendCommand(QJsonObject{{u"type"_s, u"ping"_s}}, {}), expected);
        QCOMPARE(lastSent().value(u"id"_s).toInt(), expected);
    }
    QCOMPARE(m_protocol->lastId(), 5);
}

void TestHaProtocol::resultsAndErrors()
{
    authenticate();
    QList<HaResult> results;
    auto collect = [&results](const HaResult &r) { results << r; };
    const int a = m_protocol->sendCommand(QJsonObject{{u"type"_s, u"get_states"_s}}, collect);
    const int b = m_protocol->sendCommand(QJsonObject{{u"type"_s, u"get_config"_s}}, collect);
    m_protocol->handleFrame(
        QJsonDocument(QJsonObject{{u"id"_s, b},
                                  {u"type"_s, u"result"_s},
                                  {u"success"_s, false},
                                  {u"error"_s, QJsonObject{{u"code"_s, u"unauthorized"_s},
                                                           {u"message"_s, u"Unauthorized"_s}}}})
            .toJson());
    m_protocol->handleFrame(QJsonDocument(QJsonObject{{u"id"_s, a},
                                                      {u"type"_s, u"result"_s},
                                                      {u"success"_s, true},
                                                      {u"result"_s, QJsonArray{1, 2}}})
                                .toJson());
    QCOMPARE(results.size(), 2);
    QVERIFY(!results[0].success);
    QCOMPARE(results[0].errorCode, u"unauthorized"_s);
    QVERIFY(results[1].success);
    QCOMPARE(results[1].result.toArray().size(), 2);
    QCOMPARE(m_protocol->pendingCount(), 0);
    // The same id again matches nothing.
    m_protocol->handleFrame(
        QJsonDocument(QJsonObject{{u"id"_s, a}, {u"type"_s, u"result"_s}, {u"success"_s, true}})
            .toJson());
    QCOMPARE(m_stats->badInput(HaBadInput::UnmatchedId), 1u);
}

void TestHaProtocol::arrayFrameIsNormalised()
{
    authenticate();
    int results = 0, events = 0;
    const int sub = m_protocol->subscribeEvents(
        u"state_changed"_s, [&events](const QJsonObject &) { ++events; },
        [&results](const HaResult &r) { results += r.success; });
    const int cmd =
        m_protocol->sendCommand(QJsonObject{{u"type"_s, u"get_states"_s}},
                                [&results](const HaResult &r) { results += r.success; });
    const QByteArray frame = "[{\"id\":" + QByteArray::number(sub) +
                             ",\"type\":\"result\",\"success\":true,\"result\":null},"
                             "{\"id\":" +
                             QByteArray::number(sub) +
                             ",\"type\":\"event\",\"event\":{\"event_type\":\"state_changed\"}},"
                             "{\"id\":" +
                             QByteArray::number(sub) +
                             ",\"type\":\"event\",\"event\":{\"event_type\":\"state_changed\"}},"
                             "{\"id\":" +
                             QByteArray::number(cmd) +
                             ",\"type\":\"result\",\"success\":true,\"result\":[]}]";
    QCOMPARE(m_protocol->handleFrame(frame), 4);
    QCOMPARE(results, 2);
    QCOMPARE(events, 2);
    QCOMPARE(m_stats->snapshot().badInputTotal(), 0u);
}

void TestHaProtocol::eventsReachTheirSubscription()
{
    authenticate();
    QStringList seen;
    const int a = m_protocol->subscribeEvents(u"state_changed"_s,
                                              [&seen](const QJsonObject &) { seen << u"a"_s; }, {});
    const int b = m_protocol->subscribeEvents(u"device_registry_updated"_s,
                                              [&seen](const QJsonObject &) { seen << u"b"_s; }, {});
    QCOMPARE(lastSent().value(u"event_type"_s).toString(), u"device_registry_updated"_s);
    for (int id : {b, a, b, 99}) {
        m_protocol->handleFrame("{\"id\":" + QByteArray::number(id) +
                                ",\"type\":\"event\",\"event\":{}}");
    }
    QCOMPARE(seen, (QStringList{u"b"_s, u"a"_s, u"b"_s}));
    QCOMPARE(m_stats->badInput(HaBadInput::UnmatchedId), 1u);
}

void TestHaProtocol::duplicateSubscriptionRefused()
{
    authenticate();
    QVERIFY(m_protocol->subscribeEvents(u"state_changed"_s, {}, {}) > 0);
    const qsizetype sent = m_sent.size();
    QCOMPARE(m_protocol->subscribeEvents(u"state_changed"_s, {}, {}), 0);
    QCOMPARE(m_sent.size(), sent);
    QCOMPARE(m_protocol->subscriptionCount(), 1);
}

void TestHaProtocol::failedSubscriptionIsDropped()
{
    authenticate();
    const int id = m_protocol->subscribeEvents(u"state_changed"_s, {}, {});
    m_protocol->handleFrame("{\"id\":" + QByteArray::number(id) +
                            ",\"type\":\"result\",\"success\":false,\"error\":{\"code\":"
                            "\"unauthorized\",\"message\":\"Unauthorized\"}}");
    QCOMPARE(m_protocol->subscriptionCount(), 0);
    QVERIFY(!m_protocol->isSubscribed(u"state_changed"_s));
}

void TestHaProtocol::pong()
{
    authenticate();
    bool ponged = false;
    const int id = m_protocol->sendCommand(QJsonObject{{u"type"_s, u"ping"_s}},
                                           [&ponged](const HaResult &r) { ponged = r.success; });
    const int other = m_protocol->sendCommand(QJsonObject{{u"type"_s, u"get_states"_s}}, {});
    // A pong for a request that is not a ping matches nothing.
    m_protocol->handleFrame("{\"id\":" + QByteArray::number(other) + ",\"type\":\"pong\"}");
    QCOMPARE(m_stats->badInput(HaBadInput::UnmatchedId), 1u);
    m_protocol->handleFrame("{\"id\":" + QByteArray::number(id) + ",\"type\":\"pong\"}");
    QVERIFY(ponged);
}

void TestHaProtocol::closeFailsPendingInOrder()
{
    authenticate();
    QList<int> failed;
    for (int i = 0; i < 20; ++i) {
        const int id = m_protocol->sendCommand(QJsonObject{{u"type"_s, u"ping"_s}}, {});
        Q_UNUSED(id);
    }
    QList<int> ids;
    for (int i = 0; i < 5; ++i) {
        ids << m_protocol->sendCommand(QJsonObject{{u"type"_s, u"get_states"_s}},
                                       [&failed, i](const HaResult &r) {
                                           QCOMPARE(r.errorCode, u"disconnected"_s);
                                           failed << i;
                                       });
    }
    m_protocol->close(u"disconnected"_s, u"gone"_s);
    QCOMPARE(failed, (QList<int>{0, 1, 2, 3, 4}));
    QCOMPARE(m_protocol->pendingCount(), 0);
    // Nothing is dispatched after close.
    m_protocol->handleFrame("{\"id\":" + QByteArray::number(ids.first()) +
                            ",\"type\":\"result\",\"success\":true}");
    QCOMPARE(m_stats->badInput(HaBadInput::UnmatchedId), 0u);
    QCOMPARE(m_protocol->sendCommand(QJsonObject{{u"type"_s, u"ping"_s}}, {}), 0);
}

void TestHaProtocol::callbackClosingMidFrame()
{
    authenticate();
    int events = 0;
    const int sub = m_protocol->subscribeEvents(u"state_changed"_s,
                                                [this, &events](const QJsonObject &) {
                                                    ++events;
                                                    m_protocol->close(u"disconnected"_s,
                                                                      u"closed by a handler"_s);
                                                },
                                                {});
    const QByteArray one =
        "{\"id\":" + QByteArray::number(sub) + ",\"type\":\"event\",\"event\":{}}";
    QCOMPARE(m_protocol->handleFrame('[' + one + ',' + one + ',' + one + ']'), 3);
    QCOMPARE(events, 1);
}

void TestHaProtocol::badInput_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("kind");
    QTest::newRow("not json") << QByteArray("{\"id\":") << int(HaBadInput::MalformedJson);
    QTest::newRow("empty") << QByteArray() << int(HaBadInput::MalformedJson);
    QTest::newRow("scalar in array") << QByteArray("[1]") << int(HaBadInput::NotAnObject);
    QTest::newRow("no type") << QByteArray("{\"id\":1}") << int(HaBadInput::MissingField);
    QTest::newRow("type not string") << QByteArray("{\"type\":5}") << int(HaBadInput::WrongType);
    QTest::newRow("unknown type") << QByteArray("{\"type\":\"bogus\",\"id\":1}")
                                  << int(HaBadInput::UnknownType);
    QTest::newRow("unknown auth type")
        << QByteArray("{\"type\":\"auth_maybe\"}") << int(HaBadInput::UnknownType);
    QTest::newRow("result without id")
        << QByteArray("{\"type\":\"result\",\"success\":true}") << int(HaBadInput::MissingField);
    QTest::newRow("string id") << QByteArray("{\"type\":\"result\",\"id\":\"1\"}")
                               << int(HaBadInput::WrongType);
    QTest::newRow("fraction id") << QByteArray("{\"type\":\"result\",\"id\":1.5}")
                                 << int(HaBadInput::WrongType);
    QTest::newRow("negative id") << QByteArray("{\"type\":\"pong\",\"id\":-3}")
                                 << int(HaBadInput::WrongType);
    QTest::newRow("huge id") << QByteArray("{\"type\":\"event\",\"id\":1e300}")
                             << int(HaBadInput::WrongType);
    QTest::newRow("unmatched result")
        << QByteArray("{\"type\":\"result\",\"id\":77,\"success\":true}")
        << int(HaBadInput::UnmatchedId);
    QTest::newRow("unmatched event") << QByteArray("{\"type\":\"event\",\"id\":77,\"event\":{}}")
                                     << int(HaBadInput::UnmatchedId);
}

void TestHaProtocol::badInput()
{
    QFETCH(QByteArray, frame);
    QFETCH(int, kind);
    authenticate();
    m_protocol->handleFrame(frame);
    const hai::HaStatsSnapshot snapshot = m_stats->snapshot();
    QCOMPARE(snapshot.badInput[size_t(kind)], 1u);
    QCOMPARE(snapshot.badInputTotal(), 1u);
    // The connection is still usable.
    bool answered = false;
    const int id = m_protocol->sendCommand(QJsonObject{{u"type"_s, u"ping"_s}},
                                           [&answered](const HaResult &) { answered = true; });
    m_protocol->handleFrame("{\"type\":\"pong\",\"id\":" + QByteArray::number(id) + '}');
    QVERIFY(answered);
}

QTEST_GUILESS_MAIN(TestHaProtocol)
#include "tst_haprotocol.moc"
