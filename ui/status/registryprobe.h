// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/databaselocation.h"
#include "statussnapshot.h"

#include <QObject>

#include <memory>

namespace hai {

class Database;
class RegistryReader;

// Reads the registry's counts and health on its own reader connection, for the Overview page.
// It lives in a worker thread the GUI owns (StatusPoller), so a slow disk or a remote
// PostgreSQL never stalls the window: read() is invoked queued and the answer comes back as a
// signal. The connection is opened on first use, in that thread.
class RegistryProbe : public QObject
{
    Q_OBJECT
public:
    explicit RegistryProbe(const DatabaseLocation &location, QObject *parent = nullptr);
    ~RegistryProbe() override;

public Q_SLOTS:
    void read();

Q_SIGNALS:
    void figuresRead(const hai::RegistryFigures &figures);

private:
    bool ensureOpen(QString *error);

    DatabaseLocation m_location;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<RegistryReader> m_reader;
};

} // namespace hai
