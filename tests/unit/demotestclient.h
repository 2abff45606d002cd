// SPDX-License-Identifier: GPL-3.0-or-later
// A bare WebSocket client for the DemoHome tests (header only, used by tst_demohome and
// tst_democonnection).
#pragma once

#include "demo/demohome.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QWebSocket>

#include <functional>
#include <memory>

namespace hai::test {

using namespace Qt::StringLiterals;

inline constexpr int kWait = 5000;

inline hai::DemoHomeOptions smallOptions()
{
    hai::DemoHomeOptions options;
    options.seed = 7;
    options.devices = 20;
    options.entitiesPerDevice = 4;
    options.areas = 4;
    options.floors = 2;
    options.labels = 3;
    options.recorderCommitMs = 0;
    return options;
}

inline QJsonObject parse(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

// A bare WebSocket client that reads every frame (array frames are split into messages, as
// the JS library does) and keeps the raw frames for coalescing checks.
class TestClient : public QObject
{
public:
    TestClient()
    {
        m_socket.setMaxAllowedIncomingMessageSize(512 * 1024 * 1024);
        connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            frames.append(text);
            const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
            if (document.isArray()) {
                for (const QJsonValue &value : document.array())
                    m_queue.append(value.toObject());
            } else {
                m_queue.append(document.object());
            }
        });
    }

    QWebSocket &socket() { return m_socket; }

    bool open(const QUrl &url)
    {
        QSignalSpy connected(&m_socket, &QWebSocket::connected);
        m_socket.open(url);
        return connected.wait(kWait);
    }

    void sendText(const QString &text) { m_socket.sendTextMessage(text); }
    void send(const QJsonObject &message)
    {
        sendText(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
    }

    // The next message that matches, waiting for it; others stay queued.
    QJsonObject take(const std::function<bool(const QJsonObject &)> &matches, int timeout = kWait)
    {
        QElapsedTimer timer;
        timer.start();
        for (;;) {
            for (qsizetype i = 0; i < m_queue.size(); ++i) {
                if (matches(m_queue.at(i)))
                    return m_queue.takeAt(i);
            }
            const qint64 left = timeout - timer.elapsed();
            if (left <= 0)
                return {};
            QSignalSpy spy(&m_socket, &QWebSocket::textMessageReceived);
            if (!spy.wait(int(left)))
                return {};
        }
    }
    QJsonObject next(int timeout = kWait)
    {
        return take([](const QJsonObject &) { return true; }, timeout);
    }
    QJsonObject reply(int id, int timeout = kWait)
    {
        return take(
            [id](const QJsonObject &m) {
                return m.value(u"id"_s).toInt() == id && m.value(u"type"_s) != u"event"_s;
            },
            timeout);
    }
    QJsonObject event(int subscription, int timeout = kWait)
    {
        return take(
            [subscription](const QJsonObject &m) {
                return m.value(u"id"_s).toInt() == subscription && m.value(u"type"_s) == u"event"_s;
            },
            timeout);
    }
    // Sends a command with the next id and returns its reply.
    QJsonObject command(QJsonObject message)
    {
        const int id = m_nextId++;
        message.insert(u"id"_s, id);
        send(message);
        return reply(id);
    }
    int nextId() { return m_nextId++; }
    qsizetype queued() const { return m_queue.size(); }
    void clearQueue() { m_queue.clear(); }

    bool authenticate(const QUrl &url, const QString &token = u"demo-token"_s)
    {
        if (!open(url))
            return false;
        if (next().value(u"type"_s) != u"auth_required"_s)
            return false;
        send({{u"type"_s, u"auth"_s}, {u"access_token"_s, token}});
        return next().value(u"type"_s) == u"auth_ok"_s;
    }

    bool waitForDisconnected(int timeout = kWait)
    {
        if (m_socket.state() == QAbstractSocket::UnconnectedState)
            return true;
        QSignalSpy spy(&m_socket, &QWebSocket::disconnected);
        return spy.wait(timeout);
    }

    QStringList frames;

private:
    QWebSocket m_socket;
    QList<QJsonObject> m_queue;
    int m_nextId = 1;
};

// The DemoHome of one test function: start() it, connect authenticated clients, reset() in
// cleanup().
class DemoHomeFixture
{
public:
    static void quietTestMode()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLoggingCategory::setFilterRules(QStringLiteral("hai.demo.info=false"));
    }
    hai::DemoHome &start(const hai::DemoHomeOptions &options)
    {
        m_home = std::make_unique<hai::DemoHome>(options);
        if (!m_home->listen())
            qFatal("DemoHome did not listen");
        return *m_home;
    }
    std::unique_ptr<TestClient> connectedClient()
    {
        auto client = std::make_unique<TestClient>();
        if (!client->authenticate(m_home->url()))
            return nullptr;
        return client;
    }
    hai::DemoHome *home() const { return m_home.get(); }
    void reset() { m_home.reset(); }

private:
    std::unique_ptr<hai::DemoHome> m_home;
};

inline QStringList keysOf(const QJsonObject &object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

inline QStringList sorted(QStringList keys)
{
    keys.sort();
    return keys;
}

} // namespace hai::test
