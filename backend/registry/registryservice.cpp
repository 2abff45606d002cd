// SPDX-License-Identifier: GPL-3.0-or-later
#include "registryservice.h"

#include "core/logging.h"
#include "database.h"
#include "migrator.h"
#include "webhooks/webhookstore.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace hai {

RegistryService::RegistryService(const DatabaseLocation &location, QObject *parent)
    : QObject(parent)
    , m_location(location)
{}

RegistryService::~RegistryService() = default;

bool RegistryService::open(QString *error)
{
    // Look before writing: opening as the writer switches SQLite to WAL, which rewrites the
    // header of a file that may belong to a newer version of the app.
    if (!m_location.isPostgres() && QFileInfo::exists(m_location.sqlitePath)) {
        Database probe;
        if (!probe.open(m_location, Database::Role::Probe, error) ||
            !Migrator::checkSupported(probe, error))
            return false;
    }
    auto database = std::make_unique<Database>();
    if (!database->open(m_location, Database::Role::Writer, error))
        return false;
    const int before = Migrator::currentVersion(*database, error);
    if (before < 0 || !Migrator::migrate(*database, error))
        return false;
    if (before != Migrator::latestVersion()) {
        qCInfo(lcRegistry).noquote()
            << "registry schema migrated from version" << before << "to"
            << Migrator::latestVersion() << "in" << m_location.displayName();
    }
    m_database = std::move(database);
    m_writer = std::make_unique<RegistryWriter>(*m_database);
    m_webhooks = std::make_unique<WebhookStore>(*m_database);
    return true;
}

void RegistryService::close()
{
    m_webhooks.reset();
    m_writer.reset();
    m_database.reset();
}

RegistryWriter::Outcome
RegistryService::apply(const QString &registry,
                       const std::function<RegistryWriter::Outcome(RegistryWriter &)> &write)
{
    if (!m_writer) {
        RegistryWriter::Outcome outcome;
        outcome.error = u"the registry database is not open"_s;
        return outcome;
    }
    RegistryWriter::Outcome outcome = write(*m_writer);
    if (outcome.ok && (outcome.upserted > 0 || outcome.deleted > 0))
        Q_EMIT registryChanged(registry);
    return outcome;
}

} // namespace hai
