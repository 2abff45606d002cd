// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "haregistry.h"

#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>
#include <memory>

namespace hai {

class HaStats;
class RegistryService;

// Hands registry snapshots to RegistryService, the one writer, in its own thread, without
// blocking the "ha" thread: a 100,000-entity write takes a while, and pings, events and
// other results must keep flowing meanwhile. Calls are queued, so they are applied in the
// order they were made. When the writer rejects a list, RegistrySanitizer repairs it and it
// is written once more; what had to be repaired is counted as bad input.
class RegistryApplier : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        bool ok = false;
        int upserted = 0;
        int deleted = 0;
        QString error;
    };
    using Done = std::function<void(const Result &)>;

    // `registry` may be null (nothing is stored; every call fails). `stats` must outlive this.
    RegistryApplier(RegistryService *registry, std::shared_ptr<HaStats> stats,
                    QObject *parent = nullptr);
    ~RegistryApplier() override;

    // Stores `items` as a full snapshot (upsert and prune). `knownDevices` is used when
    // entities have to be repaired. `done` is called in this object's thread.
    void applySnapshot(HaRegistry registry, const QJsonArray &items,
                       const QSet<QString> &knownDevices, Done done);
    // The difference between two snapshots: `upserts` (new or changed items) written as a
    // partial upsert, then the rows of `removals` (keys) deleted. The same end state as a full
    // snapshot when the store held the previous one, at a fraction of the cost for a large
    // registry in which one item changed.
    void applyChanges(HaRegistry registry, const QJsonArray &upserts, const QStringList &removals,
                      const QSet<QString> &knownDevices, Done done);
    // RegistryWriter::setState (the backfill checkpoint).
    void setState(const QString &key, const QString &value, Done done = {});

    struct Mailbox; // lets the registry thread post results back only while this exists

private:
    void applyChanges(HaRegistry registry, const QJsonArray &items, const QStringList &removals,
                      const QSet<QString> &knownDevices, Done done, bool full);

    QPointer<RegistryService> m_registry;
    std::shared_ptr<HaStats> m_stats;
    std::shared_ptr<Mailbox> m_mailbox;
};

} // namespace hai
