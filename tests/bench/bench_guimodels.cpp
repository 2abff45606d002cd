// SPDX-License-Identifier: GPL-3.0-or-later
// GUI models benchmark: a generated registry (default 10,000 devices x 10 entities) in SQLite,
// then the Devices and Entities pages on their RegistryFeed thread, offscreen.
//   1. cold start: from creating the feed, models and pages until both tables hold every row
//      and the event loop answers; the GUI thread's stalls during the fill;
//   2. RSS after the fill (current and peak);
//   3. a live-state burst (default 10,000 events/s for 5 s) applied to the LiveStateCache from
//      another thread while a 10 ms timer on the GUI thread records its drift; once with the
//      random entities, once on the rows on screen only, once filtering by state (the poller
//      then re-reads every row every 2 s);
//   4. 1,000 devices renamed in one registry write: time until the rows show it, and stalls.
// Prints figures only; never asserts on time.
//   bench_guimodels [--devices N] [--entities-per-device M] [--rate EVENTS_PER_S] [--seconds S]
#include "benchstats.h"
#include "core/thread.h"
#include "guisettings.h"
#include "homeassistant/hatime.h"
#include "homeassistant/livestatecache.h"
#include "models/devicefilterproxy.h"
#include "models/devicetablemodel.h"
#include "models/entitytablemodel.h"
#include "models/registrymodels.h"
#include "pages/devicespage.h"
#include "pages/entitiespage.h"
#include "registry/registryservice.h"
#include "registrysamples.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <malloc.h>
#include <thread>

using namespace Qt::StringLiterals;
using namespace hai;

namespace {

void print(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

double mib(qint64 kib)
{
    return double(kib) / 1024.0;
}

// Bytes malloc has handed out and not had back: RSS without the allocator's slack.
double heapMiB()
{
    const struct mallinfo2 info = mallinfo2();
    return double(info.uordblks + info.hblkhd) / (1024.0 * 1024.0);
}

// A 10 ms timer on the GUI thread; each late tick is a stall of the event loop by that much.
class DriftProbe
{
public:
    DriftProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(kIntervalMs);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] {
            const double elapsed = msSince(m_clock);
            m_clock.start();
            m_stalls.append(qMax(0.0, elapsed - kIntervalMs));
        });
    }
    void start()
    {
        m_stalls.clear();
        m_clock.start();
        m_timer.start();
    }
    test::Percentiles stop()
    {
        m_timer.stop();
        return test::Percentiles::of(m_stalls);
    }
    qsizetype ticks() const { return m_stalls.size(); }

private:
    static constexpr int kIntervalMs = 10;
    QTimer m_timer;
    QElapsedTimer m_clock;
    QList<double> m_stalls;
};

// Runs the event loop until `done` or the timeout; returns whether `done` became true.
template <typename Done>
bool runUntil(Done done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

void runFor(int ms)
{
    runUntil([] { return false; }, ms);
}

HaEvent stateEvent(const QString &entityId, const QString &state, qint64 us)
{
    HaEvent event;
    event.eventType = u"state_changed"_s;
    event.entityId = entityId;
    event.newState.valid = true;
    event.newState.state = state;
    event.newState.lastChangedUs = us;
    event.newState.lastUpdatedUs = us;
    event.lastUpdatedUs = us;
    return event;
}

// Applies `rate` events per second in 10 ms batches from its own thread, like the "ha" thread.
class Burst
{
public:
    Burst(std::shared_ptr<LiveStateCache> cache, QStringList ids, int rate, int seconds)
        : m_thread([this, cache, ids, rate, seconds] { run(*cache, ids, rate, seconds); })
    {}
    ~Burst() { join(); }
    void join()
    {
        if (m_thread.joinable())
            m_thread.join();
    }
    qint64 applied() const { return m_applied; }

private:
    void run(LiveStateCache &cache, const QStringList &ids, int rate, int seconds)
    {
        using Clock = std::chrono::steady_clock;
        const int perBatch = qMax(1, rate / 100);
        QRandomGenerator random(42);
        qint64 us = HaTime::nowMicroseconds();
        const auto start = Clock::now();
        auto next = start;
        while (Clock::now() - start < std::chrono::seconds(seconds)) {
            HaEventList batch;
            batch.reserve(perBatch);
            for (int i = 0; i < perBatch; ++i) {
                const QString &id = ids.at(int(random.bounded(qint64(ids.size()))));
                batch.append(stateEvent(id, QString::number(random.bounded(1000)), ++us));
            }
            cache.apply(batch);
            m_applied += perBatch;
            next += std::chrono::milliseconds(10);
            std::this_thread::sleep_until(next);
        }
    }

    std::atomic<qint64> m_applied{0};
    std::thread m_thread;
};

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // page layouts go to a test folder
    GuiSettings().clear();                    // default columns and sort order
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({u"devices"_s, u"Devices in the registry."_s, u"N"_s, u"10000"_s});
    parser.addOption({u"entities-per-device"_s, u"Entities per device."_s, u"M"_s, u"10"_s});
    parser.addOption({u"rate"_s, u"Live-state events per second."_s, u"R"_s, u"10000"_s});
    parser.addOption({u"seconds"_s, u"Length of each burst."_s, u"S"_s, u"5"_s});
    parser.process(app);
    const int devices = parser.value(u"devices"_s).toInt();
    const int perDevice = parser.value(u"entities-per-device"_s).toInt();
    const int rate = parser.value(u"rate"_s).toInt();
    const int seconds = parser.value(u"seconds"_s).toInt();

    print(u"bench_guimodels on %1"_s.arg(test::machineSummary()));
    QTemporaryDir dir;
    DatabaseLocation location;
    location.sqlitePath = dir.filePath(u"metadata.db"_s);
    // The sample is big (JSON for 110,000 items): it is dropped before the GUI is measured,
    // keeping only the ids and the devices to rename later.
    auto home = std::make_unique<test::RegistrySample>(test::generatedHome(devices, perDevice));

    // The registry's writer in its own thread, as in the app.
    ThreadPtr registryThread = startNamedThread(u"registry"_s);
    auto *service = new RegistryService(location);
    service->moveToThread(registryThread.get());
    QString error;
    const bool written = invokeIn(service, [&] {
        if (!service->open(&error))
            return false;
        bool ok = false;
        service->apply(u"all"_s, [&](RegistryWriter &writer) {
            RegistryWriter::Outcome outcome;
            outcome.ok = ok = test::writeSample(writer, *home, RegistryWriter::Mode::Full, &error);
            return outcome;
        });
        return ok;
    });
    if (!written) {
        print(u"cannot write the registry: "_s + error);
        return 1;
    }
    print(u"registry: %1 devices, %2 entities, %3 MB in SQLite"_s.arg(home->devices.size())
              .arg(home->entities.size())
              .arg(double(QFileInfo(location.sqlitePath).size()) / 1e6, 0, 'f', 1));

    QStringList entityIds;
    for (const QJsonValue &entity : std::as_const(home->entities))
        entityIds.append(entity.toObject().value(u"entity_id"_s).toString());
    const int renameCount = qMin(1000, devices);
    QJsonArray renamed;
    for (int i = 0; i < renameCount; ++i) {
        QJsonObject device = home->devices.at(i * (devices / renameCount)).toObject();
        device.insert(u"name_by_user"_s, QString(u"Renamed "_s + QString::number(i)));
        renamed.append(device);
    }
    const int expectedEntities = int(home->entities.size());
    home.reset();
    malloc_trim(0); // hand the sample's memory back, so RSS shows what stays
    {
        QFile peak(u"/proc/self/clear_refs"_s); // "5" resets the peak (VmHWM) to the current RSS
        if (peak.open(QIODevice::WriteOnly))
            peak.write("5");
    }
    auto cache = std::make_shared<LiveStateCache>();
    {
        HaEventList events;
        const qint64 us = HaTime::nowMicroseconds();
        for (const QString &id : std::as_const(entityIds))
            events.append(stateEvent(id, id.startsWith(u"light."_s) ? u"on"_s : u"off"_s, us));
        cache->apply(events);
    }
    const qint64 rssBefore = test::currentRssKiB(0);
    const double heapBefore = heapMiB();
    print(u"RSS before the GUI (registry writer, %1 live states): %2 MiB"_s.arg(cache->size())
              .arg(mib(rssBefore), 0, 'f', 1));

    // 1. Cold start.
    print(u"cold start: feed + models + Devices and Entities pages"_s);
    DriftProbe probe;
    probe.start();
    QElapsedTimer cold;
    cold.start();
    auto *models = new RegistryModels(location, service, cache);
    QWidget window;
    auto *layout = new QHBoxLayout(&window);
    auto *devicesPage = new DevicesPage(models, &window);
    auto *entitiesPage = new EntitiesPage(models, &window);
    layout->addWidget(devicesPage, 3);
    layout->addWidget(entitiesPage, 2);
    window.resize(2400, 1000);
    models->start();
    window.show();
    const double shownMs = msSince(cold);
    double firstRowsMs = -1;
    QObject::connect(models->entities(), &QAbstractItemModel::rowsInserted, &window, [&] {
        if (firstRowsMs < 0)
            firstRowsMs = msSince(cold);
    });
    const bool filled = runUntil(
        [&] {
            return models->isLoaded() && models->devices()->rowCount() == devices &&
                   models->entities()->rowCount() == expectedEntities &&
                   devicesPage->proxy()->rowCount() == devices &&
                   entitiesPage->table()->model()->rowCount() == expectedEntities;
        },
        120000);
    const double filledMs = msSince(cold);
    // Usable: a zero timer posted now fires once the event loop gets to it.
    double usableMs = 0;
    QTimer::singleShot(0, &window, [&] { usableMs = msSince(cold); });
    runUntil([&] { return usableMs > 0; }, 10000);
    const test::Percentiles fillStalls = probe.stop();
    print(u"  window shown after %1 ms; first entity rows after %2 ms"_s.arg(shownMs, 0, 'f', 1)
              .arg(firstRowsMs, 0, 'f', 1));
    print(u"  both tables filled (%1 devices, %2 entities): %3 ms%4"_s.arg(devices)
              .arg(models->entities()->rowCount())
              .arg(filledMs, 0, 'f', 1)
              .arg(filled ? QString() : u" (TIMED OUT)"_s));
    print(u"  event loop responsive: %1 ms from the start"_s.arg(usableMs, 0, 'f', 1));
    print(u"  GUI stalls during the fill (10 ms timer drift): "_s + fillStalls.format(u"ms"_s));

    // 2. Memory.
    runFor(500); // let the first polls and paints happen
    print(u"RSS after the fill: now %1 MiB (+%2 MiB for the GUI), peak %3 MiB"_s
              .arg(mib(test::currentRssKiB(0)), 0, 'f', 1)
              .arg(mib(test::currentRssKiB(0) - rssBefore), 0, 'f', 1)
              .arg(mib(test::peakRssKiB(0)), 0, 'f', 1));
    print(u"  heap in use: +%1 MiB for the feed, models, pages and views"_s.arg(
        heapMiB() - heapBefore, 0, 'f', 1));

    // 3. Live-state bursts.
    qint64 cellsChanged = 0;
    QObject::connect(models->entities(), &QAbstractItemModel::dataChanged, &window,
                     [&](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                         cellsChanged += bottomRight.row() - topLeft.row() + 1;
                     });
    const auto burst = [&](const QString &name, const QStringList &ids) {
        cellsChanged = 0;
        probe.start();
        QElapsedTimer timer;
        timer.start();
        qint64 applied = 0;
        {
            Burst writer(cache, ids, rate, seconds);
            runFor(seconds * 1000);
            writer.join();
            applied = writer.applied();
            const test::Percentiles stalls = probe.stop();
            print(u"burst, %1: %2 events in %3 s (%4/s) applied from another thread"_s.arg(name)
                      .arg(applied)
                      .arg(msSince(timer) / 1000.0, 0, 'f', 2)
                      .arg(double(applied) * 1000.0 / msSince(timer), 0, 'f', 0));
            print(u"  GUI stalls (%1 ticks of a 10 ms timer): %2"_s.arg(probe.ticks())
                      .arg(stalls.format(u"ms"_s)));
            print(u"  rows repainted with a new state: %1"_s.arg(cellsChanged));
        }
    };
    // The detail pane's entities are polled too.
    devicesPage->showDevice(models->devices()->rowAt(0).id);
    burst(u"random entities"_s, entityIds);
    // The worst case for painting: every event hits a row on screen.
    QStringList onScreen;
    QAbstractItemModel *shown = entitiesPage->table()->model();
    for (int row = 0; row < qMin(60, shown->rowCount()); ++row)
        onScreen << shown->index(row, 0).data(EntityTableModel::KeyRole).toString();
    burst(u"all on the %1 rows on screen"_s.arg(onScreen.size()), onScreen);
    entitiesPage->stateBox()->setEditText(u"on"_s);
    runFor(500);
    burst(u"random entities, table filtered by state \"on\""_s, entityIds);
    entitiesPage->stateBox()->setCurrentIndex(0);
    runFor(500);

    // A user's click on a column header: one sort of every row on the GUI thread.
    for (const int column : {int(EntityTableModel::Domain), int(EntityTableModel::EntityId)}) {
        QElapsedTimer sort;
        sort.start();
        entitiesPage->table()->sortByColumn(column, Qt::AscendingOrder);
        print(u"sorting %1 entities by %2: %3 ms"_s.arg(expectedEntities)
                  .arg(models->entities()->headerData(column, Qt::Horizontal).toString())
                  .arg(msSince(sort), 0, 'f', 1));
    }

    // 4. A registry write that renames 1,000 devices.
    bool reloaded = false;
    QObject::connect(models, &RegistryModels::reloaded, &window, [&] { reloaded = true; });
    probe.start();
    QElapsedTimer update;
    update.start();
    QMetaObject::invokeMethod(service, [service, renamed] {
        service->apply(u"devices"_s, [&](RegistryWriter &writer) {
            return writer.upsertDevices(renamed, RegistryWriter::Mode::Partial);
        });
    });
    runUntil([&] { return reloaded; }, 60000);
    const double updateMs = msSince(update);
    runFor(200);
    const test::Percentiles updateStalls = probe.stop();
    print(u"%3 devices renamed in one write: rows updated after %1 ms (250 ms debounce "
          u"included); GUI stalls: %2"_s.arg(updateMs, 0, 'f', 1)
              .arg(updateStalls.format(u"ms"_s))
              .arg(renameCount));
    print(u"RSS at the end: now %1 MiB, peak %2 MiB"_s.arg(mib(test::currentRssKiB(0)), 0, 'f', 1)
              .arg(mib(test::peakRssKiB(0)), 0, 'f', 1));

    models->stop();
    delete devicesPage;
    delete entitiesPage;
    delete models;
    invokeIn(service, [service] {
        delete service;
        return true;
    });
    return 0;
}
