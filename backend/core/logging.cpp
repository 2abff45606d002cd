// SPDX-License-Identifier: GPL-3.0-or-later
#include "logging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMutex>
#include <QThread>

#include <cstdio>
#include <deque>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcCore, "hai.core")
Q_LOGGING_CATEGORY(lcRegistry, "hai.registry")
Q_LOGGING_CATEGORY(lcApi, "hai.api")
Q_LOGGING_CATEGORY(lcHa, "hai.ha")
Q_LOGGING_CATEGORY(lcDemo, "hai.demo")
Q_LOGGING_CATEGORY(lcInflux, "hai.influx")
Q_LOGGING_CATEGORY(lcWebhooks, "hai.webhooks")

namespace hai {

namespace {

constexpr qint64 kMaxLogBytes = 5 * 1024 * 1024;
constexpr int kKeptLogFiles = 3; // ha-ingestor.log plus .1 and .2

struct LogSink
{
    QMutex mutex;
    QFile file;
    QString path;
    // The in-memory records have their own lock, so a reader (the GUI) never waits while
    // another thread writes to stderr or the file.
    QMutex ringMutex;
    std::deque<LogRecord> ring; // the newest kLogRingCapacity records
    quint64 lastSequence = 0;
};

LogSink &sink()
{
    static LogSink instance;
    return instance;
}

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "error";
    case QtFatalMsg:
        return "fatal";
    }
    return "?";
}

void rotateLocked(LogSink &s)
{
    s.file.close();
    for (int i = kKeptLogFiles - 1; i >= 1; --i) {
        const QString from = i == 1 ? s.path : s.path + u'.' + QString::number(i - 1);
        const QString to = s.path + u'.' + QString::number(i);
        QFile::remove(to);
        QFile::rename(from, to);
    }
    s.file.open(QIODevice::WriteOnly | QIODevice::Append);
}

void handleMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    QThread *thread = QThread::currentThread();
    QString threadName = thread ? thread->objectName() : QString();
    if (threadName.isEmpty())
        threadName = u"main"_s;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString category = QLatin1String(context.category ? context.category : "default");
    const QByteArray line =
        (now.toString(Qt::ISODateWithMs) + u' ' + QLatin1String(levelName(type)) + u" ["_s +
         threadName + u"] "_s + category + u": "_s + message + u'\n')
            .toUtf8();
    LogSink &s = sink();
    {
        QMutexLocker ringLock(&s.ringMutex);
        s.ring.push_back(
            {++s.lastSequence, now.toMSecsSinceEpoch(), type, category, threadName, message});
        if (s.ring.size() > size_t(kLogRingCapacity))
            s.ring.pop_front();
    }
    QMutexLocker lock(&s.mutex);
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
    if (s.file.isOpen()) {
        s.file.write(line);
        s.file.flush();
        if (s.file.size() > kMaxLogBytes)
            rotateLocked(s);
    }
}

} // namespace

void installLogging(LogLevel level, const QString &logDir)
{
    QString rules = u"qt.*.debug=false\n"_s;
    switch (level) {
    case LogLevel::Error:
        rules += u"*.warning=false\n"_s;
        Q_FALLTHROUGH();
    case LogLevel::Warning:
        rules += u"*.info=false\n"_s;
        Q_FALLTHROUGH();
    case LogLevel::Info:
        rules += u"*.debug=false\n"_s;
        break;
    case LogLevel::Debug:
        rules += u"hai.*.debug=true\n"_s;
        break;
    }
    QLoggingCategory::setFilterRules(rules);

    LogSink &s = sink();
    {
        QMutexLocker lock(&s.mutex);
        s.file.close();
        if (!logDir.isEmpty() && QDir().mkpath(logDir)) {
            s.path = logDir + u"/ha-ingestor.log"_s;
            s.file.setFileName(s.path);
            s.file.open(QIODevice::WriteOnly | QIODevice::Append);
        }
    }
    qInstallMessageHandler(handleMessage);
}

void uninstallLogging()
{
    qInstallMessageHandler(nullptr);
    LogSink &s = sink();
    QMutexLocker lock(&s.mutex);
    s.file.close();
}

QList<LogRecord> logRecordsSince(quint64 afterSequence)
{
    LogSink &s = sink();
    QMutexLocker lock(&s.ringMutex);
    QList<LogRecord> records;
    if (s.ring.empty() || afterSequence >= s.lastSequence)
        return records;
    // Sequences in the ring are consecutive, so the first wanted one is found by arithmetic.
    const quint64 first = s.ring.front().sequence;
    const size_t start = afterSequence < first ? 0 : size_t(afterSequence + 1 - first);
    records.reserve(qsizetype(s.ring.size() - start));
    for (size_t i = start; i < s.ring.size(); ++i)
        records.append(s.ring[i]);
    return records;
}

} // namespace hai
