// SPDX-License-Identifier: GPL-3.0-or-later
#include "registryapplier.h"

#include "core/logging.h"
#include "hastats.h"
#include "registry/registryservice.h"
#include "registrysanitizer.h"

#include <QMutex>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

RegistryApplier::Result resultOf(const RegistryWriter::Outcome &outcome)
{
    return {outcome.ok, outcome.upserted, outcome.deleted, outcome.error};
}

} // namespace

struct RegistryApplier::Mailbox
{
    QMutex mutex;
    RegistryApplier *target = nullptr;

    // Runs `done(result)` in the target's thread, later; dropped if the target is gone.
    void post(Done done, const Result &result)
    {
        if (!done)
            return;
        QMutexLocker lock(&mutex); // the target cannot be destroyed while we post
        if (!target)
            return;
        QMetaObject::invokeMethod(
            target, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
    }
};

RegistryApplier::RegistryApplier(RegistryService *registry, std::shared_ptr<HaStats> stats,
                                 QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_stats(std::move(stats))
    , m_mailbox(std::make_shared<Mailbox>())
{
    m_mailbox->target = this;
}

RegistryApplier::~RegistryApplier()
{
    QMutexLocker lock(&m_mailbox->mutex);
    m_mailbox->target = nullptr;
}

void RegistryApplier::applySnapshot(HaRegistry registry, const QJsonArray &items,
                                    const QSet<QString> &knownDevices, Done done)
{
    applyChanges(registry, items, QStringList(), knownDevices, std::move(done), true);
}

void RegistryApplier::applyChanges(HaRegistry registry, const QJsonArray &upserts,
                                   const QStringList &removals, const QSet<QString> &knownDevices,
                                   Done done)
{
    applyChanges(registry, upserts, removals, knownDevices, std::move(done), false);
}

void RegistryApplier::applyChanges(HaRegistry registry, const QJsonArray &items,
                                   const QStringList &removals, const QSet<QString> &knownDevices,
                                   Done done, bool full)
{
    RegistryService *service = m_registry;
    if (!service) {
        m_mailbox->post(std::move(done), Result{false, 0, 0, u"no registry to store into"_s});
        return;
    }
    std::shared_ptr<Mailbox> mailbox = m_mailbox;
    std::shared_ptr<HaStats> stats = m_stats;
    QMetaObject::invokeMethod(
        service,
        [mailbox, service, stats, registry, items, removals, knownDevices, full,
         done = std::move(done)]() mutable {
            const QString name = HaRegistryInfo::name(registry);
            const RegistryWriter::Mode mode =
                full ? RegistryWriter::Mode::Full : RegistryWriter::Mode::Partial;
            auto write = [&](const QJsonArray &list) {
                return service->apply(name, [&](RegistryWriter &writer) {
                    RegistryWriter::Outcome outcome;
                    outcome.ok = true; // nothing to upsert
                    if (full || !list.isEmpty())
                        outcome = HaRegistryInfo::write(writer, registry, list, mode);
                    for (const QString &key : std::as_const(removals)) {
                        if (!outcome.ok)
                            break;
                        const RegistryWriter::Outcome removed =
                            HaRegistryInfo::remove(writer, registry, key);
                        outcome.ok = removed.ok;
                        outcome.deleted += removed.deleted;
                        outcome.error = removed.error;
                    }
                    return outcome;
                });
            };
            RegistryWriter::Outcome outcome = write(items);
            if (!outcome.ok) {
                RegistrySanitizer::Report report;
                const QJsonArray repaired =
                    RegistrySanitizer::sanitize(registry, items, &knownDevices, &report);
                if (report.changed()) {
                    if (report.dropped || report.repairedFields)
                        stats->countBadInput(HaBadInput::BadRegistryItem, report.firstProblem);
                    if (report.clearedDevices)
                        stats->countBadInput(HaBadInput::UnknownDevice, report.firstProblem);
                    qCInfo(lcHa).noquote()
                        << name << "list repaired:" << report.dropped << "items dropped,"
                        << report.repairedFields << "fields and" << report.clearedDevices
                        << "device references cleared; first:" << report.firstProblem;
                    outcome = write(repaired);
                }
            }
            mailbox->post(std::move(done), resultOf(outcome));
        },
        Qt::QueuedConnection);
}

void RegistryApplier::setState(const QString &key, const QString &value, Done done)
{
    RegistryService *service = m_registry;
    if (!service) {
        m_mailbox->post(std::move(done), Result{false, 0, 0, u"no registry to store into"_s});
        return;
    }
    std::shared_ptr<Mailbox> mailbox = m_mailbox;
    QMetaObject::invokeMethod(
        service,
        [mailbox, service, key, value, done = std::move(done)]() mutable {
            const RegistryWriter::Outcome outcome =
                service->apply(u"app_state"_s,
                               [&](RegistryWriter &writer) { return writer.setState(key, value); });
            if (!outcome.ok)
                qCWarning(lcHa).noquote() << "cannot store" << key << ":" << outcome.error;
            mailbox->post(std::move(done), resultOf(outcome));
        },
        Qt::QueuedConnection);
}

} // namespace hai
