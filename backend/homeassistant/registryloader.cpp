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
    QHash<QString, QJsonObject> next;
    next.reserve(items.size());
    for (const QJsonValue &value : items) {
        const QJsonObject item = value.toObject();
        const QString key = HaRegistryInfo::itemKey(registry, item);
        if (!key.isEmpty())
            next.insert(key, item);
    }
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
            self->m_snapshots.insert(registry, next);
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
    if (write == Write::Changes && previous != m_snapshots.constEnd()) {
        QJsonArray upserts;
        QStringList removals;
        for (auto it = next.constBegin(); it != next.constEnd(); ++it) {
            const auto old = previous->constFind(it.key());
            if (old == previous->constEnd() || *old != it.value())
                upserts.append(it.value());
        }
        for (auto it = previous->constBegin(); it != previous->constEnd(); ++it)
            if (!next.contains(it.key()))
                removals << it.key();
        const qsizetype changes = upserts.size() + removals.size();
        if (changes <= std::max<qsizetype>(kSmallDifference, items.size() / 10)) {
            m_applier->applyChanges(registry, upserts, removals, m_knownDevices,
                                    std::move(finished));
            return;
        }
    }
    m_applier->applySnapshot(registry, items, m_knownDevices, std::move(finished));
}

} // namespace hai
