// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by tst_influxwriter and tst_influxwriterfaults: an InfluxWriter in its own named
// thread, as the app runs it, with the acknowledgements and the stop signal caught in atomics.

#include "core/thread.h"
#include "timeseries/influxwriter.h"

#include <QDateTime>
#include <QTemporaryDir>

#include <atomic>

namespace hai::test {

class WriterHarness
{
public:
    explicit WriterHarness(const InfluxOptions &options, const QString &dataDir = {})
        : m_dataDir(dataDir.isEmpty() ? m_temp.path() : dataDir)
        , m_thread(startNamedThread(QStringLiteral("influx")))
    {
        m_writer = new InfluxWriter(options, m_dataDir);
        QObject::connect(
            m_writer, &InfluxWriter::acknowledged, m_writer,
            [this](quint64 token) {
                m_lastAck = token;
                m_acks.fetch_add(1);
            },
            Qt::DirectConnection);
        QObject::connect(
            m_writer, &InfluxWriter::stopped, m_writer, [this] { m_stopped = true; },
            Qt::DirectConnection);
        m_writer->moveToThread(m_thread.get());
        m_started = invokeIn(m_writer, [this] { return m_writer->start(&m_startError); });
    }
    ~WriterHarness()
    {
        invokeIn(m_writer, [this] {
            delete m_writer;
            return true;
        });
    }

    bool started() const { return m_started; }
    QString startError() const { return m_startError; }
    QString dataDir() const { return m_dataDir; }
    InfluxWriter *writer() const { return m_writer; }
    InfluxWriterFigures figures() const { return m_writer->stats()->snapshot(); }
    quint64 lastAck() const { return m_lastAck; }
    int ackSignals() const { return m_acks; }
    bool isStopped() const { return m_stopped; }

    // Queued, as the ingest thread would call it.
    void append(const QByteArray &lines, int points, quint64 token,
                const QList<qint64> &eventTimesUs = {})
    {
        InfluxWriter *writer = m_writer;
        QMetaObject::invokeMethod(m_writer, [writer, lines, points, token, eventTimesUs] {
            writer->append(lines, points, token, eventTimesUs);
        });
    }
    void setUrl(const QUrl &url)
    {
        invokeIn(m_writer, [this, url] {
            m_writer->setUrl(url);
            return true;
        });
    }
    void stop(int timeoutMs = InfluxWriter::kDefaultStopTimeoutMs)
    {
        InfluxWriter *writer = m_writer;
        QMetaObject::invokeMethod(m_writer, [writer, timeoutMs] { writer->stop(timeoutMs); });
    }

private:
    QTemporaryDir m_temp;
    QString m_dataDir;
    ThreadPtr m_thread;
    InfluxWriter *m_writer = nullptr;
    bool m_started = false;
    QString m_startError;
    std::atomic<quint64> m_lastAck{0};
    std::atomic<int> m_acks{0};
    std::atomic<bool> m_stopped{false};
};

// `count` points, one per line, `bytes` long or so, timestamps 1 µs apart from `firstUs`,
// spread over `series` series of measurement `measurement` with field `value`.
inline QByteArray makeLines(const QByteArray &measurement, int first, int count, qint64 firstUs,
                            int series = 50, int bytes = 0)
{
    QByteArray out;
    for (int i = first; i < first + count; ++i) {
        QByteArray line = measurement + ",domain=sensor,entity_id=e" +
                          QByteArray::number(i % series) + " value=" + QByteArray::number(i) + ".5";
        if (bytes > 0 && line.size() < bytes - 40)
            line += ",note_str=\"" + QByteArray(bytes - 40 - line.size(), 'n') + '"';
        out += line + ' ' + QByteArray::number(firstUs + i) + '\n';
    }
    return out;
}

inline QList<qint64> eventTimes(int count, qint64 us)
{
    return QList<qint64>(count, us);
}

inline qint64 nowUs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000;
}

} // namespace hai::test
