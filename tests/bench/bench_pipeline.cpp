// SPDX-License-Identifier: GPL-3.0-or-later
// The ingest pipeline in process, on one core: real DemoHome event frames (UTF-8 JSON, as they
// come off the socket) -> HaEvent -> point -> line protocol. Compares the general parser
// (QJsonDocument + HaEventParser) with the fast one (simdjson) that ingestion uses.
// Prints events/s and µs/event; never asserts on time.
#include "benchstats.h"
#include "demoframes.h"
#include "homeassistant/haeventparser.h"
#include "homeassistant/hafasteventparser.h"
#include "homeassistant/haframeparser.h"
#include "timeseries/statemapper.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>
#include <ctime>

using namespace Qt::StringLiterals;
using namespace hai;

namespace {

double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

struct Rate
{
    qint64 events = 0;
    double cpuSeconds = 0;
    void print(const char *what) const
    {
        std::printf("  %-52s %9.0f events/s  %6.2f us/event (CPU)\n", what,
                    double(events) / cpuSeconds, cpuSeconds * 1e6 / double(events));
    }
};

template <typename Work>
Rate measure(const QList<QByteArray> &frames, qint64 eventsPerPass, double seconds, Work work)
{
    Rate rate;
    const double start = threadCpuSeconds();
    do {
        for (const QByteArray &frame : frames)
            work(frame);
        rate.events += eventsPerPass;
        rate.cpuSeconds = threadCpuSeconds() - start;
    } while (rate.cpuSeconds < seconds);
    return rate;
}

Rate generalParser(const QList<QByteArray> &frames, qint64 events, double seconds)
{
    return measure(frames, events, seconds, [](const QByteArray &frame) {
        QList<QJsonObject> messages;
        HaFrameParser::parse(frame, &messages, nullptr);
        for (const QJsonObject &message : std::as_const(messages)) {
            HaEvent event;
            QString why;
            HaEventParser::parse(message.value(u"event"_s).toObject(), &event, &why);
        }
    });
}

Rate fastParser(const QList<QByteArray> &frames, qint64 events, double seconds)
{
    HaFastEventParser parser;
    HaFastEventParser::Parsed parsed;
    return measure(frames, events, seconds, [&](const QByteArray &frame) {
        parsed.clear();
        if (!parser.parseFrame(frame, &parsed))
            qFatal("the fast parser declined a DemoHome frame");
    });
}

// The whole in-process path as the app runs it: fast parse, then map and encode every event
// into one growing line-protocol buffer (cleared at the writer's batch size).
Rate fullPipeline(const QList<QByteArray> &frames, qint64 events, double seconds,
                  const MappingOptions &options, qint64 *bytesOut)
{
    HaFastEventParser parser;
    HaFastEventParser::Parsed parsed;
    StateMapper mapper(options);
    QByteArray lines;
    qint64 bytes = 0;
    const Rate rate = measure(frames, events, seconds, [&](const QByteArray &frame) {
        parsed.clear();
        if (!parser.parseFrame(frame, &parsed))
            qFatal("the fast parser declined a DemoHome frame");
        for (const auto &[id, event] : std::as_const(parsed))
            mapper.map(event, &lines);
        if (lines.size() > 4 * 1024 * 1024) {
            bytes += lines.size();
            lines.clear();
        }
    });
    *bytesOut = bytes + lines.size();
    return rate;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser options;
    options.addHelpOption();
    options.addOption({u"events"_s, u"Distinct events generated."_s, u"N"_s, u"50000"_s});
    options.addOption({u"seconds"_s, u"CPU seconds per measurement."_s, u"S"_s, u"3"_s});
    options.process(app);
    const int events = options.value(u"events"_s).toInt();
    const double seconds = options.value(u"seconds"_s).toDouble();

    std::printf("bench_pipeline: %s\n", qPrintable(test::machineSummary()));
    for (const int perFrame : {1, 50}) {
        const QList<QByteArray> frames = test::demoEventFrames(events, perFrame, 1000);
        qint64 bytes = 0;
        for (const QByteArray &frame : frames)
            bytes += frame.size();
        std::printf("\n%d DemoHome events, %d per frame, %.0f bytes/event on average:\n", events,
                    perFrame, double(bytes) / events);
        generalParser(frames, events, seconds).print("parse: QJsonDocument + HaEventParser");
        fastParser(frames, events, seconds).print("parse: HaFastEventParser (simdjson)");
        for (const PointSchema schema : {PointSchema::HomeIq, PointSchema::Ha}) {
            MappingOptions mapping;
            mapping.schema = schema;
            qint64 lineBytes = 0;
            const Rate rate = fullPipeline(frames, events, seconds, mapping, &lineBytes);
            rate.print(schema == PointSchema::HomeIq ? "frame -> point -> line, homeiq schema"
                                                     : "frame -> point -> line, ha schema");
            std::printf("  %-52s %9.0f bytes/point\n", "  line protocol",
                        double(lineBytes) / double(rate.events));
        }
    }
    return 0;
}
