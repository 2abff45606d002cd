// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "batchassembler.h"
#include "batchscheduler.h"
#include "batchsettler.h"
#include "core/timeseriessettings.h"
#include "influxendpoint.h"
#include "influxhealth.h"
#include "influxwriterstats.h"
#include "writebatch.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace hai {

// Sends line protocol to InfluxDB (v1 /write or v2 /api/v2/write) in batches of batchSize
// points or every flushIntervalMs, gzipped from gzipMinBytes, with at most two requests in
// flight. Nothing is lost: a batch that cannot be written now goes to the disk spool (fsync-ed)
// and is replayed, oldest first, when InfluxDB answers again, alongside live batches. Lines
// InfluxDB refuses (400/422) are isolated by bisection and kept in dead-letter files.
// acknowledged(token) says every point appended with a token up to it is written or spooled.
//
// Lives in one worker thread: construct, moveToThread(), then call start() and everything
// else in that thread (QMetaObject::invokeMethod from outside). stats() is for any thread.
class InfluxWriter : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxInFlight = 2;
    static constexpr int kDefaultStopTimeoutMs = 5000;

    // The spool goes to <dataDir>/spool, refused lines to <dataDir>/deadletter.
    InfluxWriter(const InfluxOptions &options, const QString &dataDir, QObject *parent = nullptr);
    ~InfluxWriter() override;

    std::shared_ptr<InfluxWriterStats> stats() const { return m_stats; }

    // Creates the network manager and opens the spool (replaying what a previous run left).
    // False when the spool cannot be opened: writing goes on, but without a safety net.
    bool start(QString *error = nullptr);
    // `lines`: `points` lines, each ending in '\n', µs timestamps. Tokens must not decrease;
    // eventTimesUs (HA last_updated per point, may be empty) feed the lag figures.
    void append(const QByteArray &lines, int points, quint64 ackToken,
                const QList<qint64> &eventTimesUs = {});
    // A URL arriving late (the managed influxd) or changing. Empty: everything is spooled,
    // with `reasonWhenEmpty` (default "no InfluxDB configured") as the status message.
    void setUrl(const QUrl &url, const QString &reasonWhenEmpty = {});
    void flush(); // closes the open batch now
    // Sends what it can within timeoutMs, spools the rest, emits the final acknowledged() and
    // then stopped(). Appends after that go straight to the spool.
    void stop(int timeoutMs = kDefaultStopTimeoutMs);
    bool isStopped() const { return m_finished; }

Q_SIGNALS:
    void acknowledged(quint64 token);
    void statusChanged(const QString &status, const QString &message);
    void stopped();

private:
    struct Request
    {
        WriteBatchPtr batch; // null for CREATE DATABASE
        BatchSplitter::Range range;
        bool whole = true;
    };

    void closeBatch();
    void dispatch(const WriteBatchPtr &batch);
    void pump();
    void send(const WriteBatchPtr &batch);
    void sendCreateDatabase(bool ahead);
    void watch(QNetworkReply *reply);
    void onFinished(QNetworkReply *reply);
    void onWritten(const Request &request);
    void onRejected(const Request &request, const InfluxResponse &response);
    void onFailed(const Request &request, const InfluxResponse &response);
    void onCreateDatabaseFinished(const InfluxResponse &response, const QByteArray &body);
    void finish(const WriteBatchPtr &batch);
    void spoolBatch(const WriteBatchPtr &batch);
    void spoolQueued();
    void recordFailure(const InfluxResponse &response, const QString &message);
    void maybeFinishStop();
    void finishStop(bool emitSignals);
    void publish();
    qint64 nowMs() const { return m_clock.elapsed(); }

    InfluxOptions m_options;
    InfluxEndpoint m_endpoint;
    InfluxHealth m_health;
    std::shared_ptr<InfluxWriterStats> m_stats;
    InfluxWriterFigures m_figures;
    BatchSettler m_settler; // after m_figures, which it updates
    BatchAssembler m_assembler;
    QElapsedTimer m_clock;

    QNetworkAccessManager *m_nam = nullptr;
    QTimer *m_flushTimer = nullptr;
    QTimer *m_retryTimer = nullptr;
    QTimer *m_stopTimer = nullptr;

    BatchScheduler m_scheduler;
    QHash<QNetworkReply *, Request> m_inFlight;
    bool m_creatingDatabase = false;
    bool m_creatingAhead = false; // before the first write, not after a 404
    bool m_stopping = false;
    bool m_finished = false;
    bool m_quiet = false; // finishing in the destructor: no signals
    QString m_publishedStatus, m_publishedMessage;
};

} // namespace hai
