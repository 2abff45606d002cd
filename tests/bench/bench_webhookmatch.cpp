// SPDX-License-Identifier: GPL-3.0-or-later
// Webhook matching benchmark: WebhookMatcher::match() on one core over state_changed events of
// a generated home (registry written to SQLite and read back with WebhookRegistryView::load),
// for 1, 10 and 100 webhooks mixing globs, exact ids, domains, areas, devices, to_state and
// numeric bounds, plus 100 webhooks that never match (the reject path). Also counts heap
// allocations inside match() when nothing matches. Prints figures only; never asserts.
//   taskset -c 1 bench_webhookmatch [--seconds S] [--devices N] [--only TEXT]
#include "benchstats.h"
#include "homeassistant/haevent.h"
#include "registry/database.h"
#include "registrysamples.h"
#include "webhooks/webhookmatcher.h"
#include "webhooks/webhookregistryview.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace Qt::StringLiterals;
using namespace hai;

// Counts malloc calls while g_counting is set, to show that match() allocates nothing when no
// webhook matches. glibc only; ASan brings its own allocator, so it is left alone there.
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
#define HAI_COUNT_ALLOCATIONS 1
extern "C" {
void *__libc_malloc(size_t size);
void *__libc_calloc(size_t count, size_t size);
void *__libc_realloc(void *pointer, size_t size);
}
namespace {
thread_local bool g_counting = false;
thread_local qint64 g_allocations = 0;
} // namespace
extern "C" void *malloc(size_t size)
{
    if (g_counting)
        ++g_allocations;
    return __libc_malloc(size);
}
extern "C" void *calloc(size_t count, size_t size)
{
    if (g_counting)
        ++g_allocations;
    return __libc_calloc(count, size);
}
extern "C" void *realloc(void *pointer, size_t size)
{
    if (g_counting)
        ++g_allocations;
    return __libc_realloc(pointer, size);
}
#endif

namespace {

constexpr qint64 kStartUs = 1767607200000000;

double threadCpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

HaStateRecord record(const QString &state, qint64 us, const QString &friendlyName)
{
    HaStateRecord r;
    r.valid = true;
    r.state = state;
    HaAttribute name{u"friendly_name"_s, {}};
    name.value.kind = HaAttributeValue::Kind::String;
    name.value.text = friendlyName;
    r.attributes = {name};
    r.lastChangedUs = r.lastUpdatedUs = us;
    return r;
}

// One state_changed per registry entity, with states that fit its domain; one in 50 goes
// unavailable, one in 40 is "unknown", so entity_unavailable and non-numeric states occur.
std::vector<HaEvent> generateEvents(const WebhookRegistryView &view)
{
    QStringList ids = view.entities.keys();
    std::sort(ids.begin(), ids.end());
    std::vector<HaEvent> events;
    events.reserve(size_t(ids.size()));
    int i = 0;
    for (const QString &id : std::as_const(ids)) {
        const QStringView domain = QStringView(id).first(id.indexOf(u'.'));
        QString oldState, newState;
        if (domain == u"sensor" || domain == u"number") {
            oldState = QString::number(15 + (i % 200) * 0.1, 'f', 1);
            newState = QString::number(15.05 + (i % 211) * 0.1, 'f', 2);
        } else if (domain == u"select") {
            oldState = u"eco"_s;
            newState = u"comfort"_s;
        } else if (domain == u"button") {
            oldState = u"2026-01-05T09:00:00+00:00"_s;
            newState = u"2026-01-05T10:00:00+00:00"_s;
        } else {
            oldState = i % 2 ? u"on"_s : u"off"_s;
            newState = i % 2 ? u"off"_s : u"on"_s;
        }
        if (i % 50 == 7)
            newState = u"unavailable"_s;
        else if (i % 40 == 3)
            newState = u"unknown"_s;
        HaEvent event;
        event.eventType = u"state_changed"_s;
        event.entityId = id;
        event.oldState = record(oldState, kStartUs - 60000000, id);
        event.newState = record(newState, kStartUs, id);
        event.timeFiredUs = event.lastUpdatedUs = kStartUs;
        events.push_back(std::move(event));
        ++i;
    }
    return events;
}

QString numbered(const QString &prefix, int number, int width)
{
    return prefix + u"%1"_s.arg(number, width, 10, QLatin1Char('0'));
}

// The i-th webhook of a realistic mix; i varies the ids, areas and bounds it asks for.
Webhook mixedWebhook(int i, int devices)
{
    Webhook w;
    w.id = numbered(u"wh-"_s, i, 3);
    w.url = QUrl(u"https://example.com/hook"_s);
    w.secret = u"0123456789abcdef"_s;
    w.events = {u"state_changed"_s};
    WebhookFilter &f = w.filter;
    const int device = (i * 37) % devices;
    switch (i % 10) {
    case 0: // one device's sensors, by glob
        f.entityIds = {u"sensor."_s + numbered(u"dev_"_s, device, 5) + u"_*"_s};
        break;
    case 1:
        f.domains = {u"light"_s, u"switch"_s};
        f.toState = {u"on"_s};
        break;
    case 2:
        f.areaIds = {numbered(u"area_"_s, i % 100, 3), numbered(u"area_"_s, (i + 1) % 100, 3)};
        break;
    case 3:
        f.domains = {u"sensor"_s};
        f.numericAbove = 30 + i % 5;
        f.numericBelow = 34 + i % 5;
        break;
    case 4:
        w.events = {u"entity_unavailable"_s};
        f.domains = {u"sensor"_s, u"binary_sensor"_s};
        break;
    case 5: // twenty exact ids
        for (int d = 0; d < 20; ++d)
            f.entityIds.append(u"switch."_s + numbered(u"dev_"_s, (device + d) % devices, 5) +
                               u"_0"_s);
        break;
    case 6:
        for (int d = 0; d < 5; ++d)
            f.deviceIds.append(numbered(u"dev_"_s, (device + d * 11) % devices, 5));
        break;
    case 7:
        f.entityIds = {u"binary_sensor.*_5"_s, u"binary_sensor.*_10"_s};
        f.toState = {u"on"_s};
        f.areaIds = {numbered(u"area_"_s, i % 100, 3)};
        break;
    case 8:
        w.events = {u"automation_triggered"_s, u"device_added"_s};
        break;
    default:
        f.entityIds = {u"*_temperature"_s, u"sensor.dev_0??1?_*"_s};
        f.numericBelow = 0;
        break;
    }
    return w;
}

// Webhooks whose filters never hold for these events but still make match() look: the cost
// of saying no.
Webhook neverWebhook(int i)
{
    Webhook w = mixedWebhook(i, 1);
    w.id = numbered(u"never-"_s, i, 3);
    w.events = {u"state_changed"_s};
    w.filter = {};
    switch (i % 4) {
    case 0:
        w.filter.entityIds = {u"sensor.nowhere_*"_s, u"light.none"_s};
        break;
    case 1:
        w.filter.domains = {u"climate"_s};
        break;
    case 2:
        w.filter.areaIds = {u"area_none"_s};
        break;
    default:
        w.filter.numericAbove = 1e9;
        break;
    }
    return w;
}

QString g_only;

#ifdef HAI_COUNT_ALLOCATIONS
// Whether the counter sees Qt's allocations at all, so a 0 below means something.
bool countingWorks()
{
    g_allocations = 0;
    g_counting = true;
    const QString probe(100, u'x');
    g_counting = false;
    return g_allocations > 0 && probe.size() == 100;
}
#endif

void run(const char *name, const WebhookList &webhooks, const std::vector<HaEvent> &events,
         const WebhookRegistryView &view, double seconds)
{
    if (!QString::fromUtf8(name).contains(g_only))
        return;
    const WebhookMatcher matcher(webhooks);
    QList<WebhookMatcher::Match> matches;
    matches.reserve(1024);
    // One pass to warm caches, counting matches for the rate.
    qint64 matched = 0;
    for (const HaEvent &event : events) {
        matcher.match(event, view, &matches);
        matched += matches.size();
        matches.clear();
    }
    qint64 count = 0;
    QElapsedTimer wall;
    const double cpuStart = threadCpuSeconds();
    wall.start();
    while (wall.nsecsElapsed() < qint64(seconds * 1e9)) {
        for (const HaEvent &event : events) {
            matcher.match(event, view, &matches);
            matches.clear(); // keeps the capacity
        }
        count += qint64(events.size());
    }
    const double elapsed = double(wall.nsecsElapsed()) / 1e9;
    const double cpu = threadCpuSeconds() - cpuStart;
    const double nsPerEvent = elapsed * 1e9 / double(count);
    std::printf("  %-28s %4lld webhooks  %7.1f ns/event/webhook  %8.0f ns/event (cpu %8.0f)  "
                "%10.0f events/s  %.3f matches/event\n",
                name, static_cast<long long>(webhooks.size()), nsPerEvent / double(webhooks.size()),
                nsPerEvent, cpu * 1e9 / double(count), double(count) / elapsed,
                double(matched) / double(events.size()));
#ifdef HAI_COUNT_ALLOCATIONS
    // Allocations in match() for events no webhook takes.
    if (!countingWorks()) {
        std::printf("  %-28s (the allocation counter sees nothing here)\n", "");
        return;
    }
    qint64 quiet = 0, allocations = 0;
    for (const HaEvent &event : events) {
        g_allocations = 0;
        g_counting = true;
        matcher.match(event, view, &matches);
        g_counting = false;
        if (matches.isEmpty()) {
            ++quiet;
            allocations += g_allocations;
        }
        matches.clear();
    }
    std::printf("  %-28s allocations in match() without a match: %lld over %lld events\n", "",
                static_cast<long long>(allocations), static_cast<long long>(quiet));
#endif
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption secondsOption(u"seconds"_s, u"Seconds per configuration."_s, u"S"_s,
                                           u"2"_s);
    const QCommandLineOption devicesOption(u"devices"_s, u"Devices (10 entities each)."_s, u"N"_s,
                                           u"2000"_s);
    const QCommandLineOption onlyOption(u"only"_s, u"Run configurations whose name has TEXT."_s,
                                        u"TEXT"_s);
    parser.addOptions({secondsOption, devicesOption, onlyOption});
    parser.process(app);
    g_only = parser.value(onlyOption);
    const double seconds = qMax(0.1, parser.value(secondsOption).toDouble());
    const int devices = qMax(100, parser.value(devicesOption).toInt());

    std::printf("bench_webhookmatch: %d devices x 10 entities, %.1f s per configuration, one "
                "thread\n%s\n",
                devices, seconds, qPrintable(test::machineSummary()));

    QTemporaryDir dir;
    DatabaseLocation location;
    location.sqlitePath = dir.filePath(u"registry.db"_s);
    QString error;
    Database database;
    if (!test::openMigrated(database, location, &error)) {
        std::fprintf(stderr, "registry: %s\n", qPrintable(error));
        return 1;
    }
    {
        RegistryWriter writer(database);
        if (!test::writeSample(writer, test::generatedHome(devices, 10), RegistryWriter::Mode::Full,
                               &error)) {
            std::fprintf(stderr, "registry: %s\n", qPrintable(error));
            return 1;
        }
    }
    QElapsedTimer loadTimer;
    loadTimer.start();
    const auto view = WebhookRegistryView::load(database, &error);
    if (!view) {
        std::fprintf(stderr, "registry view: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("  WebhookRegistryView::load: %lld entities, %lld devices, %lld areas in %.1f ms\n",
                static_cast<long long>(view->entities.size()),
                static_cast<long long>(view->deviceAreas.size()),
                static_cast<long long>(view->areaNames.size()),
                double(loadTimer.nsecsElapsed()) / 1e6);

    const std::vector<HaEvent> events = generateEvents(*view);
    for (const int n : {1, 10, 100}) {
        WebhookList webhooks;
        for (int i = 0; i < n; ++i)
            webhooks.append(mixedWebhook(i, devices));
        run("mixed", webhooks, events, *view, seconds);
    }
    WebhookList never;
    for (int i = 0; i < 100; ++i)
        never.append(neverWebhook(i));
    run("never matching", never, events, *view, seconds);
    WebhookList unfiltered;
    for (int i = 0; i < 100; ++i)
        unfiltered.append(mixedWebhook(8, devices)); // other event types: rejected by type
    run("other event types", unfiltered, events, *view, seconds);
    return 0;
}
