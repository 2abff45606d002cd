// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandschema.h"
#include "historyrecorder.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QTimeZone>

namespace hai {

class DemoConnection;
class HomeModel;
struct DemoHomeOptions;

// The commands the simulated HA understands, each with HA's schema and reply: ping,
// supported_features, get_states, get_config, get_services, get_panels, subscribe_events,
// unsubscribe_events, subscribe_entities, the registry lists, config_entries/get,
// history/history_during_period and history/stream.
class CommandHandlers
{
public:
    CommandHandlers(HomeModel &model, HistoryRecorder &history, const DemoHomeOptions &options);

    // Validates and runs one command whose id and type were checked. Returns false for an
    // unknown type (the caller answers unknown_command and does not advance its last id).
    bool handle(DemoConnection &connection, qint64 id, const QString &type,
                const QJsonObject &message);

    // The time zone of get_config, in which naive history times are read.
    static QString timeZoneName();

private:
    using Handler = void (CommandHandlers::*)(DemoConnection &, qint64, const QJsonObject &);
    struct Command
    {
        Handler handler = nullptr;
        bool typeOnly = true;
        CommandSchema schema;
    };

    void ping(DemoConnection &connection, qint64 id, const QJsonObject &message);
    void supportedFeatures(DemoConnection &connection, qint64 id, const QJsonObject &message);
    void getStates(DemoConnection &connection, qint64 id, const QJsonObject &message);
    void getConfig(DemoConnection &connection, qint64 id, const QJsonObject &message);
    void getServices(DemoConnection &connection, qint64 id, const QJsonObject &message);
    void getPanels(DemoConnection &connection, qint64 id, const QJsonObject &message);
    void subscribeEvents(DemoConnection &connection, qint64 id, const QJsonObject &message);
    void unsubscribeEvents(DemoConnection &connection, qint64 id, const QJsonObject &message);
    void subscribeEntities(DemoConnection &connection, qint64 id, const QJsonObject &message);
    void deviceList(DemoConnection &connection, qint64 id, const QJsonObject &message);
    void entityList(DemoConnection &connection, qint64 id, const QJsonObject &message);
    void entityGet(DemoConnection &connection, qint64 id, const QJsonObject &message);
    void entityGetEntries(DemoConnection &connection, qint64 id, const QJsonObject &message);
    void entityListForDisplay(DemoConnection &connection, qint64 id, const QJsonObject &message);
    void areaList(DemoConnection &connection, qint64 id, const QJsonObject &message);
    void floorList(DemoConnection &connection, qint64 id, const QJsonObject &message);
    void labelList(DemoConnection &connection, qint64 id, const QJsonObject &message);
    void configEntries(DemoConnection &connection, qint64 id, const QJsonObject &message);
    void historyDuringPeriod(DemoConnection &connection, qint64 id, const QJsonObject &message);
    void historyStream(DemoConnection &connection, qint64 id, const QJsonObject &message);
    // The shared part of both history commands; false when an error was sent.
    bool historyQuery(DemoConnection &connection, qint64 id, const QJsonObject &message,
                      HistoryRecorder::Query *query, bool *hasEnd);

    HomeModel &m_model;
    HistoryRecorder &m_history;
    const DemoHomeOptions &m_options;
    QTimeZone m_timeZone;
    QHash<QString, Command> m_commands;
};

} // namespace hai
