// SPDX-License-Identifier: GPL-3.0-or-later
// Webhook delivery throughput: WebhookDispatcher in its own "webhooks" thread, as the app runs
// it, sending N webhooks x M deliveries to
//   (a) Debian's real `webhook` receiver (it verifies the HMAC and forks a recording script
//       per request, so it is the slow side), and
//   (b) a minimal HTTP/1.1 keep-alive responder in another thread of this process, which shows
//       the dispatcher's own ceiling.
// Prints deliveries/s, p50/p99 attempt latency and CPU time per delivery; never asserts on time.
//   bench_webhookdispatch [--webhooks N] [--deliveries M] [--payload-bytes B]
//                         [--in-flight-per-webhook K] [--in-flight-total T] [--skip-receiver]
#include "benchstats.h"
#include "core/thread.h"
#include "webhookreceiver.h"
#include "webhooks/webhookdispatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

#include <cstdio>
#include <ctime>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace hai;

namespace {

constexpr int kRunTimeoutMs = 600'000;
const QString kSecret = u"bench-secret"_s;

double processCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

// Answers every request with an empty 200 and keeps the connection open. Lives in its own
// thread, so its CPU shows in the process total but not in the dispatcher thread's.
class KeepAliveResponder : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        connect(socket, &QTcpSocket::readyRead, socket, [socket] { answer(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

private:
    static void answer(QTcpSocket *socket)
    {
        QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
        for (;;) {
            const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
            if (headEnd < 0)
                break;
            const qsizetype lengthAt = buffer.indexOf("ontent-Length:", 0);
            qsizetype length = 0;
            if (lengthAt >= 0 && lengthAt < headEnd)
                length = buffer.mid(lengthAt + 14, buffer.indexOf('\r', lengthAt) - lengthAt - 14)
                             .trimmed()
                             .toLongLong();
            if (buffer.size() < headEnd + 4 + length)
                break;
            buffer.remove(0, headEnd + 4 + length);
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        }
        socket->setProperty("buffer", buffer);
    }
};

struct Config
{
    int webhooks = 10;
    int deliveries = 500; // per webhook
    int payloadBytes = 600;
    WebhookDispatcherOptions options;
};

WebhookDeliveryList makeDeliveries(const WebhookList &webhooks, const Config &config)
{
    WebhookDeliveryList deliveries;
    const QByteArray filler(qMax(0, config.payloadBytes - 120), 'x');
    qint64 seq = 0;
    // Interleaved across webhooks, as events fan out to their subscribers.
    for (int i = 0; i < config.deliveries; ++i) {
        for (const Webhook &webhook : webhooks) {
            WebhookDelivery delivery;
            delivery.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            delivery.webhookId = webhook.id;
            delivery.eventType = u"state_changed"_s;
            delivery.seq = ++seq;
            delivery.payload = R"({"delivery_id":")" + delivery.id.toUtf8() +
                               R"(","event_type":"state_changed","data":{"filler":")" + filler +
                               "\"}}";
            deliveries.append(delivery);
        }
    }
    return deliveries;
}

// One run: every delivery sent until the dispatcher is drained; prints one line.
void run(const char *name, const QUrl &url, const Config &config)
{
    WebhookList webhooks;
    for (int i = 0; i < config.webhooks; ++i) {
        Webhook webhook;
        webhook.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        webhook.name = u"bench %1"_s.arg(i);
        webhook.url = url;
        webhook.secret = kSecret;
        webhooks.append(webhook);
    }
    const WebhookDeliveryList deliveries = makeDeliveries(webhooks, config);

    ThreadPtr thread = startNamedThread(u"webhooks"_s);
    auto *dispatcher = new WebhookDispatcher(config.options);
    dispatcher->moveToThread(thread.get());

    QList<double> latencies;
    latencies.reserve(deliveries.size());
    int delivered = 0;
    int failed = 0;
    QString firstError;
    QEventLoop loop;
    QObject context;
    QObject::connect(dispatcher, &WebhookDispatcher::attempted, &context,
                     [&](const DeliveryAttempt &attempt) {
                         latencies.append(attempt.elapsedMs);
                         if (attempt.delivered)
                             ++delivered;
                         else if (++failed == 1)
                             firstError = attempt.error;
                     });
    QObject::connect(dispatcher, &WebhookDispatcher::drained, &loop, &QEventLoop::quit);
    QTimer::singleShot(kRunTimeoutMs, &loop, &QEventLoop::quit);

    const double threadCpuStart = invokeIn(dispatcher, [] { return threadCpuSeconds(); });
    const double cpuStart = processCpuSeconds();
    QElapsedTimer wall;
    wall.start();
    QMetaObject::invokeMethod(dispatcher, [dispatcher, webhooks, deliveries] {
        dispatcher->setWebhooks(webhooks);
        dispatcher->enqueue(deliveries);
    });
    loop.exec();
    const double seconds = double(wall.nsecsElapsed()) / 1e9;
    const double cpu = processCpuSeconds() - cpuStart;
    const double threadCpu =
        invokeIn(dispatcher, [] { return threadCpuSeconds(); }) - threadCpuStart;
    QMetaObject::invokeMethod(
        dispatcher, [dispatcher] { delete dispatcher; }, Qt::BlockingQueuedConnection);
    QCoreApplication::processEvents(); // attempts still queued to this thread

    const test::Percentiles latency = test::Percentiles::of(latencies);
    const int total = int(deliveries.size());
    std::printf("  %-34s %6d delivered in %6.2f s = %8.0f deliveries/s\n", name, delivered, seconds,
                double(delivered) / seconds);
    std::printf("  %-34s attempt latency p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", "", latency.p50,
                latency.p99, latency.max);
    std::printf("  %-34s CPU per delivery: process %.1f us, dispatcher thread %.1f us\n", "",
                cpu * 1e6 / total, threadCpu * 1e6 / total);
    if (delivered != total)
        std::printf("  %-34s NOT ALL DELIVERED: %d of %d, %d failed attempts (first: %s)\n", "",
                    delivered, total, failed, qPrintable(firstError));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption webhooksOption(u"webhooks"_s, u"Webhooks."_s, u"N"_s, u"10"_s);
    const QCommandLineOption deliveriesOption(u"deliveries"_s, u"Deliveries per webhook."_s, u"M"_s,
                                              u"500"_s);
    const QCommandLineOption payloadOption(u"payload-bytes"_s, u"Body size."_s, u"B"_s, u"600"_s);
    const QCommandLineOption perWebhookOption(u"in-flight-per-webhook"_s,
                                              u"Requests in flight per webhook."_s, u"K"_s, u"4"_s);
    const QCommandLineOption totalOption(u"in-flight-total"_s, u"Requests in flight in all."_s,
                                         u"T"_s, u"32"_s);
    const QCommandLineOption skipReceiverOption(u"skip-receiver"_s,
                                                u"Only the in-bench responder."_s);
    parser.addOptions({webhooksOption, deliveriesOption, payloadOption, perWebhookOption,
                       totalOption, skipReceiverOption});
    parser.process(app);

    Config config;
    config.webhooks = qMax(1, parser.value(webhooksOption).toInt());
    config.deliveries = qMax(1, parser.value(deliveriesOption).toInt());
    config.payloadBytes = parser.value(payloadOption).toInt();
    config.options.inFlightPerWebhook = parser.value(perWebhookOption).toInt();
    config.options.inFlightTotal = parser.value(totalOption).toInt();
    config.options.maxAttempts = 3;
    config.options.retryBaseSeconds = 0.1;
    config.options.timeoutMs = 10'000;

    std::printf("%s\n", qPrintable(test::machineSummary()));
    std::printf("webhook dispatch: %d webhooks x %d deliveries of ~%d bytes, in flight %d per "
                "webhook / %d total, all to one host:port\n",
                config.webhooks, config.deliveries, config.payloadBytes,
                config.options.inFlightPerWebhook, config.options.inFlightTotal);

    if (!parser.isSet(skipReceiverOption)) {
        test::WebhookReceiver receiver;
        QString error;
        if (!receiver.start(kSecret, &error)) {
            std::printf("  (a) real webhook receiver: skipped: %s\n", qPrintable(error));
        } else {
            run("(a) webhook 2.8.0 receiver", receiver.url(), config);
            const int recorded = int(receiver.received().size());
            std::printf("  %-34s receiver recorded %d requests\n", "", recorded);
        }
    }

    ThreadPtr responderThread = startNamedThread(u"responder"_s);
    auto *responder = new KeepAliveResponder;
    responder->moveToThread(responderThread.get());
    const quint16 port = invokeIn(responder, [responder] {
        return responder->listen(QHostAddress::LocalHost, 0) ? responder->serverPort() : quint16(0);
    });
    run("(b) in-bench keep-alive responder", QUrl(u"http://127.0.0.1:%1/hook"_s.arg(port)), config);
    QMetaObject::invokeMethod(
        responder, [responder] { delete responder; }, Qt::BlockingQueuedConnection);
    return 0;
}
