// SPDX-License-Identifier: GPL-3.0-or-later
// DemoHome's recorder as a client sees it: history/history_during_period from the record,
// its errors, the commit lag, history/stream, and times without a fraction.
#include "demotestclient.h"

#include <QRegularExpression>
#include <QTest>

#include <cmath>

using hai::DemoHome;
using hai::DemoHomeOptions;
using namespace hai::test;

class TestDemoHistory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { DemoHomeFixture::quietTestMode(); }
    void cleanup() { m_fixture.reset(); }

    void historyFromRecord();
    void historyErrors_data();
    void historyErrors();
    void historyLagsUntilCommitted();
    void historyStream();
    void wholeSecondTimesHaveNoFraction();

private:
    DemoHome &start(const DemoHomeOptions &options = smallOptions())
    {
        return m_fixture.start(options);
    }
    std::unique_ptr<TestClient> connectedClient() { return m_fixture.connectedClient(); }

    DemoHomeFixture m_fixture;
};

void TestDemoHistory::historyFromRecord()
{
    start();
    auto client = connectedClient();
    QVERIFY(client);
    client->command({{u"type"_s, u"subscribe_events"_s}, {u"event_type"_s, u"state_changed"_s}});
    m_fixture.home()->emitNow(400);
    // What went out live, per entity: last_updated strings.
    QHash<QString, QStringList> live;
    for (int i = 0; i < 400; ++i) {
        const QJsonObject data =
            client->event(1).value(u"event"_s).toObject().value(u"data"_s).toObject();
        live[data.value(u"entity_id"_s).toString()].append(
            data.value(u"new_state"_s).toObject().value(u"last_updated"_s).toString());
    }
    QString busiest;
    for (auto it = live.begin(); it != live.end(); ++it) {
        if (busiest.isEmpty() || it.value().size() > live.value(busiest).size())
            busiest = it.key();
    }
    const QJsonObject reply = client->command({{u"type"_s, u"history/history_during_period"_s},
                                               {u"start_time"_s, u"2000-01-01T00:00:00Z"_s},
                                               {u"entity_ids"_s, QJsonArray{busiest}},
                                               {u"significant_changes_only"_s, false},
                                               {u"include_start_time_state"_s, false}});
    QCOMPARE(reply.value(u"success"_s).toBool(), true);
    const QJsonArray rows = reply.value(u"result"_s).toObject().value(busiest).toArray();
    // The generated state plus every live one.
    QCOMPARE(rows.size(), live.value(busiest).size() + 1);
    for (int i = 0; i < rows.size(); ++i) {
        const QJsonObject row = rows.at(i).toObject();
        QVERIFY(row.contains(u"s"_s) && row.contains(u"a"_s) && row.contains(u"lu"_s));
        if (row.contains(u"lc"_s))
            QVERIFY(row.value(u"lc"_s).toDouble() < row.value(u"lu"_s).toDouble());
        if (i == 0)
            continue;
        // Rounded to the microsecond, the float is the live ISO time.
        const qint64 micros = std::llround(row.value(u"lu"_s).toDouble() * 1e6);
        const QDateTime time = QDateTime::fromMSecsSinceEpoch(micros / 1000, Qt::UTC);
        const QString iso = live.value(busiest).at(i - 1);
        QCOMPARE(time.toString(u"yyyy-MM-ddTHH:mm:ss"_s), iso.left(19));
        const int fraction = iso.size() > 25 ? iso.mid(20, 6).toInt() : 0;
        QCOMPARE(int(micros % 1000000), fraction);
    }
    // Defaults: significant changes only and the start state.
    const QJsonObject defaults = client->command(
        {{u"type"_s, u"history/history_during_period"_s},
         {u"start_time"_s, QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODate)},
         {u"entity_ids"_s, QJsonArray{busiest}},
         {u"minimal_response"_s, true},
         {u"no_attributes"_s, true}});
    const QJsonArray minimal = defaults.value(u"result"_s).toObject().value(busiest).toArray();
    QVERIFY(!minimal.isEmpty());
    for (const QJsonValue &row : minimal)
        QVERIFY(!row.toObject().contains(u"a"_s));
}

void TestDemoHistory::historyErrors_data()
{
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("end");
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("code");
    QTest::newRow("bad start") << u"noon"_s << QString() << u"sun.sun"_s << u"invalid_start_time"_s;
    QTest::newRow("bad end") << u"2026-01-01T00:00:00Z"_s << u"later"_s << u"sun.sun"_s
                             << u"invalid_end_time"_s;
    QTest::newRow("bad entity") << u"2026-01-01T00:00:00Z"_s << QString() << u"Not An Entity"_s
                                << u"invalid_entity_ids"_s;
    QTest::newRow("future start") << u"2999-01-01T00:00:00Z"_s << QString() << u"sun.sun"_s
                                  << QString();
}

void TestDemoHistory::historyErrors()
{
    QFETCH(QString, start);
    QFETCH(QString, end);
    QFETCH(QString, entity);
    QFETCH(QString, code);
    this->start();
    auto client = connectedClient();
    QVERIFY(client);
    QJsonObject command{{u"type"_s, u"history/history_during_period"_s},
                        {u"start_time"_s, start},
                        {u"entity_ids"_s, QJsonArray{entity}}};
    if (!end.isNull())
        command.insert(u"end_time"_s, end);
    const QJsonObject reply = client->command(command);
    if (code.isEmpty()) {
        QCOMPARE(reply.value(u"result"_s).toObject(), QJsonObject());
        QCOMPARE(reply.value(u"success"_s).toBool(), true);
    } else {
        QCOMPARE(reply.value(u"error"_s).toObject().value(u"code"_s).toString(), code);
    }
}

void TestDemoHistory::historyLagsUntilCommitted()
{
    DemoHomeOptions options = smallOptions();
    options.recorderCommitMs = 60000; // never during the test, only when told
    start(options);
    auto client = connectedClient();
    QVERIFY(client);
    const QString light = [this] {
        for (const QString &id : m_fixture.home()->entityIds()) {
            if (id.startsWith(u"switch."_s) && !m_fixture.home()->stateJson(id).isEmpty())
                return id;
        }
        return QString();
    }();
    const QString current = parse(m_fixture.home()->stateJson(light)).value(u"state"_s).toString();
    const QString other = current == u"on"_s ? u"off"_s : u"on"_s;
    QVERIFY(m_fixture.home()->setState(light, other));
    QVERIFY(m_fixture.home()->setState(light, current));
    const QJsonObject query{
        {u"type"_s, u"history/history_during_period"_s},
        {u"start_time"_s, QDateTime::currentDateTimeUtc().addSecs(-60).toString(Qt::ISODate)},
        {u"entity_ids"_s, QJsonArray{light}},
        {u"include_start_time_state"_s, false}};
    QCOMPARE(client->command(query).value(u"result"_s).toObject(), QJsonObject());
    m_fixture.home()->commitHistory();
    QCOMPARE(client->command(query).value(u"result"_s).toObject().value(light).toArray().size(), 2);
}

void TestDemoHistory::historyStream()
{
    DemoHomeOptions options = smallOptions();
    options.recorderCommitMs = 60000; // the stream still sees the newest rows
    start(options);
    auto client = connectedClient();
    QVERIFY(client);
    QString plug;
    for (const QString &id : m_fixture.home()->entityIds()) {
        if (id.startsWith(u"switch."_s) && !m_fixture.home()->stateJson(id).isEmpty())
            plug = id;
    }
    const QString current = parse(m_fixture.home()->stateJson(plug)).value(u"state"_s).toString();
    const QString other = current == u"on"_s ? u"off"_s : u"on"_s;
    QVERIFY(m_fixture.home()->setState(plug, other));
    const QString start = QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODate);
    const QJsonObject reply = client->command({{u"type"_s, u"history/stream"_s},
                                               {u"start_time"_s, start},
                                               {u"entity_ids"_s, QJsonArray{plug}},
                                               {u"include_start_time_state"_s, false}});
    QCOMPARE(reply, parse("{\"id\":1,\"type\":\"result\",\"success\":true,\"result\":null}"));
    const QJsonObject history = client->event(1).value(u"event"_s).toObject();
    QCOMPARE(sorted(history.keys()), sorted({u"states"_s, u"start_time"_s, u"end_time"_s}));
    const QJsonArray rows = history.value(u"states"_s).toObject().value(plug).toArray();
    QVERIFY(!rows.isEmpty());
    QCOMPARE(rows.last().toObject().value(u"s"_s).toString(), other);
    QVERIFY(history.value(u"end_time"_s).toDouble() > history.value(u"start_time"_s).toDouble());

    // Live rows come coalesced, without start and end times.
    QVERIFY(m_fixture.home()->setState(plug, current));
    QVERIFY(m_fixture.home()->setState(plug, other));
    const QJsonObject live = client->event(1).value(u"event"_s).toObject();
    QCOMPARE(live.keys(), QStringList{u"states"_s});
    const QJsonArray liveRows = live.value(u"states"_s).toObject().value(plug).toArray();
    QCOMPARE(liveRows.size(), 2);
    QCOMPARE(sorted(liveRows.first().toObject().keys()), sorted({u"s"_s, u"a"_s, u"lu"_s}));
    QCOMPARE(client->command({{u"type"_s, u"unsubscribe_events"_s}, {u"subscription"_s, 1}})
                 .value(u"success"_s)
                 .toBool(),
             true);

    // With an end time in the past the stream is only the history.
    client->command(
        {{u"type"_s, u"history/stream"_s},
         {u"start_time"_s, start},
         {u"end_time"_s, QDateTime::currentDateTimeUtc().addSecs(-1800).toString(Qt::ISODate)},
         {u"entity_ids"_s, QJsonArray{plug}}});
    QVERIFY(client->event(3).value(u"event"_s).toObject().contains(u"end_time"_s));
    QCOMPARE(client->command({{u"type"_s, u"unsubscribe_events"_s}, {u"subscription"_s, 3}})
                 .value(u"error"_s)
                 .toObject()
                 .value(u"code"_s)
                 .toString(),
             u"not_found"_s);
}

void TestDemoHistory::wholeSecondTimesHaveNoFraction()
{
    start();
    auto client = connectedClient();
    QVERIFY(client);
    const QJsonArray states =
        client->command({{u"type"_s, u"get_states"_s}}).value(u"result"_s).toArray();
    static const QRegularExpression whole(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00$"_s);
    static const QRegularExpression micro(
        u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00$"_s);
    int wholeCount = 0;
    for (const QJsonValue &state : states) {
        const QString updated = state.toObject().value(u"last_updated"_s).toString();
        QVERIFY2(whole.match(updated).hasMatch() || micro.match(updated).hasMatch(),
                 qPrintable(updated));
        wholeCount += whole.match(updated).hasMatch();
    }
    QVERIFY(wholeCount > 0);
}

QTEST_GUILESS_MAIN(TestDemoHistory)
#include "tst_demohistory.moc"
