// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "haregistry.h"
#include "harequester.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>

#include <functional>
#include <memory>

namespace hai {

class HaStats;
class RegistryApplier;

// Reads one registry list from HA and stores it as a full snapshot. Shared by discovery and
// live sync so both keep the one rule that matters for foreign keys: before entities are
// stored, every device they name must be in the store; if the entity list names a device the
// last device list did not have (created in between), the devices are re-read first.
//
// It remembers the last list it stored per registry. Discovery always writes a true full
// snapshot (upsert everything, prune the rest). Live sync writes only the difference to the
// remembered list (new or changed items, removed keys), which ends in the same state but
// costs milliseconds instead of seconds when one of 100,000 entities changed; a large
// difference, or no remembered list, falls back to the full snapshot.
class RegistryLoader : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        HaRegistry registry = HaRegistry::Floors;
        bool ok = false;
        int count = 0;   // items in the list HA sent
        int deleted = 0; // rows pruned
        QString error;
    };
    using Done = std::function<void(const Result &)>;
    enum class Write { FullSnapshot, Changes };

    RegistryLoader(HaRequester *requester, RegistryApplier *applier, std::shared_ptr<HaStats> stats,
                   QObject *parent = nullptr);

    // Sends the list command; `done` gets HA's raw answer.
    void read(HaRegistry registry, HaResultCallback done);
    // Stores an answer from read() (checks its shape first; a list that is not an array is
    // never stored, so garbage cannot prune the store).
    void store(HaRegistry registry, const HaResult &answer, Write write, Done done);
    // read() then store().
    void load(HaRegistry registry, Write write, Done done);
    // Entities named by registry events: `fetch` (created or updated) are read one by one
    // with config/entity_registry/get and upserted, `removed` are deleted. With 100,000
    // entities this takes milliseconds where re-reading the list takes seconds. Falls back to
    // load(Entities, Changes) when HA lacks the command or nothing is remembered yet.
    void loadEntities(const QStringList &fetch, const QStringList &removed, Done done);
    // Forget the remembered lists (the next writes are full snapshots).
    void forgetSnapshots() { m_snapshots.clear(); }

    // Device ids of the last device list stored.
    const QSet<QString> &knownDevices() const { return m_knownDevices; }

private:
    void apply(HaRegistry registry, const QJsonArray &items, Write write, Done done);
    void applyEntities(const QJsonArray &upserts, const QStringList &removals, Done done);

    HaRequester *m_requester;
    RegistryApplier *m_applier;
    std::shared_ptr<HaStats> m_stats;
    QSet<QString> m_knownDevices;
    QHash<HaRegistry, QHash<QString, QJsonObject>> m_snapshots; // last stored, by item key
    bool m_entityGetUnsupported = false;
};

} // namespace hai
