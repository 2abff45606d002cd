// SPDX-License-Identifier: GPL-3.0-or-later
#include "registryprobe.h"

#include "registry/database.h"
#include "registry/registryreader.h"

namespace hai {

RegistryProbe::RegistryProbe(const DatabaseLocation &location, QObject *parent)
    : QObject(parent)
    , m_location(location)
{}

RegistryProbe::~RegistryProbe()
{
    m_reader.reset(); // holds statements on the connection: goes first
    m_database.reset();
}

bool RegistryProbe::ensureOpen(QString *error)
{
    if (m_database && m_database->isOpen())
        return true;
    m_reader.reset();
    m_database = std::make_unique<Database>();
    if (!m_database->open(m_location, Database::Role::Reader, error)) {
        m_database.reset();
        return false;
    }
    m_reader = std::make_unique<RegistryReader>(*m_database);
    return true;
}

void RegistryProbe::read()
{
    RegistryFigures figures;
    figures.known = true;
    figures.location = m_location.displayName();
    QString error;
    if (!ensureOpen(&error)) {
        figures.error = error;
        Q_EMIT figuresRead(figures);
        return;
    }
    const RegistryReader::Counts counts = m_reader->counts();
    if (!m_reader->lastError().isEmpty()) {
        figures.error = m_reader->lastError();
        // Reopen next time: the connection may have gone (a PostgreSQL restart).
        m_reader.reset();
        m_database.reset();
        Q_EMIT figuresRead(figures);
        return;
    }
    const Database::Health health = m_database->health();
    figures.ok = true;
    figures.journalMode = health.journalMode;
    figures.sizeMb = health.sizeMb;
    figures.devices = counts.devices;
    figures.entities = counts.entities;
    figures.areas = counts.areas;
    figures.floors = counts.floors;
    figures.labels = counts.labels;
    figures.integrations = counts.integrations;
    Q_EMIT figuresRead(figures);
}

} // namespace hai
