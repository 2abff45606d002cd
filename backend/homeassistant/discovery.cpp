// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery.h"

#include "core/logging.h"
#include "hastats.h"
#include "hatime.h"

#include <QLocale>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace hai {

Discovery::Discovery(RegistryLoader *loader, std::shared_ptr<HaStats> stats, QObject *parent)
    : QObject(parent)
    , m_loader(loader)
    , m_stats(std::move(stats))
{}

void Discovery::start()
{
    cancel();
    m_running = true;
    m_next = 0;
    m_clock.start();
    // The small lists at once; the entity list (tens of MB in a large home) once the devices
    // are in, so that HA sends it in a frame of its own and the store writes the other lists
    // while it travels.
    for (HaRegistry registry : HaRegistryInfo::storeOrder())
        if (registry != HaRegistry::Entities)
            read(registry);
}

void Discovery::read(HaRegistry registry)
{
    const quint64 run = m_run;
    QPointer<Discovery> self(this);
    m_loader->read(registry, [self, run, registry](const HaResult &answer) {
        if (!self || run != self->m_run)
            return;
        qCDebug(lcHa).noquote() << "discovery:" << HaRegistryInfo::name(registry) << "read after"
                                << self->m_clock.elapsed() << "ms";
        self->m_answers.insert(registry, answer);
        if (registry == HaRegistry::Devices)
            self->read(HaRegistry::Entities);
        if (registry == HaRegistry::Entities)
            Q_EMIT self->listsRead();
        if (self && run == self->m_run)
            self->storeNext();
    });
}

void Discovery::cancel()
{
    ++m_run;
    m_running = false;
    m_storing = false;
    m_answers.clear();
    m_counts.clear();
    m_errors.clear();
}

void Discovery::storeNext()
{
    const QList<HaRegistry> &order = HaRegistryInfo::storeOrder();
    if (!m_running || m_storing || m_next >= order.size())
        return;
    const HaRegistry registry = order.at(m_next);
    const auto it = m_answers.constFind(registry);
    if (it == m_answers.constEnd())
        return; // stored strictly in order: wait for this one's answer
    const HaResult answer = *it;
    m_answers.erase(it);
    m_storing = true;
    const quint64 run = m_run;
    QPointer<Discovery> self(this);
    m_loader->store(registry, answer, RegistryLoader::Write::FullSnapshot,
                    [self, run](const RegistryLoader::Result &result) {
                        if (!self || run != self->m_run)
                            return;
                        self->m_storing = false;
                        qCDebug(lcHa).noquote()
                            << "discovery:" << HaRegistryInfo::name(result.registry)
                            << "stored after" << self->m_clock.elapsed() << "ms";
                        if (result.ok) {
                            self->m_counts.insert(result.registry, result.count);
                        } else {
                            self->m_errors << result.error;
                            qCWarning(lcHa).noquote() << "discovery:" << result.error;
                        }
                        ++self->m_next;
                        Q_EMIT self->progressed(HaRegistryInfo::name(result.registry), self->m_next,
                                                int(HaRegistryInfo::storeOrder().size()));
                        if (!self || run != self->m_run)
                            return; // a slot cancelled us
                        if (self->m_next >= HaRegistryInfo::storeOrder().size())
                            self->complete();
                        else
                            self->storeNext();
                    });
}

void Discovery::complete()
{
    const double seconds = m_clock.nsecsElapsed() / 1e9;
    m_running = false;
    QString summary = summaryText(m_counts, seconds);
    HaStatsSnapshot counts;
    counts.devices = m_counts.value(HaRegistry::Devices);
    counts.entities = m_counts.value(HaRegistry::Entities);
    counts.areas = m_counts.value(HaRegistry::Areas);
    counts.floors = m_counts.value(HaRegistry::Floors);
    counts.labels = m_counts.value(HaRegistry::Labels);
    counts.integrations = m_counts.value(HaRegistry::Integrations);
    m_stats->setDiscovery(HaTime::nowMicroseconds(), seconds, counts);
    const bool ok = m_errors.isEmpty();
    if (ok) {
        qCInfo(lcHa).noquote() << summary;
    } else {
        summary += u" ("_s + QString::number(m_errors.size()) + u" failed: "_s +
                   m_errors.join(u"; "_s) + u')';
        qCWarning(lcHa).noquote() << summary;
        m_stats->setLastError(m_errors.first());
    }
    Q_EMIT finished(ok, summary);
}

QString Discovery::summaryText(const QHash<HaRegistry, int> &counts, double seconds)
{
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    auto part = [&](HaRegistry registry, const QString &noun) -> QString {
        return english.toString(counts.value(registry)) + u' ' + noun;
    };
    return u"discovered "_s + part(HaRegistry::Devices, u"devices"_s) + u", "_s +
           part(HaRegistry::Entities, u"entities"_s) + u", "_s +
           part(HaRegistry::Areas, u"areas"_s) + u", "_s + part(HaRegistry::Floors, u"floors"_s) +
           u", "_s + part(HaRegistry::Labels, u"labels"_s) + u", "_s +
           part(HaRegistry::Integrations, u"integrations"_s) + u" in "_s +
           QString::number(seconds, 'f', seconds < 10 ? 1 : 0) + u" s"_s;
}

} // namespace hai
