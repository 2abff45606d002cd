// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/databaselocation.h"
#include "registrywriter.h"

#include <QObject>

#include <memory>

namespace hai {

class Database;
class WebhookStore;

// Owns the registry's one writer connection. The app moves it to the "registry" thread and
// calls it through invokeIn(); tests call it directly. Emits registryChanged after every
// successful write so that caches and the GUI can refresh.
class RegistryService : public QObject
{
    Q_OBJECT
public:
    explicit RegistryService(const DatabaseLocation &location, QObject *parent = nullptr);
    ~RegistryService() override;

    // Opens the writer connection and migrates the schema; call in the owning thread.
    bool open(QString *error);
    void close();

    // Applies one write and announces it. `registry` names what changed, e.g. "devices".
    RegistryWriter::Outcome
    apply(const QString &registry,
          const std::function<RegistryWriter::Outcome(RegistryWriter &)> &write);

    // The webhook tables on the writer connection; null until open(). Use in the owning thread.
    WebhookStore *webhooks() const { return m_webhooks.get(); }

Q_SIGNALS:
    void registryChanged(const QString &registry);

private:
    DatabaseLocation m_location;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<RegistryWriter> m_writer;
    std::unique_ptr<WebhookStore> m_webhooks;
};

} // namespace hai
