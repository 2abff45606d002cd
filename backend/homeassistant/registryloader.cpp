// SPDX-License-Identifier: GPL-3.0-or-later
#include "registryloader.h"

#include "core/logging.h"
#include "hastats.h"
#include "registryapplier.h"
#include "registrysanitizer.h"

#include <QJsonArray>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace hai {

namespace {
// Up to this many changed items (or a tenth of the list) are written as a difference.
constexpr qsizetype kSmallDifference = 1000;
} // namespace

RegistryLoader::RegistryLoader(HaRequester *requester, RegistryApplier *applier,
                               std::shared_ptr<HaStats> stats, QObject *parent)
    : QObject(parent)
    , m_requester(requester)
    , m_applier(applier)
    , m_stats(std::move(stats))
{}

void RegistryLoader::read(HaRegistry registry, HaResultCallback done)
{
    m_requester->request(QJsonObject{{u"type"_s, HaRegistryInfo::listCommand(registry)}},
                         std::move(done));
}

void RegistryLoader::load(HaRegistry registry, Write write, Done done)
{
    QPointer<RegistryLoader> self(this);
    read(registry, [self, registry, write, done = std::move(done)](const HaResult &answer) {
        if (self)
            self->store(registry, answer, write, done);
    });
}

void RegistryLoader::store(HaRegistry registry, const HaResult &answer, Write write, Done done)
{
    Result result;
    result.registry = registry;
    const QString name = HaRegistryInfo::name(registry);
    if (!answer.success) {
        result.error = HaRegistryInfo::listCommand(registry) + u" failed: "_s + answer.describe();
        done(result);
        return;
    }
    if (!answer.result.isArray()) {
        m_stats->countBadInput(HaBadInput::WrongType,
                               HaRegistryInfo::listCommand(registry) +
                                   u" returned something that is not a list"_s);
        result.error = HaRegistryInfo::listCommand(registry) + u" returned no list"_s;
        done(result);
        return;
    }
    const QJsonArray items = answer.result.toArray();
    if (registry == HaRegistry::Entities &&
        RegistrySanitizer::unknownDeviceReferences(items, m_knownDevices) > 0) {
        // A device created after our device list was read: store the newer devices first.
        QPointer<RegistryLoader> self(this);
        load(HaRegistry::Devices, Write::Changes,
             [self, items, write, done](const Result &devices) {
                 if (!self)
                     return;
                 if (!devices.ok)
                     qCWarning(lcHa).noquote()
                         << "re-reading devices before entities failed:" << devices.error;
                 self->apply(HaRegistry::Entities, items, write, done);
             });
        return;
    }
    apply(registry, items, write, std::move(done));
}

void RegistryLoader::apply(HaRegistry registry, const QJsonArray &items, Write write, Done done)
{
    // The list by key, remembered once stored. For a full snapshot it is built while the
    // registry thread writes (it is only needed afterwards).
    auto next = std::make_shared<QHash<QString, QJsonObject>>();
    auto fillNext = [&] {
        next->reserve(items.size());
        for (const QJsonValue &value : items) {
            const QJsonObject item = value.toObject();
            const QString key = HaRegistryInfo::itemKey(registry, item);
            if (!key.isEmpty())
                next->insert(key, item);
        }
    };
    const QSet<QString> deviceIds =
        registry == HaRegistry::Devices ? RegistrySanitizer::deviceIds(items) : QSet<QString>();
    const int count = int(items.size());
    QPointer<RegistryLoader> self(this);
    auto finished = [self, registry, count, deviceIds, next,
                     done = std::move(done)](const RegistryApplier::Result &applied) {
        if (!self)
            return;
        Result result;
        result.registry = registry;
        result.ok = applied.ok;
        result.count = count;
        result.deleted = applied.deleted;
        if (applied.ok) {
            self->m_snapshots.insert(registry, *next);
            if (registry == HaRegistry::Devices)
                self->m_knownDevices = deviceIds;
        } else {
            self->m_snapshots.remove(registry); // unknown store state: next time in full
            result.error =
                u"storing "_s + HaRegistryInfo::name(registry) + u" failed: "_s + applied.error;
        }
        done(result);
    };

    const auto previous = m_snapshots.constFind(registry);
    const bool diff = write == Write::Changes && previous != m_snapshots.constEnd();
    if (diff) {
        fillNext();
        QJsonArray upserts;
        QStringList removals;
        for (auto it = next->constBegin(); it != next->constEnd(); ++it) {
            const auto old = previous->constFind(it.key());
            if (old == previous->constEnd() || *old != it.value())
                upserts.append(it.value());
        }
        for (auto it = previous->constBegin(); it != previous->constEnd(); ++it)
            if (!next->contains(it.key()))
                removals << it.key();
        const qsizetype changes = upserts.size() + removals.size();
        if (changes <= std::max<qsizetype>(kSmallDifference, items.size() / 10)) {
            m_applier->applyChanges(registry, upserts, removals, m_knownDevices,
                                    std::move(finished));
            return;
        }
    }
    m_applier->applySnapshot(registry, items, m_knownDevices, std::move(finished));
    if (!diff)
        fillNext();
}

void RegistryLoader::loadEntities(const QStringList &fetch, const QStringList &removed, Done done)
{
    if (m_entityGetUnsupported || !m_snapshots.contains(HaRegistry::Entities)) {
        load(HaRegistry::Entities, Write::Changes, std::move(done));
        return;
    }
    if (fetch.isEmpty()) {
        applyEntities({}, removed, std::move(done));
        return;
    }
    struct Gathered
    {
        QJsonArray upserts;
        QStringList removals;
        qsizetype pending = 0;
        bool unsupported = false;
        QString error;
    };
    auto gathered = std::make_shared<Gathered>();
    gathered->removals = removed;
    gathered->pending = fetch.size();
    QPointer<RegistryLoader> self(this);
    for (const QString &entityId : fetch) {
        m_requester->request(
            QJsonObject{{u"type"_s, u"config/entity_registry/get"_s}, {u"entity_id"_s, entityId}},
            [self, gathered, entityId, done](const HaResult &answer) {
                if (answer.success && answer.result.isObject()) {
                    QJsonObject entry = answer.result.toObject();
                    // The extended dict: keep the list's shape so that later diffs agree.
                    for (const QString &key : {u"aliases"_s, u"capabilities"_s, u"device_class"_s,
                                               u"original_device_class"_s, u"original_icon"_s})
                        entry.remove(key);
                    gathered->upserts.append(entry);
                } else if (answer.errorCode == u"not_found") {
                    gathered->removals << entityId; // gone again since the event
                } else if (answer.errorCode == u"unknown_command" ||
                           answer.errorCode == u"invalid_format") {
                    gathered->unsupported = true;
                } else {
                    gathered->error = answer.success ? u"not an entry"_s : answer.describe();
                }
                if (--gathered->pending > 0 || !self)
                    return;
                if (gathered->unsupported || !gathered->error.isEmpty()) {
                    if (gathered->unsupported) {
                        self->m_entityGetUnsupported = true;
                        qCInfo(lcHa) << "Home Assistant has no config/entity_registry/get: "
                                        "entity changes re-read the whole list";
                    }
                    self->load(HaRegistry::Entities, Write::Changes, done);
                    return;
                }
                const QJsonArray upserts = gathered->upserts;
                if (RegistrySanitizer::unknownDeviceReferences(upserts, self->m_knownDevices) > 0) {
                    self->load(HaRegistry::Devices, Write::Changes,
                               [self, gathered, done](const Result &) {
                                   if (self)
                                       self->applyEntities(gathered->upserts, gathered->removals,
                                                           done);
                               });
                    return;
                }
                self->applyEntities(upserts, gathered->removals, done);
            });
    }
}

void RegistryLoader::applyEntities(const QJsonArray &upserts, const QStringList &removals,
                                   Done done)
{
    QPointer<RegistryLoader> self(this);
    const int count = int(upserts.size() + removals.size());
    m_applier->applyChanges(
        HaRegistry::Entities, upserts, removals, m_knownDevices,
        [self, upserts, removals, count,
         done = std::move(done)](const RegistryApplier::Result &applied) {
            if (!self)
                return;
            Result result;
            result.registry = HaRegistry::Entities;
            result.ok = applied.ok;
            result.count = count;
            result.deleted = applied.deleted;
            auto snapshot = self->m_snapshots.find(HaRegistry::Entities);
            if (!applied.ok) {
                self->m_snapshots.remove(HaRegistry::Entities);
                result.error = u"storing entities failed: "_s + applied.error;
            } else if (snapshot != self->m_snapshots.end()) {
                for (const QString &key : removals)
                    snapshot->remove(key);
                for (const QJsonValue &value : upserts) {
                    const QJsonObject item = value.toObject();
                    snapshot->insert(HaRegistryInfo::itemKey(HaRegistry::Entities, item), item);
                }
            }
            done(result);
        });
}

} // namespace hai
