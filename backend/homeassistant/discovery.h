// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "harequester.h"
#include "registryloader.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QStringList>

#include <memory>

namespace hai {

class HaStats;

// Reads every registry on each (re)connect and stores each as a full snapshot (upsert and
// prune), so that whatever changed while we were away, removals included, is in the store.
// The list commands are pipelined; the lists are stored strictly in
// HaRegistryInfo::storeOrder() as they arrive.
class Discovery : public QObject
{
    Q_OBJECT
public:
    Discovery(RegistryLoader *loader, std::shared_ptr<HaStats> stats, QObject *parent = nullptr);

    void start(); // cancels a run in progress
    void cancel();
    bool isRunning() const { return m_running; }

    // "discovered 512 devices, 3,072 entities, 20 areas, 2 floors, 5 labels,
    // 12 integrations in 0.4 s".
    static QString summaryText(const QHash<HaRegistry, int> &counts, double seconds);

Q_SIGNALS:
    // After each registry was stored (or failed): `done` of `total` registries.
    void progressed(const QString &registry, int done, int total);
    // `ok` is false when any registry could not be read or stored (the others were stored).
    void finished(bool ok, const QString &summary);
    // Every list has arrived (storing may still take a while): a good moment for requests
    // that would otherwise share HA's frames with the lists.
    void listsRead();

private:
    void read(HaRegistry registry);
    void storeNext();
    void complete();

    RegistryLoader *m_loader;
    std::shared_ptr<HaStats> m_stats;
    quint64 m_run = 0;
    bool m_running = false;
    bool m_storing = false;
    int m_next = 0;
    QHash<HaRegistry, HaResult> m_answers;
    QHash<HaRegistry, int> m_counts;
    QStringList m_errors;
    QElapsedTimer m_clock;
};

} // namespace hai
