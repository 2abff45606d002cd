// SPDX-License-Identifier: GPL-3.0-or-later
#include "demohome.h"

#include "commandhandlers.h"
#include "core/logging.h"
#include "democonnection.h"
#include "demolistener.h"
#include "historyrecorder.h"
#include "homegenerator.h"
#include "homemodel.h"
#include "jsonwriter.h"
#include "placemutator.h"
#include "publishedevent.h"
#include "registrymutator.h"
#include "trafficgenerator.h"
#include "trafficpump.h"

#include <QWebSocket>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

QByteArray utf8(const QString &text)
{
    return text.isNull() ? QByteArray() : text.toUtf8();
}

QStringList toStrings(const QList<QByteArray> &items)
{
    QStringList out;
    out.reserve(items.size());
    for (const QByteArray &item : items)
        out.append(QString::fromUtf8(item));
    return out;
}

} // namespace

DemoHome::DemoHome(const DemoHomeOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_model(std::make_unique<HomeModel>(options))
    , m_history(std::make_unique<HistoryRecorder>(options.historyLimit))
    , m_listener(new DemoListener(this))
    , m_dropTimer(this)
    , m_commitTimer(this)
{
    HomeGenerator::generate(*m_model);
    m_history->reserve(m_model->entityCount());
    for (const EntityEntry &entity : m_model->entities()) {
        if (entity.state)
            m_history->record(*entity.state);
    }
    m_traffic = std::make_unique<TrafficGenerator>(*m_model, options.seed);
    m_mutator = std::make_unique<RegistryMutator>(*m_model, *m_history);
    m_places = std::make_unique<PlaceMutator>(*m_model, *m_mutator);
    m_handlers = std::make_unique<CommandHandlers>(*m_model, *m_history, m_options);

    connect(m_listener, &DemoListener::newConnection, this, &DemoHome::acceptConnection);

    m_pump = new TrafficPump([this](int count) { return emitCount(count); },
                             [this] { return burstRoom(); }, this);
    connect(m_pump, &TrafficPump::burstFinished, this, &DemoHome::burstFinished);
    connect(&m_dropTimer, &QTimer::timeout, this, [this] {
        dropAllConnections();
        if (m_refuseAfterDropMs > 0)
            refuseConnectionsFor(m_refuseAfterDropMs);
    });
    // HA's recorder commits every commit_interval; history sees rows once committed.
    if (m_options.recorderCommitMs > 0) {
        m_history->setCommittedUntil(m_model->clock().last());
        m_commitTimer.setInterval(m_options.recorderCommitMs);
        connect(&m_commitTimer, &QTimer::timeout, this, &DemoHome::commitHistory);
        m_commitTimer.start();
    }
    if (m_options.eventsPerSecond > 0)
        setEventRate(m_options.eventsPerSecond);
}

DemoHome::~DemoHome()
{
    // Connections hold pointers to the handlers; let them go first.
    for (DemoConnection *connection : std::as_const(m_connections)) {
        disconnect(connection, nullptr, this, nullptr);
        delete connection;
    }
    m_connections.clear();
}

bool DemoHome::listen(const QHostAddress &address, quint16 port)
{
    if (!m_listener->listen(address, port)) {
        qCWarning(lcDemo).noquote() << u"DemoHome cannot listen on %1:%2: %3"_s.arg(
            address.toString(), QString::number(port), m_listener->errorString());
        return false;
    }
    qCInfo(lcDemo).noquote() << u"DemoHome serving %1 devices, %2 entities at %3"_s.arg(
        QString::number(deviceCount()), QString::number(entityCount()), url().toString());
    return true;
}

void DemoHome::close()
{
    m_listener->close();
}

bool DemoHome::isListening() const
{
    return m_listener->isListening();
}

QString DemoHome::errorString() const
{
    return m_listener->errorString();
}

quint16 DemoHome::port() const
{
    return m_listener->port();
}

QUrl DemoHome::url() const
{
    QHostAddress host = m_listener->address();
    if (host == QHostAddress::Any || host == QHostAddress::AnyIPv4 || host.isNull())
        host = QHostAddress::LocalHost;
    else if (host == QHostAddress::AnyIPv6)
        host = QHostAddress::LocalHostIPv6;
    const QString hostText = host.protocol() == QAbstractSocket::IPv6Protocol
                                 ? u'[' + host.toString() + u']'
                                 : host.toString();
    return QUrl(u"ws://"_s + hostText + u':' + QString::number(port()) +
                QLatin1String(DemoListener::kPath));
}

QString DemoHome::token() const
{
    return m_options.token;
}

int DemoHome::connectionCount() const
{
    return int(m_connections.size());
}

int DemoHome::authenticatedCount() const
{
    return int(std::count_if(m_connections.cbegin(), m_connections.cend(),
                             [](const DemoConnection *c) { return c->isAuthenticated(); }));
}

int DemoHome::deviceCount() const
{
    return m_model->deviceCount();
}
int DemoHome::entityCount() const
{
    return m_model->entityCount();
}
int DemoHome::stateCount() const
{
    return m_model->stateCount();
}
int DemoHome::areaCount() const
{
    return int(m_model->areas().size());
}
int DemoHome::floorCount() const
{
    return int(m_model->floors().size());
}
int DemoHome::labelCount() const
{
    return int(m_model->labels().size());
}
int DemoHome::configEntryCount() const
{
    return int(m_model->configEntries().size());
}
qint64 DemoHome::historyRowCount() const
{
    return m_history->rowCount();
}

QStringList DemoHome::deviceIds() const
{
    QStringList ids;
    for (const DeviceEntry &device : m_model->devices()) {
        if (!device.removed)
            ids.append(QString::fromUtf8(device.id));
    }
    return ids;
}

QStringList DemoHome::entityIds() const
{
    QStringList ids;
    for (const EntityEntry &entity : m_model->entities()) {
        if (!entity.removed)
            ids.append(QString::fromUtf8(entity.entityId));
    }
    return ids;
}

QStringList DemoHome::areaIds() const
{
    QList<QByteArray> ids;
    for (const AreaEntry &area : m_model->areas())
        ids.append(area.areaId);
    return toStrings(ids);
}

QStringList DemoHome::floorIds() const
{
    QList<QByteArray> ids;
    for (const FloorEntry &floor : m_model->floors())
        ids.append(floor.floorId);
    return toStrings(ids);
}

QStringList DemoHome::labelIds() const
{
    QList<QByteArray> ids;
    for (const LabelEntry &label : m_model->labels())
        ids.append(label.labelId);
    return toStrings(ids);
}

QByteArray DemoHome::stateJson(const QString &entityId) const
{
    const int index = m_model->findEntity(entityId.toUtf8());
    return index < 0 ? QByteArray() : m_model->entities().at(index).stateJson;
}

void DemoHome::acceptConnection()
{
    while (QWebSocket *socket = m_listener->nextPendingConnection()) {
        auto *connection = new DemoConnection(socket, m_handlers.get(), &m_options, this);
        m_connections.append(connection);
        connect(connection, &DemoConnection::authenticated, this, &DemoHome::clientAuthenticated);
        connect(connection, &DemoConnection::subscribed, this, &DemoHome::clientSubscribed);
        connect(connection, &DemoConnection::drained, m_pump, &TrafficPump::resume);
        connect(connection, &DemoConnection::closed, this, [this, connection] {
            m_connections.removeAll(connection);
            m_pump->resume();
            Q_EMIT clientDisconnected();
        });
        Q_EMIT clientConnected();
    }
}

void DemoHome::publish(const HomeEvent &event)
{
    if (event.eventType.isEmpty())
        return;
    if (event.isStateChanged()) {
        ++m_emitted;
        if (event.newState)
            m_history->record(*event.newState);
    }
    PublishedEvent published(event);
    // A connection may close while delivering (slow client); iterate over a copy.
    const QList<DemoConnection *> connections = m_connections;
    for (DemoConnection *connection : connections) {
        if (connection->hasSubscriptions())
            connection->deliver(published);
    }
}

bool DemoHome::publishAll(const QList<HomeEvent> &events)
{
    for (const HomeEvent &event : events)
        publish(event);
    return !events.isEmpty();
}

void DemoHome::emitNow(int count)
{
    emitCount(count);
}

int DemoHome::emitCount(int count)
{
    int emitted = 0;
    for (; emitted < count; ++emitted) {
        const HomeEvent event = m_traffic->next();
        if (event.eventType.isEmpty())
            break;
        publish(event);
    }
    if (emitted > 0)
        Q_EMIT eventsEmitted(emitted);
    return emitted;
}

bool DemoHome::setState(const QString &entityId, const QString &state,
                        const QJsonObject *attributes)
{
    const int index = m_model->findEntity(entityId.toUtf8());
    if (index < 0)
        return false;
    const EntityEntry &entity = m_model->entities().at(index);
    AttributesPtr set;
    if (attributes) {
        QList<Attribute> items;
        for (auto it = attributes->constBegin(); it != attributes->constEnd(); ++it) {
            QByteArray json;
            JsonWriter::appendValue(json, it.value());
            items.append({it.key().toUtf8(), json});
        }
        set = AttributeSet::make(std::move(items));
    } else {
        set = entity.state ? entity.state->attributes : entity.baseAttributes;
        if (!set)
            set = AttributeSet::make({});
    }
    const qint64 t = m_model->clock().next();
    publish(m_model->setState(index, state.toUtf8(), set, m_model->newContext(t), t));
    return true;
}

void DemoHome::setEventRate(double eventsPerSecond)
{
    m_options.eventsPerSecond = std::max(0.0, eventsPerSecond);
    m_pump->setRate(m_options.eventsPerSecond);
}

void DemoHome::emitBurst(int count)
{
    m_pump->addBurst(count);
}

int DemoHome::burstRemaining() const
{
    return m_pump->burstRemaining();
}

int DemoHome::burstRoom() const
{
    // Paced by the slowest subscribed client, so frames never pile up in memory.
    int room = std::numeric_limits<int>::max();
    for (const DemoConnection *connection : m_connections) {
        if (connection->hasSubscriptions() && !connection->isClosing())
            room = std::min(room, DemoConnection::kRoomThreshold - connection->pendingCount());
    }
    return room;
}

void DemoHome::dropAllConnections()
{
    qCInfo(lcDemo, "Dropping %d connection(s) without a close frame", int(m_connections.size()));
    const QList<DemoConnection *> connections = m_connections;
    for (DemoConnection *connection : connections)
        connection->abortConnection();
}

void DemoHome::refuseConnectionsFor(int ms)
{
    m_listener->refuseFor(ms);
}

bool DemoHome::isRefusingConnections() const
{
    return m_listener->isRefusing();
}

void DemoHome::setDropInterval(int intervalMs, int refuseMs)
{
    m_refuseAfterDropMs = refuseMs;
    if (intervalMs <= 0)
        m_dropTimer.stop();
    else
        m_dropTimer.start(intervalMs);
}

void DemoHome::simulateRestart(int downtimeMs)
{
    HomeEvent stop;
    stop.eventType = "homeassistant_stop";
    stop.dataJson = "{}";
    stop.timeFired = m_model->clock().next();
    stop.context = m_model->newContext(stop.timeFired);
    publish(stop);
    const QList<DemoConnection *> connections = m_connections;
    for (DemoConnection *connection : connections)
        connection->closeGracefully(QWebSocketProtocol::CloseCodeGoingAway);
    if (downtimeMs > 0)
        refuseConnectionsFor(downtimeMs);
}

void DemoHome::commitHistory()
{
    m_history->setCommittedUntil(m_model->clock().last());
}

QString DemoHome::addDevice(const QString &name, const QString &areaId)
{
    QByteArray id;
    publishAll(m_mutator->addDevice(utf8(name), utf8(areaId), &id));
    return QString::fromUtf8(id);
}

bool DemoHome::renameDevice(const QString &deviceId, const QString &nameByUser)
{
    return publishAll(m_mutator->renameDevice(utf8(deviceId), utf8(nameByUser)));
}

bool DemoHome::moveDevice(const QString &deviceId, const QString &areaId)
{
    return publishAll(m_mutator->moveDevice(utf8(deviceId), utf8(areaId)));
}

bool DemoHome::removeDevice(const QString &deviceId)
{
    return publishAll(m_mutator->removeDevice(utf8(deviceId)));
}

QString DemoHome::addEntity(const QString &domain, const QString &name, const QString &deviceId)
{
    QByteArray id;
    publishAll(m_mutator->addEntity(utf8(domain), utf8(name), utf8(deviceId), &id));
    return QString::fromUtf8(id);
}

bool DemoHome::renameEntity(const QString &entityId, const QString &newEntityId)
{
    return publishAll(m_mutator->renameEntity(utf8(entityId), utf8(newEntityId)));
}

bool DemoHome::setEntityName(const QString &entityId, const QString &name)
{
    return publishAll(m_mutator->setEntityName(utf8(entityId), utf8(name)));
}

bool DemoHome::setEntityArea(const QString &entityId, const QString &areaId)
{
    return publishAll(m_mutator->setEntityArea(utf8(entityId), utf8(areaId)));
}

bool DemoHome::removeEntity(const QString &entityId)
{
    return publishAll(m_mutator->removeEntity(utf8(entityId)));
}

QString DemoHome::addArea(const QString &name, const QString &floorId)
{
    QByteArray id;
    publishAll(m_places->addArea(utf8(name), utf8(floorId), &id));
    return QString::fromUtf8(id);
}

bool DemoHome::renameArea(const QString &areaId, const QString &name)
{
    return publishAll(m_places->renameArea(utf8(areaId), utf8(name)));
}

bool DemoHome::removeArea(const QString &areaId)
{
    return publishAll(m_places->removeArea(utf8(areaId)));
}

QString DemoHome::addFloor(const QString &name, int level)
{
    QByteArray id;
    publishAll(m_places->addFloor(utf8(name), level, &id));
    return QString::fromUtf8(id);
}

bool DemoHome::renameFloor(const QString &floorId, const QString &name)
{
    return publishAll(m_places->renameFloor(utf8(floorId), utf8(name)));
}

bool DemoHome::removeFloor(const QString &floorId)
{
    return publishAll(m_places->removeFloor(utf8(floorId)));
}

QString DemoHome::addLabel(const QString &name, const QString &color)
{
    QByteArray id;
    publishAll(m_places->addLabel(utf8(name), utf8(color), &id));
    return QString::fromUtf8(id);
}

bool DemoHome::renameLabel(const QString &labelId, const QString &name)
{
    return publishAll(m_places->renameLabel(utf8(labelId), utf8(name)));
}

bool DemoHome::removeLabel(const QString &labelId)
{
    return publishAll(m_places->removeLabel(utf8(labelId)));
}

QString DemoHome::addConfigEntry(const QString &domain, const QString &title)
{
    return QString::fromUtf8(m_mutator->addConfigEntry(utf8(domain), utf8(title)));
}

bool DemoHome::removeConfigEntry(const QString &entryId)
{
    const int before = configEntryCount();
    publishAll(m_mutator->removeConfigEntry(utf8(entryId)));
    return configEntryCount() < before;
}

} // namespace hai
