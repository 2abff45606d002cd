// SPDX-License-Identifier: GPL-3.0-or-later
// Seeded random-mutation fuzzing of everything that reads Home Assistant's frames: the frame
// parser and dispatcher (HaProtocol), the event parser, get_states into the live-state cache,
// registry lists through the sanitizer and history through the converter. Runs for
// HAI_FUZZ_SECONDS (default 5; the sanitizer CI pass sets 60) with seed HAI_FUZZ_SEED.
#include "homeassistant/haeventparser.h"
#include "homeassistant/haprotocol.h"
#include "homeassistant/hastats.h"
#include "homeassistant/historyconverter.h"
#include "homeassistant/livestatecache.h"
#include "homeassistant/registrysanitizer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using hai::HaBadInput;
using hai::HaProtocol;
using hai::HaResult;

namespace {

const char *const kStateChanged =
    R"({"event_type":"state_changed","data":{"entity_id":"sensor.t","old_state":{"entity_id":"sensor.t","state":"21","attributes":{"unit_of_measurement":"°C","friendly_name":"T"},"last_changed":"2026-01-05T09:00:00+00:00","last_reported":"2026-01-05T09:00:00+00:00","last_updated":"2026-01-05T09:00:00+00:00","context":{"id":"01JGXYZ0000000000000000000","parent_id":null,"user_id":null}},"new_state":{"entity_id":"sensor.t","state":"21.5","attributes":{"unit_of_measurement":"°C","friendly_name":"T"},"last_changed":"2026-01-05T10:00:00.123456+00:00","last_reported":"2026-01-05T10:00:00.123456+00:00","last_updated":"2026-01-05T10:00:00.123456+00:00","context":{"id":"01JGXYZ0000000000000000001","parent_id":null,"user_id":null}}},"origin":"LOCAL","time_fired":"2026-01-05T10:00:00.123456+00:00","context":{"id":"01JGXYZ0000000000000000001","parent_id":null,"user_id":null}})";
const char *const kRegistryEvent =
    R"({"event_type":"entity_registry_updated","data":{"action":"update","entity_id":"light.new","changes":{"entity_id":"light.old"},"old_entity_id":"light.old"},"origin":"LOCAL","time_fired":"2026-01-05T10:00:01+00:00","context":{"id":"c","parent_id":null,"user_id":null}})";
const char *const kStates =
    R"([{"entity_id":"sensor.t","state":"21.5","attributes":{"a":[1,2,{"b":null}]},"last_changed":"2026-01-05T10:00:00+00:00","last_updated":"2026-01-05T10:00:00.5+00:00"},{"entity_id":"light.k","state":"on","attributes":{},"last_changed":"2026-01-05T10:00:00+00:00","last_updated":"2026-01-05T10:00:00+00:00"}])";
const char *const kDevices =
    R"([{"area_id":"kitchen","configuration_url":null,"config_entries":["e1"],"config_entries_subentries":{"e1":[null]},"config_entry_id":"e1","connections":[["mac","aa:bb"]],"created_at":1767600000.5,"disabled_by":null,"entry_type":null,"hw_version":null,"id":"d1","identifiers":[["hue","1"]],"labels":["l1"],"manufacturer":"Signify","model":"LCT","model_id":null,"modified_at":1767600001.0,"name_by_user":null,"name":"Lamp","primary_config_entry":"e1","serial_number":null,"sw_version":"1.0","via_device_id":null,"parent_device_id":null}])";
const char *const kEntities =
    R"([{"area_id":null,"categories":{},"config_entry_id":"e1","created_at":1767600000.0,"device_id":"d1","disabled_by":null,"entity_category":null,"entity_id":"light.k","has_entity_name":true,"hidden_by":null,"icon":null,"id":"r1","labels":[],"modified_at":1767600000.0,"name":null,"options":{"light":{}},"original_name":"K","platform":"hue","translation_key":null,"unique_id":"u1"}])";
const char *const kAreas =
    R"([{"aliases":[],"area_id":"kitchen","floor_id":"ground","humidity_entity_id":null,"icon":null,"labels":[],"name":"Kitchen","picture":null,"temperature_entity_id":null,"created_at":1.0,"modified_at":2.0}])";
const char *const kFloors =
    R"([{"aliases":[],"created_at":1.0,"floor_id":"ground","icon":null,"level":0,"name":"Ground","modified_at":1.0}])";
const char *const kLabels =
    R"([{"color":"red","created_at":1.0,"description":null,"icon":null,"label_id":"l1","name":"L","modified_at":1.0}])";
const char *const kEntries =
    R"([{"created_at":1.0,"entry_id":"e1","domain":"hue","modified_at":1.0,"title":"Hue","source":"user","state":"loaded","supports_options":true,"supports_remove_device":false,"supports_unload":true,"supports_reconfigure":false,"supported_subentry_types":{},"pref_disable_new_entities":false,"pref_disable_polling":false,"disabled_by":null,"reason":null,"error_reason_translation_key":null,"error_reason_translation_placeholders":null,"num_subentries":0}])";
const char *const kHistory =
    R"({"sensor.t":[{"s":"21.5","a":{"unit_of_measurement":"°C"},"lu":1767607200.123456},{"s":"22","a":{},"lu":1767607201.5,"lc":1767607201.0,"c":"01JG"}],"light.k":[{"s":"on","lu":1767607203.25,"c":{"id":"c1","user_id":"u1"}}]})";

enum class Kind { GetStates, Devices, Entities, Areas, Floors, Labels, Entries, History, Ping };
constexpr int kKinds = int(Kind::Ping) + 1;

QJsonValue parseValue(const char *json)
{
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(json));
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

} // namespace

class TestHaFrameFuzz : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void fuzz();

private:
    void newConnection();
    void topUpPending();
    QByteArray seedFrame();
    QJsonObject seedMessage();
    QJsonValue mutateValue(const QJsonValue &value, int depth);
    QByteArray mutateBytes(QByteArray frame);
    QJsonValue randomValue(int depth);
    void onResult(Kind kind, const HaResult &result);

    QRandomGenerator m_random;
    std::unique_ptr<hai::HaStats> m_stats;
    std::unique_ptr<HaProtocol> m_protocol;
    hai::LiveStateCache m_cache;
    QHash<int, Kind> m_pending;
    QList<int> m_subscriptions;
    qint64 m_callbacks = 0, m_events = 0, m_parsedEvents = 0, m_converted = 0, m_sanitized = 0;
};

void TestHaFrameFuzz::initTestCase()
{
    const quint32 seed = qEnvironmentVariableIsSet("HAI_FUZZ_SEED")
                             ? quint32(qEnvironmentVariableIntValue("HAI_FUZZ_SEED"))
                             : 20260105u;
    m_random.seed(seed);
    qInfo("fuzz seed %u", seed);
    m_stats = std::make_unique<hai::HaStats>();
}

void TestHaFrameFuzz::newConnection()
{
    m_pending.clear();
    m_subscriptions.clear();
    m_protocol = std::make_unique<HaProtocol>(
        m_stats.get(),
        HaProtocol::Handlers{[](const QByteArray &) {},
                             [this](const QString &) { m_protocol->sendAuth(u"token"_s); },
                             [](const QString &) {}, [](const QString &) {}});
    m_protocol->handleFrame(R"({"type":"auth_required","ha_version":"2026.8.0"})");
    m_protocol->handleFrame(R"({"type":"auth_ok","ha_version":"2026.8.0"})");
    for (const QString &type : {u"state_changed"_s, u"entity_registry_updated"_s}) {
        m_subscriptions << m_protocol->subscribeEvents(
            type,
            [this](const QJsonObject &event) {
                ++m_events;
                hai::HaEvent parsed;
                QString why;
                if (hai::HaEventParser::parse(event, &parsed, &why)) {
                    ++m_parsedEvents;
                    m_cache.apply({parsed});
                } else {
                    m_stats->countBadInput(HaBadInput::BadEvent, why);
                }
            },
            [this](const HaResult &) { ++m_callbacks; });
    }
}

void TestHaFrameFuzz::onResult(Kind kind, const HaResult &result)
{
    ++m_callbacks;
    if (!result.success)
        return;
    switch (kind) {
    case Kind::GetStates:
        m_cache.replaceAll(result.result.toArray());
        break;
    case Kind::History:
        if (result.result.isObject()) {
            hai::HaEventList events;
            m_converted += hai::HistoryConverter::convertResult(result.result.toObject(), &events,
                                                                m_stats.get());
        }
        break;
    case Kind::Ping:
        break;
    default: {
        static const hai::HaRegistry registries[] = {
            hai::HaRegistry::Devices, hai::HaRegistry::Entities, hai::HaRegistry::Areas,
            hai::HaRegistry::Floors,  hai::HaRegistry::Labels,   hai::HaRegistry::Integrations};
        if (!result.result.isArray())
            break;
        const hai::HaRegistry registry = registries[int(kind) - int(Kind::Devices)];
        hai::RegistrySanitizer::Report report;
        const QSet<QString> known{u"d1"_s};
        const QJsonArray clean =
            hai::RegistrySanitizer::sanitize(registry, result.result.toArray(), &known, &report);
        m_sanitized += clean.size();
        if (report.changed())
            m_stats->countBadInput(HaBadInput::BadRegistryItem, report.firstProblem);
        if (registry == hai::HaRegistry::Devices)
            hai::RegistrySanitizer::deviceIds(clean);
        break;
    }
    }
}

void TestHaFrameFuzz::topUpPending()
{
    while (m_pending.size() < 16) {
        const Kind kind = Kind(m_random.bounded(kKinds));
        const int id = m_protocol->sendCommand(
            QJsonObject{{u"type"_s, kind == Kind::Ping ? u"ping"_s : u"x"_s}},
            [this, kind](const HaResult &result) { onResult(kind, result); });
        if (id == 0)
            return;
        m_pending.insert(id, kind);
    }
}

QJsonValue TestHaFrameFuzz::randomValue(int depth)
{
    switch (m_random.bounded(depth > 3 ? 6 : 8)) {
    case 0:
        return QJsonValue::Null;
    case 1:
        return m_random.bounded(2) == 1;
    case 2:
        return m_random.bounded(-1000, 1000);
    case 3: {
        static const double specials[] = {0.0, -1.0, 1e300, -1e300, 2147483648.0, 0.5, 1e-300};
        return specials[m_random.bounded(7)];
    }
    case 4:
        return u"2026-01-05T10:00:00+00:00"_s.left(m_random.bounded(26));
    case 5: {
        QString text;
        const int length = m_random.bounded(12);
        for (int i = 0; i < length; ++i)
            text += QChar(char16_t(m_random.bounded(1, 0x2FF)));
        return text;
    }
    case 6: {
        QJsonArray array;
        for (int i = m_random.bounded(4); i > 0; --i)
            array.append(randomValue(depth + 1));
        return array;
    }
    default: {
        QJsonObject object;
        static const char16_t *const keys[] = {u"id", u"type", u"event",     u"result", u"success",
                                               u"s",  u"lu",   u"entity_id", u"state",  u"x"};
        for (int i = m_random.bounded(4); i > 0; --i)
            object.insert(QString::fromUtf16(keys[m_random.bounded(10)]), randomValue(depth + 1));
        return object;
    }
    }
}

QJsonValue TestHaFrameFuzz::mutateValue(const QJsonValue &value, int depth)
{
    if (m_random.bounded(depth < 2 ? 8 : 4) == 0)
        return randomValue(depth);
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        const QStringList keys = object.keys();
        for (const QString &key : keys) {
            const int action = m_random.bounded(10);
            if (action == 0)
                object.remove(key);
            else if (action < 4)
                object.insert(key, mutateValue(object.value(key), depth + 1));
        }
        return object;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            if (m_random.bounded(3) == 0)
                array[i] = mutateValue(array.at(i), depth + 1);
        if (m_random.bounded(6) == 0)
            array.append(randomValue(depth + 1));
        if (!array.isEmpty() && m_random.bounded(6) == 0)
            array.removeAt(m_random.bounded(int(array.size())));
        return array;
    }
    return value;
}

QJsonObject TestHaFrameFuzz::seedMessage()
{
    // Mostly ids that something is waiting for, so the deep paths run.
    const QList<int> pendingIds = m_pending.keys();
    const int choice = m_random.bounded(10);
    if (choice < 5 && !pendingIds.isEmpty()) {
        const int id = pendingIds.at(m_random.bounded(int(pendingIds.size())));
        const Kind kind = m_pending.take(id);
        if (kind == Kind::Ping)
            return QJsonObject{{u"id"_s, id}, {u"type"_s, u"pong"_s}};
        static const char *const payloads[] = {kStates, kDevices, kEntities, kAreas,
                                               kFloors, kLabels,  kEntries,  kHistory};
        return QJsonObject{{u"id"_s, id},
                           {u"type"_s, u"result"_s},
                           {u"success"_s, m_random.bounded(8) != 0},
                           {u"result"_s, parseValue(payloads[int(kind)])},
                           {u"error"_s, QJsonObject{{u"code"_s, u"x"_s}, {u"message"_s, u"y"_s}}}};
    }
    if (choice < 9 && !m_subscriptions.isEmpty()) {
        const int id = m_subscriptions.at(m_random.bounded(int(m_subscriptions.size())));
        return QJsonObject{
            {u"id"_s, id},
            {u"type"_s, u"event"_s},
            {u"event"_s, parseValue(m_random.bounded(3) ? kStateChanged : kRegistryEvent)}};
    }
    static const char *const others[] = {
        R"({"type":"auth_required","ha_version":"2026.8.0"})", R"({"type":"auth_ok"})",
        R"({"type":"auth_invalid","message":"no"})",
        R"({"id":9999,"type":"result","success":true})", R"({"id":3,"type":"pong"})"};
    return parseValue(others[m_random.bounded(5)]).toObject();
}

QByteArray TestHaFrameFuzz::seedFrame()
{
    QJsonValue frame;
    if (m_random.bounded(4) == 0) { // a coalesced frame
        QJsonArray array;
        for (int i = m_random.bounded(1, 12); i > 0; --i)
            array.append(seedMessage());
        frame = array;
    } else {
        frame = seedMessage();
    }
    if (m_random.bounded(3) == 0)
        frame = mutateValue(frame, 0);
    const QByteArray json = frame.isArray()
                                ? QJsonDocument(frame.toArray()).toJson(QJsonDocument::Compact)
                                : QJsonDocument(frame.toObject()).toJson(QJsonDocument::Compact);
    return m_random.bounded(4) == 0 ? mutateBytes(json) : json;
}

QByteArray TestHaFrameFuzz::mutateBytes(QByteArray frame)
{
    static const QByteArray tokens[] = {
        "{",       "}",   "[",       "]",       "\"",   ",",    ":",    "null",
        "1e999",   "-",   "\\u0000", "\\ud800", "\xff", "\xc3", "0x10", QByteArray(2000, '['),
        "\"id\":", "true"};
    for (int n = m_random.bounded(1, 5); n > 0 && !frame.isEmpty(); --n) {
        const int at = m_random.bounded(int(frame.size()));
        switch (m_random.bounded(5)) {
        case 0:
            frame[at] = char(m_random.bounded(256));
            break;
        case 1:
            frame.remove(at, m_random.bounded(1, 16));
            break;
        case 2:
            frame.insert(at, tokens[m_random.bounded(int(std::size(tokens)))]);
            break;
        case 3:
            frame.truncate(at);
            break;
        default:
            frame.insert(at, frame.mid(m_random.bounded(int(frame.size())), 32));
            break;
        }
    }
    return frame;
}

void TestHaFrameFuzz::fuzz()
{
    const int seconds = qEnvironmentVariableIsSet("HAI_FUZZ_SECONDS")
                            ? qEnvironmentVariableIntValue("HAI_FUZZ_SECONDS")
                            : 5;
    QElapsedTimer clock;
    clock.start();
    qint64 frames = 0, messages = 0, connections = 0;
    newConnection();
    while (clock.elapsed() < qint64(seconds) * 1000) {
        for (int i = 0; i < 200; ++i) {
            if (m_protocol->phase() != HaProtocol::Phase::Command || m_random.bounded(5000) == 0) {
                m_protocol->close(u"disconnected"_s, u"fuzz"_s);
                newConnection();
                ++connections;
            }
            topUpPending();
            messages += m_protocol->handleFrame(seedFrame());
            ++frames;
        }
    }
    const hai::HaStatsSnapshot snapshot = m_stats->snapshot();
    qInfo("%lld frames, %lld messages, %lld reconnects, %lld callbacks, %lld events (%lld valid), "
          "%lld history states, %lld registry items, %llu bad inputs in %d s",
          frames, messages, connections, m_callbacks, m_events, m_parsedEvents, m_converted,
          m_sanitized, snapshot.badInputTotal(), seconds);
    for (int i = 0; i < hai::kHaBadInputKinds; ++i)
        qInfo("  %s: %llu", qPrintable(hai::HaStats::badInputName(HaBadInput(i))),
              snapshot.badInput[size_t(i)]);

    // The counters moved, and the paths behind them were reached.
    QVERIFY(frames > 1000);
    for (HaBadInput kind :
         {HaBadInput::MalformedJson, HaBadInput::NotAnObject, HaBadInput::MissingField,
          HaBadInput::WrongType, HaBadInput::UnmatchedId, HaBadInput::UnexpectedMessage,
          HaBadInput::BadEvent, HaBadInput::BadHistory, HaBadInput::BadRegistryItem})
        QVERIFY2(snapshot.badInput[size_t(kind)] > 0, qPrintable(hai::HaStats::badInputName(kind)));
    QVERIFY(m_parsedEvents > 0);
    QVERIFY(m_converted > 0);
    QVERIFY(m_sanitized > 0);

    // A fresh connection after all that still works end to end.
    m_protocol->close(u"disconnected"_s, u"done"_s);
    newConnection();
    bool answered = false;
    const int id =
        m_protocol->sendCommand(QJsonObject{{u"type"_s, u"ping"_s}},
                                [&answered](const HaResult &r) { answered = r.success; });
    m_protocol->handleFrame("[{\"id\":" + QByteArray::number(id) + ",\"type\":\"pong\"}]");
    QVERIFY(answered);
}

QTEST_GUILESS_MAIN(TestHaFrameFuzz)
#include "tst_haframefuzz.moc"
